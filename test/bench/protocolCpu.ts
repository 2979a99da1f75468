/**
 * 5. CPU time per invoice for building the request XML and parsing the answer, our protocol layer against szamlazz.js,
 * in a tight loop after warm-up (no HTTP). Both start from the same plain order (buyer + lines) and compute the line
 * amounts themselves.
 *
 * - ours: computeLine per line + createInvoice.build + UTF-8 bytes; createInvoice.parse(answer, request).
 * - szamlazz.js: new Item/Buyer/Seller/Invoice + Client.issueInvoice with its _sendRequest stubbed to return a canned
 *   response (after encoding the XML to bytes, as form-data would), so its own code builds the XML and reads the figures. With its default responseVersion 1 it parses no body
 *   at all (figures come from szlahu_ headers); its only XML parse is the one _sendRequest runs on v2 answers,
 *   xml2js.parseStringPromise, measured here on the same v2 answer our parser gets.
 */
import { createRequire } from 'node:module';
import { request } from 'undici';
import type { RawResponse } from '../../nodes/SzamlaAgent/protocol/types/response';
import { buildMultipart, createInvoice } from './code';
import { BENCH_AUTH, loadSzamlazzJs, protocolRequest, szamlazzJsInvoice, type Order } from './fixtures';
import { szamlazzJsClient } from './szamlazzJs';
import { fmt, type BenchContext, type Section } from './report';
import { median } from './measure';

const WARMUP = 2000;
const ROUNDS = 5;
const PER_ROUND = 1500;

/** Median CPU µs per call over ROUNDS rounds, after WARMUP calls. */
async function cpuPerCall(work: (i: number) => unknown): Promise<number> {
	for (let i = 0; i < WARMUP; i++) await work(i);
	const rounds: number[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		const cpu0 = process.cpuUsage();
		for (let i = 0; i < PER_ROUND; i++) await work(i);
		const cpu = process.cpuUsage(cpu0);
		rounds.push((cpu.user + cpu.system) / PER_ROUND);
	}
	return median(rounds);
}

/** A real answer to one create (v2 XML, no PDF) from the simulator, as our transport would hand it to the parser. */
async function captureAnswer(ctx: BenchContext, order: Order, today: string): Promise<RawResponse> {
	const xml = createInvoice.build(protocolRequest(order, today), BENCH_AUTH);
	const body = buildMultipart([{ field: 'action-xmlagentxmlfile', fileName: 'xmlszamla.xml', contentType: 'text/xml', content: xml }]);
	const res = await request(ctx.szamla.url, { method: 'POST', headers: { 'content-type': body.contentType }, body: body.body });
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
	return { status: res.statusCode, headers, body: Buffer.from(await res.body.arrayBuffer()) };
}

export async function protocolCpu(ctx: BenchContext): Promise<Section> {
	const today = new Date().toISOString().slice(0, 10);
	const sample = ctx.orders.slice(0, 16); // a few different orders, so no call sees only one input
	const order = (i: number) => sample[i % sample.length];
	await ctx.szamla.reset();
	const answer = await captureAnswer(ctx, sample[0], today);
	const CREATE_REQUEST = protocolRequest(sample[0], today);
	if (!createInvoice.parse(answer, CREATE_REQUEST).invoiceNumber) throw new Error('the captured answer has no invoice number');

	const sz = loadSzamlazzJs();
	const client = szamlazzJsClient(sz) as unknown as { _sendRequest: unknown; issueInvoice(invoice: unknown): Promise<{ invoiceId?: string }> };
	const v1Response = { status: 200, headers: answer.headers, data: Buffer.alloc(0) };
	let lastXml = '';
	// Its _sendRequest would hand the XML to form-data as bytes; the stub does the same encoding and nothing else.
	client._sendRequest = async (_field: string, xml: string) => ((lastXml = xml), Buffer.from(xml, 'utf8'), v1Response);
	await client.issueInvoice(szamlazzJsInvoice(sz, sample[0]));
	if (!lastXml.includes('<tetelek>')) throw new Error('szamlazz.js stub saw no invoice XML');
	const xml2js = createRequire(require.resolve('szamlazz.js'))('xml2js') as { parseStringPromise(xml: string): Promise<unknown> };
	const answerText = answer.body.toString('utf8');

	// Both builds end with the UTF-8 bytes that go on the wire (and flatten V8's concatenated strings on the way).
	const oursBuild = await cpuPerCall((i) => Buffer.from(createInvoice.build(protocolRequest(order(i), today), BENCH_AUTH), 'utf8'));
	const oursParse = await cpuPerCall(() => createInvoice.parse(answer, CREATE_REQUEST));
	const theirsBuild = await cpuPerCall((i) => client.issueInvoice(szamlazzJsInvoice(sz, order(i))));
	const theirsParse = await cpuPerCall(() => xml2js.parseStringPromise(answerText));

	const ours = oursBuild + oursParse;
	const theirs = theirsBuild + theirsParse;
	const lines = ctx.config.lines;
	return {
		title: `5. CPU per invoice (${lines} lines), tight loop: median of ${ROUNDS} rounds × ${PER_ROUND} after ${WARMUP} warm-up calls`,
		header: ['code', 'build request XML', 'parse answer', 'total', 'XML bytes'],
		rows: [
			['ours (protocol layer)', fmt.us(oursBuild), fmt.us(oursParse), fmt.us(ours), String(Buffer.byteLength(createInvoice.build(protocolRequest(sample[0], today), BENCH_AUTH)))],
			['szamlazz.js 9.2.0', fmt.us(theirsBuild), `${fmt.us(theirsParse)} (v2 only; v1: none)`, fmt.us(theirs), String(Buffer.byteLength(lastXml))],
			['ours / szamlazz.js', fmt.x(oursBuild / theirsBuild), fmt.x(oursParse / theirsParse), fmt.x(ours / theirs), ''],
		],
		// For information only: the per-invoice CPU budget is withdrawn (issue 12; the service takes 0.7–5.5 s per call).
		targets: [],
	};
}
