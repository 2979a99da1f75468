/** Small structural probes for built XML: the element names directly under the first element called `name`. */
import { InputError } from '../../../../nodes/shared/errors';

export function childNames(xml: string, name: string): string[] {
	const open = new RegExp(`<${name.replace('.', '\\.')}(?:\\s[^>]*)?>`).exec(xml);
	if (!open) throw new Error(`<${name}> not found in ${xml}`);
	const start = open.index + open[0].length;
	const end = xml.indexOf(`</${name}>`, start);
	const inner = xml.slice(start, end);
	const names: string[] = [];
	let depth = 0;
	for (const m of inner.matchAll(/<(\/?)([A-Za-z][\w.]*)[^>]*?(\/?)>/g)) {
		if (m[1]) depth--;
		else {
			if (depth === 0) names.push(m[2]);
			if (!m[3]) depth++;
		}
	}
	return names;
}

/** Runs `fn`, expecting an InputError for `field` (and a message matching `message` when given). */
export function expectInputError(fn: () => unknown, field: string, message?: RegExp): void {
	let error: unknown;
	try {
		fn();
	} catch (e) {
		error = e;
	}
	expect(error).toBeInstanceOf(InputError);
	expect((error as InputError).field).toBe(field);
	if (message) expect((error as InputError).message).toMatch(message);
}
