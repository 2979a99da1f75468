/**
 * Admin surface of the IPN sender, under `<url>__admin/`:
 *   POST ipn/config   {url, encoding?, retryMs?, maxAttempts?, timeoutMs?, includePaymentDate?, account?}  ({url: null} removes it)
 *   POST ipn/forge    {fields: {szlahu_…}, encoding?, once?, account?}   a notification the service never sent
 *   POST ipn/raw      {body, contentType, account?}                      any body, once (junk)
 *   GET  ipn/deliveries                                                  every delivery with its attempts
 *   POST ipn/idle                                                        answers when no attempt is running or waiting
 *   POST payments     {invoiceNumber, amount, method?, date?, account?}  a payment recorded outside the Agent (bank
 *                     reconciliation, the web UI): stored like Register Payment (additive), and notified
 */
import type { IncomingMessage } from 'http';
import { tidy } from './amounts';
import type { DocumentStore } from './store';
import type { IpnSender } from './ipn';

export type AdminAnswer = { status: number; body: unknown };

function json(body: Buffer): Record<string, unknown> {
	return JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
}

/** undefined when the command is not an IPN one. */
export async function handleIpnAdmin(
	ipn: IpnSender,
	store: DocumentStore,
	command: string,
	req: IncomingMessage,
	body: Buffer,
): Promise<AdminAnswer | undefined> {
	const key = `${req.method} ${command}`;
	if (key === 'POST ipn/config') {
		const { account, url, ...rest } = json(body);
		ipn.configure(url ? { url: String(url), ...rest } : undefined, Number(account ?? 0));
		return { status: 200, body: { ok: true } };
	}
	if (key === 'POST ipn/forge') {
		const { fields, encoding, once, account } = json(body);
		if (!fields || typeof fields !== 'object') throw new Error('expected {"fields": {"szlahu_szamlaszam": …}}');
		const delivery = ipn.forge(fields as Record<string, string>, { encoding: encoding as 'urlencoded' | 'multipart' | undefined, once: Boolean(once), accountIndex: Number(account ?? 0) });
		return { status: 200, body: delivery };
	}
	if (key === 'POST ipn/raw') {
		const { body: raw, contentType, account } = json(body);
		return { status: 200, body: await ipn.postRaw(String(raw ?? ''), String(contentType ?? 'application/octet-stream'), Number(account ?? 0)) };
	}
	if (key === 'GET ipn/deliveries') return { status: 200, body: ipn.deliveries() };
	if (key === 'POST ipn/idle') {
		await ipn.idle();
		return { status: 200, body: { ok: true } };
	}
	if (key === 'POST payments') {
		const { invoiceNumber, amount, method, date, account } = json(body);
		const doc = store.findInvoice(Number(account ?? 0), String(invoiceNumber ?? ''));
		if (!doc || doc.deleted) return { status: 404, body: { error: `no invoice ${String(invoiceNumber)}` } };
		const value = Number(amount);
		if (!Number.isFinite(value)) throw new Error('amount must be a number');
		doc.payments.push({ date: String(date ?? new Date().toISOString().slice(0, 10)), method: String(method ?? doc.paymentMethod), amount: value });
		const paidSum = tidy(doc.payments.reduce((s, p) => s + p.amount, 0));
		doc.outstanding = tidy(doc.totals.gross - paidSum);
		doc.paid = doc.outstanding <= 0;
		store.onPaymentChange?.(doc);
		return { status: 200, body: { invoiceNumber: doc.number, paid: paidSum, outstanding: doc.outstanding } };
	}
	return undefined;
}
