/**
 * Modify as users mean it: give only what changes. NAV wants the whole card under its TCN (ekaer.md §3.1), so the
 * card sent is the stored one (cardFromStored) with the changes applied:
 *
 * - a field given replaces the stored one; a location, party or vehicle is changed field by field;
 * - an item with an ID changes that stored item (fields not given are kept), an item without one is added;
 *   stored items not mentioned are sent back as they are;
 * - the changed items go into the delivery plan that holds them (otherwise NAV would see a new plan and refuse the
 *   item IDs), and the reasons NAV requires for a new weight, value or vehicle are asked for before anything is sent.
 */
import { blank, fail, path } from './checks';
import { checkTexts } from './checkText';
import { normalizePlate, weightThousandths } from './normalize';
import { cardFromStored } from './storedCard';
import type { DateOrDateTime, DeliveryPlan, Location, Party, TradeCard, TradeCardFields, TradeCardInfo, TradeCardItem, Vehicle } from './types';
import { checkItem } from './validateCard';

/** Optional card data a modify can remove (an empty field keeps the stored value, so removing needs saying), by label. */
export const CLEARABLE_FIELDS = { carrier: 'Carrier', orderNumber: 'Order Number', trailer: 'Trailer' } as const;
export type ClearableField = keyof typeof CLEARABLE_FIELDS;

/** With `id`: a change of that stored item (only the fields given). Without: a new, complete item. */
export type ItemChange = Partial<TradeCardItem>;

type Flags = Pick<TradeCardFields, 'orderNumber' | 'tradeType' | 'modifiableByCarrier' | 'carrier' | 'carrierText' | 'intermodal' | 'privateDelivery' | 'plateNumberChangeReason'>;

export interface CardChanges extends Partial<Flags> {
	seller?: Party;
	destination?: Party;
	/** The node's one delivery plan: its load and unload places. */
	loadLocation?: Location;
	unloadLocation?: Location;
	vehicle?: Partial<Vehicle>;
	trailer?: Partial<Vehicle>;
	loadDate?: DateOrDateTime;
	items?: ItemChange[];
	plan?: Pick<DeliveryPlan, 'destinationCompanyIdentical' | 'saveLoadLocation' | 'saveUnloadLocation' | 'externalId'>;
	/** Stored data to remove from the card. */
	clear?: ClearableField[];
}

/** Whether `change` gives the field a value (then clearing it too is a contradiction). */
function givenFor(changes: CardChanges, field: ClearableField): boolean {
	if (field === 'carrier') return !blank(changes.carrier) || !blank(changes.carrierText);
	if (field === 'trailer') return Object.values(changes.trailer ?? {}).some((v) => !blank(v as string | undefined));
	return !blank(changes.orderNumber);
}

function clearFields(card: TradeCard, changes: CardChanges): void {
	for (const field of changes.clear ?? []) {
		if (!Object.hasOwn(CLEARABLE_FIELDS, field)) {
			fail('Clear Fields', `has an unknown value "${String(field)}"; use ${Object.keys(CLEARABLE_FIELDS).join(', ')}`);
		}
		if (givenFor(changes, field)) fail('Clear Fields', `clears ${CLEARABLE_FIELDS[field]}, which this item also gives a new value`);
		if (field === 'carrier') {
			delete card.carrier;
			delete card.carrierText;
		} else delete card[field];
	}
}

/** The given (non-blank) fields of `change` over `base`. */
function over<T extends object>(base: T | undefined, change: Partial<T> | undefined): T | undefined {
	if (!change) return base;
	const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined && !(typeof v === 'string' && v.trim() === '')));
	if (Object.keys(given).length === 0) return base;
	return { ...(base ?? {}), ...given } as T;
}

function changeItem(stored: TradeCardItem, change: ItemChange, field: string): TradeCardItem {
	const next = over(stored, { ...change, reasons: undefined, itemOperation: undefined })!;
	const weightChanged = weightThousandths(next.weightKg) !== weightThousandths(stored.weightKg);
	const valueChanged = next.valueHuf !== stored.valueHuf;
	const reason = change.reasons?.weight ?? change.reasons?.value;
	if ((weightChanged || valueChanged) && blank(reason)) {
		const what = [weightChanged && 'weight', valueChanged && 'value'].filter(Boolean).join(' and ');
		fail(path(field, 'Change Reason'), `is required because the ${what} of item ${stored.id} changes`);
	}
	next.itemOperation = change.itemOperation === 'delete' ? 'delete' : 'modify';
	next.reasons = weightChanged || valueChanged ? { weight: weightChanged ? reason : undefined, value: valueChanged ? reason : undefined } : undefined;
	checkItem(field, next);
	return next;
}

