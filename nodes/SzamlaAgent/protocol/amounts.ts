/**
 * Line amounts that pass the Számla Agent's per-line checks (error codes 259–264, szamla-agent.md §3.5/§4):
 *
 *   net   = round(netUnitPrice × quantity)
 *   VAT   = round(net × rate / 100)
 *   gross = net + VAT
 *
 * "round" is to the currency's decimals, half away from zero. All arithmetic runs on exact decimals (a BigInt mantissa
 * and a power-of-ten scale) taken from the shortest decimal text of each JS number, so 7.87 is 787/100 and never
 * 7.8699999… — binary float drift cannot move a value across a rounding boundary.
 */
import { InputError } from '../../shared/errors';
import { isVatKey, parseVatKey, vatRateOf, type VatKey } from './vatKeys';

/**
 * Decimals per currency. HUF (also written "Ft") is invoiced in whole forints; every other currency with 2 decimals.
 * This follows what the service prints and what peer clients send (szamla-agent.md §4 "Rounding"); currencies without
 * minor units (e.g. JPY) are rare on Hungarian invoices and 2 decimals is still accepted for them.
 */
export function currencyDecimals(currency: string): number {
	if (currency === 'HUF') return 0; // the usual spelling, without the trim and upper-casing below
	const code = currency.trim().toUpperCase();
	return code === 'HUF' || code === 'FT' ? 0 : 2;
}

// ---------------------------------------------------------------------------------------------------------------
// Exact decimals: value = mantissa × 10^-scale
// ---------------------------------------------------------------------------------------------------------------

interface Decimal {
	m: bigint;
	s: number;
}

const POW10: bigint[] = [];
function pow10(n: number): bigint {
	let p = POW10[n];
	if (p === undefined) {
		p = 10n ** BigInt(n);
		POW10[n] = p;
	}
	return p;
}

/** The decimal a JS number stands for, from its shortest round-trip text (handles exponent forms). */
function toDecimal(value: number): Decimal {
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

/** a / b rounded half away from zero to `scale` decimals, as a mantissa at that scale. */
function divRound(aMantissa: bigint, bMantissa: bigint): bigint {
	const negative = aMantissa < 0n !== bMantissa < 0n;
	const a = aMantissa < 0n ? -aMantissa : aMantissa;
	const b = bMantissa < 0n ? -bMantissa : bMantissa;
	const q = (a * 2n + b) / (b * 2n);
	return negative ? -q : q;
}

/** Mantissa of `d` rounded (half away from zero) to `decimals` decimals. */
function roundMantissa(d: Decimal, decimals: number): bigint {
	if (d.s <= decimals) return d.m * pow10(decimals - d.s);
	return divRound(d.m, pow10(d.s - decimals));
}

function mantissaToNumber(m: bigint, decimals: number): number {
	if (m === 0n) return 0;
	if (decimals === 0) return Number(m);
	const negative = m < 0n;
	const digits = (negative ? -m : m).toString().padStart(decimals + 1, '0');
	const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
	return Number(negative ? `-${text}` : text);
}

/** Round a number to `decimals` places, half away from zero, on its decimal value (1.005 → 1.01, -2.5 → -3). */
export function roundAmount(value: number, decimals: number): number {
	if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
	return mantissaToNumber(roundMantissa(toDecimal(value), decimals), decimals);
}

// ---------------------------------------------------------------------------------------------------------------
// Line amounts
// ---------------------------------------------------------------------------------------------------------------

export interface LineAmountsInput {
	/** Quantity; negative on corrective/final lines. */
	quantity: number;
	/** Unit price, net or gross as `priceIncludesVat` says. */
	unitPrice: number;
	/** The unit price includes VAT (gross unit price). */
	priceIncludesVat: boolean;
	/** VAT key as typed ('27', 27, '27%', 'AAM'). */
	vatKey: string | number;
	/** Currency code; decides the decimals. */
	currency: string;
}

export interface LineAmounts {
	netUnitPrice: number;
	netAmount: number;
	vatAmount: number;
	grossAmount: number;
}

/** How far past the currency's decimals a derived net unit price may go (0.01 EUR → up to 0.0000001 EUR). */
const MAX_EXTRA_UNIT_PRICE_DECIMALS = 5;

function finite(value: unknown, field: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new InputError(field, `Must be a finite number, got ${typeof value === 'number' ? String(value) : typeof value}`);
	}
	return value;
}

