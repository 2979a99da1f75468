/**
 * Payment notifications (IPN) the way Számlázz.hu sends them (szamla-agent.md §8): when the paid amount of an invoice
 * changes, a form POST to the one URL set for the account, repeated every 3 minutes (short in tests) up to 10 times
 * until the receiver answers HTTP 200; the body of the answer is ignored, and an answer slower than the sender waits
 * counts as a failure. The post carries no signature. `forge` posts a notification the service never sent, `postRaw`
 * any body at all (junk), so a receiver's checks can be tested.
 *
 * Nothing is sent until a URL is configured, so the simulator behaves as before for every other test.
 */
import { request as httpRequest } from 'http';
import { randomBytes } from 'crypto';
import type { InvoiceDocument } from './types';

export type IpnEncoding = 'urlencoded' | 'multipart';

export interface IpnConfig {
	/** The receiver (only loopback URLs are used in tests). */
	url: string;
	/** The newer vendor page says urlencoded, the older form-data; default urlencoded. */
	encoding?: IpnEncoding;
	/** Gap between attempts; the service waits 3 minutes. */
	retryMs?: number;
	/** Attempts in all; the service makes 10. */
	maxAttempts?: number;
	/** How long one attempt waits for the answer before it counts as failed (the real value is not documented). */
	timeoutMs?: number;
	/** szlahu_kifizdat is sent only when support enabled it for the account. */
	includePaymentDate?: boolean;
}

export interface IpnAttempt {
	at: string;
	status?: number;
	error?: string;
	ms: number;
}

export interface IpnDelivery {
	id: number;
	fields: Record<string, string>;
	/** Sent by a test, not caused by a change of a document. */
	forged: boolean;
	encoding: IpnEncoding;
	attempts: IpnAttempt[];
	delivered: boolean;
	gaveUp: boolean;
}

const DEFAULTS = { encoding: 'urlencoded' as IpnEncoding, retryMs: 180_000, maxAttempts: 10, timeoutMs: 10_000, includePaymentDate: false };

/** Amounts as a Java service prints them for whole forints and for fillér: 12700, 12700.5. */
function amount(n: number): string {
	return String(Math.round(n * 100) / 100);
}

export function notificationFields(doc: InvoiceDocument, includePaymentDate: boolean): Record<string, string> {
	const paid = doc.payments.reduce((sum, p) => sum + p.amount, 0);
	const fields: Record<string, string> = { szlahu_szamlaszam: doc.number };
	if (doc.fromProforma) fields.szlahu_dijbekero_szama = doc.fromProforma;
	if (doc.orderNumber) fields.szlahu_rendelesszam = doc.orderNumber;
	fields.szlahu_bruttovegosszeg = amount(doc.totals.gross);
	fields.szlahu_kifizetettbrutto = amount(paid);
	fields.szlahu_fizetesmod = doc.paymentMethod;
	const latest = doc.payments.map((p) => p.date).filter(Boolean).sort().pop();
	if (includePaymentDate && latest) fields.szlahu_kifizdat = latest;
	return fields;
}

