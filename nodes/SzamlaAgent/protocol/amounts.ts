/**
 * Line amounts exactly as the customer pays them, in exact decimal arithmetic (a BigInt mantissa and a power-of-ten
 * scale, taken from the shortest decimal text of each JS number: 7.87 is 787/100, never 7.8699999…).
 *
 * Every currency is sent with 2 decimals, HUF included (szamla-agent.md §4 "Rounding", corrected 2026-12). Whole-forint
 * lines stay available on request (`wholeForints`).
 *
 * What the service checks per line (codes 259–264; 259–261 name the product, 262–264 the row) and the tolerance this
 * module assumes — "unit" is one minor unit of the line: 0.01, or 1 Ft for a HUF line whose three amounts are whole:
 *
 *   259/262  |net unit price × quantity − net| < 1 unit
 *   260/263  |net × rate / 100 − VAT|          < 1 unit   (VAT rounded either way; skipped for margin-scheme lines)
 *   261/264  net + VAT = gross                  exactly
 *
 * Evidence (no vendor statement of the tolerance exists):
 * - The vendor's rounding guide (docs.szamlazz.hu agent/generating_invoice/rounding, as recorded by szamlazz-rs
 *   docs/research/2026-09-12-authoritative-line-amounts.md) prescribes for gross prices: VAT = round(gross × r / (100 + r)),
 *   net = gross − VAT. That split puts the VAT up to (100 + r) / 200 units (0.635 at 27 %) from net × r / 100 — e.g.
 *   1000 Ft → 787 + 213, where 787 × 27 % = 212.49 — so the service must accept VAT off by more than half a unit.
 *   Its XML example sends 3 × 393.66 (= 1180.98) with net 1181: net may differ from unit price × quantity.
 * - szamlazz.js (the JS peer) sends exactly that split in every currency, with the net unit price rounded to 2 decimals.
 * - Live, on the real service (szamlazz-rs probes): a HUF receipt 1 × 787.40 → 787.40 + 212.60 = 1000 (2026-09-11), and
 *   an EUR invoice 3 × 7.873333 → 23.62 + 6.38 = 30.00 (2026-09-12): fillér lines and 6-decimal unit prices pass.
 * - The notes' summary: "within a cent" (§4). Nothing suggests any tolerance on gross = net + VAT.
 * "< 1 unit" is the strictest reading that accepts all of this; a wrong spreadsheet cell (off by a whole unit or more)
 * is still refused. Lines computed here stay well inside it: VAT at most 0.635 units off, and net unit price × quantity
 * within 0.4 units of net (net is that product rounded, with margin for a server that multiplies in binary floating point).
 */
import { InputError } from '../../shared/errors';
import { parseVatKey, vatRateOf } from './vatKeys';

/** Decimals of every line amount and total, in every currency. */
export const AMOUNT_DECIMALS = 2;

/**
 * Most decimals a derived net unit price carries: the live probe's 7.873333 EUR had 6, and the schema type is a double.
 * Enough for |unit price × quantity − net| ≤ 0.4 minor units whenever |quantity| ≤ 8000.
 */
const MAX_UNIT_PRICE_DECIMALS = 6;

/** HUF, also written "Ft" (any case and spacing). */
export function isHuf(currency: string): boolean {
	const code = currency.trim().toUpperCase();
	return code === 'HUF' || code === 'FT';
}

// ---------------------------------------------------------------------------------------------------------------
// Exact decimals: value = m × 10^-s
// ---------------------------------------------------------------------------------------------------------------

interface Decimal {
	m: bigint;
	s: number;
}

/** The powers every line needs, made once. */
const POWERS_OF_TEN = Array.from({ length: 24 }, (_, n) => 10n ** BigInt(n));

function pow10(n: number): bigint {
	return POWERS_OF_TEN[n] ?? 10n ** BigInt(n);
}

