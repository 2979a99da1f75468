/**
 * Text that XML 1.0 can carry. Both services parse requests as XML 1.0, whose Char production allows only
 * #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]: a vertical tab left over from a spreadsheet
 * cell, a NUL or a lone surrogate makes the whole request ill-formed, and the service answers with a parse error (or an
 * HTTP 500 that looks like a lost answer). So every text a user gives is checked before anything is sent.
 */
import { InputError } from './errors';

export interface InvalidXmlCharacter {
	/** The offending code point (a lone surrogate is reported as itself, e.g. 0xD800). */
	codePoint: number;
	/** 1-based position in the text, counted in characters as a user sees them (a surrogate pair is one). */
	position: number;
}

function allowed(code: number): boolean {
	if (code >= 0x20) return code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
	return code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Fast path: nothing below U+0020 except tab/LF/CR, no surrogates, no U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

export function findInvalidXmlCharacter(text: string): InvalidXmlCharacter | undefined {
	if (!SUSPECT.test(text)) return undefined;
	let position = 0;
	for (let i = 0; i < text.length; i++) {
		position++;
		const unit = text.charCodeAt(i);
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
			const low = text.charCodeAt(i + 1);
			if (low >= 0xdc00 && low <= 0xdfff) {
				i++; // a valid pair: one character
				continue;
			}
		}
		if (unit >= 0xd800 && unit <= 0xdfff) return { codePoint: unit, position };
		if (!allowed(unit)) return { codePoint: unit, position };
	}
	return undefined;
}

/** `U+000B`: the notation users can search for. */
export function codePointLabel(codePoint: number): string {
	return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The message for a field holding such a character, e.g. `contains U+000B (position 12), which the service cannot accept`. */
export function invalidXmlCharacterMessage(found: InvalidXmlCharacter): string {
	return `contains ${codePointLabel(found.codePoint)} (position ${found.position}), which the service cannot accept`;
}

/** The text itself, or an InputError naming `field` when XML 1.0 cannot carry it. */
export function checkXmlText(text: string, field: string): string {
	const found = findInvalidXmlCharacter(text);
	if (found) throw new InputError(field, invalidXmlCharacterMessage(found));
	return text;
}
