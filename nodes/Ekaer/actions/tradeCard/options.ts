/** Sending options of the trade card operations. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ShowWhen } from '../../../shared/n8n/display';

export function sendOptionsProperty(show: ShowWhen, options: { batch: boolean }): INodeProperties {
	const values: INodeProperties[] = [];
	if (options.batch) {
		values.push({
			displayName: 'Operations per Request',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 1,
			description:
				'Send up to this many items in one signed request (faster for large sheets). Each item still gets its own result; if an answer is lost, every item of that request has an unknown outcome.',
		});
	}
	values.push(
		{
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 8 },
			default: 1,
			description: 'How many requests may run at once; output order is kept',
		},
		{ displayName: 'Timeout (Seconds)', name: 'timeoutSeconds', type: 'number', typeOptions: { minValue: 5, maxValue: 600 }, default: 60 },
	);
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: { show }, options: values };
}

/** Timeout (Seconds) is read by Ekaer.node.ts for the client; Parallel Requests is clamped by the item runner. */
export function readSendOptions(ctx: IExecuteFunctions): { batchSize: number; parallelRequests: number } {
	const o = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		batchSize: Math.min(100, Math.max(1, Math.trunc(Number(o.batchSize ?? 1)) || 1)),
		parallelRequests: Number(o.parallelRequests ?? 1),
	};
}
