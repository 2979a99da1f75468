/**
 * A gross-priced shop's every line: every whole gross price 1…100 000 Ft at 5, 18 and 27 % and quantities 1…10. The
 * printed line gross must be what the customer pays (price × quantity, to the fillér), or the line carries a warning
 * naming it and the difference; every line must pass the service's per-line rules (259–264) with the tolerance
 * amounts.ts documents. The sweep (grossPriceSweep.ts) re-checks the rules in integer arithmetic and sends a sample
 * of the lines through the pre-send check and the simulator's check too.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SweepCase, SweepResult } from './grossPriceSweep';

const CASES: SweepCase[] = [
	...[5, 18, 27].map((rate) => ({ rate, maxPrice: 100_000, maxQuantity: 10, wholeForints: false })),
	...[5, 18, 27].map((rate) => ({ rate, maxPrice: 10_000, maxQuantity: 10, wholeForints: true })),
];

function runSweeps(cases: SweepCase[]): Promise<SweepResult[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(join(__dirname, 'grossPriceSweep.ts'), { workerData: cases, execArgv: ['-r', 'ts-node/register/transpile-only'] });
		worker.once('message', (results: SweepResult[]) => resolve(results));
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the sweep worker exited with ${code} before answering`)));
	});
}

let results: SweepResult[];
beforeAll(async () => {
	results = await runSweeps(CASES);
}, 120_000);

const find = (rate: number, wholeForints: boolean) => results.find((r) => r.rate === rate && r.wholeForints === wholeForints)!;

describe('computeLine: every whole gross price 1…100 000 Ft × quantities 1…10', () => {
	it.each([5, 18, 27])('at %i %%, in fillér: the printed gross is what the customer pays, and every line passes 259–264', (rate) => {
		const r = find(rate, false);
		expect(r.firstFailures).toEqual([]);
		expect(r.lines).toBe(1_000_000);
		expect(r.crossChecked).toBeGreaterThan(1000);
		// With 2 decimals and the service's tolerance every whole-forint gross is reachable: no line needed a warning.
		expect(r.missed).toBe(0);
	});

	it.each([5, 18, 27])('at %i %%, in whole forints (first 10 000 prices): the vendor split hits every gross as well', (rate) => {
		const r = find(rate, true);
		expect(r.firstFailures).toEqual([]);
		expect(r.lines).toBe(100_000);
		expect(r.missed).toBe(0);
	});
});
