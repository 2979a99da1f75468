'use strict';
// The load of issue 10: orders posted to the published webhook as a webshop does it — each order twice at the same
// moment (the shop's retry of a slow first delivery), 20 requests in flight, a third delivery of some orders after the
// first one finished, and deliveries that got no proper answer delivered again (as a shop retries after an error).
// Everything goes to 127.0.0.1 and every loop is bounded.

const DELIVERY_TIMEOUT_MS = Number(process.env.E2E_QUEUE_DELIVERY_TIMEOUT_MS || 150_000);
const MAX_ATTEMPTS = 4;
const RETRY_PAUSE_MS = 2_000;

function orderBody(orderId, n) {
	return {
		orderId,
		customer: { name: `Vevő ${n}`, email: `vevo${n}@example.hu`, zip: '9021', city: 'Győr', address: `Baross Gábor út ${n}.` },
		items: [
			{ name: 'Kávédaráló', quantity: 1, unit: 'db', grossUnitPrice: 25400, vatRate: 27, sku: 'KD-1' },
			{ name: 'Szállítás', quantity: 1, unit: 'db', grossUnitPrice: 1990 + n, vatRate: 27 },
		],
	};
}

/** One POST; never throws: {status, json?, error?, ms}. */
async function post(url, body) {
	const t = Date.now();
	try {
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
		});
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			/* not JSON */
		}
		return { status: res.status, json, text: text.slice(0, 300), ms: Date.now() - t };
	} catch (e) {
		return { status: 0, error: e.name === 'TimeoutError' ? 'timeout' : e.message, ms: Date.now() - t };
	}
}

const answeredWithInvoice = (r) => r.status === 200 && r.json && typeof r.json.invoiceNumber === 'string' && r.json.invoiceNumber !== '';

/** A delivery and the shop's re-deliveries until it gets the invoice back (at most MAX_ATTEMPTS). */
async function deliver(url, order, label, log) {
	const attempts = [];
	for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
		const r = await post(url, order.body);
		attempts.push(r);
		if (answeredWithInvoice(r)) break;
		log(`${order.id} ${label} attempt ${attempt}: ${r.status || r.error} ${r.text || ''}`.trim());
		if (attempt < MAX_ATTEMPTS) await new Promise((res) => setTimeout(res, RETRY_PAUSE_MS));
	}
	const last = attempts[attempts.length - 1];
	return { order: order.id, label, attempts: attempts.length, ok: answeredWithInvoice(last), last };
}

/**
 * @param {{url: string, orders: number, prefix: string, pairsInFlight?: number, thirdEvery?: number,
 *   onProgress?: (done: number) => Promise<void>|void, log?: (line: string) => void}} opts
 * @returns {Promise<Array<{order, label, attempts, ok, last}>>}
 */
async function runLoad({ url, orders, prefix, pairsInFlight = 10, thirdEvery = 3, onProgress, log = () => {} }) {
	const list = Array.from({ length: orders }, (_, i) => ({ id: `${prefix}-${String(i + 1).padStart(3, '0')}`, n: i + 1 }));
	for (const o of list) o.body = orderBody(o.id, o.n);
	const results = [];
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < list.length) {
			const order = list[next++];
			// The same order twice at the same moment.
			const pair = await Promise.all([deliver(url, order, 'first', log), deliver(url, order, 'second', log)]);
			results.push(...pair);
			// Some orders once more, after the first deliveries finished (a late webhook retry).
			if (order.n % thirdEvery === 0) results.push(await deliver(url, order, 'third', log));
			done++;
			if (onProgress) await onProgress(done);
		}
	};
	await Promise.all(Array.from({ length: pairsInFlight }, worker));
	return results;
}

/** Invoices per order number in the simulator (kind invoice, not reversed). */
function invoicesPerOrder(documents, prefix) {
	const counts = new Map();
	for (const d of documents) {
		if (d.family !== 'invoice' || d.kind !== 'invoice' || !d.orderNumber || !d.orderNumber.startsWith(prefix)) continue;
		counts.set(d.orderNumber, (counts.get(d.orderNumber) || 0) + 1);
	}
	return counts;
}

/** The numbers the suite reports and checks. */
function summarize(results, documents, prefix, orders) {
	const counts = invoicesPerOrder(documents, prefix);
	const twice = [...counts.values()].filter((c) => c > 1).length;
	const invoiced = counts.size;
	const deliveries = results.length;
	const answered = results.filter((r) => r.ok).length;
	const repeatsMarked = results.filter((r) => r.ok && r.last.json.alreadyExisted === true).length;
	// Every answer of one order must name the same invoice.
	const numbersPerOrder = new Map();
	for (const r of results) {
		if (!r.ok) continue;
		const set = numbersPerOrder.get(r.order) || new Set();
		set.add(r.last.json.invoiceNumber);
		numbersPerOrder.set(r.order, set);
	}
	const inconsistent = [...numbersPerOrder.values()].filter((s) => s.size > 1).length;
	return {
		orders,
		invoices: [...counts.values()].reduce((a, b) => a + b, 0),
		ordersInvoiced: invoiced,
		ordersInvoicedTwiceOrMore: twice,
		deliveries,
		answeredWithInvoice: answered,
		answeredAlreadyExisted: repeatsMarked,
		ordersWithDifferingAnswers: inconsistent,
		redeliveries: results.reduce((a, r) => a + r.attempts - 1, 0),
	};
}

module.exports = { runLoad, summarize, invoicesPerOrder, post };