/**
 * Net unit price, net, VAT and gross for one line, so that the service's checks hold exactly.
 *
 * Net unit price given: it is sent unchanged; net = round(u × q); VAT = round(net × r / 100); gross = net + VAT.
 *
 * Gross unit price g given (the customer's price, e.g. 9.99 EUR at 27 %):
 * 1. target gross G = round(g × q) — what the customer expects to pay for the line;
 * 2. find the net N with N + round(N × r / 100) = G. N₀ = round(G × 100 / (100 + r)) is exact or one unit off, because
 *    VAT(N) grows by r/100 ≤ 1 unit per unit of N; we try N₀, N₀ ∓ 1. When no N hits G exactly (VAT steps over it),
 *    the candidate whose gross is nearest G is taken, so the gross may differ from g × q by one minor unit;
 * 3. choose the shortest unit price u (currency decimals, then up to 5 more) with u × q within 0.4 minor units of N, so
 *    round(u × q) = N holds with a margin no floating-point evaluation on the server side can cross.
 * The three equalities then hold by construction for (u, N, VAT(N), N + VAT(N)).
 *
 * `field` prefixes error fields, e.g. "Line Items[3]".
 */
export function computeLine(input: LineAmountsInput, field = ''): LineAmounts {
	const quantity = finiteAt(input.quantity, field, 'Quantity');
	const unitPrice = finiteAt(input.unitPrice, field, 'Unit Price');
	const key: VatKey = isVatKey(input.vatKey) ? input.vatKey : parseVatKey(input.vatKey, fieldName(field, 'VAT Key'));
	const decimals = currencyDecimals(input.currency ?? '');
	const rate = vatRateOf(key);
	if (!input.priceIncludesVat) {
		const whole = wholeNumberNetLine(unitPrice, quantity, rate, decimals);
		if (whole) return whole;
	}
	return exactLine(unitPrice, quantity, rate, decimals, input.priceIncludesVat);
}

function fieldName(field: string, name: string): string {
	return field ? `${field} › ${name}` : name;
}

/** `finite` with the field name built only when the check fails (computeLine runs per line). */
function finiteAt(value: unknown, field: string, name: string): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	return finite(value, fieldName(field, name));
}

/**
 * |unit price × quantity| up to which whole-number lines are computed in doubles: the net mantissa (× 10^decimals, at
 * most 100) times the rate (at most 100) then stays below 2^53, where every integer operation below is exact.
 */
const WHOLE_NUMBER_LIMIT = Math.floor(Number.MAX_SAFE_INTEGER / 10_000);

/**
 * The common case — whole net unit price × whole quantity — without BigInt: the same result as the exact path, since
 * every step is an exact integer operation on doubles below 2^53, and m / 10^decimals is the double nearest to the
 * decimal m·10^-decimals, just as Number() of its text is. Undefined when the inputs do not fit.
 */
function wholeNumberNetLine(unitPrice: number, quantity: number, rate: number, decimals: number): LineAmounts | undefined {
	if (!Number.isInteger(unitPrice) || !Number.isInteger(quantity) || !Number.isInteger(rate) || rate < 0 || rate > 100) return undefined;
	if (decimals !== 0 && decimals !== 2) return undefined;
	const product = unitPrice * quantity;
	if (!(Math.abs(product) <= WHOLE_NUMBER_LIMIT)) return undefined;
	const scale = decimals === 0 ? 1 : 100;
	const net = product * scale; // mantissa at `decimals`
	// VAT mantissa: round(net × rate / 100), half away from zero.
	const scaled = net * rate;
	const abs = Math.abs(scaled);
	const remainder = abs % 100;
	const vatAbs = (abs - remainder) / 100 + (remainder >= 50 ? 1 : 0);
	const vat = scaled < 0 ? -vatAbs : vatAbs;
	return {
		netUnitPrice: unitPrice,
		netAmount: wholeMantissaToNumber(net, scale),
		vatAmount: wholeMantissaToNumber(vat, scale),
		grossAmount: wholeMantissaToNumber(net + vat, scale),
	};
}

/** mantissaToNumber for a mantissa held in a double (never -0). */
function wholeMantissaToNumber(m: number, scale: number): number {
	return m === 0 ? 0 : m / scale;
}

