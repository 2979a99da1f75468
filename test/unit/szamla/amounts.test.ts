import { InputError } from '../../../nodes/shared/errors';
import { AMOUNT_DECIMALS, computeLine, isHuf, lineRuleBreach, roundAmount, sumLines, type LineAmountsInput } from '../../../nodes/SzamlaAgent/protocol/amounts';
import { vatRateOf, parseVatKey } from '../../../nodes/SzamlaAgent/protocol/vatKeys';

const line = (quantity: number, unitPrice: number, vatKey: string | number, currency: string, priceIncludesVat = false, wholeForints?: boolean): LineAmountsInput => ({
	quantity,
	unitPrice,
	vatKey,
	currency,
	priceIncludesVat,
	...(wholeForints === undefined ? {} : { wholeForints }),
});

describe('currency decimals and rounding', () => {
	it('every currency has 2 decimals (HUF too, since the 2026-12 correction); HUF is also spelled Ft', () => {
		expect(AMOUNT_DECIMALS).toBe(2);
		expect([isHuf('HUF'), isHuf('Ft'), isHuf(' huf '), isHuf('EUR'), isHuf('USD')]).toEqual([true, true, true, false, false]);
	});

	it.each<[number, number, number]>([
		[1.005, 2, 1.01], // binary 1.00499999… would give 1.00
		[2.675, 2, 2.68],
		[-2.5, 0, -3],
		[2.5, 0, 3],
		[-1.005, 2, -1.01],
		[9.9949, 2, 9.99],
		[0.125, 2, 0.13],
		[1e21, 2, 1e21],
		[1e-7, 2, 0],
		[-0.004, 2, 0],
	])('roundAmount(%s, %s) = %s (half away from zero, on the decimal value)', (value, decimals, expected) => {
		expect(roundAmount(value, decimals)).toBe(expected);
		expect(Object.is(roundAmount(value, decimals), -0)).toBe(false);
	});
});

