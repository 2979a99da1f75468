/**
 * The Számla Agent simulator's payment notifications (ipn.ts): posted like Számlázz.hu does, retried until HTTP 200,
 * forged and junk posts on demand. A plain loopback receiver records what arrives.
 */
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import { request } from 'undici';
import { startSzamlaSimulator, type SzamlaSimulator } from './szamla';
import { postAgent } from './szamla/raw-client';
import { FIELDS, invoiceXml, line, paymentXml, stornoXml } from './szamla/request-fixtures';

interface Received {
	contentType: string;
	body: string;
}

class Receiver {
	readonly posts: Received[] = [];
	/** Status per post, in order; 200 after the list runs out. */
	statuses: number[] = [];
	delayMs = 0;
	private server!: Server;
	url = '';

	async start(): Promise<this> {
		this.server = createServer((req: IncomingMessage, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				this.posts.push({ contentType: String(req.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
				const status = this.statuses.shift() ?? 200;
				setTimeout(() => {
					if (!res.destroyed) res.writeHead(status).end('whatever');
				}, this.delayMs);
			});
		});
		await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/x/szamlazz-ipn`;
		return this;
	}

	fields(i: number): Record<string, string> {
		return Object.fromEntries(new URLSearchParams(this.posts[i].body));
	}

	close(): Promise<void> {
		this.server.closeAllConnections();
		return new Promise((r) => this.server.close(() => r()));
	}
}

async function admin(sim: SzamlaSimulator, command: string, body?: unknown): Promise<{ status: number; json: any }> {
	const res = await request(`${sim.url}__admin/${command}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: res.statusCode, json: await res.body.json() };
}

async function issue(sim: SzamlaSimulator, orderNumber = 'ORD-1'): Promise<string> {
	const res = await postAgent(sim.url, FIELDS.invoice, invoiceXml({ orderNumber, lines: [line({ quantity: 1, unitPrice: 10000 })] }));
	expect(res.headers.szlahu_szamlaszam).toBeDefined();
	return res.headers.szlahu_szamlaszam;
}

describe('Számla simulator: payment notifications (IPN)', () => {
	let sim: SzamlaSimulator;
	let receiver: Receiver;

	beforeAll(async () => {
		sim = await startSzamlaSimulator();
	});
	afterAll(async () => sim.close());
	beforeEach(async () => {
		sim.reset();
		receiver = await new Receiver().start();
	});
	afterEach(async () => receiver.close());

	it('sends nothing until a URL is configured', async () => {
		const number = await issue(sim);
		await postAgent(sim.url, FIELDS.payment, paymentXml(number, true, [{ amount: 12700 }]));
		await sim.ipn.idle();
		expect(receiver.posts).toEqual([]);
		expect(sim.ipn.deliveries()).toEqual([]);
	});

	it('a registered payment posts the documented urlencoded fields (absolute snapshot), once when answered 200', async () => {
		await admin(sim, 'ipn/config', { url: receiver.url, retryMs: 20, includePaymentDate: true });
		const number = await issue(sim);
		await postAgent(sim.url, FIELDS.payment, paymentXml(number, true, [{ amount: 5000, date: '2026-12-01' }]));
		await postAgent(sim.url, FIELDS.payment, paymentXml(number, true, [{ amount: 7700, date: '2026-12-02' }]));
		await sim.ipn.idle();
		expect(receiver.posts.map((p) => p.contentType)).toEqual(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded']);
		expect(receiver.fields(0)).toEqual({
			szlahu_szamlaszam: number,
			szlahu_rendelesszam: 'ORD-1',
			szlahu_bruttovegosszeg: '12700',
			szlahu_kifizetettbrutto: '5000',
			szlahu_fizetesmod: 'átutalás',
			szlahu_kifizdat: '2026-12-01',
		});
		expect(receiver.fields(1).szlahu_kifizetettbrutto).toBe('12700');
		expect(sim.ipn.deliveries().map((d) => [d.attempts.length, d.delivered])).toEqual([[1, true], [1, true]]);
	});

	it('retries every retryMs until HTTP 200, and gives up after maxAttempts', async () => {
		await admin(sim, 'ipn/config', { url: receiver.url, retryMs: 30, maxAttempts: 4 });
		receiver.statuses = [500, 404, 200];
		const number = await issue(sim);
		await admin(sim, 'payments', { invoiceNumber: number, amount: 12700 });
		await sim.ipn.idle();
		expect(receiver.posts).toHaveLength(3);
		expect(receiver.fields(2)).toEqual(receiver.fields(0));
		const [first] = sim.ipn.deliveries();
		expect(first.attempts.map((a) => a.status)).toEqual([500, 404, 200]);
		expect(Date.parse(first.attempts[1].at) - Date.parse(first.attempts[0].at)).toBeGreaterThanOrEqual(25);

		receiver.statuses = [503, 503, 503, 503, 503];
		await admin(sim, 'payments', { invoiceNumber: number, amount: -100 });
		await sim.ipn.idle();
		const second = sim.ipn.deliveries()[1];
		expect(second.attempts).toHaveLength(4);
		expect(second.gaveUp).toBe(true);
	});

	it('a slow answer counts as failed and the same notification comes again', async () => {
		await admin(sim, 'ipn/config', { url: receiver.url, retryMs: 10, timeoutMs: 100 });
		receiver.delayMs = 300;
		const number = await issue(sim);
		await admin(sim, 'payments', { invoiceNumber: number, amount: 12700 });
		await new Promise((r) => setTimeout(r, 250));
		receiver.delayMs = 0;
		await sim.ipn.idle();
		const [delivery] = sim.ipn.deliveries();
		expect(delivery.attempts[0].error).toMatch(/no answer within 100 ms/);
		expect(delivery.delivered).toBe(true);
		expect(receiver.posts.length).toBeGreaterThanOrEqual(2);
	});

	it('multipart/form-data when configured; a storno notifies paid 0; an invoice issued as paid notifies', async () => {
		await admin(sim, 'ipn/config', { url: receiver.url, encoding: 'multipart' });
		const number = await issue(sim);
		await admin(sim, 'payments', { invoiceNumber: number, amount: 12700 });
		await postAgent(sim.url, FIELDS.storno, stornoXml(number));
		await postAgent(sim.url, FIELDS.invoice, invoiceXml({ afterPrefix: '<fizetve>true</fizetve>', lines: [line({ quantity: 1, unitPrice: 100 })] }));
		await sim.ipn.idle();
		expect(receiver.posts[0].contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(receiver.posts[0].body).toContain(`name="szlahu_szamlaszam"\r\n\r\n${number}\r\n`);
		expect(receiver.posts[1].body).toContain('name="szlahu_kifizetettbrutto"\r\n\r\n0\r\n');
		expect(receiver.posts[2].body).toContain('name="szlahu_kifizetettbrutto"\r\n\r\n127\r\n');
	});

	it('forges a notification and posts junk on demand', async () => {
		await admin(sim, 'ipn/config', { url: receiver.url });
		const forged = await admin(sim, 'ipn/forge', { fields: { szlahu_szamlaszam: 'E-NOPE-1', szlahu_kifizetettbrutto: '999999' }, once: true });
		expect(forged.json.forged).toBe(true);
		const junk = await admin(sim, 'ipn/raw', { body: '\u0000garbage', contentType: 'application/octet-stream' });
		expect(junk.json.status).toBe(200);
		await sim.ipn.idle();
		expect(receiver.fields(0)).toEqual({ szlahu_szamlaszam: 'E-NOPE-1', szlahu_kifizetettbrutto: '999999' });
		expect(receiver.posts[1]).toEqual({ contentType: 'application/octet-stream', body: '\u0000garbage' });
		expect((await admin(sim, 'ipn/deliveries')).json).toHaveLength(1);
	});

	it('reset stops pending retries', async () => {
		await admin(sim, 'ipn/config', { url: receiver.url, retryMs: 60_000 });
		receiver.statuses = [500];
		const number = await issue(sim);
		await admin(sim, 'payments', { invoiceNumber: number, amount: 1 });
		await new Promise((r) => setTimeout(r, 100));
		sim.reset();
		await sim.ipn.idle();
		expect(receiver.posts).toHaveLength(1);
	});
});
