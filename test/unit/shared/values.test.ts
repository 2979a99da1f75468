import { InputError } from '../../../nodes/shared/errors';
import {
	addDays,
	optionalBoolean,
	optionalDate,
	optionalNumber,
	requiredText,
	textList,
	todayIn,
	valueAtPath,
} from '../../../nodes/shared/n8n/values';

function fieldOf(fn: () => unknown): string | undefined {
	try {
		fn();
	} catch (error) {
		if (error instanceof InputError) return error.field;
		throw error;
	}
	return undefined;
}

describe('cell readers', () => {
	it('reads numbers the way Hungarian spreadsheets write them', () => {
		expect(optionalNumber('1 234,5', 'Qty')).toBe(1234.5);
		expect(optionalNumber('12.75', 'Qty')).toBe(12.75);
		expect(optionalNumber(' -3 ', 'Qty')).toBe(-3);
		expect(optionalNumber('', 'Qty')).toBeUndefined();
		expect(fieldOf(() => optionalNumber('two', 'Line Items[1] › Quantity'))).toBe('Line Items[1] › Quantity');
		expect(fieldOf(() => optionalNumber(Number.POSITIVE_INFINITY, 'Qty'))).toBe('Qty');
		expect(fieldOf(() => optionalNumber('1,234,5', 'Qty'))).toBe('Qty');
	});

	it('reads dates as written, in ISO, dotted Hungarian and date-time forms, and rejects impossible ones', () => {
		expect(optionalDate('2026-11-23', 'D')).toBe('2026-11-23');
		expect(optionalDate('2026.11.23.', 'D')).toBe('2026-11-23');
		expect(optionalDate('2026-1-5T23:30:00+05:00', 'D')).toBe('2026-01-05');
		expect(optionalDate({ toISODate: () => '2026-02-03' }, 'D')).toBe('2026-02-03');
		expect(fieldOf(() => optionalDate('2026-02-30', 'Due Date'))).toBe('Due Date');
		expect(fieldOf(() => optionalDate('tomorrow', 'Due Date'))).toBe('Due Date');
	});

	it('reads booleans in English and Hungarian and refuses anything else', () => {
		expect(optionalBoolean('igen', 'Paid')).toBe(true);
		expect(optionalBoolean('0', 'Paid')).toBe(false);
		expect(optionalBoolean(undefined, 'Paid')).toBeUndefined();
		expect(fieldOf(() => optionalBoolean('maybe', 'Paid'))).toBe('Paid');
	});

	it('requires text, finds nested values and splits lists', () => {
		expect(fieldOf(() => requiredText('  ', 'Buyer Name'))).toBe('Buyer Name');
		expect(valueAtPath({ body: { items: [1] } }, 'body.items')).toEqual([1]);
		expect(valueAtPath({ body: 'x' }, 'body.items')).toBeUndefined();
		expect(textList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
	});

	it('takes today in the workflow time zone and adds days across month ends', () => {
		const lateEvening = new Date('2026-11-23T23:30:00Z');
		expect(todayIn('Europe/Budapest', lateEvening)).toBe('2026-11-24');
		expect(todayIn('UTC', lateEvening)).toBe('2026-11-23');
		expect(addDays('2026-12-28', 8)).toBe('2027-01-05');
	});
});
