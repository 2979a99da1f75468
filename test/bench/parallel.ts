/**
 * 3. The node with 2, 4 and 8 parallel requests (options.parallelRequests), ratio to the *sequential* floor. The
 * simulator sleeps per request (a timer in each request handler, not a queue), so parallel requests overlap; the
 * ideal ratio with p requests in flight is (N/p × request time + login) / sequential floor.
 */
import { runBare } from './bareClient';
import { TYPED_BUYER } from './fixtures';
import { runInvoices, sequentialFloorMs } from './invoiceRun';
import { interleavedPairs } from './pairs';
import { fmt, type BenchContext, type Section } from './report';
import { HEADER, row } from './sequential';

export async function parallel(ctx: BenchContext): Promise<Section> {
	const { n, loginMs, requestMs } = ctx.config;
	const floor = sequentialFloorMs(n, { loginMs, requestMs });
	const rows: string[][] = [];
	let ratio4 = NaN;
	let overhead4 = NaN;
	let typed4 = NaN;
	let summary4 = '';
	for (const p of [2, 4, 8]) {
		const ideal = Math.ceil(n / p) * requestMs + loginMs;
		// The targeted ratio (4 parallel) from interleaved pairs, the others from one pair: see pairs.ts.
		const pairs = await interleavedPairs(
			p === 4 ? ctx.config.repeat : 1,
			async () => await runBare(ctx.szamla, ctx.orders, p, { loginMs, requestMs }),
			async () => await runInvoices(ctx.szamla, ctx.orders, { parallelRequests: p }, { loginMs, requestMs }),
		);
		const { bare, node: r } = pairs;
		rows.push(row(`bare client, ${p} parallel (ideal ${fmt.x(ideal / floor)})`, bare, floor, ideal));
		rows.push(row(`node, ${p} parallel`, r, floor, ideal));
		if (p === 4) {
			ratio4 = r.wallMs / floor;
			overhead4 = pairs.ratio;
			summary4 = pairs.summary;
			// What n8n's expression engine adds: the validate phase runs before anything is sent, so 4 calls in
			// flight cannot hide it.
			const typed = await runInvoices(ctx.szamla, ctx.orders, { parallelRequests: p }, { loginMs, requestMs }, TYPED_BUYER);
			rows.push(row(`node, ${p} parallel, buyer typed in (no expressions)`, typed, floor, ideal));
			typed4 = typed.wallMs / bare.wallMs;
		}
	}
	return {
		title: `3. Számla Agent node, parallel requests (ratios to the sequential floor ${fmt.s(floor)})`,
		header: HEADER,
		rows,
		targets: [
			{ what: '3. node / bare client, 4 parallel', target: '≤ 1.10×', measured: fmt.x(overhead4), met: overhead4 <= 1.1 },
			{ what: '3. same, buyer typed in: without n8n expressions (information)', target: '–', measured: fmt.x(typed4), met: true },
			{ what: '3. 4 parallel wall / sequential floor (information)', target: '–', measured: fmt.x(ratio4), met: true },
		],
		notes: [`Node / bare client with 4 parallel over ${summary4}.`],
	};
}
