/**
 * operation=correction (requestVersion 2.0+): one post-closing correction of a finalized import or domestic card.
 * Only the vehicles' plate number and nationality sign and the items' value and weight may change (XSD OperationType
 * documentation). The whole card must be sent: a stored field the request leaves out is a change of fixed data, as
 * NAV treats it (a correction without the card's loadDate fails), and fields it sends must match unless correctable.
 */
import { parseCard, type Fields, type LocationData, type VehicleData } from '../cardModel';
import { isVersion2 } from '../constants';
import { parseDateTime, budapestDateTime } from '../time';
import { ruleFor } from '../xml/valueRules';
import { failure, success, unknownTcn, type OperationContext, type OperationInput, type OperationOutcome } from './types';

/** Compare values as their XSD types do: 'true' = '1', equal instants, equal numbers. */
function sameValue(parent: string, name: string, a: string, b: string | undefined): boolean {
	if (b === undefined) return false;
	switch (ruleFor(parent, name)?.kind) {
		case 'bool':
			return (a === 'true' || a === '1') === (b === 'true' || b === '1');
		case 'dateTime':
			return parseDateTime(a)?.ms === parseDateTime(b)?.ms;
		case 'decimal':
		case 'int':
			return Number(a) === Number(b);
		default:
			return a === b;
	}
}

/** First field the request sends with a value different from the stored one, or leaves out although it is stored. */
function changedField(parent: string, sent: Fields, stored: Fields, ignore: string[]): string | undefined {
	const sentChange = Object.keys(sent).find((k) => !ignore.includes(k) && !sameValue(parent, k, sent[k], stored[k]));
	return sentChange ?? Object.keys(stored).find((k) => !ignore.includes(k) && sent[k] === undefined);
}

function locationChanged(parent: string, sent: LocationData | undefined, stored: LocationData | undefined): boolean {
	if (!sent) return stored !== undefined;
	if (!stored) return true;
	if (changedField(parent, sent.fields, stored.fields, [])) return true;
	return !!sent.gps && (Number(sent.gps.latitude) !== Number(stored.gps?.latitude) || Number(sent.gps.longitude) !== Number(stored.gps?.longitude));
}

function vehicleChanged(sent: VehicleData | undefined, stored: VehicleData | undefined): boolean {
	if (!sent) return false;
	return sent.plateNumber !== stored?.plateNumber || (sent.country !== undefined && sent.country !== stored?.country);
}

/** Not expected back: server-set values, change reasons, and the arrival, which finalize carried at operation level. */
const CARD_IGNORED = ['tcn', 'plateNumberModReasonText', 'unloadReporter', 'arrivalDate', 'arrivalDateOnly', 'statusChangeModReasonText'];
const ITEM_CORRECTABLE = ['itemOperation', 'weight', 'value', 'weightModReasonText', 'valueModReasonText', 'insDate', 'insUser', 'modDate', 'modUser'];

