/**
 * Validate many documents against one schema in a single xmllint-wasm run (one ~200 ms start-up instead of one per
 * document). Returns the names that failed, with libxml2's messages, so a test can assert an empty object.
 */
import { readFileSync } from 'fs';
import { basename, join } from 'path';
import { validateXML } from 'xmllint-wasm';
import { XSD_DIR, sharedFile } from '../../../helpers/xsd';

export async function invalidDocuments(docs: Record<string, string>, xsd: string): Promise<Record<string, string[]>> {
	const path = sharedFile('xsd', ...xsd.split('/'));
	const names = Object.keys(docs);
	const result = await validateXML({
		xml: names.map((name, i) => ({ fileName: `doc${i}.xml`, contents: docs[name] })),
		schema: [{ fileName: basename(path), contents: readFileSync(path, 'utf8') }],
	});
	const failures: Record<string, string[]> = {};
	for (const error of result.errors) {
		const index = error.loc ? Number(/^doc(\d+)\.xml$/.exec(error.loc.fileName)?.[1]) : NaN;
		const name = Number.isInteger(index) ? names[index] : '(unknown document)';
		(failures[name] ??= []).push(error.message);
	}
	if (!result.valid && Object.keys(failures).length === 0) failures['(unparsed)'] = [result.rawOutput];
	return failures;
}

export const REQUEST_XSD = (file: string) => `szamla/request/${file}`;
export const DOCS_XSD = (file: string) => `szamla/request-docs-variant/${file}`;
export { XSD_DIR, join };
