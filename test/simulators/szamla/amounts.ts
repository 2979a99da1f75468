/**
 * Line amount checks the real service enforces (259/260/261, 395; szamla-agent.md §2.1 and §3.5).
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
 * Allowed difference between what the client sent and what the server computes: the real service accepts values a
 * client rounded itself (JS rounds HUF to whole forints, others to cents), so we allow 1 for HUF/Ft and 0.01 for
 * 2-decimal currencies, plus a hair for binary floating point.
 */
export function tolerance(currency: string): number {
	return (isHuf(currency) ? 1 : 0.01) + 1e-9;
}

export function roundMoney(value: number, currency: string): number {
	const factor = isHuf(currency) ? 1 : 100;
	return Math.round(value * factor + Number.EPSILON * Math.sign(value)) / factor;
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

/** Check one line; `row` is 1-based for messages. Returns the VAT rate. */
export function checkLine(line: LineAmounts, currency: string): number {
	const rate = vatRate(line.vatKey);
	const tol = tolerance(currency);
	const expectedNet = roundMoney(line.unitPrice * line.quantity, currency);
	if (Math.abs(line.net - expectedNet) > tol) {
		throw new AgentError(259, `A tétel nettó értéke nem egyezik a nettó egységár és a mennyiség szorzatával (${line.name}): ${line.net} ≠ ${expectedNet}`);
	}
	const expectedVat = roundMoney((line.net * rate) / 100, currency);
	if (Math.abs(line.vat - expectedVat) > tol) {
		throw new AgentError(260, `A tétel áfa értéke nem egyezik a nettó érték és az áfakulcs alapján számolt értékkel (${line.name}): ${line.vat} ≠ ${expectedVat}`);
	}
	if (Math.abs(line.gross - (line.net + line.vat)) > tol) {
		throw new AgentError(261, `A tétel bruttó értéke nem egyezik a nettó érték és az áfa összegével (${line.name}): ${line.gross} ≠ ${tidy(line.net + line.vat)}`);
	}
	return rate;
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
