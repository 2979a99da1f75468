/**
 * Service and network faults as a workflow sees them: what the error says, whether the request was repeated (never
 * for a create), and what Continue On Fail puts on the item.
 */
import type { IDataObject } from 'n8n-workflow';

import { NODE, createInvoiceParams, errorText, jsonOf, line, requestsOf, runNode, useSimulator } from './helpers';

const h = useSimulator();

const create = (extra: Record<string, unknown> = {}) =>
	createInvoiceParams([line('Szolgáltatás', 1, 1000)], { downloadPdf: false, buyerName: '={{ $json.name ?? "Vevő" }}', ...extra });

/** Creates and documents the simulator saw during `run`. */
async function counting<T>(run: () => Promise<T>): Promise<{ result: T; creates: number; documents: number }> {
	const creates = requestsOf(h.sim, 'xmlszamla');
	const documents = h.sim.documents.invoices().length;
	const result = await run();
	return { result, creates: requestsOf(h.sim, 'xmlszamla') - creates, documents: h.sim.documents.invoices().length - documents };
}

describe('faults on Invoice › Create', () => {
	it('maintenance: a retryable error, nothing issued', async () => {
		h.sim.injectFault('maintenance', { operation: 'xmlszamla' });
		const { result, creates, documents } = await counting(() => runNode(h.sim, create()));

		expect(result.error?.message).toMatch(/^Item 0: /);
		expect(errorText(result.error)).toMatch(/maintenance|karbantart/i);
		expect(result.error?.description).toMatch(/temporary; trying again later should work/);
		expect(creates).toBe(1);
		expect(documents).toBe(0);

		h.sim.injectFault('maintenance', { operation: 'xmlszamla' });
		const cont = await runNode(h.sim, create(), { node: { onError: 'continueRegularOutput' } });
		expect(jsonOf(cont)).toEqual([expect.objectContaining({ retryable: true, outcomeUnknown: false })]);
	});

	it('connection reset after the invoice was created: outcome unknown, sent exactly once, never repeated', async () => {
		h.sim.injectFault('reset-after-create', { operation: 'xmlszamla' });
		const { result, creates, documents } = await counting(() =>
			runNode(h.sim, create({ additionalFields: { externalId: 'lost-answer-1' }, ifExists: 'createAnyway' })),
		);

		expect(creates).toBe(1);
		expect(documents).toBe(1); // it exists, the workflow just never heard about it
		expect(result.error?.message).toMatch(/^Item 0: The connection to 127\.0\.0\.1:\d+ broke before the answer arrived/);
		expect(result.error?.message).toMatch(/The invoice may have been created\. Do not send it again blindly/);
		expect(result.error?.description).toMatch(/outcome is unknown\. It was not sent again automatically/);

		h.sim.injectFault('reset-after-create', { operation: 'xmlszamla' });
		const cont = await counting(() => runNode(h.sim, create(), { node: { onError: 'continueRegularOutput' } }));
		expect(cont.creates).toBe(1);
		expect(jsonOf(cont.result)).toEqual([expect.objectContaining({ outcomeUnknown: true, retryable: false })]);
	});

	it('with the duplicate guard, a lost answer is looked up (recovered), and a re-run returns the invoice instead of issuing it again', async () => {
		h.sim.injectFault('reset-after-create', { operation: 'xmlszamla' });
		const params = create({ additionalFields: { externalId: 'lost-answer-2' }, options: { recoveryWaitSeconds: 0 } });
		const first = await runNode(h.sim, params);
		expect(first.error).toBeUndefined();
		expect(jsonOf(first)[0]).toMatchObject({ recovered: true, externalId: 'lost-answer-2' });

		const { result, creates } = await counting(() => runNode(h.sim, params));

		expect(creates).toBe(0);
		expect(jsonOf(result)[0]).toMatchObject({ alreadyExisted: true, externalId: 'lost-answer-2' });
		expect(h.sim.documents.invoices().filter((d) => d.externalId === 'lost-answer-2')).toHaveLength(1);
	});

	it('connection reset before processing: still outcome unknown for a create (the client cannot tell), not repeated', async () => {
		h.sim.injectFault('reset-before-processing', { operation: 'xmlszamla' });
		const { result, creates, documents } = await counting(() => runNode(h.sim, create()));

		expect(creates).toBe(1);
		expect(documents).toBe(0);
		expect(result.error?.description).toMatch(/outcome is unknown/);
	});

	it.each([
		['http-500', /HTTP 500/],
		['html-proxy-page', /HTTP 502/],
	] as const)('%s: a clear error that this was not an answer of the service', async (fault, status) => {
		h.sim.injectFault(fault, { operation: 'xmlszamla' });
		const { result, creates } = await counting(() => runNode(h.sim, create()));

		expect(creates).toBe(1);
		expect(result.error?.message).toMatch(/^Item 0: Unusable answer from /);
		expect(result.error?.message).toMatch(status);
		expect(result.error?.message).not.toMatch(/<html|<!doctype/i);
		expect(result.error?.message).toMatch(/The invoice may have been created/);
	});

	it('mail-failed-56: the invoice is issued, the item succeeds with a warning', async () => {
		h.sim.injectFault('mail-failed-56', { operation: 'xmlszamla' });
		const { result, documents } = await counting(() =>
			runNode(h.sim, create({ buyerFields: { email: 'vevo@example.hu', sendEmail: true }, downloadPdf: true })),
		);

		expect(result.error).toBeUndefined();
		expect(documents).toBe(1);
		const [item] = result.output(NODE);
		const doc = h.sim.documents.invoices().at(-1)!;
		expect(item.json).toMatchObject({ invoiceNumber: doc.number, grossTotal: 1270 });
		expect(item.json.warnings).toEqual([expect.stringMatching(/notification e-mail could not be sent \(code 56\)/)]);
	});
});

