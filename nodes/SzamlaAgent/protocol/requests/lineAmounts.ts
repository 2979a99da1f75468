/**
 * Pre-send check of one line's amounts against the service's per-line rules 259–264, with the tolerance amounts.ts
 * assumes and documents. Catches a wrong spreadsheet cell with the row and field named, instead of a Hungarian error
 * after the round trip.
 */
import { InputError } from '../../../shared/errors';
import { AMOUNT_DECIMALS, fitsAmountDecimals, lineRuleBreach } from '../amounts';
import { isSpecialVatKey, parseVatKey, vatRateOf, type VatKey } from '../vatKeys';
import { fieldPath, assertNumber } from './common';

/** The amount fields invoice and receipt lines share, before their wire names differ. */
export interface LineAmountFields {
	quantity: unknown;
	netUnitPrice: unknown;
	vatKey: unknown;
	netAmount: unknown;
	vatAmount: unknown;
	grossAmount: unknown;
}

export interface CheckedLineAmounts {
	quantity: number;
	netUnitPrice: number;
	vatKey: VatKey;
	netAmount: number;
	vatAmount: number;
	grossAmount: number;
}

/**
 * Reads one line's amounts as numbers (errors name `at`, e.g. "Line Items[3] › Quantity") and checks them against the
 * service's rules for `currency`. Special VAT keys (0 %) skip the VAT rule.
 */
export function checkedLineAmounts(line: LineAmountFields, at: string, currency: string): CheckedLineAmounts {
	const number = (value: unknown, name: string) => assertNumber(value, fieldPath(at, name));
	const checked = {
		quantity: number(line.quantity, 'Quantity'),
		netUnitPrice: number(line.netUnitPrice, 'Net Unit Price'),
		vatKey: parseVatKey(line.vatKey, fieldPath(at, 'VAT Key')),
		netAmount: number(line.netAmount, 'Net Amount'),
		vatAmount: number(line.vatAmount, 'VAT Amount'),
		grossAmount: number(line.grossAmount, 'Gross Amount'),
	};
	for (const [name, value] of [
		['Net Amount', checked.netAmount],
		['VAT Amount', checked.vatAmount],
		['Gross Amount', checked.grossAmount],
	] as const) {
		if (!fitsAmountDecimals(value)) throw new InputError(fieldPath(at, name), `must be rounded to ${AMOUNT_DECIMALS} decimals, got ${value}`);
	}

	const rate = isSpecialVatKey(checked.vatKey) ? undefined : vatRateOf(checked.vatKey);
	const breach = lineRuleBreach(checked, rate, currency);
	if (breach) {
		const places = breach.decimals === 0 ? 'whole forints' : `${breach.decimals} decimals`;
		const got = { net: checked.netAmount, vat: checked.vatAmount, gross: checked.grossAmount }[breach.rule];
		const [name, rule] = {
			net: ['Net Amount', `must equal Net Unit Price × Quantity rounded to ${places}`],
			vat: ['VAT Amount', `must equal Net Amount × ${rate}% rounded to ${places}`],
			gross: ['Gross Amount', 'must equal Net Amount + VAT Amount'],
		}[breach.rule];
		throw new InputError(fieldPath(at, name), `${rule} (expected ${breach.expected}, got ${got})`);
	}
	return checked;
}
