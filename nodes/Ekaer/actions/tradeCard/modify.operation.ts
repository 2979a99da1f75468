/**
 * Trade Card › Modify: give only what changes. The node fetches the card by its TCN, applies the changes and sends the
 * whole card back (protocol/modification.ts): empty fields keep the stored value, items with an Item ID change that
 * item, items without one are added, items not listed stay as they are.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { optionalText, textList } from '../../../shared/n8n/values';
import { CLEARABLE_FIELDS, modifyCard, type ClearableField } from '../../protocol/modification';
import type { EkaerContext } from '../context';
import { cardProperties } from './cardProperties';
import { runManage } from './manage';
import { sendOptionsProperty } from './options';
import { readCardChanges } from './readCard';

const show = { resource: ['tradeCard'], operation: ['modify'] };

export const description: INodeProperties[] = [
	{
		displayName: 'EKÁER Number',
		name: 'tcn',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'E26112300000A1B2',
		description:
			'The TCN of the card to modify. Give only what changes: the node fetches the card and sends it whole, with empty fields kept as stored.',
		displayOptions: { show },
	},
	...cardProperties(show, { partial: true }),
	{
		displayName: 'Clear Fields',
		name: 'clearFields',
		type: 'multiOptions',
		options: Object.entries(CLEARABLE_FIELDS).map(([value, name]) => ({ name, value })),
		default: [],
		description:
			'Stored data to remove from the card (an empty field above keeps what the card has). Carrier removes both the carrier ID and the carrier name.',
		displayOptions: { show },
	},
	sendOptionsProperty(show, { batch: true }),
];

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	return await runManage(this, ekaer, async (i) => {
		// Read (and checked) before the look-up, so bad input fails without a request.
		// From an expression Clear Fields may be one name or a comma-separated list; modifyCard checks the names.
		const clear = textList(this.getNodeParameter('clearFields', i, [])) as ClearableField[];
		const changes = { ...readCardChanges(this, i), clear };
		const tcn = optionalText(this.getNodeParameter('tcn', i, ''))?.toUpperCase() ?? '';
		const [stored] = await ekaer.client.query({ tcn });
		if (!stored) throw new InputError('EKÁER Number', `no trade card ${tcn} was found for this taxpayer`);
		return { operation: 'modify', card: modifyCard(stored, changes) };
	});
}
