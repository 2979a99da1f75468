/**
 * The XML both protocol layers share: an ordered element tree the request builders describe (schemas fix element
 * order, so an ordered list of children is all the structure needed), written with xmlbuilder2 with its
 * well-formedness checks on, and a configured fast-xml-parser for the answers.
 *
 * Every text and attribute value is checked before writing (nodes/shared/xmlText.ts): a character XML 1.0 cannot carry
 * is an InputError naming the element's user-facing `field`, so it fails before anything is sent.
 */
import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import { checkXmlText } from './xmlText';

export type XmlScalar = string | number | boolean;

/** One element; `children` are written in the order given (the XSD sequence order). */
export interface XmlElement {
	name: string;
	/** `xmlns` sets the element's (default) namespace; `xmlns:p` declares a prefix. */
	attributes?: Record<string, string | undefined>;
	text?: string;
	/** The user-facing name of the value in `text`, for errors (e.g. "Buyer Name"); the element name when unset. */
	field?: string;
	children?: XmlElement[];
}

/** A child slot: optional elements that are unset come through as undefined and are left out. */
export type XmlChild = XmlElement | undefined | null | false;

/** xs:double / xs:decimal text: plain decimal notation, never exponent form, never "-0". */
export function formatNumber(value: number): string {
	if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
	if (value === 0) return '0'; // also -0
	const text = String(value);
	if (text.indexOf('e') < 0) return text; // String() writes exponents with a lower-case e
	// toFixed itself switches to exponent form from 1e21 on; numbers that large are integers, so BigInt is exact.
	if (Math.abs(value) >= 1e21) return BigInt(value).toString();
	return value.toFixed(20).replace(/\.?0+$/, '');
}

function scalarText(value: XmlScalar): string {
	if (typeof value === 'number') return formatNumber(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return value;
}

/** A leaf element, or undefined when the value is unset (so optional elements disappear). */
export function leaf(name: string, value: XmlScalar | undefined | null, field?: string): XmlElement | undefined {
	if (value === undefined || value === null) return undefined;
	return field === undefined ? { name, text: scalarText(value) } : { name, text: scalarText(value), field };
}

/** A container element in schema order. Always written, even when empty. */
export function node(name: string, children: XmlChild[], attributes?: Record<string, string | undefined>): XmlElement {
	return { name, attributes, children: children.filter((child): child is XmlElement => Boolean(child)) };
}

/** A container that is left out when none of its children are set. */
export function optionalNode(name: string, children: XmlChild[]): XmlElement | undefined {
	const element = node(name, children);
	return element.children!.length > 0 ? element : undefined;
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** The part of xmlbuilder2's DOM (a WHATWG DOM) this writer uses. */
interface DomNode {
	appendChild(node: DomNode): DomNode;
}
interface DomElement extends DomNode {
	setAttribute(name: string, value: string): void;
	setAttributeNS(namespace: string, name: string, value: string): void;
}
interface DomDocument extends DomNode {
	createElementNS(namespace: string | null, name: string): DomElement;
	createTextNode(text: string): DomNode;
}

/** Namespace URIs in scope: '' is the default namespace, other keys are prefixes. */
type Scope = ReadonlyMap<string, string>;

/** Every text and attribute value of the tree is one XML 1.0 can carry; an InputError names the field otherwise. */
function checkTexts(element: XmlElement): void {
	const label = element.field ?? element.name;
	for (const [key, value] of Object.entries(element.attributes ?? {})) if (value !== undefined) checkXmlText(value, `${label} (${key})`);
	if (element.text !== undefined) checkXmlText(element.text, label);
	for (const child of element.children ?? []) checkTexts(child);
}

/**
 * Append `element` to `parent` as DOM nodes (xmlbuilder2's own DOM: building it directly costs half of what its
 * chained builder API does). The texts were checked by checkTexts.
 */
function append(doc: DomDocument, parent: DomNode, element: XmlElement, scope: Scope): void {
	let inner = scope;
	const attributes: Array<[string, string]> = [];
	for (const [key, value] of Object.entries(element.attributes ?? {})) {
		if (value === undefined) continue;
		if (key === 'xmlns' || key.startsWith('xmlns:')) {
			if (inner === scope) inner = new Map(scope);
			(inner as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), value);
		}
		attributes.push([key, value]);
	}
	const colon = element.name.indexOf(':');
	const namespace = inner.get(colon < 0 ? '' : element.name.slice(0, colon)) ?? null;
	const child = doc.createElementNS(namespace, element.name);
	for (const [key, value] of attributes) {
		if (key === 'xmlns' || key.startsWith('xmlns:')) child.setAttributeNS(XMLNS, key, value);
		else child.setAttribute(key, value);
	}
	parent.appendChild(child);
	if (element.children && element.children.length > 0) {
		for (const grandchild of element.children) append(doc, child, grandchild, inner);
	} else if (element.text !== undefined && element.text !== '') {
		child.appendChild(doc.createTextNode(element.text));
	}
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A document checked and ready to write, written on first use (see buildXml). */
export interface XmlText {
	text(): string;
}

/**
 * Check the document now (every text, so bad input fails here) and write it with xmlbuilder2 when first asked: the
 * item runner prepares every item's request before sending any, and has the next one written while an answer is
 * awaited (xmlbuilder2 costs ≈ 0.4 ms of CPU for a 10-line invoice). xmlbuilder2 escapes markup and, with
 * `wellFormed`, refuses anything not well-formed; the element names are the builders' constants, so only the texts
 * could be, and they are checked first.
 */
export function buildXml(root: XmlElement): XmlText {
	checkTexts(root);
	let text: string | undefined;
	return {
		text() {
			if (text === undefined) {
				const builder = create();
				append(builder.node as unknown as DomDocument, builder.node as unknown as DomDocument, root, new Map());
				text = DECLARATION + builder.end({ headless: true, wellFormed: true });
			}
			return text;
		},
	};
}

/** Serialise a document with an XML declaration. */
export function renderXml(root: XmlElement): string {
	return buildXml(root).text();
}

/** What callers need of a parser. */
export interface XmlDocumentParser {
	/** The document as nested objects; shapes differ per answer, so callers narrow it. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed tree is untyped by nature; each reader narrows it
	parse(xml: string): any;
}

/**
 * A parser that drops namespace prefixes (vendors change them: NAV answers use ns2:, ns3: or none), keeps every value as
 * text (numbers are parsed by the caller, where the field's meaning is known), merges CDATA into text and returns the
 * listed element names always as arrays.
 */
/** The entities XML predefines. */
const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function createXmlParser(arrayElements: readonly string[] = []): XmlDocumentParser {
	const arrays = new Set(arrayElements);
	return new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@',
		removeNSPrefix: true,
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: true,
		processEntities: true,
		// XML's own five entities and numeric character references (&#233;, &#13; inside base64 PDFs), nothing from
		// HTML: given a table, fast-xml-parser decodes exactly those (`true` would add every HTML name, at six times
		// the cost of a whole parse).
		htmlEntities: XML_ENTITIES as unknown as boolean,
		isArray: (name: string) => arrays.has(name),
	});
}

/** Text content of a parsed element, whether the parser gave a string or an object with '#text'. */
export function textOf(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value === 'object' && '#text' in (value as Record<string, unknown>)) {
		return textOf((value as Record<string, unknown>)['#text']);
	}
	return undefined;
}
