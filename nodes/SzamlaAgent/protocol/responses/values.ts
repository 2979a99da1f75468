/**
 * Typed reading of parsed XML values. The parser keeps everything as text (nodes/shared/xml.ts); here the field's
 * meaning is known, so numbers become numbers and the service's mixed flags (true/false, 1/0) become booleans.
 */
import { textOf } from '../../../shared/xml';

export type XmlObject = Record<string, unknown>;

/** Text, or undefined when absent or empty (the service writes empty elements for unset values). */
export function text(value: unknown): string | undefined {
	const t = textOf(value)?.trim();
	return t ? t : undefined;
}

/** A number; comma decimals tolerated. Unparseable text is left out rather than turned into NaN. */
export function num(value: unknown): number | undefined {
	const t = text(value);
	if (t === undefined) return undefined;
	const n = Number(t.replace(/\s/g, '').replace(',', '.'));
	return Number.isFinite(n) ? n : undefined;
}

export function bool(value: unknown): boolean | undefined {
	const t = text(value)?.toLowerCase();
	if (t === 'true' || t === '1') return true;
	if (t === 'false' || t === '0') return false;
	return undefined;
}

/** A child element as an object (empty object when absent or a bare text node). */
export function obj(value: unknown): XmlObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as XmlObject) : {};
}

/** A repeated child as a list, whether the parser gave one object, several, or an empty element. */
export function list(value: unknown): XmlObject[] {
	if (value === undefined || value === null || value === '') return [];
	const all = Array.isArray(value) ? value : [value];
	return all.filter((v): v is XmlObject => Boolean(v) && typeof v === 'object');
}

/** Base64 content (PDFs), line breaks and spaces allowed; undefined when empty. */
export function base64(value: unknown): Buffer | undefined {
	const t = text(value)?.replace(/\s+/g, '');
	if (!t) return undefined;
	const bytes = Buffer.from(t, 'base64');
	return bytes.length > 0 ? bytes : undefined;
}

/** Drop undefined members so results print cleanly as n8n JSON. */
export function compact<T extends object>(value: T): T {
	for (const key of Object.keys(value) as (keyof T)[]) {
		if (value[key] === undefined) delete value[key];
	}
	return value;
}