describe('faults on reads', () => {
	it('a read whose connection was reset before processing is tried once more and succeeds', async () => {
		const [created] = jsonOf(await runNode(h.sim, create()));
		h.sim.injectFault('reset-before-processing', { operation: 'xmlszamlapdf' });
		const before = requestsOf(h.sim, 'xmlszamlapdf');

		const result = await runNode(h.sim, { resource: 'invoice', operation: 'getPdf', lookupBy: 'number', lookupValue: created.invoiceNumber });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].invoiceNumber).toBe(created.invoiceNumber);
		expect(requestsOf(h.sim, 'xmlszamlapdf') - before).toBe(2);
	});

	it('maintenance on a read is retryable and says nothing about documents being created', async () => {
		h.sim.injectFault('maintenance', { operation: 'xmltaxpayer' });
		const result = await runNode(h.sim, { resource: 'taxpayer', operation: 'get', taxNumber: '13421739' }, { node: { onError: 'continueRegularOutput' } });

		expect(jsonOf(result)).toEqual([expect.objectContaining({ retryable: true, outcomeUnknown: false })]);
		expect(String(jsonOf(result)[0].error)).not.toMatch(/may have been created/);
	});
});

describe('a service refusal in the middle of a batch', () => {
	const input: IDataObject[] = [
		{ name: 'Első', kind: 'invoice', corrects: '' },
		{ name: 'Második', kind: 'invoice', corrects: '' },
		{ name: 'Harmadik', kind: 'corrective', corrects: 'TST-1999-404' }, // unknown to the service
		{ name: 'Negyedik', kind: 'invoice', corrects: '' },
	];
	const params = create({ invoiceKind: '={{ $json.kind }}', correctedInvoiceNumber: '={{ $json.corrects }}' });

	it('stops the node at that item, sends nothing after it, and says how many items went through', async () => {
		const { result, creates, documents } = await counting(() => runNode(h.sim, params, { input }));

		expect(result.error?.message).toMatch(/^Item 2: Számla Agent error 7\b/);
		expect(result.error?.context.itemIndex).toBe(2);
		expect(result.error?.description).toMatch(/2 other item\(s\) of this run had already been processed successfully/);
		expect(creates).toBe(3);
		expect(documents).toBe(2);
		expect(h.sim.documents.invoices().slice(-2).map((d) => d.buyer.name)).toEqual(['Első', 'Második']);
	});

	it('under Continue On Fail the others are issued and the refused one carries the service code', async () => {
		const { result, documents } = await counting(() => runNode(h.sim, params, { input, node: { onError: 'continueRegularOutput' } }));

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out.map((j) => j.errorCode ?? j.kind)).toEqual(['invoice', 'invoice', '7', 'invoice']);
		expect(documents).toBe(3);
	});
});
