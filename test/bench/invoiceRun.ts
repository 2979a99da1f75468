/**
 * One workflow execution of the Számla Agent node (Invoice › Create) over all orders, through n8n-core's engine, with a
 * fresh simulator state and no session in the process: what measurements 1–3 have in common.
 */
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../workflow/harness';
import { sharedSessionStore } from './code';
import { invoiceParameters, szamlaCredentials, SZAMLA_TYPE, type Order } from './fixtures';
import { timed, watchFirstRequest } from './measure';
import type { RemoteSzamla } from './simulatorHost';

export interface InvoiceRunResult {
	invoices: number;
	wallMs: number;
	cpuMs: number;
	logins: number;
	requests: number;
	/** Engine start → first request: reading and validating every item before anything is sent. */
	prepareMs?: number;
	/** Time inside the simulator (its worker thread) beyond its simulated delays, summed over requests. */
	simulatorExtraMs: number;
}

export async function runInvoices(
	sim: RemoteSzamla,
	input: Order[],
	options: IDataObject,
	delays: { loginMs: number; requestMs: number },
	/** Parameters that replace the standard ones (e.g. TYPED_BUYER). */
	overrides: IDataObject = {},
): Promise<InvoiceRunResult> {
	await sim.reset();
	sharedSessionStore.clear();
	const stopFirst = watchFirstRequest();
	const run = await timed(() =>
		runWorkflow({
			nodes: [{ name: 'Invoice', type: SZAMLA_TYPE, parameters: { ...invoiceParameters(options), ...overrides } }],
			input: input as unknown as IDataObject[],
			credentials: szamlaCredentials(sim.url),
		}),
	);
	const prepareMs = stopFirst();
	if (run.result.error) throw run.result.error;
	const out = run.result.output('Invoice');
	const issued = out.filter((item) => typeof item.json.invoiceNumber === 'string' && item.json.invoiceNumber !== '').length;
	if (issued !== input.length) throw new Error(`expected ${input.length} invoices, the node returned ${issued}`);
	const { stats, server } = await sim.stats();
	const { logins, requests } = stats;
	return {
		invoices: issued,
		wallMs: run.wallMs,
		cpuMs: run.cpuMs,
		logins,
		requests,
		prepareMs,
		simulatorExtraMs: server.totalMs - requests * delays.requestMs - logins * delays.loginMs,
	};
}

/** N requests one after another plus one login: no client can be faster against the simulator. */
export function sequentialFloorMs(n: number, delays: { loginMs: number; requestMs: number }): number {
	return n * delays.requestMs + delays.loginMs;
}
