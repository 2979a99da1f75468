/**
 * computeLine's whole-number fast path (doubles instead of BigInt) against the exact decimal path it stands in for:
 * the same numbers, bit for bit (Object.is, so -0 and 0 are told apart), over edge cases and many random lines.
 */
import { computeLine, currencyDecimals, exactLine } from '../../../nodes/SzamlaAgent/protocol/amounts';
import { VAT_KEYS, vatRateOf, type VatKey } from '../../../nodes/SzamlaAgent/protocol/vatKeys';

function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function expectSameAsExact(unitPrice: number, quantity: number, vatKey: VatKey, currency: string): void {
	const fast = computeLine({ unitPrice, quantity, vatKey, currency, priceIncludesVat: false });
	const exact = exactLine(unitPrice, quantity, vatRateOf(vatKey), currencyDecimals(currency), false);
	for (const key of ['netUnitPrice', 'netAmount', 'vatAmount', 'grossAmount'] as const) {
		if (!Object.is(fast[key], exact[key])) {
			throw new Error(`${key} differs for ${unitPrice} × ${quantity} at ${vatKey} in ${currency}: ${fast[key]} vs ${exact[key]}`);
		}
	}
}

const KEYS = VAT_KEYS.map((v) => v.key);
const CURRENCIES = ['HUF', 'EUR', 'Ft', 'USD'];
const LIMIT = Math.floor(Number.MAX_SAFE_INTEGER / 10_000);

describe('computeLine: whole-number lines', () => {
	it.each([
		[0, 1],
		[0, -3],
		[-0, 2],
		[1000, 0],
		[1, 1],
		[2, 1], // 0.54 VAT at 27 % in HUF: rounds half away from zero
		[50, 1], // 13.5 → 14
		[-50, 1], // -13.5 → -14
		[50, -1],
		[-50, -1],
		[37, 3],
		[LIMIT, 1],
		[LIMIT + 1, 1], // beyond the fast path: the exact path answers
		[-LIMIT, 1],
		[Number.MAX_SAFE_INTEGER, 1],
		[1e21, 1],
	])('%p × %p matches the exact path for every VAT key and currency', (unitPrice, quantity) => {
		for (const key of KEYS) for (const currency of CURRENCIES) expectSameAsExact(unitPrice, quantity, key, currency);
	});

	it('matches the exact path on 20 000 random lines of every size', () => {
		const rnd = prng(6);
		for (let i = 0; i < 20_000; i++) {
			const magnitude = 10 ** Math.floor(rnd() * 16);
			const unitPrice = Math.round((rnd() - 0.2) * magnitude);
			const quantity = Math.round((rnd() - 0.1) * (rnd() < 0.8 ? 20 : 1e6));
			expectSameAsExact(unitPrice, quantity, KEYS[i % KEYS.length], CURRENCIES[i % CURRENCIES.length]);
		}
	});

	it('still names the field when an input is wrong', () => {
		expect(() => computeLine({ unitPrice: NaN, quantity: 1, vatKey: '27', currency: 'HUF', priceIncludesVat: false }, 'Line Items[2]')).toThrow(
			expect.objectContaining({ field: 'Line Items[2] › Unit Price' }),
		);
		expect(() => computeLine({ unitPrice: 1, quantity: 1, vatKey: 'X', currency: 'HUF', priceIncludesVat: false }, 'Line Items[2]')).toThrow(
			expect.objectContaining({ field: 'Line Items[2] › VAT Key' }),
		);
		expect(() => computeLine({ unitPrice: 1, quantity: Infinity, vatKey: '27', currency: 'HUF', priceIncludesVat: false })).toThrow(
			expect.objectContaining({ field: 'Quantity' }),
		);
	});
});