function encodeBody(fields: Record<string, string>, encoding: IpnEncoding): { contentType: string; body: Buffer } {
	if (encoding === 'urlencoded') {
		return { contentType: 'application/x-www-form-urlencoded', body: Buffer.from(new URLSearchParams(fields).toString(), 'utf8') };
	}
	const boundary = `----szlahu${randomBytes(8).toString('hex')}`;
	const parts = Object.entries(fields).map(
		([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	);
	return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8') };
}

function post(url: string, contentType: string, body: Buffer, timeoutMs: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, { method: 'POST', headers: { 'content-type': contentType, 'content-length': body.length } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
			res.on('error', reject);
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end(body);
	});
}

export class IpnSender {
	private readonly configs = new Map<number, Required<IpnConfig>>();
	private readonly list: IpnDelivery[] = [];
	/** Retries waiting for their time; reset() ends them without sending. */
	private readonly waiting = new Map<NodeJS.Timeout, () => void>();
	private readonly running = new Set<Promise<void>>();
	private nextId = 1;

	/** Set (or, with `undefined`, remove) the notification URL of an account (default the first). */
	configure(config: IpnConfig | undefined, accountIndex = 0): void {
		if (!config) this.configs.delete(accountIndex);
		else this.configs.set(accountIndex, { ...DEFAULTS, ...config });
	}

	/** The paid amount of `doc` changed: notify the account's URL, if one is set. */
	paymentChanged(doc: InvoiceDocument): IpnDelivery | undefined {
		const config = this.configs.get(doc.accountIndex);
		if (!config) return undefined;
		return this.start(notificationFields(doc, config.includePaymentDate), false, config);
	}

	/** A notification the service never sent, posted like a real one (with retries unless `once`). */
	forge(fields: Record<string, string>, options: { accountIndex?: number; encoding?: IpnEncoding; once?: boolean } = {}): IpnDelivery {
		const config = this.requireConfig(options.accountIndex ?? 0);
		const used = { ...config, encoding: options.encoding ?? config.encoding, maxAttempts: options.once ? 1 : config.maxAttempts };
		return this.start(fields, true, used);
	}

	/** Any body to the URL, once (junk, a wrong content type, an empty post). */
	postRaw(body: string, contentType: string, accountIndex = 0): Promise<IpnAttempt> {
		const config = this.requireConfig(accountIndex);
		return this.attemptOnce(config.url, contentType, Buffer.from(body, 'utf8'), config.timeoutMs);
	}

	deliveries(): readonly IpnDelivery[] {
		return this.list;
	}

	/** Resolves when no attempt is running or waiting. */
	async idle(): Promise<void> {
		while (this.running.size > 0) await Promise.all([...this.running]);
	}

	/** Stop every pending retry and forget deliveries and URLs. */
	reset(): void {
		for (const [timer, resolve] of this.waiting) {
			clearTimeout(timer);
			resolve();
		}
		this.waiting.clear();
		this.list.length = 0;
		this.configs.clear();
	}

	private requireConfig(accountIndex: number): Required<IpnConfig> {
		const config = this.configs.get(accountIndex);
		if (!config) throw new Error(`no IPN URL configured for account ${accountIndex} (POST __admin/ipn/config first)`);
		return config;
	}

	private start(fields: Record<string, string>, forged: boolean, config: Required<IpnConfig>): IpnDelivery {
		const delivery: IpnDelivery = { id: this.nextId++, fields, forged, encoding: config.encoding, attempts: [], delivered: false, gaveUp: false };
		this.list.push(delivery);
		const { contentType, body } = encodeBody(fields, config.encoding);
		const attempt = (): Promise<void> =>
			this.attemptOnce(config.url, contentType, body, config.timeoutMs).then((result) => {
				delivery.attempts.push(result);
				if (result.status === 200) {
					delivery.delivered = true;
					return;
				}
				if (delivery.attempts.length >= config.maxAttempts) {
					delivery.gaveUp = true;
					return;
				}
				// Keep the wait visible to idle(): a pending retry counts as running.
				return new Promise<void>((resolve) => {
					const timer = setTimeout(() => {
						this.waiting.delete(timer);
						resolve(attempt());
					}, config.retryMs);
					this.waiting.set(timer, resolve);
				});
			});
		const run = attempt().finally(() => this.running.delete(run));
		this.running.add(run);
		return delivery;
	}

	private async attemptOnce(url: string, contentType: string, body: Buffer, timeoutMs: number): Promise<IpnAttempt> {
		const started = Date.now();
		try {
			const status = await post(url, contentType, body, timeoutMs);
			return { at: new Date(started).toISOString(), status, ms: Date.now() - started };
		} catch (error) {
			return { at: new Date(started).toISOString(), error: (error as Error).message, ms: Date.now() - started };
		}
	}
}
