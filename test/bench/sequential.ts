/**
 * 1. The node with session reuse (the default), one request at a time: wall time, logins, ratio to the floor
 * (N × request time + one login), next to a bare HTTP client (bareClient.ts) that shows what the simulator and loopback
 * HTTP cost by themselves. The row layout is shared with measurements 2 and 3.
 */
import { runBare } from './bareClient';
import { runInvoices, sequentialFloorMs, type InvoiceRunResult } from './invoiceRun';
import { interleavedPairs } from './pairs';
import { fmt, type BenchContext, type Section } from './report';

export const HEADER = ['run', 'wall', 'logins', 'requests', 'ratio to floor', 'over ideal / invoice', 'of it: simulator', 'validate phase', 'process CPU / invoice'];

/** `idealMs`: the best wall time this run could have (the floor, or the floor divided among parallel requests). */
export function row(label: string, r: InvoiceRunResult, floorMs: number, idealMs = floorMs): string[] {
	return [
		label,
		fmt.s(r.wallMs),
		String(r.logins),
		String(r.requests),
		fmt.x(r.wallMs / floorMs),
		fmt.ms((r.wallMs - idealMs) / r.invoices),
		fmt.ms(r.simulatorExtraMs / r.invoices),
		r.prepareMs === undefined ? '–' : fmt.ms(r.prepareMs),
		fmt.ms(r.cpuMs / r.invoices),
	];
}

export async function sequential(ctx: BenchContext): Promise<Section> {
	const { n, loginMs, requestMs } = ctx.config;
	const floor = sequentialFloorMs(n, { loginMs, requestMs });
	const pairs = await interleavedPairs(
		ctx.config.repeat,
		async () => await runBare(ctx.szamla, ctx.orders, 1, { loginMs, requestMs }),
		async () => await runInvoices(ctx.szamla, ctx.orders, {}, { loginMs, requestMs }),
	);
	const { bare, node: r } = pairs;
	return {
		title: `1. Számla Agent node, session reuse, sequential (floor ${fmt.s(floor)} = ${n} × ${requestMs} ms + one ${loginMs} ms login)`,
		header: HEADER,
		rows: [row('bare undici client, prebuilt requests (practical floor)', bare, floor), row('node, reuseSession on (default)', r, floor)],
		targets: [
			{ what: '1. logins, session reuse', target: '= 1', measured: String(r.logins), met: r.logins === 1 },
			// The node's own overhead: its wall time over the bare client's in the same run, same simulator, same load.
			{ what: '1. node / bare client, sequential', target: '≤ 1.06×', measured: fmt.x(pairs.ratio), met: pairs.ratio <= 1.06 },
			{ what: '1. sequential wall / floor (information)', target: '–', measured: fmt.x(r.wallMs / floor), met: true },
		],
		notes: [`Node / bare client over ${pairs.summary}.`],
	};
}
