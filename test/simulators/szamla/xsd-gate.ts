/**
 * Schema validation of requests (code 57 on failure). libxml2-in-WebAssembly costs ~200 ms per call, so in
 * 'new-shapes' mode a request is validated only when its shape has not passed before in this simulator instance.
 * The shape keeps element order (xs:sequence errors change it) and a coarse class of every leaf value (a word where
 * a number belongs changes it too); enumerated or patterned fields contribute their actual value or pattern check.
 */
import { validateWithXsd, type XsdResult } from '../../helpers/xsd';
import type { XmlNode } from './xml';

export type XsdMode = 'all' | 'new-shapes' | 'off';

/** Leaves whose validity the coarse class cannot capture. */
const VALUE_KEYED: Record<string, (v: string) => string> = {
	szamlaNyelve: (v) => v,
	torzsszam: (v) => (/^[0-9]{8}$/.test(v) ? 'ok' : 'bad'),
};

function leafClass(name: string, v: string): string {
	const keyed = VALUE_KEYED[name];
	if (keyed) return `=${keyed(v)}`;
	if (v === '') return 'e';
	if (v === 'true' || v === 'false') return 'b';
	if (/^-?\d+$/.test(v)) return 'i';
	if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return 'f';
	if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'd';
	return 's';
}

export function shapeOf(node: XmlNode): string {
	if (node.children.length === 0) return `${node.ns}|${node.name}:${leafClass(node.name, node.text)}`;
	const parts: string[] = [];
	// Runs of same-named siblings (tetel × n) collapse to their distinct shapes, so 1 or 500 lines share a shape.
	let runName = '';
	let runShapes = new Set<string>();
	for (const c of node.children) {
		const s = shapeOf(c);
		if (c.name !== runName) {
			runName = c.name;
			runShapes = new Set();
		}
		if (runShapes.has(s)) continue;
		runShapes.add(s);
		parts.push(s);
	}
	// Mixed content (text beside elements) is a schema error; let it change the shape.
	const mixed = node.text !== '' ? '+text' : '';
	return `${node.ns}|${node.name}(${parts.join(',')})${mixed}`;
}

export class XsdGate {
	private known = new Set<string>();
	private inFlight = new Map<string, Promise<XsdResult>>();
	validations = 0;

	constructor(private readonly mode: XsdMode) {}

	reset(): void {
		this.known.clear();
		this.validations = 0;
	}

	/** Resolves to undefined when the request is acceptable, or the libxml2 messages of the first XSD. */
	async check(xml: string, tree: XmlNode, xsds: string[]): Promise<string[] | undefined> {
		if (this.mode === 'off') return undefined;
		let key: string | undefined;
		if (this.mode === 'new-shapes') {
			key = shapeOf(tree);
			if (this.known.has(key)) return undefined;
			const pending = this.inFlight.get(key);
			// A concurrent request of the same shape is being validated: reuse a positive verdict only, because
			// an invalid one may come from a value the shape does not capture.
			if (pending && (await pending).valid) return undefined;
		}
		const run = this.validateAny(xml, xsds);
		if (key) this.inFlight.set(key, run);
		try {
			const result = await run;
			if (result.valid && key) this.known.add(key);
			return result.valid ? undefined : result.errors;
		} finally {
			if (key && this.inFlight.get(key) === run) this.inFlight.delete(key);
		}
	}

	private async validateAny(xml: string, xsds: string[]): Promise<XsdResult> {
		let first: XsdResult | undefined;
		for (const xsd of xsds) {
			this.validations++;
			const result = await validateWithXsd(xml, xsd);
			if (result.valid) return result;
			first ??= result;
		}
		return first!;
	}
}
