/**
 * Applies the items of a modify request to a stored card. Items with @id name existing items (itemOperation modify or
 * delete); items without @id are new (itemOperation create). Existing items the request does not mention stay as
 * they are: itemOperation=delete is the documented way to remove one.
 */
import { cloneCard, type CardData, type Fields, type ItemData, type PlanData } from '../cardModel';
import type { RuleError } from '../cardRules';
import type { CardStore } from '../store';

export interface MergeContext {
	store: CardStore;
	user: string;
	now: string;
}

function fail(reasonCode: string, msg: string): RuleError {
	return { reasonCode, msg };
}

function mergeItemList(existing: ItemData[], requested: ItemData[], where: string, ctx: MergeContext): RuleError | ItemData[] {
	const result = existing.map((item) => ({ ...item, fields: { ...item.fields } }));
	for (const [i, req] of requested.entries()) {
		const label = `${where}tradeCardItem[${i + 1}]`;
		const operation = req.fields.itemOperation;
		if (operation === undefined) return fail('TCI_ITEM_OPERATION_MISSING', `${label}: itemOperation is mandatory`);
		if (req.id === undefined) {
			if (operation !== 'create') return fail('INVALID_INPUT', `${label}: itemOperation ${operation} needs the item's @id`);
			const fields: Fields = { ...req.fields, insDate: ctx.now, insUser: ctx.user };
			delete fields.itemOperation;
			result.push({ id: ctx.store.newId(), fields });
			continue;
		}
		if (operation === 'create') return fail('TCI_ID_FOUND', `${label}: a new item must not carry an @id`);
		const at = result.findIndex((item) => item.id === req.id);
		if (at < 0) return fail('INVALID_INPUT', `${label}: item ${req.id} does not belong to this ${where ? 'delivery plan' : 'trade card'}`);
		if (operation === 'delete') {
			result.splice(at, 1);
			continue;
		}
		const old = result[at].fields;
		const next = req.fields;
		if ((next.productVtsz ?? '') !== (old.productVtsz ?? '') || (next.productName ?? '') !== (old.productName ?? ''))
			return fail('TCI_MODIFY_PRODUCT_DISABLED', `${label}: productVtsz and productName cannot be modified`);
		if (Number(next.weight) !== Number(old.weight) && !next.weightModReasonText?.trim())
			return fail('TCI_MOD_REASON_MISSING', `${label}: weightModReasonText is required when the weight changes`);
		if (Number(next.value ?? NaN) !== Number(old.value ?? NaN) && !next.valueModReasonText?.trim())
			return fail('TCI_MOD_REASON_MISSING', `${label}: valueModReasonText is required when the value changes`);
		const fields: Fields = { ...next, insDate: old.insDate, insUser: old.insUser, modDate: ctx.now, modUser: ctx.user };
		// Reasons explain one change; they are not part of the stored item.
		delete fields.itemOperation;
		delete fields.weightModReasonText;
		delete fields.valueModReasonText;
		result[at] = { id: req.id, fields };
	}
	return result;
}

/** Returns the merged card (a copy) or the first rule broken. */
export function mergeModifiedCard(stored: CardData, requested: CardData, ctx: MergeContext): RuleError | CardData {
	const next = cloneCard(stored);
	next.fields = { ...requested.fields };
	delete next.fields.tcn;
	delete next.fields.plateNumberModReasonText;
	if (stored.fields.unloadReporter !== undefined || next.fields.unloadReporter !== undefined) next.fields.unloadReporter = 'S';
	next.loadLocation = requested.loadLocation;
	next.unloadLocation = requested.unloadLocation;
	next.vehicle = requested.vehicle;
	next.vehicle2 = requested.vehicle2;

	if (requested.items) {
		const merged = mergeItemList(stored.items ?? [], requested.items, '', ctx);
		if (!Array.isArray(merged)) return merged;
		next.items = merged;
	}
	const plans: PlanData[] = next.deliveryPlans ?? [];
	for (const [i, reqPlan] of (requested.deliveryPlans ?? []).entries()) {
		const where = `deliveryPlan[${i + 1}]/`;
		let plan: PlanData | undefined;
		if (reqPlan.id === undefined) {
			plan = { id: ctx.store.newId(), items: [], fields: {} };
			plans.push(plan);
		} else {
			plan = plans.find((p) => p.id === reqPlan.id);
			if (!plan) return fail('INVALID_INPUT', `${where}: delivery plan ${reqPlan.id} does not belong to this trade card`);
		}
		plan.fields = { ...reqPlan.fields };
		plan.loadLocation = reqPlan.loadLocation;
		plan.unloadLocation = reqPlan.unloadLocation;
		const merged = mergeItemList(plan.items, reqPlan.items, where, ctx);
		if (!Array.isArray(merged)) return merged;
		plan.items = merged;
	}
	next.deliveryPlans = plans;
	return next;
}
