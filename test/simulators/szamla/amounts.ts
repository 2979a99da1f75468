/**
 * Line amount checks the real service enforces (259/260/261, 395; szamla-agent.md §2.1, §3.5 and the corrected §4
 * rounding note: HUF lines may carry fillér). The tolerance, and the evidence for it, are the ones
 * nodes/SzamlaAgent/protocol/amounts.ts documents; this is an independent implementation of them.
 */
import { AgentError } from './answers';

/** Special VAT keys (xmlnyugtavalasz.xsd afatipusTipus minus the phased-out TEHK): all mean 0 % VAT. */
export const SPECIAL_VAT_KEYS: ReadonlySet<string> = new Set([
	'TAM', 'AAM', 'EU', 'EUK', 'MAA', 'F.AFA', 'K.AFA', 'ÁKK', 'TAHK', 'EUT', 'EUKT', 'HO', 'EUE', 'EUFADE', 'EUFAD37',
	'ATK', 'NAM', 'EAM', 'KBAUK', 'KBAET',
]);

/** "Exact VAT rate" values listed by the vendor docs. */
export const NUMERIC_VAT_RATES: ReadonlySet<number> = new Set([0, 5, 7, 18, 19, 20, 25, 27]);

export function isHuf(currency: string): boolean {
	const c = currency.trim().toUpperCase();
	return c === 'HUF' || c === 'FT' || c === '';
}

/**
 * One minor unit of a line, as far as the service's checks go: 1 Ft for a HUF line whose amounts are all whole (the
 * vendor's whole-forint rounding guide), else 0.01 — HUF lines may carry fillér (szamla-agent.md §4, 2026-12).
 */
export function lineUnit(currency: string, amounts: readonly number[]): number {
	return isHuf(currency) && amounts.every(Number.isInteger) ? 1 : 0.01;
}

/**
 * The service's tolerance: a computed amount may be rounded either way to the line's minor unit, i.e. it must lie
 * less than one unit from the exact value (the vendor's own gross-first split puts VAT up to 0.635 units off; a value
 * a whole unit or more away is a mistake). The slack only absorbs binary floating point.
 */
function withinOneUnit(value: number, exact: number, unit: number): boolean {
	return Math.abs(value - exact) < unit * (1 - 1e-9);
}

function roundTo(value: number, unit: number): number {
	return tidy(Math.round(value / unit + Number.EPSILON * Math.sign(value)) * unit);
}

/** Keep stored totals free of float noise (0.1 + 0.2). */
export function tidy(value: number): number {
	return Math.round(value * 1e6) / 1e6;
}

/** VAT key → rate in percent; throws 395 for keys the service does not accept (TEHK was phased out). */
export function vatRate(key: string): number {
	if (SPECIAL_VAT_KEYS.has(key)) return 0;
	if (/^\d+(\.\d+)?$/.test(key)) {
		const rate = Number(key);
		if (NUMERIC_VAT_RATES.has(rate)) return rate;
	}
	throw new AgentError(395, `Az áfakulcs értéke nem elfogadható: ${key}`);
}

export interface LineAmounts {
	name: string;
	quantity: number;
	unitPrice: number;
	vatKey: string;
	net: number;
	vat: number;
	gross: number;
}

/** Check one line (259/260/261 name the product). Returns the VAT rate. */
export function checkLine(line: LineAmounts, currency: string): number {
	const rate = vatRate(line.vatKey);
	const unit = lineUnit(currency, [line.net, line.vat, line.gross]);
	const exactNet = line.unitPrice * line.quantity;
	if (!withinOneUnit(line.net, exactNet, unit)) {
		throw new AgentError(259, `A tétel nettó értéke nem egyezik a nettó egységár és a mennyiség szorzatával (${line.name}): ${line.net} ≠ ${roundTo(exactNet, unit)}`);
	}
	const exactVat = (line.net * rate) / 100;
	if (!withinOneUnit(line.vat, exactVat, unit)) {
		throw new AgentError(260, `A tétel áfa értéke nem egyezik a nettó érték és az áfakulcs alapján számolt értékkel (${line.name}): ${line.vat} ≠ ${roundTo(exactVat, unit)}`);
	}
	if (Math.abs(line.gross - (line.net + line.vat)) > 1e-9 * Math.max(1, Math.abs(line.gross))) {
		throw new AgentError(261, `A tétel bruttó értéke nem egyezik a nettó érték és az áfa összegével (${line.name}): ${line.gross} ≠ ${tidy(line.net + line.vat)}`);
	}
	return rate;
}

/** Receipt payments must add up to the gross total (340), to the fillér. */
export function samePaidAmount(a: number, b: number): boolean {
	return Math.abs(a - b) < 0.005;
}

export function sumTotals(lines: ReadonlyArray<{ net: number; vat: number; gross: number }>): { net: number; vat: number; gross: number } {
	let net = 0;
	let vat = 0;
	let gross = 0;
	for (const l of lines) {
		net += l.net;
		vat += l.vat;
		gross += l.gross;
	}
	return { net: tidy(net), vat: tidy(vat), gross: tidy(gross) };
}

/** A required number field: a missing or unparsable value is an XML read error as far as the service is concerned. */
export function requireNumber(raw: string | undefined, field: string): number {
	const n = raw === undefined || raw === '' ? NaN : Number(raw);
	if (!Number.isFinite(n)) throw new AgentError(57, `XML olvasási hiba: a(z) ${field} mező nem szám: ${raw ?? '(hiányzik)'}`);
	return n;
}
