/**
 * The small checks every EKÁER rule is made of. One error style: an InputError names the field, and its message says
 * only what is wrong with it ("is required", "must be 8 digits; got …"), because the node puts the field in front:
 * `Item 3, field "Seller › VAT Number": must be …`.
 */
import { InputError } from '../../shared/errors';
import { isDate } from './buildDates';
import { normalizePlate, normalizeVatNumber } from './normalize';
import type { DateOrDateTime } from './types';

const TCN = /^[A-Z0-9]{2,20}$/;
const PLATE = /^[A-Z0-9ÖŐÜŰ]{4,15}$/;
const HU_VAT = /^\d{8}$/;
const OTHER_VAT = /^[0-9A-Z-]{1,15}$/;
const COUNTRY = /^[A-Z]{2}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MIN_TIMESTAMP = Date.parse('2010-01-01T00:00:00+01:00');

/** `Seller › VAT Number`: the path users see in error messages. */
export const path = (...parts: string[]): string => parts.filter(Boolean).join(' › ');

export function fail(field: string, message: string): never {
	throw new InputError(field, message);
}

export const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** The same words as the node's parameter readers (shared/n8n/values.ts), so both layers speak alike. */
export function required(field: string, value: string | undefined): void {
	if (blank(value)) fail(field, 'is required but empty');
}

export function maxLength(field: string, value: string | undefined, max: number): void {
	if (value !== undefined && value.length > max) fail(field, `is too long (${value.length} characters, at most ${max})`);
}

export function checkVatNumber(field: string, value: string, hungarian: boolean): void {
	const vat = normalizeVatNumber(value);
	if (hungarian) {
		if (!HU_VAT.test(vat)) fail(field, `must be a Hungarian tax number: 8 digits (e.g. 12345678 or 12345678-2-42), got "${value}"`);
	} else if (!OTHER_VAT.test(vat)) {
		fail(field, `may contain only digits, capital letters and "-", at most 15 characters; got "${value}"`);
	}
}

export function checkDate(field: string, value: DateOrDateTime): void {
	if (isDate(value)) {
		if (Number.isNaN(value.getTime())) fail(field, 'is not a valid date and time');
		if (value.getTime() < MIN_TIMESTAMP) fail(field, 'must not be before 2010');
	} else if (!DATE_ONLY.test(value) || Number.isNaN(Date.parse(value))) {
		fail(field, `must be a date-time or a date as YYYY-MM-DD; got "${value}"`);
	}
}

export function checkCountry(field: string, value: string | undefined): void {
	if (value !== undefined && !COUNTRY.test(value.toUpperCase())) fail(field, 'must be a two-letter country code such as HU or DE');
}

export function checkPlate(field: string, plate: string): void {
	if (!PLATE.test(normalizePlate(plate))) fail(field, `must be 4–15 letters or digits (spaces and dashes are removed); got "${plate}"`);
}

export function checkTcn(field: string, tcn: string | undefined): void {
	required(field, tcn);
	if (!TCN.test(tcn!)) fail(field, `must be 2–20 capital letters or digits (e.g. E25011500012345); got "${tcn}"`);
}
