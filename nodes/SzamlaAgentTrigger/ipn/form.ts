/**
 * Reading the IPN form body, whatever way it arrived (szamla-agent.md §8): the newer vendor page says
 * application/x-www-form-urlencoded, the older one form-data, so both are read. No n8n imports.
 *
 * n8n hands a webhook the parsed body: urlencoded → `{ field: value | value[] }`, multipart → `{ data: {…}, files }`.
 * When the raw urlencoded bytes are available they are decoded here instead: n8n decodes percent-escapes as UTF-8 only,
 * and a Hungarian service that sends ISO-8859-2 bytes (ő, ű) would arrive as U+FFFD replacement characters.
 */

export type FormFields = Record<string, string>;

import { TextDecoder } from 'node:util';

const utf8 = new TextDecoder('utf-8', { fatal: true });
let latin2: TextDecoder | null | undefined;

/** ISO-8859-2 needs full ICU; without it Latin-1 is the closest a Node build offers. */
function latin2Decoder(): TextDecoder {
	if (latin2 === undefined) {
		try {
			latin2 = new TextDecoder('iso-8859-2');
		} catch {
			latin2 = null;
		}
	}
	return latin2 ?? new TextDecoder('latin1');
}

function decodeBytes(bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes);
	} catch {
		return latin2Decoder().decode(bytes);
	}
}

/** Percent-decodes to bytes ('+' is a space); a broken escape stays as written rather than failing the whole body. */
function percentBytes(text: string): Uint8Array {
	const out: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x2b) out.push(0x20);
		else if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
			out.push(parseInt(text.slice(i + 1, i + 3), 16));
			i += 2;
		} else out.push(c & 0xff); // one latin1 character per byte (see parseUrlEncoded)
	}
	return Uint8Array.from(out);
}

/** `a=1&b=2` bytes → fields; a repeated field keeps its last value (as the parsers n8n uses do for scalars). */
export function parseUrlEncoded(raw: Buffer | string): FormFields {
	// Bytes become one character each, so unescaped UTF-8 or ISO-8859-2 bytes survive until decodeBytes.
	const text = (typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw).toString('latin1');
	const fields: FormFields = {};
	for (const pair of text.replace(/^\uFEFF/, '').split('&')) {
		if (!pair) continue;
		const at = pair.indexOf('=');
		const name = decodeBytes(percentBytes(at < 0 ? pair : pair.slice(0, at))).trim();
		if (!name) continue;
		fields[name] = decodeBytes(percentBytes(at < 0 ? '' : pair.slice(at + 1)));
	}
	return fields;
}

function scalar(value: unknown): string | undefined {
	if (Array.isArray(value)) return scalar(value[value.length - 1]);
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

function flat(source: unknown): FormFields {
	const fields: FormFields = {};
	if (!source || typeof source !== 'object' || Array.isArray(source)) return fields;
	for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
		const text = scalar(value);
		if (text !== undefined) fields[name] = text;
	}
	return fields;
}

export interface RawForm {
	contentType?: string;
	/** What n8n parsed (getBodyData()). */
	body: unknown;
	/** The raw bytes, when n8n kept them (urlencoded and other non-multipart bodies). */
	rawBody?: Buffer;
}

/** The posted fields, or an empty object when the body is not a form at all. */
export function readForm({ contentType = '', body, rawBody }: RawForm): FormFields {
	const type = contentType.toLowerCase();
	if (type.startsWith('multipart/')) {
		const parsed = body as { data?: unknown } | undefined;
		return flat(parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed);
	}
	if (rawBody && rawBody.length > 0 && (type === '' || type.startsWith('application/x-www-form-urlencoded') || type.startsWith('text/plain'))) {
		return parseUrlEncoded(rawBody);
	}
	if (typeof body === 'string') return parseUrlEncoded(body);
	return flat(body);
}
