/**
 * 4. szamlazz.js 9.2.0, the npm peer, issuing the same invoices against the same simulator.
 *
 * Its endpoint cannot be configured: Client._sendRequest posts to the literal 'https://www.szamlazz.hu/szamla/' through
 * a private axios instance (#axiosInstance) whose HttpsCookieAgent keeps the session cookie; no option takes a URL or
 * an agent. HTTPS_PROXY does not help either: axios then sends plain HTTP to the proxy with the default http agent,
 * bypassing the cookie agent, so every call would log in. So this measurement redirects the one TLS connection it
 * opens: while it runs, tls.connect to www.szamlazz.hu returns a plain TCP socket to the simulator (the same trick as
 * nock, which szamlazz.js's own tests use). Everything above the socket — its XML, form-data, axios, the cookie jar —
 * runs unchanged, so no TLS handshake is counted (the node talks plain HTTP to the simulator too).
 */
import net from 'node:net';
import tls from 'node:tls';
import { DEFAULT_AGENT_KEY } from '../simulators/szamla/config';
import { sequentialFloorMs } from './invoiceRun';
import { loadSzamlazzJs, szamlazzJsInvoice, type Order, type SzamlazzJs } from './fixtures';
import { fmt, type BenchContext, type Section } from './report';
import { timed } from './measure';

const HOST = 'www.szamlazz.hu';

/** Until the returned function is called, TLS connections to www.szamlazz.hu go to 127.0.0.1:port in plain TCP. */
export function redirectSzamlazzHu(port: number): () => void {
	const mutable = tls as unknown as { connect: (...args: unknown[]) => net.Socket };
	const original = mutable.connect;
	mutable.connect = (...args: unknown[]) => {
		const options = typeof args[0] === 'object' && args[0] !== null ? (args[0] as tls.ConnectionOptions) : undefined;
		if (options?.host === HOST || options?.servername === HOST) return net.connect({ host: '127.0.0.1', port });
		return original.apply(tls, args);
	};
	return () => void (mutable.connect = original);
}

export function szamlazzJsClient(sz: SzamlazzJs): { issueInvoice(invoice: unknown): Promise<{ invoiceId?: string }> } {
	// Its defaults: responseVersion 1 (figures in szlahu_ headers, no body to parse), no PDF.
	return new sz.Client({ authToken: DEFAULT_AGENT_KEY, eInvoice: false, requestInvoiceDownload: false, responseVersion: 1 });
}

/** Issue every order with one szamlazz.js Client, one after another; returns how many got an invoice number. */
export async function issueWithSzamlazzJs(sim: { url: string }, input: Order[]): Promise<number> {
	const sz = loadSzamlazzJs();
	const restore = redirectSzamlazzHu(Number(new URL(sim.url).port));
	try {
		const client = szamlazzJsClient(sz);
		let issued = 0;
		for (const order of input) {
			const result = await client.issueInvoice(szamlazzJsInvoice(sz, order));
			if (result.invoiceId) issued++;
		}
		return issued;
	} finally {
		restore();
	}
}

export async function szamlazzJs(ctx: BenchContext): Promise<Section> {
	const { n, loginMs, requestMs } = ctx.config;
	const floor = sequentialFloorMs(n, { loginMs, requestMs });
	await ctx.szamla.reset();
	const run = await timed(() => issueWithSzamlazzJs(ctx.szamla, ctx.orders));
	if (run.result !== n) throw new Error(`szamlazz.js: expected ${n} invoices, got ${run.result}`);
	const { stats, server } = await ctx.szamla.stats();
	const { logins, requests } = stats;
	const simulatorExtra = server.totalMs - requests * requestMs - logins * loginMs;
	return {
		title: '4. szamlazz.js 9.2.0 (npm peer), sequential, same simulator (TLS connect redirected, see szamlazzJs.ts)',
		header: ['run', 'wall', 'logins', 'requests', 'ratio to floor', 'over ideal / invoice', 'of it: simulator', 'process CPU / invoice'],
		rows: [
			[
				'szamlazz.js, one Client, sequential',
				fmt.s(run.wallMs),
				String(logins),
				String(requests),
				fmt.x(run.wallMs / floor),
				fmt.ms((run.wallMs - floor) / n),
				fmt.ms(simulatorExtra / n),
				fmt.ms(run.cpuMs / n),
			],
		],
		targets: [],
		notes: ['szamlazz.js opens a new connection for every request (its https agent has no keep-alive): a TLS handshake each time against the real service.'],
	};
}