describe('computeLine', () => {
	it.each<[string, LineAmountsInput, [number, number, number, number]]>([
		['7.87 EUR net at 27 % (gross 9.9949 → 9.99)', line(1, 7.87, '27', 'EUR'), [7.87, 7.87, 2.12, 9.99]],
		['9.99 EUR gross at 27 %', line(1, 9.99, '27', 'EUR', true), [7.87, 7.87, 2.12, 9.99]],
		['3 × 9.99 EUR gross', line(3, 9.99, 27, 'EUR', true), [7.867, 23.6, 6.37, 29.97]],
		['HUF keeps fillér', line(3, 333.33, '27', 'HUF'), [333.33, 999.99, 270, 1269.99]],
		['HUF VAT in fillér', line(1, 150, '27', 'HUF'), [150, 150, 40.5, 190.5]],
		['1000 Ft gross at 27 % (issue 9)', line(1, 1000, '27', 'HUF', true), [787.4, 787.4, 212.6, 1000]],
		['3 × 1000 Ft gross (VAT rounded up: 2362.20 × 27 % = 637.794)', line(3, 1000, '27', 'HUF', true), [787.4, 2362.2, 637.8, 3000]],
		['HUF gross unit price, more unit-price decimals than line decimals', line(7, 1000, '27%', 'Ft', true), [787.401, 5511.81, 1488.19, 7000]],
		['2 Ft gross (strict rounding cannot reach it)', line(1, 2, '27', 'HUF', true), [1.57, 1.57, 0.43, 2]],
		['whole forints: net price', line(3, 333.33, '27', 'HUF', false, true), [333.33, 1000, 270, 1270]],
		['whole forints: VAT .5 tie rounds away from zero', line(1, 150, '27', 'HUF', false, true), [150, 150, 41, 191]],
		['whole forints: 1000 Ft gross, the vendor split', line(1, 1000, '27', 'HUF', true, true), [787, 787, 213, 1000]],
		['whole forints: gross unit price', line(7, 1000, '27%', 'Ft', true, true), [787.4, 5512, 1488, 7000]],
		['whole forints: 2 Ft gross', line(1, 2, '27', 'HUF', true, true), [2, 2, 0, 2]],
		['whole forints do not apply to EUR', line(1, 9.99, '27', 'EUR', true, true), [7.87, 7.87, 2.12, 9.99]],
		['5 %', line(2, 3.15, '5', 'EUR'), [3.15, 6.3, 0.32, 6.62]],
		['18 %', line(4, 12.49, '18', 'EUR'), [12.49, 49.96, 8.99, 58.95]],
		['0 %', line(2, 10, '0', 'EUR'), [10, 20, 0, 20]],
		['special key AAM', line(2, 100, 'aam', 'EUR', true), [100, 200, 0, 200]],
		['special key EUK net', line(1.5, 19.99, 'EUK', 'USD'), [19.99, 29.99, 0, 29.99]],
		['negative quantity (final/corrective)', line(-2, 1270, '27', 'HUF', true), [1000, -2000, -540, -2540]],
		['negative net', line(-1, 7.87, '27', 'EUR'), [7.87, -7.87, -2.12, -9.99]],
		['fractional quantity, gross', line(0.333, 12.5, '5', 'EUR', true), [11.89, 3.96, 0.2, 4.16]],
		['zero quantity', line(0, 12.7, '27', 'EUR', true), [10, 0, 0, 0]],
		['0.1 + 0.2 style drift', line(3, 0.1, '27', 'EUR'), [0.1, 0.3, 0.08, 0.38]],
	])('%s', (_name, input, [netUnitPrice, netAmount, vatAmount, grossAmount]) => {
		expect(computeLine(input)).toEqual({ netUnitPrice, netAmount, vatAmount, grossAmount });
	});

	it('never returns -0 and keeps very large amounts exact', () => {
		const zero = computeLine(line(2, -0, '27', 'HUF'));
		expect(Object.is(zero.netAmount, -0) || Object.is(zero.vatAmount, -0) || Object.is(zero.grossAmount, -0)).toBe(false);
		expect(computeLine(line(1, Number.MAX_SAFE_INTEGER, '0', 'HUF'))).toMatchObject({ netAmount: Number.MAX_SAFE_INTEGER, grossAmount: Number.MAX_SAFE_INTEGER });
		expect(computeLine(line(1, 1e21, '27', 'EUR'))).toMatchObject({ netAmount: 1e21, vatAmount: 2.7e20, grossAmount: 1.27e21 });
	});

	it('whole forints: a gross price with fillér warns how far the printed gross is from what the customer pays', () => {
		const r = computeLine(line(2, 499.75, '27', 'HUF', true, true), 'Line Items[2]');
		expect(r).toMatchObject({ netAmount: 787, vatAmount: 213, grossAmount: 1000 });
		expect(r.warning).toBe('Line Items[2]: the line gross is 1000.00 HUF, 0.50 HUF more than 2 × 499.75 = 999.50 HUF the customer pays (whole-forint amounts)');
		expect(computeLine(line(2, 499.75, '27', 'HUF', true)).grossAmount).toBe(999.5);
	});

	it('a quantity too large for a 6-decimal unit price to hit the net warns instead of sending a wrong line', () => {
		const r = computeLine(line(123457, 1, '27', 'EUR', true), 'Line Items[4]');
		expect(r).toEqual({
			netUnitPrice: 0.787402,
			netAmount: 97210.29,
			vatAmount: 26246.78,
			grossAmount: 123457.07,
			warning: 'Line Items[4]: the line gross is 123457.07 EUR, 0.07 EUR more than 123457 × 1 = 123457.00 EUR the customer pays',
		});
		// The line itself still passes every rule.
		expect(lineRuleBreach({ ...r, quantity: 123457 }, 27, 'EUR')).toBeUndefined();
	});

	it('net prices never warn: the customer pays what the net price implies', () => {
		expect(computeLine(line(3, 333.333, '27', 'HUF', false, true)).warning).toBeUndefined();
	});

	it.each<[Partial<LineAmountsInput>, string]>([
		[{ quantity: NaN }, 'Line Items[4] › Quantity'],
		[{ quantity: Infinity }, 'Line Items[4] › Quantity'],
		[{ unitPrice: -Infinity }, 'Line Items[4] › Unit Price'],
		[{ unitPrice: '10' as never }, 'Line Items[4] › Unit Price'],
		[{ vatKey: '26' }, 'Line Items[4] › VAT Key'],
		[{ vatKey: 'TEHK' }, 'Line Items[4] › VAT Key'],
		[{ vatKey: 'X', currency: 'HUF' }, 'Line Items[4] › VAT Key'],
	])('%j is an InputError for %s', (patch, field) => {
		let error: unknown;
		try {
			computeLine({ ...line(1, 10, '27', 'EUR'), ...patch }, 'Line Items[4]');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).field).toBe(field);
	});
});

