/** Trade Card › Delete: only while the card is planned or started; NAV wants a reason. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionalText } from '../../../shared/n8n/values';
import type { EkaerContext } from '../context';
import { runManage } from './manage';
import { sendOptionsProperty } from './options';

const show = { resource: ['tradeCard'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{ displayName: 'EKÁER Number', name: 'tcn', type: 'string', default: '', required: true, displayOptions: { show } },
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		required: true,
		description: 'Why the declaration is withdrawn (at most 200 characters)',
		displayOptions: { show },
	},
	sendOptionsProperty(show, { batch: true }),
];

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	// Read only: the protocol checks the number and the reason (validate.ts), under the node's field names.
	return await runManage(
		this,
		ekaer,
		(i) => ({
			operation: 'delete',
			tcn: optionalText(this.getNodeParameter('tcn', i, ''))?.toUpperCase() ?? '',
			reason: optionalText(this.getNodeParameter('reason', i, '')) ?? '',
		}),
		{ fieldNames: { 'Delete Reason': 'Reason' } },
	);
}
