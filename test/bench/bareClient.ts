/**
 * The practical floor on this machine: the same invoices as prebuilt multipart bodies, sent with plain undici (first
 * one alone to log in, then `parallel` at a time with the cookie), no n8n and no node code in the timed part. The
 * difference to the theoretical floor is what the simulator (in its worker thread) and loopback HTTP cost; the
 * difference between this row and the node's is the node's (and n8n's) own overhead.
 */
import { request } from 'undici';
import { buildMultipart, createInvoice } from './code';
import { BENCH_AUTH, protocolRequest, type Order } from './fixtures';
import type { InvoiceRunResult } from './invoiceRun';
import { timed } from './measure';
import type { RemoteSzamla } from './simulatorHost';

export async function runBare(
	sim: RemoteSzamla,
	input: Order[],
	parallel: number,
	delays: { loginMs: number; requestMs: number },
): Promise<InvoiceRunResult> {
	const today = new Date().toISOString().slice(0, 10);
	const bodies = input.map((order) =>
		buildMultipart([{ field: 'action-xmlagentxmlfile', fileName: 'xmlszamla.xml', contentType: 'text/xml', content: createInvoice.build(protocolRequest(order, today), BENCH_AUTH) }]),
	);
	await sim.reset();
	let cookie: string | undefined;
	const send = async (k: number) => {
		const body = bodies[k];
		const res = await request(sim.url, { method: 'POST', headers: { 'content-type': body.contentType, ...(cookie && { cookie }) }, body: body.body });
		const setCookie = res.headers['set-cookie'];
		if (setCookie) cookie = String(setCookie).split(';')[0];
		const text = await res.body.text();
		if (res.statusCode !== 200 || !text.includes('<sikeres>true</sikeres>')) throw new Error(`bare client: request ${k} failed`);
	};
	const run = await timed(async () => {
		await send(0);
		let next = 1;
		const worker = async () => {
			while (next < bodies.length) await send(next++);
		};
		await Promise.all(Array.from({ length: parallel }, worker));
	});
	const { stats, server } = await sim.stats();
	const { logins, requests } = stats;
	return {
		invoices: input.length,
		wallMs: run.wallMs,
		cpuMs: run.cpuMs,
		logins,
		requests,
		simulatorExtraMs: server.totalMs - requests * delays.requestMs - logins * delays.loginMs,
	};
}