/** Exact decimal re-check of rules 259–264 on the numbers computeLine returns (independent of its internals). */
/**
 * `tenths`: allowed |u×q − N| in tenths of a minor unit (5 = plain rounding for given net prices, 4 = derived ones).
 * `vatEitherWay`: VAT may be rounded up or down (|N·rate/100 − VAT| < 1 unit, the vendor's gross-first split) instead
 * of half away from zero.
 */
function exactChecks(q: number, r: ReturnType<typeof computeLine>, rate: number, decimals: number, tenths: bigint, vatEitherWay: boolean): string | undefined {
	const scale = 10 ** decimals;
	const dec = (x: number) => {
		const [i, f = ''] = String(x).split('e')[0].split('.');
		const exp = Number(String(x).split('e')[1] ?? 0);
		return { m: BigInt(i + f), s: f.length - exp };
	};
	const toUnits = (x: number) => BigInt(Math.round(x * scale));
	const net = toUnits(r.netAmount);
	const vat = toUnits(r.vatAmount);
	const gross = toUnits(r.grossAmount);
	if (Math.abs(r.netAmount * scale - Number(net)) > 1e-6) return 'net not on the currency grid';
	// |u·q − N| ≤ 0.4 units (exact)
	const u = dec(r.netUnitPrice);
	const qd = dec(q);
	const s = u.s + qd.s;
	// Compare u·q and N at a common scale t = max(s, decimals); the bound is tenths/10 of a minor unit.
	const t = Math.max(s, decimals);
	const product = u.m * qd.m * 10n ** BigInt(t - s);
	const netAtT = net * 10n ** BigInt(t - decimals);
	const diff = product - netAtT;
	const abs = diff < 0n ? -diff : diff;
	if (abs * 10n > tenths * 10n ** BigInt(t - decimals)) return `259: u×q=${product}e-${t} vs net ${r.netAmount}`;
	// VAT = round(N·rate/100), half away from zero
	const v2 = net * BigInt(rate) * 2n;
	const expectedVat = v2 >= 0n ? (v2 + 100n) / 200n : -((-v2 + 100n) / 200n);
	const off = net * BigInt(rate) - vat * 100n;
	if (vatEitherWay ? (off < 0n ? -off : off) >= 100n : expectedVat !== vat) return `260: vat ${r.vatAmount} expected ${expectedVat}`;
	if (net + vat !== gross) return '261: gross ≠ net + VAT';
	return undefined;
}

