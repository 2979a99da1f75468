/** Trade Card › Modify: re-send the whole card under its TCN; existing items keep their server IDs. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { requiredText } from '../../../shared/n8n/values';
import type { EkaerContext } from '../context';
import { cardProperties, readCard } from './cardFields';
import { runManage } from './manage';
import { sendOptionsProperty } from './options';

const show = { resource: ['tradeCard'], operation: ['modify'] };

export const description: INodeProperties[] = [
	{
		displayName: 'EKÁER Number',
		name: 'tcn',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'E26112300000A1B2',
		description: 'The TCN of the card to modify. The whole card is sent again: give every item, with Item ID for existing ones.',
		displayOptions: { show },
	},
	...cardProperties(show),
	sendOptionsProperty(show, { batch: true }),
];

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	return await runManage(this, ekaer, (i) => {
		const tcn = requiredText(this.getNodeParameter('tcn', i, ''), 'EKÁER Number').toUpperCase();
		return { operation: 'modify', card: { ...readCard(this, i), tcn } };
	});
}