export function correctTradeCard(op: OperationInput, ctx: OperationContext): OperationOutcome {
	if (!isVersion2(ctx.requestVersion))
		return failure('TC_REQUEST_VERSION_ERROR', 'correction needs requestVersion 2.0 or later');
	if (!op.tradeCard) return failure('INVALID_INPUT', 'correction needs the tradeCard (with tcn)');
	const requested = parseCard(op.tradeCard);
	const tcn = requested.fields.tcn;
	if (!tcn) return failure('INVALID_INPUT', 'tradeCard/tcn is mandatory for correction');
	const record = ctx.store.find(tcn, ctx.user.vatNumber, ctx.nowMs);
	if (!record) return unknownTcn(tcn);
	if (record.status !== 'F') return failure('INVALID_TRANSACTION_STATE', 'only finalized (F) trade cards can be corrected', record);
	if (record.tradeType === 'E') return failure('TC_FINALIZED_EXPORT_MOD_NOT_ALLOWED', 'export trade cards cannot be corrected after closing', record);
	if (record.corrected) return failure('TC_FINALIZED_NO_MORE_MOD_ATTEMPTS', 'a finalized trade card can be corrected only once', record);

	const stored = record.card;
	const invalid = (what: string) => failure('TC_FINALIZED_MOD_INVALID_DATA_CHANGE', `${what} cannot be corrected after closing`, record);
	const field = changedField('', requested.fields, stored.fields, CARD_IGNORED);
	if (field) return invalid(field);
	if (locationChanged('loadLocation', requested.loadLocation, stored.loadLocation)) return invalid('loadLocation');
	if (locationChanged('unloadLocation', requested.unloadLocation, stored.unloadLocation)) return invalid('unloadLocation');

	const storedItems = new Map<string, Fields>();
	for (const item of stored.items ?? []) storedItems.set(item.id!, item.fields);
	for (const plan of stored.deliveryPlans ?? []) for (const item of plan.items) storedItems.set(item.id!, item.fields);
	const requestedItems = [...(requested.items ?? [])];
	for (const reqPlan of requested.deliveryPlans ?? []) {
		const plan = (stored.deliveryPlans ?? []).find((p) => p.id === reqPlan.id);
		if (!plan) return failure('INVALID_INPUT', `delivery plan ${reqPlan.id ?? '(without @id)'} does not belong to ${tcn}`, record);
		if (changedField('deliveryPlan', reqPlan.fields, plan.fields, [])) return invalid('deliveryPlan data');
		if (locationChanged('loadLocation', reqPlan.loadLocation, plan.loadLocation)) return invalid('deliveryPlan/loadLocation');
		if (locationChanged('unloadLocation', reqPlan.unloadLocation, plan.unloadLocation)) return invalid('deliveryPlan/unloadLocation');
		requestedItems.push(...reqPlan.items);
	}

	const updates: Array<{ fields: Fields; weight?: string; value?: string }> = [];
	for (const req of requestedItems) {
		if (req.id === undefined || req.fields.itemOperation === 'create')
			return failure('TC_FINALIZED_ITEM_CREATE_NOT_ALLOWED', 'no item can be added to a closed trade card', record);
		if (req.fields.itemOperation === 'delete') return failure('TC_FINALIZED_ITEM_DELETE_NOT_ALLOWED', 'items of a closed trade card cannot be deleted', record);
		const old = storedItems.get(req.id);
		if (!old) return failure('INVALID_INPUT', `item ${req.id} does not belong to ${tcn}`, record);
		const other = changedField('tradeCardItem', req.fields, old, ITEM_CORRECTABLE);
		if (other) return invalid(`item ${other}`);
		const weight = req.fields.weight !== undefined && Number(req.fields.weight) !== Number(old.weight) ? req.fields.weight : undefined;
		const value = req.fields.value !== undefined && Number(req.fields.value) !== Number(old.value ?? NaN) ? req.fields.value : undefined;
		if (weight !== undefined && !req.fields.weightModReasonText?.trim())
			return failure('TCI_MOD_REASON_MISSING', `item ${req.id}: weightModReasonText is required when the weight changes`, record);
		if (value !== undefined && !req.fields.valueModReasonText?.trim())
			return failure('TCI_MOD_REASON_MISSING', `item ${req.id}: valueModReasonText is required when the value changes`, record);
		if (weight !== undefined || value !== undefined) updates.push({ fields: old, weight, value });
	}

	if (stored.vehicle && !requested.vehicle) return invalid('vehicle (left out)');
	if (stored.vehicle2 && !requested.vehicle2) return invalid('vehicle2 (left out)');
	const vehicleChange = vehicleChanged(requested.vehicle, stored.vehicle);
	const trailerChange = vehicleChanged(requested.vehicle2, stored.vehicle2);
	if ((vehicleChange || trailerChange) && !requested.fields.plateNumberModReasonText?.trim())
		return failure('TC_MOD_REASON_MISSING', 'plateNumberModReasonText is required when the vehicle changes', record);
	if (!vehicleChange && !trailerChange && updates.length === 0)
		return failure('TC_FINALIZED_MOD_NO_DATA_CHANGE', 'the correction contains no change', record);

	const now = budapestDateTime(ctx.nowMs);
	if (vehicleChange) stored.vehicle = { ...requested.vehicle! };
	if (trailerChange) stored.vehicle2 = { ...requested.vehicle2! };
	for (const update of updates) {
		if (update.weight !== undefined) update.fields.weight = update.weight;
		if (update.value !== undefined) update.fields.value = update.value;
		update.fields.modDate = now;
		update.fields.modUser = ctx.user.user;
	}
	record.corrected = true;
	record.modDate = now;
	record.modUser = ctx.user.user;
	return success(record);
}
