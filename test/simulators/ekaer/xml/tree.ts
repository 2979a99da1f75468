/**
 * XML → namespace-resolved element tree, for the EKÁER simulator.
 *
 * fast-xml-parser keeps prefixes as part of tag names, so namespaces are resolved here. Each element also gets a
 * "shape" string (resolved names, attribute names, child order, repeats collapsed) that the schema gate uses as a
 * cache key: two documents with the same shape are structurally equally valid, only their leaf values can differ.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlAttribute {
	ns: string;
	local: string;
	value: string;
}

export interface XmlElement {
	ns: string;
	local: string;
	attrs: XmlAttribute[];
	children: XmlElement[];
	/** Direct text content (entities decoded, CDATA included), not trimmed. */
	text: string;
	shape: string;
}

/** Not well-formed or not namespace-well-formed: the real service answers these with HTTP 500 technicalFault. */
export class XmlSyntaxError extends Error {}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	// Entities are decoded below: the parser's own handling skips numeric references.
	processEntities: false,
	cdataPropName: '#cdata',
	ignoreDeclaration: true,
	ignorePiTags: true,
});

type OrderedNode = Record<string, unknown>;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
	if (!raw.includes('&')) return raw;
	return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
		if (!whole.endsWith(';')) throw new XmlSyntaxError(`The entity reference "${whole}" must end with the ';' delimiter.`);
		if (ref.startsWith('#x') || ref.startsWith('#X')) {
			const code = parseInt(ref.slice(2), 16);
			if (!/^#[xX][0-9a-fA-F]+$/.test(ref) || code > 0x10ffff) throw new XmlSyntaxError(`Invalid character reference &${ref};`);
			return String.fromCodePoint(code);
		}
		if (ref.startsWith('#')) {
			const code = parseInt(ref.slice(1), 10);
			if (!/^#[0-9]+$/.test(ref) || code > 0x10ffff) throw new XmlSyntaxError(`Invalid character reference &${ref};`);
			return String.fromCodePoint(code);
		}
		const named = NAMED_ENTITIES[ref];
		if (named === undefined) throw new XmlSyntaxError(`The entity "${ref}" was referenced, but not declared.`);
		return named;
	});
}

const nsIds = new Map<string, number>();
function nsId(ns: string): number {
	let id = nsIds.get(ns);
	if (id === undefined) {
		id = nsIds.size;
		nsIds.set(ns, id);
	}
	return id;
}

function tagOf(node: OrderedNode): string | undefined {
	for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text' && key !== '#cdata') return key;
	return undefined;
}

function splitName(qname: string): [string | undefined, string] {
	const colon = qname.indexOf(':');
	return colon < 0 ? [undefined, qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

function convert(node: OrderedNode, tag: string, scope: Map<string, string>): XmlElement {
	const rawAttrs = (node[':@'] as Record<string, string> | undefined) ?? {};
	let localScope = scope;
	for (const [name, value] of Object.entries(rawAttrs)) {
		if (name === 'xmlns' || name.startsWith('xmlns:')) {
			if (localScope === scope) localScope = new Map(scope);
			localScope.set(name === 'xmlns' ? '' : name.slice(6), decodeEntities(value));
		}
	}
	const [prefix, local] = splitName(tag);
	const ns = localScope.get(prefix ?? '');
	if (ns === undefined && prefix !== undefined) throw new XmlSyntaxError(`The prefix "${prefix}" for element "${tag}" is not bound.`);

	const attrs: XmlAttribute[] = [];
	for (const [name, value] of Object.entries(rawAttrs)) {
		if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
		const [aPrefix, aLocal] = splitName(name);
		let aNs = '';
		if (aPrefix !== undefined) {
			const bound = localScope.get(aPrefix);
			if (bound === undefined) throw new XmlSyntaxError(`The prefix "${aPrefix}" for attribute "${name}" is not bound.`);
			aNs = bound;
		}
		attrs.push({ ns: aNs, local: aLocal, value: decodeEntities(value) });
	}

	const children: XmlElement[] = [];
	let text = '';
	for (const child of (node[tag] as OrderedNode[]) ?? []) {
		if ('#text' in child) text += decodeEntities(String(child['#text']));
		else if ('#cdata' in child) {
			for (const part of child['#cdata'] as OrderedNode[]) text += String(part['#text'] ?? '');
		} else {
			const childTag = tagOf(child);
			if (childTag !== undefined) children.push(convert(child, childTag, localScope));
		}
	}

	let shape = `${nsId(ns ?? '')}:${local}`;
	if (attrs.length) shape += '[' + attrs.map((a) => `${nsId(a.ns)}:${a.local}`).sort().join(',') + ']';
	// Text inside a complex element is mixed content: structurally relevant, so it is part of the shape.
	if (children.length) {
		if (text.trim() !== '') shape += '#';
		shape += '(' + collapseRepeats(children.map((c) => c.shape)) + ')';
	} else if (text !== '') {
		// An empty leaf is a fixed value, so its validity is structural; a leaf with text gets its value checked.
		shape += '=';
	}
	return { ns: ns ?? '', local, attrs, children, text, shape };
}

/** `a,a,a,b` → `a+,b`: batches of 2 and 100 identical operations share one shape. */
function collapseRepeats(shapes: string[]): string {
	const out: string[] = [];
	let previous: string | undefined;
	for (const s of shapes) {
		if (s === previous) {
			if (!out[out.length - 1].endsWith('+')) out[out.length - 1] += '+';
			continue;
		}
		out.push(s);
		previous = s;
	}
	return out.join(',');
}

export function parseXml(xml: string): XmlElement {
	// JAXB on the real service refuses DTDs; refusing them here also rules out entity expansion tricks.
	if (/<!DOCTYPE/i.test(xml)) throw new XmlSyntaxError('DOCTYPE is disallowed when the feature "http://apache.org/xml/features/disallow-doctype-decl" set to true.');
	const check = XMLValidator.validate(xml);
	if (check !== true) throw new XmlSyntaxError(`${check.err.msg} (line ${check.err.line}, column ${check.err.col})`);
	let nodes: OrderedNode[];
	try {
		nodes = parser.parse(xml) as OrderedNode[];
	} catch (error) {
		throw new XmlSyntaxError((error as Error).message);
	}
	const roots = nodes.filter((n) => tagOf(n) !== undefined);
	if (roots.length !== 1) throw new XmlSyntaxError('The markup in the document following the root element must be well-formed.');
	return convert(roots[0], tagOf(roots[0])!, new Map([['xml', XML_NS]]));
}

export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
	return el?.children.find((c) => c.local === local);
}

export function children(el: XmlElement | undefined, local: string): XmlElement[] {
	return el ? el.children.filter((c) => c.local === local) : [];
}

export function attr(el: XmlElement, local: string): string | undefined {
	return el.attrs.find((a) => a.local === local && a.ns === '')?.value;
}

export function escapeXml(value: string): string {
	return value.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
