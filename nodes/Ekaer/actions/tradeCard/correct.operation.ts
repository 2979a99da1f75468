/**
 * Trade Card › Correct: the one post-closing correction NAV allows for import and domestic cards (plate number and
 * country, item values and weights). The node fetches the card, applies the changes and sends it back, so users give
 * only what changes.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { optionalNumber, optionalText, requiredText } from '../../../shared/n8n/values';
import { normalizePlate } from '../../protocol/normalize';
import type { TradeCard, TradeCardInfo, TradeCardItem } from '../../protocol/types';
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

function asCard(info: TradeCardInfo): TradeCard {
	const strip = (item: TradeCardItem): TradeCardItem => ({ ...item, itemOperation: 'modify' });
	return {
		tcn: info.tcn,
		orderNumber: info.orderNumber,
		tradeType: info.tradeType,
		sellerDelivery: info.sellerDelivery,
		modifiableByCarrier: info.modifiableByCarrier,
		carrier: info.carrier,
		carrierText: info.carrierText,
		intermodal: info.intermodal,
		destinationCompanyIdentical: info.destinationCompanyIdentical,
		seller: info.seller,
		destination: info.destination,
		loadLocation: info.loadLocation,
		unloadLocation: info.unloadLocation,
		vehicle: info.vehicle,
		trailer: info.trailer,
		tradeCardType: info.tradeCardType,
		privateDelivery: info.privateDelivery,
		items: info.items.length > 0 ? info.items.map(strip) : undefined,
		deliveryPlans:
			info.deliveryPlans.length > 0 ? info.deliveryPlans.map((plan) => ({ ...plan, items: plan.items.map(strip) })) : undefined,
	};
}

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	return await runManage(this, ekaer, async (i) => {
		const tcn = requiredText(this.getNodeParameter('tcn', i, ''), 'EKÁER Number').toUpperCase();
		const corrections = (this.getNodeParameter('itemCorrections.item', i, []) as IDataObject[]) ?? [];
		const plate = optionalText(this.getNodeParameter('plateNumber', i, ''));
		const plateCountry = optionalText(this.getNodeParameter('plateCountry', i, ''))?.toUpperCase();
		if (!plate && !plateCountry && corrections.length === 0) throw new InputError('Item Corrections', 'nothing to correct was given');
		const [info] = await ekaer.client.query({ tcn });
		if (!info) throw new InputError('EKÁER Number', `no trade card ${tcn} was found for this taxpayer`);
		const card = asCard(info);
		if (plate || plateCountry) {
			const before = card.vehicle;
			card.vehicle = { plateNumber: plate ?? before?.plateNumber ?? '', country: plateCountry ?? before?.country };
			const changed =
				normalizePlate(card.vehicle.plateNumber) !== normalizePlate(before?.plateNumber ?? '') || card.vehicle.country !== before?.country;
			const reason = optionalText(this.getNodeParameter('plateChangeReason', i, ''));
			if (changed && !reason) throw new InputError('Plate Change Reason', 'is required when the plate number or country is corrected');
			card.plateNumberChangeReason = reason;
		}
		const allItems = [...(card.items ?? []), ...(card.deliveryPlans ?? []).flatMap((p) => p.items)];
		corrections.forEach((c, n) => {
			const field = `Item Corrections[${n + 1}]`;
			const id = requiredText(c.id, `${field} › Item ID`);
			const item = allItems.find((it) => it.id === id);
			if (!item) throw new InputError(`${field} › Item ID`, `the card has no item with ID "${id}"`);
			const weight = optionalNumber(c.weightKg, `${field} › Weight (Kg)`);
			const value = optionalNumber(c.valueHuf, `${field} › Value (HUF)`);
			const reason = optionalText(c.reason);
			if ((weight || value) && !reason) throw new InputError(`${field} › Reason`, 'is required when a weight or value is corrected');
			if (weight) item.weightKg = weight;
			if (value) item.valueHuf = value;
			if (reason) item.reasons = { ...item.reasons, weight: weight ? reason : undefined, value: value ? reason : undefined };
		});
		return { operation: 'correction', card: card as TradeCard & { tcn: string } };
	});
}
