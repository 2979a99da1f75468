/**
 * A small, strict reader for flat vendor answers: one root element whose children are all leaves with text or CDATA
 * content (`<xmlszamlavalasz><sikeres>true</sikeres><szamlaszam>…</szamlaszam>…</xmlszamlavalasz>`).
 *
 * It gives exactly what the configured fast-xml-parser (`createXmlParser` in ./xml) gives for such a document — the
 * root's local name and an object of child local names → text — in a single indexOf-driven pass, about ten times
 * faster. It is an optimisation only: whenever the document is not the simple shape it knows (nested or repeated
 * elements, attributes other than namespace declarations and xsi:schemaLocation on the root, comments, DOCTYPE,
 * processing instructions other than the XML declaration, entities other than the five predefined ones and numeric
 * character references, text outside the leaves, anything after the root), it returns undefined and the caller uses
 * the full parser. Correctness never depends on this path.
 *
 * What it reproduces from the full parser (kept equal by the differential tests in test/unit/shared/flatXml.test.ts):
 * - line ends normalised (`\r\n` and lone `\r` → `\n`) before anything else, as XML requires;
 * - namespace prefixes dropped from element names, `xmlns` / `xmlns:*` attributes dropped, `*:schemaLocation` on the
 *   root kept as `@schemaLocation` (trimmed), after the children in key order;
 * - text trimmed (String.prototype.trim), then entities decoded exactly once (`&amp;lt;` → `&lt;`), so a reference to
 *   a blank (`&#32;`) survives; CDATA taken verbatim, consecutive sections joined, blanks between them ignored;
 * - a raw `&` that does not start a reference (`?page=x&partguid=…` in vevoifiokurl) is kept as it is;
 * - empty and self-closing elements give "".
 */

