/**
 * Trade Card › Correct: the one post-closing correction NAV allows for import and domestic cards (plate number and
 * country, item values and weights). The node fetches the card, applies the changes and sends it back with every other
 * field as stored (load date included), so users give only what changes.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { optionalNumber, optionalText } from '../../../shared/n8n/values';
import { correctCard, type CardCorrection } from '../../protocol/correction';
import type { EkaerContext } from '../context';
import { runManage } from './manage';
import { sendOptionsProperty } from './options';

const show = { resource: ['tradeCard'], operation: ['correct'] };

export const description: INodeProperties[] = [
	{ displayName: 'EKÁER Number', name: 'tcn', type: 'string', default: '', required: true, displayOptions: { show } },
	{ displayName: 'New Plate Number', name: 'plateNumber', type: 'string', default: '', description: 'Leave empty to keep', displayOptions: { show } },
	{ displayName: 'New Plate Country', name: 'plateCountry', type: 'string', default: '', description: 'Leave empty to keep', displayOptions: { show } },
	{
		displayName: 'Plate Change Reason',
		name: 'plateChangeReason',
		type: 'string',
		default: '',
		description: 'Why the plate number or country is corrected; NAV requires it when the vehicle changes',
		displayOptions: { show },
	},
	{
		displayName: 'Item Corrections',
		name: 'itemCorrections',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item Correction',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{ displayName: 'Item ID', name: 'id', type: 'string', default: '', description: 'Server ID of the item (from Get)' },
					{ displayName: 'Weight (Kg)', name: 'weightKg', type: 'number', default: 0, description: '0 keeps the current weight' },
					{ displayName: 'Value (HUF)', name: 'valueHuf', type: 'number', default: 0, description: '0 keeps the current value' },
					{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Why the weight or value is corrected (required by NAV)' },
				],
			},
		],
	},
	sendOptionsProperty(show, { batch: true }),
];

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	return await runManage(this, ekaer, async (i) => {
		const tcn = optionalText(this.getNodeParameter('tcn', i, ''))?.toUpperCase() ?? '';
		// Reading only; what a correction may change and what it needs is the protocol's (protocol/correction.ts).
		const entries = (this.getNodeParameter('itemCorrections.item', i, []) as IDataObject[]) ?? [];
		const correction: CardCorrection = {
			plateNumber: optionalText(this.getNodeParameter('plateNumber', i, '')),
			plateCountry: optionalText(this.getNodeParameter('plateCountry', i, '')),
			plateChangeReason: optionalText(this.getNodeParameter('plateChangeReason', i, '')),
			items: entries.map((c, n) => {
				const field = `Item Corrections[${n + 1}]`;
				// 0 is the fields' default: it keeps the stored value.
				const weightKg = optionalNumber(c.weightKg, `${field} › Weight (Kg)`);
				const valueHuf = optionalNumber(c.valueHuf, `${field} › Value (HUF)`);
				return {
					id: optionalText(c.id) ?? '',
					weightKg: weightKg || undefined,
					valueHuf: valueHuf || undefined,
					reason: optionalText(c.reason),
				};
			}),
		};
		const [stored] = await ekaer.client.query({ tcn });
		if (!stored) throw new InputError('EKÁER Number', `no trade card ${tcn} was found for this taxpayer`);
		return { operation: 'correction', card: correctCard(stored, correction) };
	});
}