/** The decimal a JS number stands for: an integer as itself, anything else from its shortest round-trip text. */
function toDecimal(value: number): Decimal {
	if (Number.isInteger(value)) return { m: BigInt(value), s: 0 };
	const text = String(value);
	let mantissaText = text;
	let exponent = 0;
	const e = text.indexOf('e');
	if (e >= 0) {
		mantissaText = text.slice(0, e);
		exponent = Number(text.slice(e + 1));
	}
	const dot = mantissaText.indexOf('.');
	let scale = 0;
	if (dot >= 0) {
		scale = mantissaText.length - dot - 1;
		mantissaText = mantissaText.slice(0, dot) + mantissaText.slice(dot + 1);
	}
	scale -= exponent;
	let m = BigInt(mantissaText);
	if (scale < 0) {
		m *= pow10(-scale);
		scale = 0;
	}
	return { m, s: scale };
}

function mul(a: Decimal, b: Decimal): Decimal {
	return { m: a.m * b.m, s: a.s + b.s };
}

/** Mantissa of `d` at scale `s` (exact when s ≥ d.s). */
function atScale(d: Decimal, s: number): bigint {
	return d.m * pow10(s - d.s);
}

function abs(n: bigint): bigint {
	return n < 0n ? -n : n;
}

/** a / b rounded half away from zero. */
function divRound(a: bigint, b: bigint): bigint {
	const q = (abs(a) * 2n + abs(b)) / (abs(b) * 2n);
	return a < 0n !== b < 0n ? -q : q;
}

/** Mantissa of `d` rounded (half away from zero) to `decimals` decimals. */
function roundMantissa(d: Decimal, decimals: number): bigint {
	if (d.s <= decimals) return atScale(d, decimals);
	return divRound(d.m, pow10(d.s - decimals));
}

