/**
 * Minimal namespace-aware XML tree for the simulator: fast-xml-parser (preserveOrder) does the tokenising, this file
 * resolves prefixes so the simulator can insist on the real namespace instead of trusting prefixes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlNode {
	name: string; // local name
	ns: string; // resolved namespace URI ('' when none)
	children: XmlNode[];
	text: string; // concatenated text + CDATA, trimmed
}

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	commentPropName: '#comment',
});

export class XmlReadError extends Error {}

type Raw = Record<string, unknown>;

function convert(raw: Raw, scope: Map<string, string>): XmlNode | undefined {
	const tag = Object.keys(raw).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');
	if (!tag) return undefined;
	const attrs = (raw[':@'] ?? {}) as Record<string, string>;
	let localScope = scope;
	for (const [key, value] of Object.entries(attrs)) {
		if (key === '@_xmlns' || key.startsWith('@_xmlns:')) {
			if (localScope === scope) localScope = new Map(scope);
			localScope.set(key === '@_xmlns' ? '' : key.slice('@_xmlns:'.length), value);
		}
	}
	const colon = tag.indexOf(':');
	const prefix = colon >= 0 ? tag.slice(0, colon) : '';
	const name = colon >= 0 ? tag.slice(colon + 1) : tag;
	const ns = localScope.get(prefix);
	if (ns === undefined && prefix !== '') throw new XmlReadError(`The prefix "${prefix}" for element "${tag}" is not bound.`);
	const node: XmlNode = { name, ns: ns ?? '', children: [], text: '' };
	let text = '';
	for (const child of (raw[tag] as Raw[]) ?? []) {
		if ('#text' in child) text += String(child['#text']);
		else if ('#comment' in child) continue;
		else {
			const converted = convert(child, localScope);
			if (converted) node.children.push(converted);
		}
	}
	node.text = text.trim();
	return node;
}

/** Characters XML 1.0 cannot carry (its Char production); fast-xml-parser's validator lets them through. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Parse and check well-formedness as an XML 1.0 parser (the service's) does; throws XmlReadError with a parser message
 * (→ code 57). Line ends are normalised first (XML 1.0 §2.11: CR LF and a lone CR become LF), so a CR in a text
 * reaches the documents as LF, as on the real service.
 */
export function parseXml(raw: string): XmlNode {
	const bad = NOT_XML_CHAR.exec(raw);
	if (bad) {
		throw new XmlReadError(`An invalid XML character (Unicode: 0x${bad[0].charCodeAt(0).toString(16)}) was found in the document.`);
	}
	const xml = raw.replace(/\r\n?/g, '\n');
	const check = XMLValidator.validate(xml, { allowBooleanAttributes: false });
	if (check !== true) {
		throw new XmlReadError(`${check.err.msg} (line ${check.err.line}, col ${check.err.col})`);
	}
	const doc = parser.parse(xml) as Raw[];
	const roots = doc.map((r) => convert(r, new Map())).filter((n): n is XmlNode => !!n);
	if (roots.length !== 1) throw new XmlReadError('The document must have exactly one root element.');
	return roots[0];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
	return node?.children.find((c) => c.name === name);
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
	return node ? node.children.filter((c) => c.name === name) : [];
}

/** Text of a direct child, or undefined when the element is absent. */
export function text(node: XmlNode | undefined, name: string): string | undefined {
	return child(node, name)?.text;
}

/** Non-empty text of a direct child. */
export function value(node: XmlNode | undefined, name: string): string | undefined {
	const t = text(node, name);
	return t === undefined || t === '' ? undefined : t;
}

export function bool(node: XmlNode | undefined, name: string): boolean {
	const t = text(node, name);
	return t === 'true' || t === '1';
}

export function num(node: XmlNode | undefined, name: string): number | undefined {
	const t = value(node, name);
	if (t === undefined) return undefined;
	const n = Number(t);
	return Number.isFinite(n) ? n : undefined;
}

export function escapeXml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** `<name>value</name>` with escaping; omitted when value is undefined. */
export function el(name: string, value: string | number | boolean | undefined): string {
	if (value === undefined) return '';
	return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** CDATA-wrapped element, as the vendor does for messages and URLs (a `]]>` inside is split safely). */
export function cdata(name: string, value: string | undefined): string {
	if (value === undefined) return '';
	return `<${name}><![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${name}>`;
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';
