/**
 * The sweep behind amountsGrossPrices.test.ts: computeLine on every whole gross price × quantity, re-checked here in
 * integer arithmetic, independently of computeLine's code. It runs in a worker thread (plain Node): jest's sandbox makes
 * the 3 million lines several times slower.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeLine, type LineAmounts } from '../../../nodes/SzamlaAgent/protocol/amounts';
import { checkedLineAmounts } from '../../../nodes/SzamlaAgent/protocol/requests/lineAmounts';
import { checkLine } from '../../simulators/szamla/amounts';

export interface SweepCase {
	rate: number;
	maxPrice: number;
	maxQuantity: number;
	wholeForints: boolean;
}

export interface SweepResult extends SweepCase {
	lines: number;
	/** Lines whose printed gross is not price × quantity. */
	missed: number;
	/** Lines also run through the pre-send check and the simulator's check. */
	crossChecked: number;
	failureCount: number;
	firstFailures: string[];
}

const LINE = 'Line Items[2]';

/** x × 10^places as an integer, or NaN when x has more decimals than that. */
function scaled(x: number, places: number): number {
	const n = Math.round(x * 10 ** places);
	return Math.abs(x * 10 ** places - n) < 1e-3 ? n : NaN;
}

/**
 * The service's rules 259–264 as amounts.ts states them, on one computed line, in cents; `unit` = the line's minor unit
 * in cents (1 for fillér, 100 for whole forints). What is wrong, or undefined.
 */
function breach(line: LineAmounts, quantity: number, rate: number, unit: number): string | undefined {
	const net = scaled(line.netAmount, 2);
	const vat = scaled(line.vatAmount, 2);
	const gross = scaled(line.grossAmount, 2);
	const price = scaled(line.netUnitPrice, 6);
	if ([net, vat, gross].some((c) => Number.isNaN(c) || c % unit !== 0)) return 'an amount is off the grid';
	if (Number.isNaN(price)) return 'net unit price with more than 6 decimals';
	// 259: |price × quantity − net| < 1 unit; computeLine promises 0.4 units (room for a binary-float server).
	if (Math.abs(price * quantity - net * 10_000) > 0.4 * unit * 10_000) return `259: ${line.netUnitPrice} × ${quantity} vs ${line.netAmount}`;
	// 260: |net × rate / 100 − VAT| < 1 unit.
	if (Math.abs(net * rate - vat * 100) >= unit * 100) return `260: ${line.netAmount} × ${rate}% vs ${line.vatAmount}`;
	// 261: gross = net + VAT exactly.
	if (net + vat !== gross) return `261: ${line.netAmount} + ${line.vatAmount} vs ${line.grossAmount}`;
	return undefined;
}

export function sweep(c: SweepCase): SweepResult {
	const result: SweepResult = { ...c, lines: 0, missed: 0, crossChecked: 0, failureCount: 0, firstFailures: [] };
	const fail = (message: string) => {
		if (result.failureCount++ < 5) result.firstFailures.push(message);
	};
	const vatKey = String(c.rate);
	for (let price = 1; price <= c.maxPrice; price++) {
		for (let quantity = 1; quantity <= c.maxQuantity; quantity++) {
			const line = computeLine({ quantity, unitPrice: price, priceIncludesVat: true, vatKey, currency: 'HUF', wholeForints: c.wholeForints }, LINE);
			result.lines++;
			const problem = breach(line, quantity, c.rate, c.wholeForints ? 100 : 1);
			if (problem) fail(`${quantity} × ${price} Ft at ${c.rate} %: ${problem}`);
			const paid = price * quantity;
			if (line.grossAmount !== paid) {
				result.missed++;
				const difference = `${Math.abs(line.grossAmount - paid).toFixed(2)} HUF`;
				if (!line.warning?.startsWith(`${LINE}: `) || !line.warning.includes(difference)) {
					fail(`${quantity} × ${price} Ft at ${c.rate} %: gross ${line.grossAmount} without a warning naming the line and ${difference}`);
				}
			} else if (line.warning !== undefined) {
				fail(`${quantity} × ${price} Ft at ${c.rate} %: a warning although the gross is hit: ${line.warning}`);
			}
			if (result.lines % 997 === 0) {
				result.crossChecked++;
				try {
					checkedLineAmounts({ quantity, vatKey, ...line }, LINE, 'HUF');
					checkLine({ name: 'x', quantity, unitPrice: line.netUnitPrice, vatKey, net: line.netAmount, vat: line.vatAmount, gross: line.grossAmount }, 'HUF');
				} catch (error) {
					fail(`${quantity} × ${price} Ft at ${c.rate} %: refused: ${(error as Error).message}`);
				}
			}
		}
	}
	return result;
}

if (parentPort) parentPort.postMessage((workerData as SweepCase[]).map(sweep));
