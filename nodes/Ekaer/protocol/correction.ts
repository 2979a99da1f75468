/**
 * The one post-closing correction NAV allows for import and domestic cards: plate number and country, item weights
 * and values. The user gives only what changes; the corrected card is the stored one with those changes, every other
 * field kept as stored (cardFromStored), and a reason for each change.
 */
import { blank, fail, path } from './checks';
import { checkTexts } from './checkText';
import { normalizePlate, weightThousandths } from './normalize';
import { cardFromStored } from './storedCard';
import type { TradeCard, TradeCardInfo, TradeCardItem } from './types';

export interface ItemCorrection {
	/** Server id of the item (from Get). */
	id: string;
	/** New weight, or undefined to keep. */
	weightKg?: number;
	/** New value, or undefined to keep. */
	valueHuf?: number;
	reason?: string;
}

export interface CardCorrection {
	plateNumber?: string;
	plateCountry?: string;
	plateChangeReason?: string;
	items: ItemCorrection[];
}

/** Field names as the node's Correct operation shows them. */
const LABELS = { plateNumber: 'New Plate Number', plateCountry: 'New Plate Country', plateChangeReason: 'Plate Change Reason', items: 'Item Corrections' };

function allItems(card: TradeCard): TradeCardItem[] {
	return [...(card.items ?? []), ...(card.deliveryPlans ?? []).flatMap((plan) => plan.items)];
}

export function correctCard(stored: TradeCardInfo, correction: CardCorrection): TradeCard & { tcn: string } {
	checkTexts(correction, LABELS);
	if (blank(correction.plateNumber) && blank(correction.plateCountry) && correction.items.length === 0) {
		fail('Item Corrections', 'nothing to correct was given');
	}
	const card = cardFromStored(stored);

	if (!blank(correction.plateNumber) || !blank(correction.plateCountry)) {
		const before = card.vehicle;
		const vehicle = {
			plateNumber: correction.plateNumber?.trim() || before?.plateNumber || '',
			country: correction.plateCountry?.trim().toUpperCase() || before?.country,
		};
		const changed = normalizePlate(vehicle.plateNumber) !== normalizePlate(before?.plateNumber ?? '') || vehicle.country !== before?.country;
		if (changed && blank(correction.plateChangeReason)) fail('Plate Change Reason', 'is required when the plate number or country is corrected');
		card.vehicle = vehicle;
		if (changed) card.plateNumberChangeReason = correction.plateChangeReason;
	}

	const items = allItems(card);
	correction.items.forEach((c, n) => {
		const field = `Item Corrections[${n + 1}]`;
		if (blank(c.id)) fail(path(field, 'Item ID'), 'is required but empty');
		const item = items.find((it) => it.id === c.id.trim());
		if (!item) fail(path(field, 'Item ID'), `the card ${stored.tcn} has no item with ID "${c.id}"`);
		const weightChanged = c.weightKg !== undefined && weightThousandths(c.weightKg) !== weightThousandths(item.weightKg);
		const valueChanged = c.valueHuf !== undefined && c.valueHuf !== item.valueHuf;
		if ((weightChanged || valueChanged) && blank(c.reason)) fail(path(field, 'Reason'), 'is required when a weight or value is corrected');
		if (weightChanged) item.weightKg = c.weightKg!;
		if (valueChanged) item.valueHuf = c.valueHuf;
		if (weightChanged || valueChanged) item.reasons = { weight: weightChanged ? c.reason : undefined, value: valueChanged ? c.reason : undefined };
	});
	return card;
}
