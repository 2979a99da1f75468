/**
 * Számla Agent Trigger through n8n-core's WebhookContext, with the Számla simulator posting payment notifications the
 * way Számlázz.hu does (retries until 200, both encodings) and answering the trigger's verification.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { SzamlaAgentApi } from '../../../credentials/SzamlaAgentApi.credentials';
import { closeDispatchers } from '../../../nodes/shared/transport';
import { sharedSessionStore } from '../../../nodes/SzamlaAgent/client/session';
import { SzamlaAgentTrigger } from '../../../nodes/SzamlaAgentTrigger/SzamlaAgentTrigger.node';
import { DEFAULT_AGENT_KEY, startSzamlaSimulator, type SzamlaSimulator } from '../../simulators/szamla';
import { postAgent } from '../../simulators/szamla/raw-client';
import { FIELDS, invoiceXml, line } from '../../simulators/szamla/request-fixtures';
import { registerNodeTypes } from '../harness';
import { WebhookHarness } from '../harness/triggers';

const TYPE = 'n8n-nodes-szamlazz-ekaer.szamlaAgentTrigger';
registerNodeTypes({ [TYPE]: new SzamlaAgentTrigger() }, { szamlaAgentApi: new SzamlaAgentApi() });

let sim: SzamlaSimulator;
let hook: WebhookHarness;
let workflowCounter = 0;

beforeAll(async () => {
	sim = await startSzamlaSimulator({ xsdValidation: 'off' });
});
afterAll(async () => {
	await sim.close();
	await closeDispatchers();
});
beforeEach(() => {
	sim.reset();
	sharedSessionStore.clear();
});
afterEach(async () => hook?.close());

async function listen(parameters: IDataObject = {}, staticData?: IDataObject, workflowId = `wf-ipn-${++workflowCounter}`): Promise<WebhookHarness> {
	hook = await new WebhookHarness({
		node: { name: 'Invoice paid', type: TYPE, parameters, webhookId: '6f1c3b0e-8a55-4c7e-9d0b-2a41c9e7f3d1' },
		credentials: { szamlaAgentApi: { authentication: 'agentKey', agentKey: DEFAULT_AGENT_KEY, baseUrl: sim.url } },
		staticData,
		workflowId,
	}).start();
	sim.ipn.configure({ url: hook.url, retryMs: 30, maxAttempts: 10, timeoutMs: 2000 });
	return hook;
}

async function issue(orderNumber = 'ORD-100'): Promise<string> {
	const res = await postAgent(sim.url, FIELDS.invoice, invoiceXml({ orderNumber, lines: [line({ quantity: 1, unitPrice: 10000 })] }));
	return res.headers.szlahu_szamlaszam;
}

async function pay(invoiceNumber: string, amount: number): Promise<void> {
	const res = await fetch(`${sim.url}__admin/payments`, { method: 'POST', body: JSON.stringify({ invoiceNumber, amount, date: '2026-12-01', method: 'bankkártya' }) });
	expect(res.status).toBe(200);
}

describe('Számla Agent Trigger (engine level)', () => {
	it('a payment: one verified item with what the service confirms; the simulator stops after one 200', async () => {
		await listen();
		const number = await issue();
		await pay(number, 12700);
		await sim.ipn.idle();
		expect(hook.emitted).toHaveLength(1);
		const item = hook.emitted[0].json;
		expect(item).toMatchObject({
			invoiceNumber: number,
			orderNumber: 'ORD-100',
			proformaNumber: null,
			documentKind: 'invoice',
			currency: 'HUF',
			grossTotal: 12700,
			paidAmount: 12700,
			outstandingAmount: 0,
			fullyPaid: true,
			paymentMethod: 'Bank Transfer',
			paymentDate: '2026-12-01',
			reversed: false,
			verified: true,
			notification: { invoiceNumber: number, orderNumber: 'ORD-100', grossTotal: 12700, paidAmount: 12700, paymentMethod: 'átutalás' },
		});
		expect((item.invoice as IDataObject).payments).toEqual([{ date: '2026-12-01', method: 'bankkártya', amount: 12700 }]);
		expect((item.invoice as IDataObject).pdf).toBeUndefined();
		expect(JSON.stringify(hook.emitted)).not.toContain(DEFAULT_AGENT_KEY);
		expect(sim.ipn.deliveries().map((d) => d.attempts.map((a) => a.status))).toEqual([[200]]);
		expect(sim.stats.byOperation.xmlszamlaxml).toBe(1);
	});

	it('a partial then a full payment: two items; the same notification again: none', async () => {
		await listen();
		const number = await issue();
		await pay(number, 5000);
		await sim.ipn.idle();
		await pay(number, 7700);
		await sim.ipn.idle();
		sim.ipn.forge({ szlahu_szamlaszam: number, szlahu_rendelesszam: 'ORD-100', szlahu_bruttovegosszeg: '12700', szlahu_kifizetettbrutto: '12700', szlahu_fizetesmod: 'átutalás' });
		await sim.ipn.idle();
		expect(hook.emitted.map((i) => [i.json.paidAmount, i.json.fullyPaid, i.json.outstandingAmount])).toEqual([
			[5000, false, 7700],
			[12700, true, 0],
		]);
		expect(hook.calls.map((c) => c.status)).toEqual([200, 200, 200]);
	});

	it("the service's retry while the first copy is still being checked: 200 and no second item", async () => {
		// The verification takes 400 ms; the sender waits 150 ms, counts that as a failure and posts again.
		await sim.close();
		sim = await startSzamlaSimulator({ xsdValidation: 'off', requestMs: 400 });
		await listen();
		sim.ipn.configure({ url: hook.url, retryMs: 20, timeoutMs: 150 });
		const number = await issue();
		await pay(number, 12700);
		await sim.ipn.idle();
		await new Promise((r) => setTimeout(r, 500));
		expect(hook.calls.length).toBeGreaterThanOrEqual(2);
		expect(hook.emitted).toHaveLength(1);
		expect(sim.ipn.deliveries()[0].delivered).toBe(true);
		await sim.close();
		sim = await startSzamlaSimulator({ xsdValidation: 'off' });
	});

	it.each([
		['an unknown invoice', (n: string) => ({ szlahu_szamlaszam: `${n}9`, szlahu_bruttovegosszeg: '12700', szlahu_kifizetettbrutto: '12700' })],
		['a paid amount the service does not know', (n: string) => ({ szlahu_szamlaszam: n, szlahu_bruttovegosszeg: '12700', szlahu_kifizetettbrutto: '12700' })],
		['another order number', (n: string) => ({ szlahu_szamlaszam: n, szlahu_rendelesszam: 'ORD-ATTACKER', szlahu_kifizetettbrutto: '0' })],
	])('a forged post naming %s: 200, nothing emitted', async (_what, fields) => {
		await listen();
		const number = await issue();
		sim.ipn.forge(fields(number));
		await sim.ipn.idle();
		expect(hook.calls.map((c) => c.status)).toEqual([200]);
		expect(hook.emitted).toEqual([]);
	});

	it.each([
		['garbage bytes', '\u0000\u0001garbage', 'application/octet-stream'],
		['a form without an invoice number', 'szlahu_kifizetettbrutto=100', 'application/x-www-form-urlencoded'],
		['plain text', 'hello', 'text/plain'],
		['an empty post', '', 'application/x-www-form-urlencoded'],
		['script in the number', 'szlahu_szamlaszam=%3Cscript%3E', 'application/x-www-form-urlencoded'],
	])('junk (%s): 200, nothing emitted, nothing asked', async (_what, body, contentType) => {
		await listen();
		const attempt = await sim.ipn.postRaw(body, contentType);
		expect(attempt.status).toBe(200);
		expect(hook.emitted).toEqual([]);
		expect(sim.stats.requests).toBe(0);
	});

	it('multipart/form-data notifications are read as well', async () => {
		await listen();
		sim.ipn.configure({ url: hook.url, encoding: 'multipart' });
		const number = await issue();
		await pay(number, 12700);
		await sim.ipn.idle();
		expect(hook.emitted.map((i) => [i.json.invoiceNumber, i.json.verified])).toEqual([[number, true]]);
	});

	it('verification off: the post as it came, verified false, no Agent call, no credential needed', async () => {
		await listen({ verifyWithAgent: false });
		sim.ipn.forge({ szlahu_szamlaszam: 'E-ANY-1', szlahu_bruttovegosszeg: '1000', szlahu_kifizetettbrutto: '400', szlahu_fizetesmod: 'kp' });
		await sim.ipn.idle();
		expect(hook.emitted.map((i) => i.json)).toEqual([
			expect.objectContaining({ invoiceNumber: 'E-ANY-1', paidAmount: 400, outstandingAmount: 600, paymentMethod: 'Cash', verified: false, invoice: null }),
		]);
		expect(sim.stats.requests).toBe(0);
	});

	it('the service down while verifying: 503, Számlázz.hu sends it again, then exactly one item', async () => {
		await listen();
		const number = await issue();
		sim.injectFault('maintenance', { times: 2, operation: 'xmlszamlaxml' });
		await pay(number, 12700);
		await sim.ipn.idle();
		expect(hook.calls.map((c) => c.status)).toEqual([503, 503, 200]);
		expect(hook.emitted).toHaveLength(1);
	});

	it('repeats are recognised after a restart (static data), and the login session is reused', async () => {
		await listen();
		const number = await issue();
		await pay(number, 12700);
		await sim.ipn.idle();
		const saved = hook.staticData;
		expect(Object.keys((saved['node:Invoice paid'] as IDataObject).ipnRepeats as IDataObject)).toEqual([`${number}|12700.00`]);
		expect(JSON.stringify(saved)).not.toContain(DEFAULT_AGENT_KEY);
		await hook.close();
		// Another process: a new in-process memory (other workflow id scope), the saved static data.
		await listen({}, saved, 'wf-ipn-restarted');
		sim.ipn.forge({ szlahu_szamlaszam: number, szlahu_rendelesszam: 'ORD-100', szlahu_bruttovegosszeg: '12700', szlahu_kifizetettbrutto: '12700' });
		const other = await issue('ORD-101');
		await pay(other, 100);
		await sim.ipn.idle();
		expect(hook.emitted.map((i) => i.json.invoiceNumber)).toEqual([other]);
		// The repeat was dropped before any query; the two verifications shared one login (the two raw creates of
		// this test send no cookie, so they log in themselves).
		expect(sim.stats.byOperation.xmlszamlaxml).toBe(2);
		expect(sim.stats.logins).toBe(3);
	});

	it('an invoice issued from a proforma carries the proforma number the service reports', async () => {
		await listen();
		const proforma = (await postAgent(sim.url, FIELDS.invoice, invoiceXml({ orderNumber: 'ORD-P', kindXml: '<dijbekero>true</dijbekero>', lines: [line({ quantity: 1, unitPrice: 10000 })] }))).headers.szlahu_szamlaszam;
		const final = await postAgent(sim.url, FIELDS.invoice, invoiceXml({ kindXml: `<dijbekeroSzamlaszam>${proforma}</dijbekeroSzamlaszam>`, afterPrefix: '<fizetve>true</fizetve>', lines: [line({ quantity: 1, unitPrice: 10000 })] }));
		await sim.ipn.idle();
		expect(hook.emitted.map((i) => [i.json.invoiceNumber, i.json.proformaNumber, i.json.fullyPaid])).toEqual([[final.headers.szlahu_szamlaszam, proforma, true]]);
		expect(sim.ipn.deliveries()[0].fields.szlahu_dijbekero_szama).toBe(proforma);
	});

	it('refuses to activate without a webhook ID (the URL would be guessable)', async () => {
		const methods = new SzamlaAgentTrigger().webhookMethods.default;
		const ctx = (webhookId?: string) =>
			({ getNode: () => ({ name: 'Invoice paid', webhookId }), getMode: () => 'trigger', logger: { info: () => undefined } }) as unknown as IHookFunctions;
		await expect(methods.create.call(ctx(undefined))).rejects.toThrow(/no webhook ID/);
		await expect(methods.create.call(ctx('6f1c3b0e'))).resolves.toBe(true);
		await expect(methods.checkExists.call(ctx('6f1c3b0e'))).resolves.toBe(false);
	});
});

describe('Számla Agent Trigger without a usable credential', () => {
	it('answers 503 (the service sends it again) instead of failing the webhook', async () => {
		const broken = await new WebhookHarness({
			node: { name: 'Invoice paid', type: TYPE, parameters: {}, webhookId: '0b7e4f52-1c3d-4e5f-8a9b-0c1d2e3f4a5b' },
			credentials: {},
			workflowId: 'wf-no-credential',
		}).start();
		try {
			const res = await fetch(broken.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'szlahu_szamlaszam=E-1&szlahu_kifizetettbrutto=1' });
			expect(res.status).toBe(503);
			expect(broken.emitted).toEqual([]);
		} finally {
			await broken.close();
		}
	});
});
