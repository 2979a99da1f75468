import { InputError } from '../../../nodes/shared/errors';
import { checkXmlText, codePointLabel, findInvalidXmlCharacter } from '../../../nodes/shared/xmlText';

describe('XML 1.0 text check', () => {
	it('accepts tab, LF, CR, ordinary text, astral characters and the edges of the allowed ranges', () => {
		for (const text of ['', 'Minta Kft.', 'a\tb\nc\rd', 'Árvíztűrő tükörfúrógép', '📄 számla', '\u0020', '\ud7ff', '\ue000', '\ufffd', '\u{10000}', '\u{10ffff}']) {
			expect(findInvalidXmlCharacter(text)).toBeUndefined();
		}
	});

	it('finds every control character below U+0020 except tab, LF and CR', () => {
		for (let code = 0; code < 0x20; code++) {
			const found = findInvalidXmlCharacter(`ab${String.fromCharCode(code)}c`);
			if (code === 0x09 || code === 0x0a || code === 0x0d) expect(found).toBeUndefined();
			else expect(found).toEqual({ codePoint: code, position: 3 });
		}
	});

	it('finds U+FFFE, U+FFFF and lone surrogates, counting a surrogate pair as one character', () => {
		expect(findInvalidXmlCharacter('x\ufffe')).toEqual({ codePoint: 0xfffe, position: 2 });
		expect(findInvalidXmlCharacter('\uffff')).toEqual({ codePoint: 0xffff, position: 1 });
		expect(findInvalidXmlCharacter('a\ud800b')).toEqual({ codePoint: 0xd800, position: 2 });
		expect(findInvalidXmlCharacter('a\udc00')).toEqual({ codePoint: 0xdc00, position: 2 });
		expect(findInvalidXmlCharacter('ab\ud800')).toEqual({ codePoint: 0xd800, position: 3 });
		expect(findInvalidXmlCharacter('📄📄\u000b')).toEqual({ codePoint: 0x0b, position: 3 });
	});

	it('names the field, the code point and its position', () => {
		expect(codePointLabel(0x0b)).toBe('U+000B');
		expect(codePointLabel(0xd800)).toBe('U+D800');
		let error: unknown;
		try {
			checkXmlText('Minta Kft.\u000b2', 'Buyer Name');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).field).toBe('Buyer Name');
		expect((error as InputError).message).toBe('contains U+000B (position 11), which the service cannot accept');
		expect(checkXmlText('fine', 'Buyer Name')).toBe('fine');
	});
});
