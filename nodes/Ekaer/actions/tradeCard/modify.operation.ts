/**
 * Trade Card › Modify: re-send the card under its TCN. Items with an Item ID change that existing item, items without
 * one are added. The node fetches the card first: to send the change into the delivery plan that holds the items
 * (otherwise NAV would treat it as a new plan and refuse the item IDs), and to ask for the reasons NAV requires when a
 * weight, a value or the vehicle changes before anything is sent.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { requiredText } from '../../../shared/n8n/values';
import { normalizePlate } from '../../protocol/normalize';
import type { TradeCard, TradeCardInfo, TradeCardItemInfo } from '../../protocol/types';
import { validateOperation } from '../../protocol/validate';
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
		description:
			'The TCN of the card to modify. The card data is sent again; items with an Item ID (from Get) change that item, items without one are added, existing items left out stay as they are.',
		displayOptions: { show },
	},
	...cardProperties(show),
	sendOptionsProperty(show, { batch: true }),
];

const thousandths = (kg: number | undefined) => (kg === undefined ? undefined : Math.round(kg * 1000));

/** Points the card's delivery plan at the stored one and keeps only the change reasons of values that change. */
export function alignWithStoredCard(card: TradeCard & { tcn: string }, stored: TradeCardInfo): void {
	const plan = card.deliveryPlans?.[0];
	if (!plan) return;
	const storedItems = new Map<string, { item: TradeCardItemInfo; planId?: string }>();
	for (const item of stored.items) if (item.id) storedItems.set(item.id, { item });
	for (const storedPlan of stored.deliveryPlans) {
		for (const item of storedPlan.items) if (item.id) storedItems.set(item.id, { item, planId: storedPlan.id });
	}

	const planIds = new Set<string>();
	plan.items.forEach((item, n) => {
		const field = `Items[${n + 1}]`;
		if (!item.id) {
			delete item.reasons;
			return;
		}
		const found = storedItems.get(item.id);
		if (!found) throw new InputError(`${field} › Item ID`, `the card ${card.tcn} has no item with ID "${item.id}"`);
		if (found.planId) planIds.add(found.planId);
		const weightChanged = thousandths(found.item.weightKg) !== thousandths(item.weightKg);
		const valueChanged = found.item.valueHuf !== item.valueHuf;
		const reason = item.reasons?.weight ?? item.reasons?.value;
		if ((weightChanged || valueChanged) && !reason) {
			const what = [weightChanged && 'weight', valueChanged && 'value'].filter(Boolean).join(' and ');
			throw new InputError(`${field} › Change Reason`, `is required because the ${what} of item ${item.id} changes`);
		}
		const reasons = { weight: weightChanged ? reason : undefined, value: valueChanged ? reason : undefined };
		item.reasons = reasons.weight || reasons.value ? reasons : undefined;
	});

	if (planIds.size > 1) throw new InputError('Items', 'the items belong to different delivery plans of the card; change one plan at a time');
	const [planId] = planIds;
	if (planId) plan.id = planId;
	else if (stored.deliveryPlans.length === 1) plan.id = stored.deliveryPlans[0].id;
	else if (stored.deliveryPlans.length > 1) {
		throw new InputError(
			'Items',
			`the card has ${stored.deliveryPlans.length} delivery plans: give the Item ID of an existing item so the node knows which one to change`,
		);
	}

	const oldPlate = stored.vehicle?.plateNumber;
	const newPlate = card.vehicle ? normalizePlate(card.vehicle.plateNumber) : undefined;
	if (oldPlate && newPlate !== normalizePlate(oldPlate) && !card.plateNumberChangeReason) {
		throw new InputError('Plate Change Reason', `is required because the vehicle changes (the card has ${oldPlate})`);
	}
}

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	return await runManage(this, ekaer, async (i) => {
		const tcn = requiredText(this.getNodeParameter('tcn', i, ''), 'EKÁER Number').toUpperCase();
		const card = { ...readCard(this, i), tcn };
		validateOperation({ operation: 'modify', card }); // bad input fails before the look-up, too
		const [stored] = await ekaer.client.query({ tcn });
		if (!stored) throw new InputError('EKÁER Number', `no trade card ${tcn} was found for this taxpayer`);
		alignWithStoredCard(card, stored);
		return { operation: 'modify', card };
	});
}
