/**
 * Field look-up that tolerates the service's inconsistent casing (`mennyisegiEgyseg` in receipts, `mennyisegiegyseg`
 * in the query XML) and alternative names (`netto` / `nettoErtek`).
 */
import type { XmlObject } from './values';

export function field(source: XmlObject, ...names: string[]): unknown {
	for (const name of names) {
		if (source[name] !== undefined) return source[name];
	}
	const wanted = new Set(names.map((n) => n.toLowerCase()));
	for (const [key, value] of Object.entries(source)) {
		if (wanted.has(key.toLowerCase())) return value;
	}
	return undefined;
}
