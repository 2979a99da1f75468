/**
 * Exactly once (issue 10) as n8n runs the node: simultaneous executions of one order, the service's own order-number
 * guard (152), a create whose answer was lost (with the service's stall window), all through n8n-core.
 */
import type { IDataObject } from 'n8n-workflow';

import { recoveryTiming } from '../../../nodes/SzamlaAgent/actions/invoice/create/exactlyOnce';
import { createInvoiceParams, jsonOf, line, requestsOf, runNode, useSimulator } from './helpers';

const STALL_MS = 700;
// The simulator runs with a 0.7 s stall; the node is told the stall window is 1 s (the real one is about a minute).
const h = useSimulator({ stallMs: STALL_MS, requestMs: 40 });
const savedWindow = recoveryTiming.stallWindowMs;
beforeAll(() => {
	recoveryTiming.stallWindowMs = 1_000;
});
afterAll(() => {
	recoveryTiming.stallWindowMs = savedWindow;
});
afterEach(() => h.sim.setAccountSettings(0, { forbidOrderNumberRepetition: false }));

const order = (id: string, extra: Record<string, unknown> = {}, fields: IDataObject = {}) =>
	createInvoiceParams([line('Kávédaráló', 1, 20000)], {
		downloadPdf: false,
		ifExists: 'returnExisting',
		additionalFields: { externalId: `shop:${id}`, orderNumber: id, ...fields },
		...extra,
	});

const invoicesOf = (orderNumber: string) => h.sim.documents.invoices().filter((d) => d.orderNumber === orderNumber && d.kind === 'invoice');

describe('one order delivered several times at once', () => {
	it('10 simultaneous executions of one order issue one invoice, and every one answers with it', async () => {
		const runs = await Promise.all(Array.from({ length: 10 }, () => runNode(h.sim, order('EO-1'))));
		expect(runs.map((r) => r.error)).toEqual(Array(10).fill(undefined));
		const outputs = runs.map((r) => jsonOf(r)[0]);
		expect(invoicesOf('EO-1')).toHaveLength(1);
		expect(new Set(outputs.map((o) => o.invoiceNumber))).toEqual(new Set([invoicesOf('EO-1')[0].number]));
		expect(outputs.filter((o) => o.alreadyExisted === true)).toHaveLength(9);
		expect(requestsOf(h.sim, 'xmlszamla')).toBeGreaterThanOrEqual(1);
	});

	it('with Create Anyway (no guard) the same executions issue one invoice each: the simulator itself de-duplicates nothing', async () => {
		await Promise.all(Array.from({ length: 3 }, () => runNode(h.sim, order('EO-2', { ifExists: 'createAnyway' }))));
		expect(invoicesOf('EO-2')).toHaveLength(3);
	});

	it('different orders do not wait for each other', async () => {
		const started = Date.now();
		await Promise.all(['EO-3a', 'EO-3b', 'EO-3c', 'EO-3d'].map((id) => runNode(h.sim, order(id))));
		for (const id of ['EO-3a', 'EO-3b', 'EO-3c', 'EO-3d']) expect(invoicesOf(id)).toHaveLength(1);
		// One at a time would be 4 × (look-up + create) at 40 ms each plus n8n overhead; well under that when parallel.
		expect(Date.now() - started).toBeLessThan(4_000);
	});
});

describe('the service\'s own guard: "Disable order number repetition" → 152', () => {
	it('a guarded create refused with 152 returns the existing invoice, shaped like a fresh create', async () => {
		h.sim.setAccountSettings(0, { forbidOrderNumberRepetition: true });
		// The order was invoiced by another system (another external ID): our look-up by external ID finds nothing.
		const other = await runNode(h.sim, order('EO-4', {}, { externalId: 'other-system:EO-4' }));
		const fresh = jsonOf(other)[0];
		const refusalsBefore = h.sim.stats.orderNumberRefusals;

		const result = await runNode(h.sim, order('EO-4', { downloadPdf: true }));

		expect(result.error).toBeUndefined();
		const json = jsonOf(result)[0];
		expect(h.sim.stats.orderNumberRefusals - refusalsBefore).toBe(1);
		expect(invoicesOf('EO-4')).toHaveLength(1);
		expect(json).toMatchObject({ alreadyExisted: true, invoiceNumber: fresh.invoiceNumber, orderNumber: 'EO-4' });
		expect(String((json.warnings as string[])[0])).toMatch(/code 152/);
		// Same fields as a fresh create (plus the flag), and the PDF as asked.
		expect(Object.keys(json).filter((k) => k !== 'alreadyExisted').sort()).toEqual(Object.keys(fresh).sort());
		expect(result.output('Számla Agent')[0].binary?.data).toBeDefined();
	});

	it('with "If It Already Exists = Fail" a 152 fails the item naming the existing invoice; nothing issued', async () => {
		h.sim.setAccountSettings(0, { forbidOrderNumberRepetition: true });
		const first = jsonOf(await runNode(h.sim, order('EO-5', {}, { externalId: 'other:EO-5' })))[0];
		const result = await runNode(h.sim, order('EO-5', { ifExists: 'fail' }));
		expect(result.error?.message).toMatch(new RegExp(`invoice ${first.invoiceNumber} already exists`));
		expect(invoicesOf('EO-5')).toHaveLength(1);
	});

	it('a 152 whose invoice cannot be found says so plainly (nothing issued, not "outcome unknown")', async () => {
		h.sim.setAccountSettings(0, { forbidOrderNumberRepetition: true });
		await runNode(h.sim, order('EO-6', {}, { externalId: 'other:EO-6' }));
		// A newer proforma under the same order number: the look-up by order number returns it, not the invoice.
		await runNode(h.sim, order('EO-6', { invoiceKind: 'proforma' }, { externalId: 'other:EO-6:proforma' }));
		const result = await runNode(h.sim, order('EO-6'), { node: { onError: 'continueRegularOutput' } });
		const [item] = jsonOf(result);
		expect(item).toMatchObject({ errorCode: '152', outcomeUnknown: false });
		expect(String(item.error)).toMatch(/Nothing was issued.*Disable order number repetition.*did not return it/);
		expect(invoicesOf('EO-6')).toHaveLength(1);
	});
});

