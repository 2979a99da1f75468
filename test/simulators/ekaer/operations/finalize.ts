/** operation=finalize (closing = arrival report): tcn only, operation-level arrival date, vehicle needed → status F. */
import { budapestDate, budapestDateTime, parseDateTime } from '../time';
import { failure, success, unknownTcn, type OperationContext, type OperationInput, type OperationOutcome } from './types';

export function finalizeTradeCard(op: OperationInput, ctx: OperationContext): OperationOutcome {
	// Observed on the test system (2015 log): a finalize carrying a tradeCard is refused with exactly this text.
	if (op.tradeCard || !op.tcn) return failure('INVALID_INPUT', 'tradeCard must be empty!');
	const record = ctx.store.find(op.tcn, ctx.user.vatNumber, ctx.nowMs);
	if (!record) return unknownTcn(op.tcn);
	if (record.status === 'I') return failure('TC_VALIDITY_EXCEEDED', `validity of ${record.tcn} ended on ${record.tcnValidityEnd}`, record);
	if (record.status !== 'P' && record.status !== 'S')
		return failure('TC_FINALIZE_NOT_ALLOWED', `trade card in status ${record.status} cannot be finalized`, record);

	const arrival = op.arrivalDate ?? op.arrivalDateOnly;
	if (!arrival) return failure('TC_FINALIZE_ARRIVAL_DATE_EMPTY', 'arrivalDate (or arrivalDateOnly) is mandatory for finalize', record);
	let arrivalMs: number;
	if (op.arrivalDate) {
		const parsed = parseDateTime(op.arrivalDate);
		if (!parsed) return failure('TC_INVALID_ARRIVALDATE', 'arrivalDate is not a valid timestamp', record);
		arrivalMs = parsed.ms;
		if (arrivalMs > ctx.nowMs) return failure('TC_FUTURE_ARRIVAL_NOT_ALLOWED', 'arrivalDate is in the future', record);
	} else {
		const day = op.arrivalDateOnly!.slice(0, 10);
		if (day > budapestDate(ctx.nowMs)) return failure('TC_FUTURE_ARRIVAL_NOT_ALLOWED', 'arrivalDateOnly is in the future', record);
		arrivalMs = Date.parse(`${day}T23:59:59Z`);
	}
	const load = record.card.fields.loadDate ? parseDateTime(record.card.fields.loadDate) : undefined;
	const loadDay = record.card.fields.loadDateOnly?.slice(0, 10);
	if ((load && arrivalMs < load.ms && op.arrivalDate) || (loadDay && op.arrivalDateOnly && op.arrivalDateOnly.slice(0, 10) < loadDay))
		return failure('TC_INVALID_ARRIVALDATE', 'arrival is earlier than the load date', record);
	if (!record.card.vehicle?.plateNumber)
		return failure('TC_FINALIZE_VEHICLE_DATA_EMPTY', 'vehicle/plateNumber must be filled before finalize', record);

	delete record.card.fields.arrivalDate;
	delete record.card.fields.arrivalDateOnly;
	if (op.arrivalDate) record.card.fields.arrivalDate = op.arrivalDate;
	else record.card.fields.arrivalDateOnly = op.arrivalDateOnly!;
	record.status = 'F';
	record.finalizationTime = budapestDate(ctx.nowMs);
	record.modDate = budapestDateTime(ctx.nowMs);
	record.modUser = ctx.user.user;
	return success(record);
}
