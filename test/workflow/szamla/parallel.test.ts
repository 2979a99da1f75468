/**
 * Parallel Requests: several calls in flight, yet output order and pairing follow the input and the first calls share
 * one login.
 */
import { channel } from 'node:diagnostics_channel';

import { NODE, createInvoiceParams, jsonOf, line, runNode, useSimulator } from './helpers';

// A login that takes a while widens the window in which parallel first calls could each log in.
const h = useSimulator({ loginCostMs: 40 });

/** Counts HTTP requests in flight through undici's diagnostics channels (the node's transport is undici). */
function trackInFlight(): { max: () => number; stop: () => void } {
	let current = 0;
	let max = 0;
	const started = () => {
		current++;
		max = Math.max(max, current);
	};
	const ended = () => void current--;
	const create = channel('undici:request:create');
	const trailers = channel('undici:request:trailers');
	const failed = channel('undici:request:error');
	create.subscribe(started);
	trailers.subscribe(ended);
	failed.subscribe(ended);
	return {
		max: () => max,
		stop: () => {
			create.unsubscribe(started);
			trailers.unsubscribe(ended);
			failed.unsubscribe(ended);
		},
	};
}

describe('Parallel Requests = 4', () => {
	it('40 invoices: output in input order with intact pairing, at most 4 in flight, one login', async () => {
		const logins = h.sim.stats.logins;
		// The first invoice's answer is held back, so later ones finish first.
		h.sim.injectFault({ slowMs: 150 }, { operation: 'xmlszamla' });
		const inFlight = trackInFlight();
		const input = Array.from({ length: 40 }, (_, i) => ({ customer: `Vevő ${i}`, amount: 100 + i }));

		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Tétel', 1, '={{ $json.amount }}')], {
				buyerName: '={{ $json.customer }}',
				downloadPdf: false,
				options: { parallelRequests: 4 },
			}),
			{ input },
		).finally(() => inFlight.stop());

		expect(result.error).toBeUndefined();
		const out = result.output(NODE);
		expect(out).toHaveLength(40);
		expect(out.map((item) => item.pairedItem)).toEqual(input.map((_, i) => [{ item: i }]));
		expect(out.map((item) => item.json.netTotal)).toEqual(input.map((row) => row.amount));
		const byNumber = new Map(h.sim.documents.invoices().map((d) => [d.number, d]));
		expect(out.map((item) => byNumber.get(String(item.json.invoiceNumber))?.buyer.name)).toEqual(input.map((row) => row.customer));
		// The first item's answer came last, yet it is first in the output.
		expect(inFlight.max()).toBeGreaterThan(1);
		expect(inFlight.max()).toBeLessThanOrEqual(4);
		expect(h.sim.stats.logins - logins).toBe(1);
	});

	it('one refused item under Continue On Fail keeps its place among parallel successes', async () => {
		const input = Array.from({ length: 12 }, (_, i) => ({ customer: `Vevő ${i}`, kind: i === 5 ? 'corrective' : 'invoice' }));
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Tétel', 1, 100)], {
				buyerName: '={{ $json.customer }}',
				invoiceKind: '={{ $json.kind }}',
				correctedInvoiceNumber: 'TST-1999-404',
				downloadPdf: false,
				options: { parallelRequests: 4 },
			}),
			{ input, node: { onError: 'continueRegularOutput' } },
		);

		const out = result.output(NODE);
		expect(out.map((item) => (item.json.errorCode ? `error ${String(item.json.errorCode)}` : 'ok'))).toEqual(
			input.map((_, i) => (i === 5 ? 'error 7' : 'ok')),
		);
		expect(out[5].pairedItem).toEqual({ item: 5 });
	});

	it('items of one run that share an external ID are not issued twice, even in parallel', async () => {
		const input = Array.from({ length: 8 }, (_, i) => ({ customer: `Vevő ${i}`, key: i % 2 === 0 ? 'par-dup-A' : 'par-dup-B' }));
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Tétel', 1, 100)], {
				buyerName: '={{ $json.customer }}',
				additionalFields: { externalId: '={{ $json.key }}' },
				downloadPdf: false,
				options: { parallelRequests: 4 },
			}),
			{ input },
		);

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(h.sim.documents.invoices().filter((d) => d.externalId === 'par-dup-A')).toHaveLength(1);
		expect(h.sim.documents.invoices().filter((d) => d.externalId === 'par-dup-B')).toHaveLength(1);
		expect(out.map((j) => j.alreadyExisted ?? false)).toEqual([false, false, true, true, true, true, true, true]);
		expect(new Set(out.filter((j) => j.externalId === 'par-dup-A').map((j) => j.invoiceNumber)).size).toBe(1);
	});
});
