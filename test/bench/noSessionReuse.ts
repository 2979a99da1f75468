/**
 * 2. The node with options.reuseSession = false: no cookie is sent or kept, so every call logs in again, as a plain
 * HTTP Request node workflow would. Ratio to the same sequential floor as measurement 1.
 */
import { runInvoices, sequentialFloorMs } from './invoiceRun';
import { fmt, type BenchContext, type Section } from './report';
import { HEADER, row } from './sequential';

export async function noSessionReuse(ctx: BenchContext): Promise<Section> {
	const { n, loginMs, requestMs } = ctx.config;
	const floor = sequentialFloorMs(n, { loginMs, requestMs });
	const r = await runInvoices(ctx.szamla, ctx.orders, { reuseSession: false }, { loginMs, requestMs });
	return {
		title: '2. Számla Agent node, reuseSession = false (every call logs in, like a plain HTTP Request workflow)',
		header: HEADER,
		rows: [row('reuseSession off', r, floor, n * (requestMs + loginMs))],
		targets: [],
		notes: [`Ideal without a session: N × (request + login) = ${fmt.s(n * (requestMs + loginMs))}.`],
	};
}