/** a × b rounded half away from zero to `decimals`, on the decimal values (a float product can cross a boundary). */
function exactlyRoundedProduct(a: number, b: number, decimals: number): number {
	const dec = (x: number) => {
		const [i, f = ''] = String(x).split('.');
		return { m: BigInt(i + f), s: f.length };
	};
	const x = dec(a);
	const y = dec(b);
	const extra = x.s + y.s - decimals;
	const m = x.m * y.m * 10n ** BigInt(Math.max(0, -extra));
	const d = 10n ** BigInt(Math.max(0, extra));
	const q = ((m < 0n ? -m : m) * 2n + d) / (2n * d);
	return Number(m < 0n ? -q : q) / 10 ** decimals;
}

describe('computeLine property: rules 259–264 hold for many random lines', () => {
	// Deterministic PRNG so a failure is reproducible.
	let seed = 20260911;
	const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const keys = ['0', '5', '18', '27', 'AAM', '20', 'EUK'];

	it.each(['HUF', 'EUR'])('%s: 4000 random net and gross prices', (currency) => {
		const decimals = AMOUNT_DECIMALS;
		const failures: string[] = [];
		let grossLines = 0;
		let grossMatchesTarget = 0;
		for (let i = 0; i < 4000; i++) {
			const priceDecimals = Math.floor(rand() * 4);
			const unitPrice = Number((rand() * 10 ** (1 + Math.floor(rand() * 5))).toFixed(priceDecimals));
			const quantity = (rand() < 0.15 ? -1 : 1) * Number((rand() * 50).toFixed(Math.floor(rand() * 4)));
			const vatKey = keys[Math.floor(rand() * keys.length)];
			const includesVat = rand() < 0.5;
			const result = computeLine({ quantity, unitPrice, vatKey, currency, priceIncludesVat: includesVat });
			const problem = exactChecks(quantity, result, vatRateOf(parseVatKey(vatKey)), decimals, includesVat ? 4n : 5n, includesVat);
			if (problem) failures.push(`${quantity} × ${unitPrice} ${currency} ${vatKey} ${includesVat ? 'gross' : 'net'}: ${problem}`);
			if (result.warning !== undefined) failures.push(`${quantity} × ${unitPrice} ${currency}: unexpected warning ${result.warning}`);
			if (includesVat) grossLines++;
			if (includesVat && exactlyRoundedProduct(unitPrice, quantity, decimals) === result.grossAmount) grossMatchesTarget++;
			// A derived net unit price keeps 0.4 units of margin, so the server's own (possibly binary) product rounds the same way.
			if (includesVat) expect(Math.abs(result.netUnitPrice * quantity - result.netAmount)).toBeLessThanOrEqual(0.4 * 10 ** -decimals + 1e-9);
		}
		expect(failures.slice(0, 5)).toEqual([]);
		// Every gross line hits the customer's price exactly (the vendor split; quantities here stay far below 8000).
		expect(grossLines).toBeGreaterThan(1500);
		expect(grossMatchesTarget).toBe(grossLines);
	});
});

describe('sumLines', () => {
	it('adds exactly (no 0.1 + 0.2 drift) and rounds to the currency', () => {
		expect(
			sumLines(
				[
					{ netAmount: 0.1, vatAmount: 0.03, grossAmount: 0.13 },
					{ netAmount: 0.2, vatAmount: 0.05, grossAmount: 0.25 },
				],
			),
		).toEqual({ netAmount: 0.3, vatAmount: 0.08, grossAmount: 0.38 });
		expect(sumLines([])).toEqual({ netAmount: 0, vatAmount: 0, grossAmount: 0 });
		expect(sumLines([{ netAmount: -2000, vatAmount: -540, grossAmount: -2540 }, { netAmount: 1000, vatAmount: 270, grossAmount: 1270 }])).toEqual({
			netAmount: -1000,
			vatAmount: -270,
			grossAmount: -1270,
		});
	});

	it('names the bad line', () => {
		expect(() => sumLines([{ netAmount: 1, vatAmount: 0, grossAmount: 1 }, { netAmount: NaN, vatAmount: 0, grossAmount: 1 }])).toThrow(
			expect.objectContaining({ field: 'Line Items[2] › Net Amount' }),
		);
	});
});