/** computeLine on exact decimals (BigInt): every input. Exported for the tests that compare the fast path with it. */
export function exactLine(unitPrice: number, quantity: number, rateNumber: number, decimals: number, priceIncludesVat: boolean): LineAmounts {
	const rate = BigInt(rateNumber);
	const q = toDecimal(quantity);

	// VAT mantissa (at `decimals`) of a net mantissa (at `decimals`): round(N × r / 100).
	const vatOf = (net: bigint): bigint => divRound(net * rate, 100n);

	if (!priceIncludesVat) {
		const net = roundMantissa(mul(toDecimal(unitPrice), q), decimals);
		const vat = vatOf(net);
		return {
			netUnitPrice: unitPrice,
			netAmount: mantissaToNumber(net, decimals),
			vatAmount: mantissaToNumber(vat, decimals),
			grossAmount: mantissaToNumber(net + vat, decimals),
		};
	}

	const g = toDecimal(unitPrice);
	const targetGross = roundMantissa(mul(g, q), decimals);
	const n0 = divRound(targetGross * 100n, 100n + rate);
	let net = n0;
	let bestDistance = -1n;
	for (const candidate of [n0, n0 - 1n, n0 + 1n]) {
		const diff = candidate + vatOf(candidate) - targetGross;
		const distance = diff < 0n ? -diff : diff;
		if (bestDistance < 0n || distance < bestDistance) {
			bestDistance = distance;
			net = candidate;
			if (distance === 0n) break;
		}
	}
	const vat = vatOf(net);
	return {
		netUnitPrice: unitPriceFor(net, decimals, q, g, rate),
		netAmount: mantissaToNumber(net, decimals),
		vatAmount: mantissaToNumber(vat, decimals),
		grossAmount: mantissaToNumber(net + vat, decimals),
	};
}

/** Shortest unit price u with |u × q − N| ≤ 0.4 minor units (see computeLine step 3). */
function unitPriceFor(net: bigint, decimals: number, q: Decimal, gross: Decimal, rate: bigint): number {
	if (q.m === 0n) {
		// No quantity, no amount: show the gross price's net equivalent.
		const s = decimals + 2;
		const m = divRound(gross.m * 100n * pow10(s), pow10(gross.s) * (100n + rate));
		return mantissaToNumber(m, s);
	}
	for (let extra = 0; extra <= MAX_EXTRA_UNIT_PRICE_DECIMALS; extra++) {
		const s = decimals + extra;
		// u = N / q at scale s: N·10^-decimals / (q.m·10^-q.s) = N·10^(q.s + extra) / q.m (mantissa at scale s).
		const u = divRound(net * pow10(q.s + extra), q.m);
		// |u·q − N| in units of 10^-(s + q.s): compare against 0.4 minor units = 4·10^(extra + q.s - 1).
		const error = u * q.m - net * pow10(extra + q.s);
		const abs = error < 0n ? -error : error;
		if (abs * 10n <= 4n * pow10(extra + q.s)) return mantissaToNumber(u, s);
	}
	const s = decimals + MAX_EXTRA_UNIT_PRICE_DECIMALS;
	return mantissaToNumber(divRound(net * pow10(q.s + MAX_EXTRA_UNIT_PRICE_DECIMALS), q.m), s);
}

export interface AmountTotals {
	netAmount: number;
	vatAmount: number;
	grossAmount: number;
}

/** Exact totals of line amounts, rounded to the currency (they already are when they came from computeLine). */
export function sumLines(lines: ReadonlyArray<AmountTotals>, currency: string): AmountTotals {
	const decimals = currencyDecimals(currency);
	let net = 0n;
	let vat = 0n;
	let gross = 0n;
	lines.forEach((line, i) => {
		const at = `Line Items[${i + 1}]`;
		net += roundMantissa(toDecimal(finite(line.netAmount, `${at} › Net Amount`)), decimals);
		vat += roundMantissa(toDecimal(finite(line.vatAmount, `${at} › VAT Amount`)), decimals);
		gross += roundMantissa(toDecimal(finite(line.grossAmount, `${at} › Gross Amount`)), decimals);
	});
	return {
		netAmount: mantissaToNumber(net, decimals),
		vatAmount: mantissaToNumber(vat, decimals),
		grossAmount: mantissaToNumber(gross, decimals),
	};
}
