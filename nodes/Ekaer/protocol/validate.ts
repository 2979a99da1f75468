/**
 * The one place an EKÁER request is checked before it is sent, so a wrong spreadsheet cell fails with the row's field
 * named in user terms ("Items[2] › VTSZ Code") instead of a Hungarian schema message from NAV. List positions are
 * 1-based, as users count. Texts are checked first: a character XML cannot carry is the error, whatever else is wrong.
 */
import { budapestDate } from './budapestTime';
import { isDate } from './buildDates';
import { checkDate, checkPlate, checkTcn, checkVatNumber, fail, maxLength, required } from './checks';
import { checkTexts } from './checkText';
import { checkCard } from './validateCard';
import type { TradeCardOperation, TradeCardQuery } from './types';

export { checkVatNumber } from './checks';
export { checkCard, checkItem, checkLocation } from './validateCard';

/** Field names of the operation-level properties, as the rules below use them. */
const OPERATION_LABELS: Record<TradeCardOperation['operation'], Record<string, string>> = {
	create: { card: '' },
	modify: { card: '' },
	correction: { card: '' },
	finalize: { arrival: 'Arrival Date', reason: 'Reason' },
	delete: { reason: 'Delete Reason' },
};

/** Validate one operation; `now` is injected so "arrival in the future" is testable. */
export function validateOperation(operation: TradeCardOperation, now: Date = new Date()): void {
	checkTexts(operation, OPERATION_LABELS[operation.operation] ?? {});
	switch (operation.operation) {
		case 'create':
			return checkCard(operation.card, false);
		case 'modify':
		case 'correction':
			return checkCard(operation.card, true);
		case 'finalize': {
			checkTcn('EKÁER Number', operation.tcn);
			if (operation.arrival === undefined || operation.arrival === null || operation.arrival === '') fail('Arrival Date', 'is required to close a card');
			checkDate('Arrival Date', operation.arrival);
			// NAV refuses future arrivals (TC_FUTURE_ARRIVAL_NOT_ALLOWED); a date-only arrival is compared with today in Hungary.
			const future = isDate(operation.arrival) ? operation.arrival.getTime() > now.getTime() : operation.arrival > budapestDate(now);
			if (future) fail('Arrival Date', 'cannot be in the future');
			maxLength('Reason', operation.reason, 200);
			return;
		}
		case 'delete':
			checkTcn('EKÁER Number', operation.tcn);
			required('Delete Reason', operation.reason);
			maxLength('Delete Reason', operation.reason, 200);
			return;
		default:
			fail('Operation', `is unknown: "${(operation as { operation: string }).operation}"`);
	}
}

export function validateQuery(query: TradeCardQuery): void {
	checkTexts(query, { status: 'Status', tradeType: 'Trade Type' });
	if ('tcn' in query) return checkTcn('EKÁER Number', query.tcn);
	const from = query.insertedFrom;
	const to = query.insertedTo;
	if (!isDate(from) || Number.isNaN(from.getTime())) fail('Inserted From', 'must be a valid date and time');
	if (!isDate(to) || Number.isNaN(to.getTime())) fail('Inserted To', 'must be a valid date and time');
	if (from.getTime() > to.getTime()) fail('Inserted To', 'must not be before Inserted From');
	if (query.maxRows !== undefined && (!Number.isInteger(query.maxRows) || query.maxRows < 1 || query.maxRows > 1000)) {
		fail('Max Rows', 'must be a whole number from 1 to 1000');
	}
	maxLength('Order Number', query.orderNumber, 50);
	if (query.plateNumber !== undefined) checkPlate('Plate Number', query.plateNumber);
	if (query.sellerVatNumber !== undefined) checkVatNumber('Seller VAT Number', query.sellerVatNumber, false);
	if (query.destinationVatNumber !== undefined) checkVatNumber('Destination VAT Number', query.destinationVatNumber, false);
}