/** The plan the changed items belong to (or the only one). */
function targetPlan(card: TradeCard, changes: ItemChange[]): DeliveryPlan | undefined {
	const plans = card.deliveryPlans ?? [];
	const holding = new Set<DeliveryPlan>();
	for (const change of changes) {
		const plan = change.id ? plans.find((p) => p.items.some((item) => item.id === change.id)) : undefined;
		if (plan) holding.add(plan);
	}
	if (holding.size > 1) fail('Items', 'the items belong to different delivery plans of the card; change one plan at a time');
	if (holding.size === 1) return [...holding][0];
	if (plans.length > 1 && changes.length > 0) {
		fail('Items', `the card has ${plans.length} delivery plans: give the Item ID of an existing item so the node knows which one to change`);
	}
	return plans[0];
}

function applyItems(card: TradeCard, changes: ItemChange[]): DeliveryPlan | undefined {
	const plan = targetPlan(card, changes);
	const stored = [...(card.items ?? []), ...(card.deliveryPlans ?? []).flatMap((p) => p.items)];
	changes.forEach((change, n) => {
		const field = `Items[${n + 1}]`;
		if (!change.id) {
			const item = { ...change, id: undefined, itemOperation: 'create', reasons: undefined } as TradeCardItem;
			checkItem(field, item);
			(plan ? plan.items : (card.items ??= [])).push(item);
			return;
		}
		const at = stored.find((item) => item.id === change.id);
		if (!at) fail(path(field, 'Item ID'), `the card ${card.tcn} has no item with ID "${change.id}"`);
		Object.assign(at, changeItem(at, change, field));
	});
	return plan;
}

export function modifyCard(stored: TradeCardInfo, changes: CardChanges): TradeCard & { tcn: string } {
	checkTexts(changes);
	const card = cardFromStored(stored);
	if (changes.tradeType !== undefined && changes.tradeType !== card.tradeType) {
		fail('Trade Type', `cannot be changed: the card ${card.tcn} is ${card.tradeType === 'import' ? 'an' : 'a'} ${card.tradeType} card`);
	}
	for (const key of ['orderNumber', 'modifiableByCarrier', 'carrier', 'carrierText', 'intermodal', 'privateDelivery', 'plateNumberChangeReason'] as const) {
		const value = changes[key];
		if (value !== undefined && !(typeof value === 'string' && value.trim() === '')) (card as unknown as Record<string, unknown>)[key] = value;
	}
	// Carrier id and carrier name exclude each other: the one given replaces the other.
	if (!blank(changes.carrier)) delete card.carrierText;
	if (!blank(changes.carrierText)) delete card.carrier;
	card.seller = over(card.seller, changes.seller)!;
	card.destination = over(card.destination, changes.destination)!;
	card.vehicle = over(card.vehicle, changes.vehicle) as Vehicle | undefined;
	card.trailer = over(card.trailer, changes.trailer) as Vehicle | undefined;
	if (changes.loadDate !== undefined) card.loadDate = changes.loadDate;
	clearFields(card, changes);

	const plan = applyItems(card, changes.items ?? []);
	// Places live where the stored card keeps them: in the plan (the node's form since 1.8) or at card level.
	const holder: { loadLocation?: Location; unloadLocation?: Location } = plan && (plan.loadLocation || !card.loadLocation) ? plan : card;
	holder.loadLocation = over(holder.loadLocation, changes.loadLocation);
	const unloadHolder: { unloadLocation?: Location } = plan && (plan.unloadLocation || !card.unloadLocation) ? plan : card;
	unloadHolder.unloadLocation = over(unloadHolder.unloadLocation, changes.unloadLocation);
	if (plan && changes.plan) Object.assign(plan, over(plan, changes.plan));

	const oldPlate = stored.vehicle?.plateNumber;
	if (oldPlate && normalizePlate(card.vehicle?.plateNumber ?? '') !== normalizePlate(oldPlate) && blank(card.plateNumberChangeReason)) {
		fail('Plate Change Reason', `is required because the vehicle changes (the card has ${oldPlate})`);
	}
	return card;
}