function mantissaText(m: bigint, decimals: number): string {
	if (decimals === 0) return m.toString();
	const digits = abs(m).toString().padStart(decimals + 1, '0');
	return `${m < 0n ? '-' : ''}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

const MAX_EXACT_MANTISSA = BigInt(Number.MAX_SAFE_INTEGER);

/** The JS number nearest m × 10^-decimals (never -0). */
function mantissaToNumber(m: bigint, decimals: number): number {
	if (m === 0n) return 0;
	// Both operands exact, so the one correctly rounded division gives the double nearest the decimal, as parsing its
	// text would; beyond 2^53 the text is parsed.
	if (abs(m) <= MAX_EXACT_MANTISSA && decimals <= 22) return Number(m) / 10 ** decimals;
	return Number(mantissaText(m, decimals));
}

/** Round a number to `decimals` places, half away from zero, on its decimal value (1.005 → 1.01, -2.5 → -3). */
export function roundAmount(value: number, decimals: number): number {
	if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
	return mantissaToNumber(roundMantissa(toDecimal(value), decimals), decimals);
}

/** The value has at most AMOUNT_DECIMALS decimals, as every amount sent must. */
export function fitsAmountDecimals(value: number): boolean {
	return Number.isFinite(value) && toDecimal(value).s <= AMOUNT_DECIMALS;
}

// ---------------------------------------------------------------------------------------------------------------
// Line amounts
// ---------------------------------------------------------------------------------------------------------------

export interface LineAmountsInput {
	/** Quantity; negative on corrective/final lines. */
	quantity: number;
	/** Unit price, net or gross as `priceIncludesVat` says; any number of decimals. */
	unitPrice: number;
	/** The unit price includes VAT (gross unit price, what the customer pays per unit). */
	priceIncludesVat: boolean;
	/** VAT key as typed ('27', 27, '27%', 'AAM'). */
	vatKey: string | number;
	/** Currency code. */
	currency: string;
	/** HUF lines in whole forints (the vendor's whole-forint rounding); other currencies ignore it. */
	wholeForints?: boolean;
}

export interface LineAmounts {
	netUnitPrice: number;
	netAmount: number;
	vatAmount: number;
	grossAmount: number;
	/**
	 * Set when the printed line gross differs from what the customer pays (gross unit price × quantity to the cent),
	 * naming the line and the difference.
	 */
	warning?: string;
}

function finite(value: unknown, field: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new InputError(field, `must be a finite number, got ${typeof value === 'number' ? String(value) : typeof value}`);
	}
	return value;
}

function fieldName(field: string, name: string): string {
	return field ? `${field} › ${name}` : name;
}

/** VAT mantissa of a net mantissa at the same scale: round(net × r / 100). */
function vatOf(net: bigint, rate: bigint): bigint {
	return divRound(net * rate, 100n);
}

/**
 * Net unit price, net, VAT and gross for one line, passing the service's per-line rules (see the top of this file).
 *
 * Net unit price given: sent unchanged; net = round(price × quantity); VAT = round(net × r / 100); gross = net + VAT.
 *
 * Gross unit price given (the customer's price):
 * 1. gross = round(price × quantity) — the line total the customer pays;
 * 2. VAT = round(gross × r / (100 + r)), net = gross − VAT: the vendor's gross-first split. It hits the gross by
 *    construction, and it is the strictly rounded split (VAT = round(net × r / 100)) whenever one exists;
 * 3. net unit price = the shortest number (up to 6 decimals) whose product with the quantity is within 0.4 units of
 *    net. Should none exist (|quantity| above 8000 or so), the line is computed from the closest one as a net-priced
 *    line and `warning` says by how much its gross differs.
 * Whole-forint lines (`wholeForints`, HUF) round to forints instead of fillér; `warning` then reports the fillér a
 * gross price loses.
 *
 * `field` prefixes error fields and names the line in the warning, e.g. "Line Items[3]".
 */
export function computeLine(input: LineAmountsInput, field = ''): LineAmounts {
	const quantity = finite(input.quantity, fieldName(field, 'Quantity'));
	const unitPrice = finite(input.unitPrice, fieldName(field, 'Unit Price'));
	const rate = BigInt(vatRateOf(parseVatKey(input.vatKey, fieldName(field, 'VAT Key'))));
	const currency = (input.currency ?? '').trim();
	const decimals = input.wholeForints === true && isHuf(currency) ? 0 : AMOUNT_DECIMALS;
	const q = toDecimal(quantity);
	const price = toDecimal(unitPrice);
	if (!input.priceIncludesVat) return netPricedLine(unitPrice, q, rate, decimals);

	const line = grossPricedLine(price, q, rate, decimals);
	const paid = roundMantissa(mul(price, q), AMOUNT_DECIMALS);
	const difference = roundMantissa(toDecimal(line.grossAmount), AMOUNT_DECIMALS) - paid;
	if (difference === 0n) return line;
	const amount = (m: bigint) => `${mantissaText(m, AMOUNT_DECIMALS)} ${currency}`;
	return {
		...line,
		warning:
			`${field || 'Line'}: the line gross is ${amount(paid + difference)}, ${amount(abs(difference))} ` +
			`${difference > 0n ? 'more' : 'less'} than ${quantity} × ${unitPrice} = ${amount(paid)} the customer pays` +
			(decimals === 0 ? ' (whole-forint amounts)' : ''),
	};
}

function netPricedLine(unitPrice: number, q: Decimal, rate: bigint, decimals: number): LineAmounts {
	const net = roundMantissa(mul(toDecimal(unitPrice), q), decimals);
	return amounts(unitPrice, net, vatOf(net, rate), decimals);
}

function grossPricedLine(price: Decimal, q: Decimal, rate: bigint, decimals: number): LineAmounts {
	const gross = roundMantissa(mul(price, q), decimals);
	const vat = divRound(gross * rate, 100n + rate);
	const net = gross - vat;
	if (q.m === 0n) {
		// No quantity, no amount: show the gross price's net equivalent.
		const s = AMOUNT_DECIMALS + 2;
		const netEquivalent = divRound(price.m * 100n * pow10(s), pow10(price.s) * (100n + rate));
		return amounts(mantissaToNumber(netEquivalent, s), 0n, 0n, decimals);
	}
	for (let s = decimals; s <= MAX_UNIT_PRICE_DECIMALS; s++) {
		// Unit price mantissa at scale s: net·10^-decimals / (q.m·10^-q.s); the product's error in units of 10^-(s + q.s).
		const unit = pow10(s + q.s - decimals);
		const u = divRound(net * unit, q.m);
		if (abs(u * q.m - net * unit) * 10n <= 4n * unit) return amounts(mantissaToNumber(u, s), net, vat, decimals);
	}
	const closest = divRound(net * pow10(MAX_UNIT_PRICE_DECIMALS + q.s - decimals), q.m);
	return netPricedLine(mantissaToNumber(closest, MAX_UNIT_PRICE_DECIMALS), q, rate, decimals);
}

function amounts(netUnitPrice: number, net: bigint, vat: bigint, decimals: number): LineAmounts {
	return {
		netUnitPrice,
		netAmount: mantissaToNumber(net, decimals),
		vatAmount: mantissaToNumber(vat, decimals),
		grossAmount: mantissaToNumber(net + vat, decimals),
	};
}

// ---------------------------------------------------------------------------------------------------------------
// The service's per-line rules, for lines from anywhere (the pre-send check)
// ---------------------------------------------------------------------------------------------------------------

export interface LineValues {
	quantity: number;
	netUnitPrice: number;
	netAmount: number;
	vatAmount: number;
	grossAmount: number;
}

/** Which rule a line breaks: 'net' (259/262), 'vat' (260/263), 'gross' (261/264). */
export interface LineRuleBreach {
	rule: 'net' | 'vat' | 'gross';
	/** The value the rule expects, rounded to the line's decimals. */
	expected: number;
	/** The line's decimals: 2, or 0 for a whole-forint HUF line. */
	decimals: number;
}

/** |a − b| < one unit of `decimals` decimals, exactly. */
function withinOneUnit(a: Decimal, b: Decimal, decimals: number): boolean {
	const s = Math.max(a.s, b.s, decimals);
	return abs(atScale(a, s) - atScale(b, s)) < pow10(s - decimals);
}

function isWhole(d: Decimal): boolean {
	return d.m % pow10(d.s) === 0n;
}

/**
 * The first of the service's per-line rules the line breaks, under the tolerance documented at the top of this file;
 * undefined when it passes. `rate` undefined skips the VAT rule (special keys, margin scheme). Amounts are expected to
 * fit AMOUNT_DECIMALS (`fitsAmountDecimals`); all numbers finite.
 */
export function lineRuleBreach(line: LineValues, rate: number | undefined, currency: string): LineRuleBreach | undefined {
	const net = toDecimal(line.netAmount);
	const vat = toDecimal(line.vatAmount);
	const gross = toDecimal(line.grossAmount);
	const decimals = isHuf(currency) && isWhole(net) && isWhole(vat) && isWhole(gross) ? 0 : AMOUNT_DECIMALS;
	const product = mul(toDecimal(line.netUnitPrice), toDecimal(line.quantity));
	if (!withinOneUnit(product, net, decimals)) {
		return { rule: 'net', expected: mantissaToNumber(roundMantissa(product, decimals), decimals), decimals };
	}
	if (rate !== undefined) {
		const percent = toDecimal(rate);
		const exactVat = mul(net, { m: percent.m, s: percent.s + 2 });
		if (!withinOneUnit(exactVat, vat, decimals)) {
			return { rule: 'vat', expected: mantissaToNumber(roundMantissa(exactVat, decimals), decimals), decimals };
		}
	}
	const s = Math.max(net.s, vat.s, gross.s);
	const sum = atScale(net, s) + atScale(vat, s);
	if (sum !== atScale(gross, s)) return { rule: 'gross', expected: mantissaToNumber(sum, s), decimals };
	return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------------------------------------------

export interface AmountTotals {
	netAmount: number;
	vatAmount: number;
	grossAmount: number;
}

/** Exact totals of line amounts, each rounded to AMOUNT_DECIMALS (they already are when they came from computeLine). */
export function sumLines(lines: ReadonlyArray<AmountTotals>): AmountTotals {
	let net = 0n;
	let vat = 0n;
	let gross = 0n;
	lines.forEach((line, i) => {
		const at = `Line Items[${i + 1}]`;
		net += roundMantissa(toDecimal(finite(line.netAmount, `${at} › Net Amount`)), AMOUNT_DECIMALS);
		vat += roundMantissa(toDecimal(finite(line.vatAmount, `${at} › VAT Amount`)), AMOUNT_DECIMALS);
		gross += roundMantissa(toDecimal(finite(line.grossAmount, `${at} › Gross Amount`)), AMOUNT_DECIMALS);
	});
	return {
		netAmount: mantissaToNumber(net, AMOUNT_DECIMALS),
		vatAmount: mantissaToNumber(vat, AMOUNT_DECIMALS),
		grossAmount: mantissaToNumber(gross, AMOUNT_DECIMALS),
	};
}