describe('a create whose answer was lost', () => {
	const options = (seconds: number) => ({ options: { recoveryWaitSeconds: seconds } });

	it('stalled in the service: looked up over the wait, found once the stall ends → recovered: true, sent once', async () => {
		h.sim.injectFault('lost-answer-stalled', { operation: 'xmlszamla' });
		const creates = requestsOf(h.sim, 'xmlszamla');
		const queries = requestsOf(h.sim, 'xmlszamlaxml');
		const started = Date.now();

		const result = await runNode(h.sim, order('EO-7', options(1.5)));

		expect(result.error).toBeUndefined();
		const json = jsonOf(result)[0];
		expect(json).toMatchObject({ recovered: true, invoiceNumber: invoicesOf('EO-7')[0].number });
		expect(String((json.warnings as string[])[0])).toMatch(/answer to the create was lost; invoice .* was found by External ID "shop:EO-7"/);
		expect(json.alreadyExisted).toBeUndefined();
		expect(invoicesOf('EO-7')).toHaveLength(1);
		expect(requestsOf(h.sim, 'xmlszamla') - creates).toBe(1);
		// The guard's look-up plus at most 3 after the lost answer: never more than the vendor's 5 sends.
		expect(requestsOf(h.sim, 'xmlszamlaxml') - queries).toBeLessThanOrEqual(4);
		expect(Date.now() - started).toBeGreaterThanOrEqual(STALL_MS);
	});

	it('nothing issued: after the stall window the look-up still finds nothing → "Not issued — safe to send again"', async () => {
		h.sim.injectFault('reset-before-processing', { operation: 'xmlszamla' });
		const result = await runNode(h.sim, order('EO-8', options(1.2)), { node: { onError: 'continueRegularOutput' } });
		const [item] = jsonOf(result);
		expect(item).toMatchObject({ outcomeUnknown: false });
		expect(String(item.error)).toMatch(/^Not issued — safe to send again: the answer to the create broke off, and 1 s later no invoice of this kind exists with External ID "shop:EO-8"/);
		expect(invoicesOf('EO-8')).toHaveLength(0);
		// Sending again is indeed safe and issues exactly one.
		const again = await runNode(h.sim, order('EO-8', options(1.2)));
		expect(jsonOf(again)[0]).toMatchObject({ invoiceNumber: expect.any(String) });
		expect(invoicesOf('EO-8')).toHaveLength(1);
	});

	it('a wait shorter than the stall window proves nothing: "outcome unknown", saying why; the invoice appears later', async () => {
		h.sim.injectFault('lost-answer-stalled', { operation: 'xmlszamla' });
		const result = await runNode(h.sim, order('EO-9', options(0)), { node: { onError: 'continueRegularOutput' } });
		const [item] = jsonOf(result);
		expect(item).toMatchObject({ outcomeUnknown: true });
		expect(String(item.error)).toMatch(/shorter than the service's stall window .* raise Options › Recovery Wait/);
		expect(invoicesOf('EO-9')).toHaveLength(0);
		await new Promise((r) => setTimeout(r, STALL_MS + 200));
		expect(invoicesOf('EO-9')).toHaveLength(1);
		// The next delivery finds it instead of issuing a second one.
		const again = await runNode(h.sim, order('EO-9'));
		expect(jsonOf(again)[0]).toMatchObject({ alreadyExisted: true });
		expect(invoicesOf('EO-9')).toHaveLength(1);
	});

	it('a second delivery arriving during the recovery waits for it and answers with the same invoice', async () => {
		h.sim.injectFault('lost-answer-stalled', { operation: 'xmlszamla' });
		const first = runNode(h.sim, order('EO-10', options(1.5)));
		await new Promise((r) => setTimeout(r, 200));
		const second = runNode(h.sim, order('EO-10', options(1.5)));
		const [a, b] = await Promise.all([first, second]);
		expect(jsonOf(a)[0]).toMatchObject({ recovered: true });
		expect(jsonOf(b)[0]).toMatchObject({ alreadyExisted: true, invoiceNumber: jsonOf(a)[0].invoiceNumber });
		expect(invoicesOf('EO-10')).toHaveLength(1);
	});
});
