/**
 * XSD validation for tests and simulators, against the official schemas in ../shared/xsd (never copied into the repo).
 * xmllint-wasm runs libxml2 compiled to WebAssembly, so no system xmllint is needed on a fresh machine.
 */
import { readFileSync, existsSync } from 'fs';
import { join, resolve, dirname, basename } from 'path';
import { validateXML } from 'xmllint-wasm';

/** ../shared beside the checkout (CI clones the repo with shared/ next to it). */
export const SHARED_DIR = resolve(__dirname, '..', '..', '..', 'shared');
export const XSD_DIR = join(SHARED_DIR, 'xsd');
export const SAMPLES_DIR = join(SHARED_DIR, 'samples');

export function sharedFile(...parts: string[]): string {
	const path = join(SHARED_DIR, ...parts);
	if (!existsSync(path)) throw new Error(`Missing shared file ${path}: the tests expect ../shared beside the checkout`);
	return path;
}

const schemaCache = new Map<string, { main: { fileName: string; contents: string }; preload: Array<{ fileName: string; contents: string }> }>();

function loadSchema(xsdPath: string) {
	let entry = schemaCache.get(xsdPath);
	if (!entry) {
		const contents = readFileSync(xsdPath, 'utf8');
		// Schemas that import siblings (EKÁER management → common.xsd) need those preloaded under the same name.
		const preload = [...contents.matchAll(/schemaLocation="([^"]+\.xsd)"/g)]
			.map((m) => m[1])
			.filter((name) => existsSync(join(dirname(xsdPath), name)))
			.map((name) => ({ fileName: name, contents: readFileSync(join(dirname(xsdPath), name), 'utf8') }));
		entry = { main: { fileName: basename(xsdPath), contents }, preload };
		schemaCache.set(xsdPath, entry);
	}
	return entry;
}

export interface XsdResult {
	valid: boolean;
	errors: string[];
}

/** Validate an XML string against one XSD file (absolute path or a path relative to ../shared/xsd). */
export async function validateWithXsd(xml: string, xsd: string): Promise<XsdResult> {
	const xsdPath = xsd.startsWith('/') ? xsd : join(XSD_DIR, xsd);
	const schema = loadSchema(xsdPath);
	const result = await validateXML({
		xml: [{ fileName: 'request.xml', contents: xml }],
		schema: [schema.main],
		preload: schema.preload,
	});
	return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

/** Throws with the libxml2 messages when the XML does not validate; convenient inside expect-less helpers. */
export async function assertValidXml(xml: string, xsd: string): Promise<void> {
	const result = await validateWithXsd(xml, xsd);
	if (!result.valid) throw new Error(`XML does not validate against ${xsd}:\n${result.errors.join('\n')}\n---\n${xml}`);
}
