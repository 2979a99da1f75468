/**
 * VAT keys (`afakulcs`) the Számla Agent accepts on invoice and receipt lines: exact rates and special keys
 * (szamla-agent.md §2.1 and the receipt answer schema's `afatipusTipus`). Special keys carry no VAT on the line, so
 * their effective rate is 0 (the service checks VAT = net × rate / 100 per line).
 */
import { InputError } from '../../shared/errors';

/** Exact rates listed by the vendor docs ("exact VAT rate"); Hungarian ones are 27, 18, 5 and 0. */
export const NUMERIC_VAT_RATES = ['0', '5', '7', '18', '19', '20', '25', '27'] as const;
export type NumericVatRate = (typeof NUMERIC_VAT_RATES)[number];

export const SPECIAL_VAT_KEYS = [
	'TAM',
	'AAM',
	'EU',
	'EUK',
	'MAA',
	'F.AFA',
	'K.AFA',
	'ÁKK',
	'TAHK',
	'EUT',
	'EUKT',
	'HO',
	'EUE',
	'EUFADE',
	'EUFAD37',
	'ATK',
	'NAM',
	'EAM',
	'KBAUK',
	'KBAET',
] as const;
export type SpecialVatKey = (typeof SPECIAL_VAT_KEYS)[number];

/** A canonical VAT key as sent on the wire. */
export type VatKey = NumericVatRate | SpecialVatKey;

export interface VatKeyInfo {
	key: VatKey;
	/** English label for pick lists. */
	label: string;
	/** Percentage used for the line VAT (0 for special keys). */
	rate: number;
}

const SPECIAL_LABELS: Record<SpecialVatKey, string> = {
	TAM: 'TAM – exempt supply (tárgyi adómentes)',
	AAM: 'AAM – exempt person (alanyi adómentes)',
	EU: 'EU – supply within the EU',
	EUK: 'EUK – supply outside the EU',
	MAA: 'MAA – exempt from VAT (mentes az adó alól)',
	'F.AFA': 'F.AFA – reverse charge',
	'K.AFA': 'K.AFA – margin scheme VAT',
	ÁKK: 'ÁKK – outside the scope of VAT',
	TAHK: 'TAHK – outside the scope of VAT',
	EUT: 'EUT – within the EU (former EU key)',
	EUKT: 'EUKT – outside the EU (former EUK key)',
	HO: 'HO – outside the EU',
	EUE: 'EUE – EU-related (vendor: translation pending)',
	EUFADE: 'EUFADE – EU-related (vendor: translation pending)',
	EUFAD37: 'EUFAD37 – EU-related (vendor: translation pending)',
	ATK: 'ATK – outside the territorial scope of VAT (áfa tárgyi hatályán kívül)',
	NAM: 'NAM – exempt from VAT (mentes az adó alól)',
	EAM: 'EAM – outside the EU',
	KBAUK: 'KBAUK – EU-related (vendor: translation pending)',
	KBAET: 'KBAET – EU-related (vendor: translation pending)',
};

export const VAT_KEYS: readonly VatKeyInfo[] = Object.freeze([
	...NUMERIC_VAT_RATES.map((key) => Object.freeze({ key, label: `${key}%`, rate: Number(key) })),
	...SPECIAL_VAT_KEYS.map((key) => Object.freeze({ key, label: SPECIAL_LABELS[key], rate: 0 })),
]);

const RATE_BY_KEY = new Map<string, number>(VAT_KEYS.map((v) => [v.key, v.rate]));

const NUMERIC_KEYS: ReadonlySet<string> = new Set<string>(NUMERIC_VAT_RATES);

/** What users type instead of the canonical spelling (accents on ÁFA, none on ÁKK). */
const ALIASES: Record<string, VatKey> = { 'F.ÁFA': 'F.AFA', 'K.ÁFA': 'K.AFA', AKK: 'ÁKK' };

/** Phased-out keys: named so the error says why rather than "unknown". */
const RETIRED: Record<string, string> = {
	TEHK: 'VAT key TEHK has been phased out by Számlázz.hu; use ÁKK, TAHK or ATK as your accountant advises',
};

/** Percentage for a canonical key (0 for special keys). */
export function vatRateOf(key: VatKey): number {
	return RATE_BY_KEY.get(key) ?? 0;
}

/** True for special keys (no VAT amount on the line). */
export function isSpecialVatKey(key: VatKey): key is SpecialVatKey {
	return RATE_BY_KEY.has(key) && !NUMERIC_KEYS.has(key);
}

/**
 * Canonical VAT key from what a user typed: '27', 27, '27%', '27.0', ' taM ', 'f.áfa'. Throws an InputError naming
 * `field` for anything else, and a specific one for the retired TEHK.
 */
export function parseVatKey(input: unknown, field = 'VAT Key'): VatKey {
	if (typeof input === 'string' && RATE_BY_KEY.has(input)) return input as VatKey;
	if (typeof input === 'number') {
		if (Number.isFinite(input)) {
			const text = String(input);
			if (RATE_BY_KEY.has(text)) return text as VatKey;
		}
		throw unknownKey(field, String(input));
	}
	if (typeof input !== 'string') throw new InputError(field, 'is missing');
	let text = input.trim();
	if (text === '') throw new InputError(field, 'is missing');
	if (text.endsWith('%')) text = text.slice(0, -1).trim();
	const upper = text.toUpperCase();
	if (RATE_BY_KEY.has(upper)) return upper as VatKey;
	if (upper in ALIASES) return ALIASES[upper];
	if (upper in RETIRED) throw new InputError(field, RETIRED[upper]);
	const numeric = Number(text.replace(',', '.'));
	if (text !== '' && Number.isFinite(numeric)) {
		const canonical = String(numeric);
		if (RATE_BY_KEY.has(canonical)) return canonical as VatKey;
	}
	throw unknownKey(field, input);
}

function unknownKey(field: string, shown: string): InputError {
	const numeric = NUMERIC_VAT_RATES.join(', ');
	return new InputError(
		field,
		`unknown VAT key "${shown}". Use a rate (${numeric}) or a special key (${SPECIAL_VAT_KEYS.join(', ')})`,
	);
}
