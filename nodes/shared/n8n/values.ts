/**
 * Reading loosely typed values that no-code users feed in (spreadsheet cells, webhook JSON, expressions) into the
 * strict values the protocols need. Every failure is an InputError naming the field.
 */
import { InputError } from '../errors';

/** Trimmed text, or undefined when empty. */
export function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

export function requiredText(value: unknown, field: string): string {
	const text = optionalText(value);
	if (text === undefined) throw new InputError(field, 'is required but empty');
	return text;
}

/** Numbers from numbers or text, accepting a decimal comma and spaces as thousands separators ("1 234,5"). */
export function optionalNumber(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new InputError(field, `must be a number, got ${value}`);
		return value;
	}
	const text = String(value).trim().replace(/[\s\u00a0]/g, '');
	if (text === '') return undefined;
	const normalised = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) throw new InputError(field, `must be a number, got "${String(value)}"`);
	return Number(normalised);
}

export function requiredNumber(value: unknown, field: string): number {
	const number = optionalNumber(value, field);
	if (number === undefined) throw new InputError(field, 'is required but empty');
	return number;
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (['true', '1', 'yes', 'igen', 'y'].includes(text)) return true;
	if (['false', '0', 'no', 'nem', 'n'].includes(text)) return false;
	throw new InputError(field, `must be true or false, got "${String(value)}"`);
}

/**
 * Formatters by time zone. Creating an Intl.DateTimeFormat costs ~100 µs (ICU set-up), formatting with one ~1 µs, and
 * todayIn runs once per invoice. Only zones that worked are kept; a handful of zones per process at most.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in the workflow's time zone, so an invoice issued at 00:30 in Budapest is dated today. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
	try {
		let format = dayFormats.get(timeZone);
		if (!format) {
			format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
			dayFormats.set(timeZone, format);
		}
		return format.format(now);
	} catch {
		return now.toISOString().slice(0, 10);
	}
}

export function addDays(isoDate: string, days: number): string {
	const date = new Date(`${isoDate}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/**
 * A calendar date as YYYY-MM-DD from "2026-11-23", "2026-11-23T10:00:00", "2026.11.23." (Hungarian spreadsheets),
 * a Date or a Luxon DateTime. The date part is taken as written: no time-zone shifting of a date the user typed.
 */
export function optionalDate(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let text: string;
	if (value instanceof Date) text = value.toISOString();
	else if (typeof value === 'object' && typeof (value as { toISODate?: unknown }).toISODate === 'function') {
		text = String((value as { toISODate: () => string }).toISODate());
	} else text = String(value).trim();
	if (text === '') return undefined;
	const match = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?(?:[T\s].*)?$/.exec(text);
	if (!match) throw new InputError(field, `must be a date like 2026-11-23, got "${text}"`);
	const [, y, m, d] = match;
	const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
	const check = new Date(`${iso}T00:00:00Z`);
	if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
		throw new InputError(field, `is not a real calendar date: "${text}"`);
	}
	return iso;
}

/** A value at a dotted path ("order.items") of an input item's JSON. */
export function valueAtPath(json: unknown, path: string): unknown {
	let current: unknown = json;
	for (const key of path.split('.').filter(Boolean)) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/** Comma-separated list (or an array) into trimmed, non-empty strings. */
export function textList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	if (value === undefined || value === null) return [];
	return String(value)
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}
