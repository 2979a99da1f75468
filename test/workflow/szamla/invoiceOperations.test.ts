/**
 * Invoice › Reverse, Register Payment, Get PDF, Get and Delete Proforma through the engine. Each workflow creates what
 * it works on with an upstream Számla Agent node and passes the number on by expression, as a user would.
 */
import type { IDataObject } from 'n8n-workflow';

import { todayIn } from '../../../nodes/shared/n8n/values';
import type { InvoiceDocument } from '../../simulators/szamla';
import { runWorkflow } from '../harness';
import type { HarnessNode, RunResult } from '../harness';
import { NODE, agentKeyCredentials, createInvoiceParams, jsonOf, line, runNode, szamlaNode, useSimulator } from './helpers';

const h = useSimulator({ pdfBytes: 1200 });

function invoice(number: unknown): InvoiceDocument {
	const doc = h.sim.documents.invoices().find((d) => d.number === number && d.accountIndex === 0);
	if (!doc) throw new Error(`The simulator holds no invoice ${String(number)}`);
	return doc;
}

/** Create (named "Create") then the node under test (named NODE), chained. */
async function afterCreate(
	createExtra: Record<string, unknown>,
	parameters: Record<string, unknown>,
	options: { input?: IDataObject[]; node?: Partial<HarnessNode> } = {},
): Promise<RunResult> {
	return await runWorkflow({
		nodes: [
			szamlaNode(createInvoiceParams([line('Szolgáltatás', 1, 1000)], { downloadPdf: false, ...createExtra }), { name: 'Create' }),
			szamlaNode(parameters, options.node),
		],
		input: options.input,
		credentials: agentKeyCredentials(h.sim),
	});
}

async function createInvoices(count: number, extra: Record<string, unknown> = {}): Promise<IDataObject[]> {
	const result = await runNode(h.sim, createInvoiceParams([line('Alap', 1, 1000)], { downloadPdf: false, ...extra }), {
		input: Array.from({ length: count }, (_, i) => ({ i })),
	});
	expect(result.error).toBeUndefined();
	return jsonOf(result);
}