export interface FlatXml {
	/** Root element name without namespace prefix. */
	root: string;
	/** Child local name → text; `@schemaLocation` when the root carries one. */
	xml: Record<string, string>;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const EQ = 61; // =
const DQUOTE = 34; // "
const SQUOTE = 39; // '
const COLON = 58; // :
const HASH = 35; // #
const QUESTION = 63; // ?

function isXmlSpace(c: number): boolean {
	return c === 32 || c === 10 || c === 9 || c === 13;
}

function skipSpace(s: string, i: number): number {
	while (i < s.length && isXmlSpace(s.charCodeAt(i))) i++;
	return i;
}

function isNameStart(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95; // a-z A-Z _
}

function isNameChar(c: number): boolean {
	return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46; // 0-9 - .
}

/** End of an ASCII NCName starting at i (i itself when there is none). */
function nameEnd(s: string, i: number): number {
	if (i >= s.length || !isNameStart(s.charCodeAt(i))) return i;
	i++;
	while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
	return i;
}

/** A qualified name at `start`: `prefix:local` or `local`. */
interface QName {
	/** Index after the name. */
	end: number;
	/** Start of the local part. */
	local: number;
}

function readQName(s: string, start: number): QName | undefined {
	const first = nameEnd(s, start);
	if (first === start) return undefined;
	if (s.charCodeAt(first) !== COLON) return { end: first, local: start };
	const second = nameEnd(s, first + 1);
	if (second === first + 1) return undefined;
	return { end: second, local: first + 1 };
}

/** Names that would collide with Object.prototype (the full parser renames or refuses them). */
const UNSAFE_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype']);

function predefinedEntity(name: string): string | undefined {
	switch (name) {
		case 'amp':
			return '&';
		case 'lt':
			return '<';
		case 'gt':
			return '>';
		case 'quot':
			return '"';
		case 'apos':
			return "'";
		default:
			return undefined;
	}
}

/** A character XML 1.0 allows (Char production). */
function isXmlChar(cp: number): boolean {
	return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const DECIMAL_REF = /^#[0-9]{1,10}$/;
const HEX_REF = /^#x[0-9a-fA-F]{1,8}$/;
const NAME_LIKE = /^[A-Za-z0-9_.:-]*$/;

/** How far after `&` the full parser looks for the `;` that ends a reference. */
const MAX_REFERENCE_SPAN = 33;

/**
 * Decode the five predefined entities and numeric character references in one pass; a `&` that starts no reference is
 * kept. Undefined for anything the full parser would read differently or that is not well-formed XML: other named
 * entities (it knows HTML ones), malformed or non-XML character references.
 */
function decodeEntities(raw: string, firstAmp: number): string | undefined {
	let out = '';
	let last = 0;
	let amp = firstAmp;
	while (amp >= 0) {
		const semi = raw.indexOf(';', amp + 1);
		if (semi < 0 || semi - amp > MAX_REFERENCE_SPAN) {
			amp = raw.indexOf('&', amp + 1);
			continue;
		}
		const token = raw.slice(amp + 1, semi);
		let replacement = predefinedEntity(token);
		if (replacement === undefined) {
			if (token.charCodeAt(0) === HASH) {
				let cp: number;
				if (DECIMAL_REF.test(token)) cp = Number.parseInt(token.slice(1), 10);
				else if (HEX_REF.test(token)) cp = Number.parseInt(token.slice(2), 16);
				else return undefined;
				if (!isXmlChar(cp)) return undefined;
				replacement = String.fromCodePoint(cp);
			} else if (NAME_LIKE.test(token)) {
				// `&nbsp;`, `&foo;`, `&;`: not XML without a DTD, and the full parser decodes some of them.
				return undefined;
			} else {
				// `&partguid=…;` — no reference can contain these characters: a literal ampersand.
				amp = raw.indexOf('&', amp + 1);
				continue;
			}
		}
		out += raw.slice(last, amp) + replacement;
		last = semi + 1;
		amp = raw.indexOf('&', last);
	}
	return last === 0 ? raw : out + raw.slice(last);
}

function normaliseLineEnds(value: string): string {
	return value.indexOf('\r') < 0 ? value : value.replace(/\r\n?/g, '\n');
}

/** Character data between tags: trimmed, then decoded once. Undefined when it holds something odd. */
function textValue(raw: string): string | undefined {
	if (raw.indexOf(']]>') >= 0) return undefined; // not allowed in character data
	const value = normaliseLineEnds(raw).trim();
	const amp = value.indexOf('&');
	return amp < 0 ? value : decodeEntities(value, amp);
}

function isBlank(s: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (!isXmlSpace(s.charCodeAt(i))) return false;
	return true;
}

const CDATA_OPEN = '<![CDATA[';

/**
 * After `<name` of a closing tag's expected name: checks `</qname` + blanks + `>` at i and returns the index after it,
 * or -1.
 */
function closeTag(s: string, i: number, qname: string): number {
	if (s.charCodeAt(i) !== LT || s.charCodeAt(i + 1) !== SLASH || !s.startsWith(qname, i + 2)) return -1;
	const after = i + 2 + qname.length;
	if (isNameChar(s.charCodeAt(after)) || s.charCodeAt(after) === COLON) return -1; // a longer name
	const end = skipSpace(s, after);
	return s.charCodeAt(end) === GT ? end + 1 : -1;
}

const DECLARATION_PSEUDO_ATTRIBUTES: ReadonlySet<string> = new Set(['version', 'encoding', 'standalone']);

/**
 * `<?xml version="1.0" encoding="UTF-8"?>` at i: the index after it, or -1 for any other processing instruction or a
 * declaration that is not plainly `<?xml` + blank-separated version/encoding/standalone pairs + `?>`.
 */
function xmlDeclarationEnd(s: string, i: number): number {
	if (!s.startsWith('<?xml', i)) return -1;
	i += 5;
	const seen = new Set<string>();
	for (;;) {
		const at = skipSpace(s, i);
		if (s.charCodeAt(at) === QUESTION && s.charCodeAt(at + 1) === GT) return seen.has('version') ? at + 2 : -1;
		if (at === i) return -1;
		const end = nameEnd(s, at);
		const name = s.slice(at, end);
		if (!DECLARATION_PSEUDO_ATTRIBUTES.has(name) || seen.has(name)) return -1;
		seen.add(name);
		let j = skipSpace(s, end);
		if (s.charCodeAt(j) !== EQ) return -1;
		j = skipSpace(s, j + 1);
		const quote = s.charCodeAt(j);
		if (quote !== DQUOTE && quote !== SQUOTE) return -1;
		const close = s.indexOf(quote === DQUOTE ? '"' : "'", j + 1);
		if (close < 0 || !/^[A-Za-z0-9._-]+$/.test(s.slice(j + 1, close))) return -1;
		i = close + 1;
	}
}

/**
 * Read a flat document, or undefined when it is not one (the caller then uses the full parser). The text must already
 * be free of a byte-order mark.
 */
export function readFlatXml(s: string): FlatXml | undefined {
	let i = skipSpace(s, 0);
	if (s.charCodeAt(i) === LT && s.charCodeAt(i + 1) === QUESTION) {
		i = xmlDeclarationEnd(s, i);
		if (i < 0) return undefined;
		i = skipSpace(s, i);
	}
	if (s.charCodeAt(i) !== LT) return undefined;
	const rootName = readQName(s, i + 1);
	if (!rootName) return undefined;
	const rootQName = s.slice(i + 1, rootName.end);
	const root = s.slice(rootName.local, rootName.end);
	i = rootName.end;

	// Root attributes: namespace declarations (dropped) and xsi:schemaLocation (kept), nothing else.
	let schemaLocation: string | undefined;
	let empty = false;
	for (;;) {
		const at = skipSpace(s, i);
		const c = s.charCodeAt(at);
		if (c === GT) {
			i = at + 1;
			break;
		}
		if (c === SLASH) {
			if (s.charCodeAt(at + 1) !== GT) return undefined;
			i = at + 2;
			empty = true;
			break;
		}
		if (at === i) return undefined; // attributes are separated by blanks
		const attr = readQName(s, at);
		if (!attr) return undefined;
		let j = skipSpace(s, attr.end);
		if (s.charCodeAt(j) !== EQ) return undefined;
		j = skipSpace(s, j + 1);
		const quote = s.charCodeAt(j);
		if (quote !== DQUOTE && quote !== SQUOTE) return undefined;
		const close = s.indexOf(quote === DQUOTE ? '"' : "'", j + 1);
		if (close < 0) return undefined;
		const value = s.slice(j + 1, close);
		if (value.indexOf('<') >= 0 || value.indexOf('&') >= 0) return undefined;
		const prefixed = attr.local !== at;
		const prefix = prefixed ? s.slice(at, attr.local - 1) : '';
		const local = s.slice(attr.local, attr.end);
		if ((!prefixed && local === 'xmlns') || prefix === 'xmlns') {
			// namespace declaration: the full parser drops it with the prefixes
		} else if (prefixed && local === 'schemaLocation' && schemaLocation === undefined) {
			schemaLocation = normaliseLineEnds(value).trim();
		} else {
			return undefined;
		}
		i = close + 1;
	}

	const xml: Record<string, string> = {};
	if (!empty) {
		for (;;) {
			i = skipSpace(s, i);
			if (s.charCodeAt(i) !== LT) return undefined; // text, or the end of the input, inside the root
			if (s.charCodeAt(i + 1) === SLASH) {
				const end = closeTag(s, i, rootQName);
				if (end < 0) return undefined;
				i = end;
				break;
			}
			const child = readQName(s, i + 1);
			if (!child) return undefined; // comment, CDATA or PI directly in the root, or a bad name
			const qname = s.slice(i + 1, child.end);
			const key = s.slice(child.local, child.end);
			if (UNSAFE_KEYS.has(key) || Object.prototype.hasOwnProperty.call(xml, key)) return undefined;
			let j = skipSpace(s, child.end);
			let value: string | undefined;
			if (s.charCodeAt(j) === SLASH && s.charCodeAt(j + 1) === GT) {
				value = '';
				i = j + 2;
			} else if (s.charCodeAt(j) === GT) {
				j++;
				const lt = s.indexOf('<', j);
				if (lt < 0) return undefined;
				if (s.charCodeAt(lt + 1) === SLASH) {
					value = textValue(s.slice(j, lt));
					i = closeTag(s, lt, qname);
				} else if (s.startsWith(CDATA_OPEN, lt) && isBlank(s, j, lt)) {
					// One or more CDATA sections, blanks around them ignored.
					value = '';
					let at = lt;
					while (s.startsWith(CDATA_OPEN, at)) {
						const end = s.indexOf(']]>', at + CDATA_OPEN.length);
						if (end < 0) return undefined;
						// Each section on its own: a `\r` ending one and a `\n` starting the next are two line ends.
						value += normaliseLineEnds(s.slice(at + CDATA_OPEN.length, end));
						at = skipSpace(s, end + 3);
					}
					i = closeTag(s, at, qname);
				} else {
					return undefined; // nested element, comment, PI, or text mixed with CDATA
				}
			} else {
				return undefined; // attributes on a child
			}
			if (value === undefined || i < 0) return undefined;
			xml[key] = value;
		}
	}
	if (skipSpace(s, i) !== s.length) return undefined; // comments, PIs or other elements after the root
	if (schemaLocation !== undefined) xml['@schemaLocation'] = schemaLocation;
	return { root, xml };
}
