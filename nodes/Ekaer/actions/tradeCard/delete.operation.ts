/** Trade Card › Delete: only while the card is planned or started; NAV wants a reason. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { requiredText } from '../../../shared/n8n/values';
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
	return await runManage(this, ekaer, (i) => ({
		operation: 'delete',
		tcn: requiredText(this.getNodeParameter('tcn', i, ''), 'EKÁER Number').toUpperCase(),
		reason: requiredText(this.getNodeParameter('reason', i, ''), 'Reason'),
	}));
}
