/** Options that change how requests are sent, not what is sent. Shared by every Számla Agent operation. */
import type { ShowWhen } from '../../../shared/n8n/display';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface ExecutionOptions {
	/** "Parallel Requests" as entered; the item runner clamps it. */
	parallelRequests: number;
	reuseSession: boolean;
	/** Per request, for the client (SzamlaAgent.node.ts). */
	timeoutMs?: number;
}

export function executionOptionsProperty(show: ShowWhen, options: { parallel: boolean }): INodeProperties {
	const values: INodeProperties[] = [];
	if (options.parallel) {
		values.push({
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 8 },
			default: 1,
			description:
				'How many requests may run at once (1–8). Higher is faster for large batches; Számlázz.hu limits request rates per account (in test mode 500 invoices per 10 minutes), so stay low unless you need the speed. Output order is kept either way.',
		});
	}
	values.push(
		{
			displayName: 'Reuse Login Session',
			name: 'reuseSession',
			type: 'boolean',
			default: true,
			description:
				'Whether to keep the Számla Agent session cookie (in workflow static data and in memory) so thousands of requests log in once. Turn off only for troubleshooting.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 5, maxValue: 600 },
			default: 60,
			description: 'How long to wait for an answer. A create whose answer times out is never sent again automatically.',
		},
	);
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: values,
	};
}

export function readExecutionOptions(ctx: IExecuteFunctions): ExecutionOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		// As given: the item runner clamps it (clampConcurrency), in one place for both nodes.
		parallelRequests: Number(options.parallelRequests ?? 1),
		reuseSession: options.reuseSession !== false,
		timeoutMs: options.timeoutSeconds ? Number(options.timeoutSeconds) * 1000 : undefined,
	};
}
