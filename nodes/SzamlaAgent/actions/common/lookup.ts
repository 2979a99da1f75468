/** "Find by" parameters for reads: by document number, order number or external ID. */
import type { ShowWhen } from '../../../shared/n8n/display';
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { requiredText } from '../../../shared/n8n/values';

export type LookupKind = 'number' | 'orderNumber' | 'externalId';

const LABELS: Record<LookupKind, string> = { number: 'Number', orderNumber: 'Order Number', externalId: 'External ID' };

export function lookupProperties(show: ShowWhen, kinds: LookupKind[], numberLabel: string): INodeProperties[] {
	const options: INodePropertyOptions[] = kinds.map((kind) => ({
		name: kind === 'number' ? numberLabel : LABELS[kind],
		value: kind,
	}));
	return [
		{ displayName: 'Find By', name: 'lookupBy', type: 'options', options, default: 'number', displayOptions: { show } },
		{
			displayName: 'Value',
			name: 'lookupValue',
			type: 'string',
			default: '',
			required: true,
			description: `The ${kinds.map((k) => (k === 'number' ? numberLabel : LABELS[k]).toLowerCase()).join(', ')} to look for. With order number or external ID the newest match is used.`,
			displayOptions: { show },
		},
	];
}

export function readLookup(ctx: IExecuteFunctions, i: number): { kind: LookupKind; value: string } {
	const kind = ctx.getNodeParameter('lookupBy', i, 'number') as LookupKind;
	return { kind, value: requiredText(ctx.getNodeParameter('lookupValue', i, ''), 'Value') };
}
