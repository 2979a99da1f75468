import { InputError } from '../../../../nodes/shared/errors';
import { SPECIAL_VAT_KEYS, VAT_KEYS, isSpecialVatKey, parseVatKey, vatRateOf } from '../../../../nodes/SzamlaAgent/protocol/vatKeys';

describe('VAT keys', () => {
	it('lists every key from the notes once, special keys at 0 %', () => {
		const keys = VAT_KEYS.map((k) => k.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys).toEqual(expect.arrayContaining(['0', '5', '18', '27', 'TAM', 'AAM', 'F.AFA', 'K.AFA', 'ÁKK', 'EUFAD37', 'KBAET']));
		expect(SPECIAL_VAT_KEYS).toHaveLength(20);
		expect(keys).not.toContain('TEHK');
		for (const k of VAT_KEYS) {
			expect(k.label.length).toBeGreaterThan(1);
			expect(k.rate).toBe(isSpecialVatKey(k.key) ? 0 : Number(k.key));
		}
		expect(vatRateOf('27')).toBe(27);
		expect(vatRateOf('EUK')).toBe(0);
	});

	it.each<[unknown, string]>([
		['27', '27'],
		[27, '27'],
		['27%', '27'],
		[' 27 % ', '27'],
		['27.0', '27'],
		['5,0', '5'],
		[0, '0'],
		[' taM ', 'TAM'],
		['f.afa', 'F.AFA'],
		['F.ÁFA', 'F.AFA'],
		['ákk', 'ÁKK'],
		['AKK', 'ÁKK'],
		['eufad37', 'EUFAD37'],
	])('%j → %s', (input, expected) => {
		expect(parseVatKey(input)).toBe(expected);
	});

	it.each<unknown>(['26', 26, 27.5, 'ABC', '', '  ', undefined, null, NaN, Infinity, '27%%', {}])('rejects %j with an InputError naming the field', (input) => {
		expect(() => parseVatKey(input, 'Line Items[2] › VAT Key')).toThrow(InputError);
		try {
			parseVatKey(input, 'Line Items[2] › VAT Key');
		} catch (e) {
			expect((e as InputError).field).toBe('Line Items[2] › VAT Key');
		}
	});

	it('explains that TEHK was phased out', () => {
		expect(() => parseVatKey(' tehk ')).toThrow(/TEHK has been phased out/);
	});
});