describe('Invoice › Reverse', () => {
	it('reverses the invoice the previous node issued and returns the storno with its PDF', async () => {
		const result = await afterCreate({}, { resource: 'invoice', operation: 'reverse', invoiceNumber: '={{ $json.invoiceNumber }}' });

		expect(result.error).toBeUndefined();
		const original = result.output('Create')[0].json;
		const [item] = result.output(NODE);
		const storno = invoice(item.json.invoiceNumber);
		expect(item.json).toMatchObject({
			reversedInvoiceNumber: original.invoiceNumber,
			invoiceNumber: storno.number,
			documentId: String(storno.id),
			netTotal: -1000,
			grossTotal: -1270,
			warnings: [],
		});
		expect(storno).toMatchObject({ kind: 'storno', refersTo: original.invoiceNumber });
		expect(invoice(original.invoiceNumber)).toMatchObject({ reversed: true, reversedBy: storno.number });
		expect((await result.binary(NODE, 0)).toString('latin1')).toContain(`/Title (${storno.number})`);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('warns when the service answers a "reversal" of a proforma with positive totals (nothing was reversed)', async () => {
		const result = await afterCreate(
			{ invoiceKind: 'proforma' },
			{ resource: 'invoice', operation: 'reverse', invoiceNumber: '={{ $json.invoiceNumber }}', downloadPdf: false },
		);

		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE);
		expect(item.json.grossTotal).toBe(1270);
		expect(item.json.warnings).toEqual([expect.stringMatching(/positive totals.*proforma or delivery note/)]);
		expect(item.binary).toBeUndefined();
	});
});

describe('Invoice › Register Payment', () => {
	const pay = (amount: number, extra: IDataObject = {}) => ({ date: '2026-03-02', method: 'átutalás', amount, ...extra });

	it('appends payments (twice) and then replaces them', async () => {
		const result = await runWorkflow({
			nodes: [
				szamlaNode(createInvoiceParams([line('Szolgáltatás', 1, 1000)], { downloadPdf: false }), { name: 'Create' }),
				szamlaNode(
					{
						resource: 'invoice',
						operation: 'registerPayment',
						invoiceNumber: '={{ $json.invoiceNumber }}',
						paymentMode: 'append',
						payments: { payment: [pay(500, { description: 'Első részlet' }), pay(270.5, { method: 'készpénz' })] },
					},
					{ name: 'Append 1' },
				),
				szamlaNode(
					{
						resource: 'invoice',
						operation: 'registerPayment',
						invoiceNumber: '={{ $json.invoiceNumber }}',
						paymentMode: 'append',
						payments: { payment: [pay(100)] },
					},
					{ name: 'Append 2' },
				),
				szamlaNode({ resource: 'invoice', operation: 'get', lookupBy: 'number', lookupValue: '={{ $json.invoiceNumber }}' }, { name: 'Get' }),
			],
			credentials: agentKeyCredentials(h.sim),
		});

		expect(result.error).toBeUndefined();
		const number = result.output('Create')[0].json.invoiceNumber;
		expect(result.output('Append 1')[0].json).toMatchObject({
			invoiceNumber: number,
			mode: 'append',
			paymentsSent: 2,
			amountSent: 770.5,
			grossTotal: 1270,
			outstandingAmount: 499.5,
		});
		expect(result.output('Append 2')[0].json).toMatchObject({ outstandingAmount: 399.5 });
		expect(invoice(number).payments.map((p) => [p.date, p.method, p.amount, p.description])).toEqual([
			['2026-03-02', 'átutalás', 500, 'Első részlet'],
			['2026-03-02', 'készpénz', 270.5, undefined],
			['2026-03-02', 'átutalás', 100, undefined],
		]);
		// Invoice › Get lists them as the service reports them.
		expect(result.output('Get')[0].json.payments).toEqual([
			{ date: '2026-03-02', method: 'átutalás', amount: 500, comment: 'Első részlet' },
			{ date: '2026-03-02', method: 'készpénz', amount: 270.5 },
			{ date: '2026-03-02', method: 'átutalás', amount: 100 },
		]);

		const replaced = await runNode(h.sim, {
			resource: 'invoice',
			operation: 'registerPayment',
			invoiceNumber: number,
			paymentMode: 'replace',
			payments: { payment: [pay(1270, { method: 'bankkártya' })] },
		});
		expect(replaced.error).toBeUndefined();
		expect(jsonOf(replaced)[0]).toMatchObject({ mode: 'replace', outstandingAmount: 0 });
		expect(invoice(number).payments).toEqual([{ date: '2026-03-02', method: 'bankkártya', amount: 1270 }]);
		expect(invoice(number).paid).toBe(true);

		const cleared = await runNode(h.sim, { resource: 'invoice', operation: 'registerPayment', invoiceNumber: number, paymentMode: 'replace' });
		expect(cleared.error).toBeUndefined();
		expect(invoice(number).payments).toEqual([]);
	});

	it('a payment without a date is dated today on the Budapest calendar', async () => {
		const [created] = await createInvoices(1);
		const result = await runNode(h.sim, {
			resource: 'invoice',
			operation: 'registerPayment',
			invoiceNumber: created.invoiceNumber,
			payments: { payment: [{ method: 'készpénz', amount: 1270 }] },
		});

		expect(result.error).toBeUndefined();
		expect(invoice(created.invoiceNumber).payments).toEqual([{ date: todayIn('Europe/Budapest'), method: 'készpénz', amount: 1270 }]);
	});

	it('more than five payments fail with the field name before any request; an empty append too', async () => {
		const before = h.sim.stats.requests;
		const six = await runNode(h.sim, {
			resource: 'invoice',
			operation: 'registerPayment',
			invoiceNumber: 'TST-2026-1',
			payments: { payment: [1, 2, 3, 4, 5, 6].map((n) => pay(n)) },
		});
		const none = await runNode(h.sim, { resource: 'invoice', operation: 'registerPayment', invoiceNumber: 'TST-2026-1', paymentMode: 'append' });

		expect(six.error?.message).toBe('Item 0, field "Payments": at most 5 payments per call, got 6');
		expect(none.error?.message).toMatch(/^Item 0, field "Payments": add at least one payment/);
		expect(h.sim.stats.requests).toBe(before);
	});

	it('a payment on a reversed invoice is refused by the service (463) and says so', async () => {
		const [created] = await createInvoices(1);
		await runNode(h.sim, { resource: 'invoice', operation: 'reverse', invoiceNumber: created.invoiceNumber, downloadPdf: false });

		const result = await runNode(h.sim, {
			resource: 'invoice',
			operation: 'registerPayment',
			invoiceNumber: created.invoiceNumber,
			payments: { payment: [pay(10)] },
		});

		expect(result.error?.message).toMatch(/^Item 0: Számla Agent error 463\b/);
		expect(invoice(created.invoiceNumber).payments).toEqual([]);
	});
});

describe('Invoice › Get PDF', () => {
	it('finds the PDF by number, order number and external ID (one item each)', async () => {
		const [created] = await createInvoices(1, { additionalFields: { orderNumber: 'PDF-ORDER-1', externalId: 'ext:PDF-1' } });
		const number = String(created.invoiceNumber);

		const result = await runNode(
			h.sim,
			{ resource: 'invoice', operation: 'getPdf', lookupBy: '={{ $json.by }}', lookupValue: '={{ $json.value }}', binaryPropertyName: 'pdf' },
			{
				input: [
					{ by: 'number', value: number },
					{ by: 'orderNumber', value: 'PDF-ORDER-1' },
					{ by: 'externalId', value: 'ext:PDF-1' },
				],
				binaryDataMode: 'filesystem',
			},
		);

		expect(result.error).toBeUndefined();
		const out = result.output(NODE);
		expect(out.map((item) => item.json.invoiceNumber)).toEqual([number, number, number]);
		expect(out.map((item) => item.binary?.pdf?.fileName)).toEqual([`${number}.pdf`, `${number}.pdf`, `${number}.pdf`]);
		for (let i = 0; i < 3; i++) {
			const pdf = await result.binary(NODE, i, 'pdf');
			expect(pdf.length).toBe(1200);
			expect(pdf.toString('latin1')).toContain(`/Title (${number})`);
		}
	});

	it('an unknown number is the service\'s "not found" (7) naming the item', async () => {
		const result = await runNode(h.sim, { resource: 'invoice', operation: 'getPdf', lookupBy: 'number', lookupValue: 'TST-1999-404' });

		expect(result.error?.message).toMatch(/^Item 0: Számla Agent error 7\b/);
	});
});

describe('Invoice › Get', () => {
	it('returns clean JSON with English field names, and the PDF only when asked', async () => {
		const [created] = await createInvoices(1, {
			buyerFields: { email: 'vevo@example.hu', taxNumber: '12345678-1-42' },
			additionalFields: { orderNumber: 'GET-1', comment: 'Köszönjük!' },
		});
		const number = String(created.invoiceNumber);

		const plain = await runNode(h.sim, { resource: 'invoice', operation: 'get', lookupBy: 'number', lookupValue: number });
		const withPdf = await runNode(h.sim, { resource: 'invoice', operation: 'get', lookupBy: 'orderNumber', lookupValue: 'GET-1', includePdf: true });

		expect(plain.error ?? withPdf.error).toBeUndefined();
		const [item] = plain.output(NODE);
		expect(item.json).toMatchObject({
			header: { invoiceNumber: number, kind: 'invoice', kindCode: 'SZ', orderNumber: 'GET-1', currency: 'HUF', comment: 'Köszönjük!' },
			seller: { name: 'Teszt Kft.', taxNumber: '12345676-2-42' },
			buyer: { name: 'Minta Vevő Kft.', email: 'vevo@example.hu', taxNumber: '12345678-1-42', address: { city: 'Budapest', postalCode: '1051' } },
			lines: [{ name: 'Alap', quantity: 1, netUnitPrice: 1000, vatRate: '27', netAmount: 1000, vatAmount: 270, grossAmount: 1270 }],
			totals: { netAmount: 1000, vatAmount: 270, grossAmount: 1270 },
			payments: [],
		});
		expect(item.binary).toBeUndefined();
		const text = JSON.stringify(item.json);
		for (const hungarian of ['szamlaszam', '"alap"', '"vevo"', 'tetelek', 'osszegek', 'pdf']) expect(text).not.toContain(hungarian);

		const [pdfItem] = withPdf.output(NODE);
		expect(pdfItem.json.header).toMatchObject({ invoiceNumber: number });
		expect(JSON.stringify(pdfItem.json)).not.toContain('JVBER'); // no base64 PDF in the JSON
		expect((await withPdf.binary(NODE, 0)).toString('latin1')).toContain(`/Title (${number})`);
	});

	it('shows a reversal on the original', async () => {
		const [created] = await createInvoices(1);
		await runNode(h.sim, { resource: 'invoice', operation: 'reverse', invoiceNumber: created.invoiceNumber, downloadPdf: false });

		const result = await runNode(h.sim, { resource: 'invoice', operation: 'get', lookupBy: 'number', lookupValue: created.invoiceNumber });

		expect(jsonOf(result)[0].header).toMatchObject({ invoiceNumber: created.invoiceNumber, reversed: true });
	});
});

describe('Invoice › Delete Proforma', () => {
	it('deletes a proforma by number', async () => {
		const result = await afterCreate(
			{ invoiceKind: 'proforma' },
			{ resource: 'invoice', operation: 'deleteProforma', lookupBy: 'number', lookupValue: '={{ $json.invoiceNumber }}' },
		);

		expect(result.error).toBeUndefined();
		const number = result.output('Create')[0].json.invoiceNumber;
		expect(jsonOf(result)).toEqual([{ deleted: true, proformaNumber: number }]);
		expect(invoice(number).deleted).toBe(true);
	});

	it('deletes every proforma of an order number', async () => {
		const proformas = await createInvoices(2, { invoiceKind: 'proforma', additionalFields: { orderNumber: 'DEL-ORDER-7' }, ifExists: 'createAnyway' });
		const [other] = await createInvoices(1, { invoiceKind: 'proforma', additionalFields: { orderNumber: 'KEEP-ORDER-8' } });

		const result = await runNode(h.sim, { resource: 'invoice', operation: 'deleteProforma', lookupBy: 'orderNumber', lookupValue: 'DEL-ORDER-7' });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([{ deleted: true, orderNumber: 'DEL-ORDER-7' }]);
		expect(proformas.map((p) => invoice(p.invoiceNumber).deleted)).toEqual([true, true]);
		expect(invoice(other.invoiceNumber).deleted).toBe(false);
	});

	it('an unknown proforma is error 335; under Continue On Fail it becomes an error item with the code', async () => {
		const stop = await runNode(h.sim, { resource: 'invoice', operation: 'deleteProforma', lookupBy: 'number', lookupValue: 'D-TST-999' });
		const go = await runNode(
			h.sim,
			{ resource: 'invoice', operation: 'deleteProforma', lookupBy: 'number', lookupValue: 'D-TST-999' },
			{ node: { onError: 'continueRegularOutput' } },
		);

		expect(stop.error?.message).toMatch(/^Item 0: Számla Agent error 335\b/);
		expect(jsonOf(go)).toEqual([
			expect.objectContaining({ errorCode: '335', retryable: false, outcomeUnknown: false, error: expect.stringMatching(/335/) }),
		]);
	});
});
