/**
 * Pre-send check of one line's amounts against the service's rules 259–264 (net = unit price × quantity, VAT = net ×
 * rate / 100, gross = net + VAT, each rounded to the currency). Catches a wrong spreadsheet cell with the row and field
 * named, instead of a Hungarian error after the round trip.
 *
 * Floating point with a tolerance of half a minor unit (plus noise) is enough here: the check accepts either rounding at
 * an exact .5 boundary (the server's tie rule is not documented) and still rejects any real mistake. Exact decimal
 * arithmetic is only used to word the error message.
 */
import { InputError } from '../../../shared/errors';
import { roundAmount } from '../amounts';
import { isSpecialVatKey, isVatKey, parseVatKey, vatRateOf, type VatKey } from '../vatKeys';
import { fieldPath, requireNumberAt } from './common';

const MINOR_UNIT = [1, 0.1, 0.01, 0.001];
const NOISE = 1e-9;

export interface LineAmountCheck {
	/** e.g. "Line Items[3]" */
	prefix: string;
	quantity: number;
	netUnitPrice: number;
	/** Percentage, or undefined to skip the VAT rule (special keys, margin scheme). */
	rate: number | undefined;
	netAmount: number;
	vatAmount: number;
	grossAmount: number;
	decimals: number;
}

function offGrid(value: number, decimals: number): boolean {
	const scaled = value / MINOR_UNIT[decimals];
	// Absolute slack for the division's own error, growing with magnitude only as far as doubles need.
	return Math.abs(scaled - Math.round(scaled)) > 1e-6 + Math.abs(scaled) * 8 * Number.EPSILON;
}

export function checkLineAmounts(c: LineAmountCheck): void {
	const unit = MINOR_UNIT[c.decimals];
	const half = unit / 2 + NOISE * Math.max(1, Math.abs(c.netAmount));
	// Messages (and their field paths) are built only when a check fails: this runs for every line of every request.
	const places = () => `${c.decimals} decimal${c.decimals === 1 ? '' : 's'}`;
	const notRounded = (name: string, value: number) =>
		new InputError(fieldPath(c.prefix, name), `Must be rounded to ${places()} for this currency, got ${value}`);

	if (offGrid(c.netAmount, c.decimals)) throw notRounded('Net Amount', c.netAmount);
	if (offGrid(c.vatAmount, c.decimals)) throw notRounded('VAT Amount', c.vatAmount);
	if (offGrid(c.grossAmount, c.decimals)) throw notRounded('Gross Amount', c.grossAmount);
	if (Math.abs(c.netUnitPrice * c.quantity - c.netAmount) > half) {
		const expected = roundAmount(c.netUnitPrice * c.quantity, c.decimals);
		throw new InputError(
			fieldPath(c.prefix, 'Net Amount'),
			`Must equal Net Unit Price × Quantity rounded to ${places()} (expected ${expected}, got ${c.netAmount})`,
		);
	}
	if (c.rate !== undefined && Math.abs((c.netAmount * c.rate) / 100 - c.vatAmount) > half) {
		const expected = roundAmount((c.netAmount * c.rate) / 100, c.decimals);
		throw new InputError(
			fieldPath(c.prefix, 'VAT Amount'),
			`Must equal Net Amount × ${c.rate}% rounded to ${places()} (expected ${expected}, got ${c.vatAmount})`,
		);
	}
	if (Math.abs(c.netAmount + c.vatAmount - c.grossAmount) > unit / 1000) {
		const expected = roundAmount(c.netAmount + c.vatAmount, c.decimals);
		throw new InputError(
			fieldPath(c.prefix, 'Gross Amount'),
			`Must equal Net Amount + VAT Amount (expected ${expected}, got ${c.grossAmount})`,
		);
	}
}

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
 * service's rules. `skipVatRule`: margin scheme lines, whose VAT is computed on the margin; special VAT keys are always
 * skipped (0 %).
 */
export function checkedLineAmounts(line: LineAmountFields, at: string, decimals: number, skipVatRule = false): CheckedLineAmounts {
	const quantity = requireNumberAt(line.quantity, at, 'Quantity');
	const netUnitPrice = requireNumberAt(line.netUnitPrice, at, 'Net Unit Price');
	const vatKey = isVatKey(line.vatKey) ? line.vatKey : parseVatKey(line.vatKey, `${at} › VAT Key`);
	const netAmount = requireNumberAt(line.netAmount, at, 'Net Amount');
	const vatAmount = requireNumberAt(line.vatAmount, at, 'VAT Amount');
	const grossAmount = requireNumberAt(line.grossAmount, at, 'Gross Amount');
	checkLineAmounts({
		prefix: at,
		quantity,
		netUnitPrice,
		rate: skipVatRule || isSpecialVatKey(vatKey) ? undefined : vatRateOf(vatKey),
		netAmount,
		vatAmount,
		grossAmount,
		decimals,
	});
	return { quantity, netUnitPrice, vatKey, netAmount, vatAmount, grossAmount };
}
