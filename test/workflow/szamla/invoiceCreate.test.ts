/**
 * Invoice › Create through n8n-core's engine against the strict simulator: every document kind, both login methods,
 * the three line-item sources, output JSON, the PDF as binary data in both storage modes, preview and attachments.
 */
import { addDays, todayIn } from '../../../nodes/shared/n8n/values';
import type { InvoiceDocument } from '../../simulators/szamla';
import { inlineBinary, runWorkflow } from '../harness';
import {
	NODE,
	agentKeyCredentials,
	createInvoiceParams,
	jsonOf,
	line,
	passwordCredentials,
	requestsOf,
	runNode,
	szamlaNode,
	useSimulator,
} from './helpers';

const h = useSimulator({ pdfBytes: 1500 });

/** The simulator's invoice with this number (each account numbers from 1, so the account matters). */
function invoice(number: unknown, accountIndex = 0): InvoiceDocument {
	const doc = h.sim.documents.invoices().find((d) => d.number === number && d.accountIndex === accountIndex);
	if (!doc) throw new Error(`The simulator holds no invoice ${String(number)} in account ${accountIndex}`);
	return doc;
}

describe('Invoice › Create, every document kind', () => {
	it('issues an invoice, proforma, delivery note and prepayment from one run (kind and payment method by expression)', async () => {
		// Expressions on Document Kind and Payment Method make n8n show their dependent fields (Corrected Invoice Number,
		// Other Payment Method); the workflow must still run with those empty.
		const kinds = ['invoice', 'proforma', 'deliveryNote', 'prepayment'];
		const payments = ['átutalás', 'készpénz', 'bankkártya', 'Revolut'];
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Tanácsadás', 2, 10000)], {
				invoiceKind: '={{ $json.kind }}',
				paymentMethod: '={{ $json.pay }}',
				downloadPdf: false,
			}),
			{ input: kinds.map((kind, i) => ({ kind, pay: payments[i] })) },
		);

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out.map((j) => j.kind)).toEqual(kinds);
		expect(out.map((j) => invoice(j.invoiceNumber).kind)).toEqual(kinds);
		expect(out.map((j) => invoice(j.invoiceNumber).typeCode)).toEqual(['SZ', 'D', 'SL', 'ES']);
		expect(out.map((j) => invoice(j.invoiceNumber).paymentMethod)).toEqual(payments);
		// Proformas and delivery notes are numbered from their own sequences.
		expect(out[1].invoiceNumber).toMatch(/^D-TST-\d+$/);
		expect(out[2].invoiceNumber).toMatch(/^SL-TST-\d+$/);
		for (const j of out) expect(j).toMatchObject({ netTotal: 20000, grossTotal: 25400, currency: 'HUF' });
		expect(result.output(NODE).every((item) => item.binary === undefined)).toBe(true);
	});

	it('chains a prepayment into a final invoice, and an invoice into a corrective one, by expression', async () => {
		const result = await runWorkflow({
			nodes: [
				szamlaNode(createInvoiceParams([line('Előleg', 1, 50000)], { invoiceKind: 'prepayment', downloadPdf: false }), {
					name: 'Prepayment',
				}),
				szamlaNode(
					createInvoiceParams(
						[line('Bútor', 1, 200000), line('Előleg levonása', -1, 50000)],
						{ invoiceKind: 'final', prepaymentInvoiceNumber: '={{ $json.invoiceNumber }}', downloadPdf: false },
					),
					{ name: 'Final' },
				),
				szamlaNode(createInvoiceParams([line('Javítás', 1, 8000)], { downloadPdf: false }), { name: 'Original' }),
				szamlaNode(
					createInvoiceParams([line('Javítás (helyesbítés)', -1, 8000)], {
						invoiceKind: 'corrective',
						correctedInvoiceNumber: "={{ $('Original').item.json.invoiceNumber }}",
						downloadPdf: false,
					}),
					{ name: 'Corrective' },
				),
			],
			credentials: agentKeyCredentials(h.sim),
		});

		expect(result.error).toBeUndefined();
		const prepayment = result.output('Prepayment')[0].json;
		const final = result.output('Final')[0].json;
		const original = result.output('Original')[0].json;
		const corrective = result.output('Corrective')[0].json;
		expect(invoice(final.invoiceNumber)).toMatchObject({ kind: 'final', refersTo: prepayment.invoiceNumber });
		expect(invoice(prepayment.invoiceNumber).closedBy).toBe(final.invoiceNumber);
		expect(final).toMatchObject({ kind: 'final', netTotal: 150000, grossTotal: 190500 });
		expect(invoice(corrective.invoiceNumber)).toMatchObject({ kind: 'corrective', refersTo: original.invoiceNumber });
		expect(corrective).toMatchObject({ kind: 'corrective', netTotal: -8000, grossTotal: -10160 });
	});

	it('sets the e-invoice flag and logs in with username and password (second account)', async () => {
		const result = await runWorkflow({
			nodes: [
				szamlaNode(
					createInvoiceParams([line('Licenc', 1, 1000)], { additionalFields: { eInvoice: true }, downloadPdf: false }),
				),
			],
			credentials: passwordCredentials(h.sim),
		});

		expect(result.error).toBeUndefined();
		const doc = invoice(jsonOf(result)[0].invoiceNumber, 1);
		expect(doc.eInvoice).toBe(true);
	});

	it('sends Payable Correction and No Hungarian VAT as set in Additional Fields, and neither when unset', async () => {
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Tanácsadás', 1, 10_003)], {
				paymentMethod: 'készpénz',
				additionalFields: { payableCorrection: -3, euVat: true },
				downloadPdf: false,
			}),
		);
		expect(result.error).toBeUndefined();
		expect(invoice(jsonOf(result)[0].invoiceNumber)).toMatchObject({ payableCorrection: '-3', euVat: true });

		const plain = await runNode(h.sim, createInvoiceParams([line('Licenc', 1, 1000)], { downloadPdf: false }));
		expect(invoice(jsonOf(plain)[0].invoiceNumber)).toMatchObject({ payableCorrection: undefined, euVat: false });
	});

	it('a wrong password is a login error (code 3) from the service, not an issued invoice', async () => {
		const before = h.sim.documents.invoices().length;
		const result = await runWorkflow({
			nodes: [szamlaNode(createInvoiceParams([line('Licenc', 1, 1000)], { downloadPdf: false }))],
			credentials: passwordCredentials(h.sim, 'not-the-password'),
		});

		expect(result.error?.message).toMatch(/^Item 0: Számla Agent error 3\b/);
		expect(h.sim.documents.invoices()).toHaveLength(before);
	});
});

describe('Invoice › Create, dates', () => {
	it('defaults fulfillment to today and the due date to 8 days later, on the Budapest calendar', async () => {
		const today = todayIn('Europe/Budapest');
		const result = await runNode(h.sim, createInvoiceParams([line('Tétel', 1, 100)], { downloadPdf: false }));

		expect(result.error).toBeUndefined();
		const doc = invoice(jsonOf(result)[0].invoiceNumber);
		expect(doc.fulfillmentDate).toBe(today);
		expect(doc.dueDate).toBe(addDays(today, 8));
	});

	it('takes dates as typed (ISO, Hungarian dotted, with a time) and Due In (Days) from the issue date', async () => {
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Tétel', 1, 100)], {
				fulfillmentDate: '2026.03.05.',
				additionalFields: { issueDate: '2026-03-10T23:30:00', dueInDays: 15 },
				downloadPdf: false,
			}),
		);

		expect(result.error).toBeUndefined();
		expect(invoice(jsonOf(result)[0].invoiceNumber)).toMatchObject({ issueDate: '2026-03-10', fulfillmentDate: '2026-03-05', dueDate: '2026-03-25' });
	});
});

describe('Invoice › Create, line items', () => {
	it('takes line items from the node fields, with gross prices and special VAT keys', async () => {
		const result = await runNode(
			h.sim,
			createInvoiceParams(
				[
					line('Könyv', 2, 1270, '27', { priceType: 'gross' }),
					line('Oktatás', 1, 5000, 'AAM'),
					line('Export', 3, 100, 'EUK', { identifier: 'SKU-9', comment: 'Harmadik ország' }),
					line('Fordított adózás', 1, 700, 'F.ÁFA'),
					line('Élelmiszer', 4, 250, '5'),
				],
				{ downloadPdf: false },
			),
		);

		expect(result.error).toBeUndefined();
		const doc = invoice(jsonOf(result)[0].invoiceNumber);
		expect(doc.lines.map((l) => [l.name, l.vatKey, l.unitPrice, l.net, l.vat, l.gross])).toEqual([
			['Könyv', '27', 1000, 2000, 540, 2540],
			['Oktatás', 'AAM', 5000, 5000, 0, 5000],
			['Export', 'EUK', 100, 300, 0, 300],
			['Fordított adózás', 'F.AFA', 700, 700, 0, 700],
			['Élelmiszer', '5', 250, 1000, 50, 1050],
		]);
		expect(doc.lines[2]).toMatchObject({ id: 'SKU-9', comment: 'Harmadik ország' });
		expect(jsonOf(result)[0]).toMatchObject({ netTotal: 9000, grossTotal: 9590 });
	});

	it('takes line items from an input array field, accepting webshop spellings and gross prices', async () => {
		const order = {
			id: 'WS-1001',
			order: {
				items: [
					{ title: 'Póló', qty: '2', grossUnitPrice: 6350, vatRate: 27, sku: 'TS-1' },
					{ name: 'Szállítás', quantity: 1, price: '1 000,5', vat: '27' },
					{ product: 'Kupon', quantity: -1, unitPrice: 500, vatKey: '27', unit: 'db' },
				],
			},
		};
		const result = await runNode(
			h.sim,
			createInvoiceParams([], { lineItemsSource: 'inputField', lineItemsField: 'order.items', downloadPdf: false }),
			{ input: [order] },
		);

		expect(result.error).toBeUndefined();
		const doc = invoice(jsonOf(result)[0].invoiceNumber);
		expect(doc.lines.map((l) => [l.name, l.id, l.quantity, l.unitPrice, l.net, l.gross])).toEqual([
			['Póló', 'TS-1', 2, 5000, 10000, 12700],
			['Szállítás', undefined, 1, 1000.5, 1000.5, 1270.64], // HUF lines keep fillér
			['Kupon', undefined, -1, 500, -500, -635],
		]);
	});

	it('issues gross-priced HUF lines in fillér so every line gross is what the customer pays (issue 9: 1000 Ft was 999)', async () => {
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Könyv', 1, 1000, '27', { priceType: 'gross' }), line('Jegy', 3, 1000, '27', { priceType: 'gross' }), line('Tea', 1, 200, '5', { priceType: 'gross' })], {
				downloadPdf: false,
			}),
		);

		expect(result.error).toBeUndefined();
		const doc = invoice(jsonOf(result)[0].invoiceNumber);
		expect(doc.lines.map((l) => [l.name, l.unitPrice, l.net, l.vat, l.gross])).toEqual([
			['Könyv', 787.4, 787.4, 212.6, 1000],
			['Jegy', 787.4, 2362.2, 637.8, 3000],
			['Tea', 190.48, 190.48, 9.52, 200],
		]);
		expect(jsonOf(result)[0]).toMatchObject({ netTotal: 3340.08, grossTotal: 4200 });
	});

	it('reads the default `items` field of each input item, one invoice per item', async () => {
		const result = await runNode(
			h.sim,
			createInvoiceParams([], { lineItemsSource: 'inputField', buyerName: '={{ $json.customer }}', downloadPdf: false }),
			{
				input: [
					{ customer: 'Első Bt.', items: [{ name: 'A', quantity: 1, unitPrice: 100, vatKey: '27' }] },
					{ customer: 'Második Kft.', items: [{ name: 'B', quantity: 2, unitPrice: 200, vatKey: 'TAM' }] },
				],
			},
		);

		expect(result.error).toBeUndefined();
		const docs = jsonOf(result).map((j) => invoice(j.invoiceNumber));
		expect(docs.map((d) => [d.buyer.name, d.lines[0].name, d.totals.gross])).toEqual([
			['Első Bt.', 'A', 127],
			['Második Kft.', 'B', 400],
		]);
		expect(result.output(NODE).map((item) => item.pairedItem)).toEqual([[{ item: 0 }], [{ item: 1 }]]);
	});
});

describe('Invoice › Create, output', () => {
	it('returns the invoice figures, the decoded buyer portal URL, no warnings and the PDF (filesystem storage)', async () => {
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Szolgáltatás', 3, 3333)], {
				additionalFields: { orderNumber: 'ORD-OUT-1', externalId: 'wf:ORD-OUT-1:invoice' },
				binaryPropertyName: 'invoicePdf',
			}),
			{ binaryDataMode: 'filesystem' },
		);

		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE);
		const doc = invoice(item.json.invoiceNumber);
		expect(item.json).toMatchObject({
			invoiceNumber: doc.number,
			documentId: String(doc.id),
			kind: 'invoice',
			netTotal: 9999,
			grossTotal: 12698.73, // 9999 × 27 % = 2699.73: HUF lines keep fillér
			outstandingAmount: 12698.73,
			currency: 'HUF',
			orderNumber: 'ORD-OUT-1',
			externalId: 'wf:ORD-OUT-1:invoice',
			warnings: [],
		});
		expect(item.json.buyerPortalUrl).toBe(doc.buyerPortalUrl);
		expect(item.json.buyerPortalUrl).toMatch(/^https:\/\/www\.szamlazz\.hu\/szamla\/\?page=vevoifiokpay&partguid=/);
		expect(doc).toMatchObject({ orderNumber: 'ORD-OUT-1', externalId: 'wf:ORD-OUT-1:invoice' });

		const binary = item.binary!.invoicePdf;
		expect(binary).toMatchObject({ mimeType: 'application/pdf', fileName: `${doc.number}.pdf`, fileExtension: 'pdf' });
		expect(binary.id).toMatch(/^filesystem-v2:/);
		const pdf = await result.binary(NODE, 0, 'invoicePdf');
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdf.toString('latin1')).toContain(`/Title (${doc.number})`);
		expect(pdf.length).toBe(1500);
	});

	it('returns the same PDF bytes with in-memory binary storage (n8n 1.x default)', async () => {
		const result = await runNode(h.sim, createInvoiceParams([line('Szolgáltatás', 1, 100)]), { binaryDataMode: 'default' });

		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE);
		const stored = item.binary!.data;
		expect(stored.id).toBeUndefined();
		const inline = Buffer.from(stored.data, 'base64');
		expect(inline.toString('latin1')).toContain(`/Title (${String(item.json.invoiceNumber)})`);
		expect(await result.binary(NODE, 0)).toEqual(inline);
		expect(inline.length).toBe(1500);
	});

	it('preview only: a PDF comes back and nothing is stored in the simulator', async () => {
		const before = h.sim.documents.all().length;
		const lookupsBefore = requestsOf(h.sim, 'xmlszamlaxml');
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Próba', 1, 1000)], {
				downloadPdf: false,
				additionalFields: { previewOnly: true, externalId: 'preview-1' },
			}),
		);

		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE);
		expect(item.json).toMatchObject({ preview: true, netTotal: 1000, grossTotal: 1270 });
		expect(item.json.invoiceNumber).toBeFalsy();
		expect(h.sim.documents.all()).toHaveLength(before);
		const pdf = await result.binary(NODE, 0);
		expect(pdf.toString('latin1')).toContain('/Title (ELONEZET)');
		// The duplicate guard is off for previews: no look-up was made.
		expect(requestsOf(h.sim, 'xmlszamlaxml')).toBe(lookupsBefore);
	});
});

describe('Invoice › Create, attachments', () => {
	it('attaches two binaries of the input item; a create with attachments reaches the simulator', async () => {
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Melléklettel', 1, 100)], { downloadPdf: false, additionalFields: { attachments: 'terms, sheet' } }),
			{
				input: [
					{
						json: {},
						binary: {
							terms: inlineBinary(Buffer.from('%PDF-1.4 ÁSZF'), 'aszf.pdf', 'application/pdf'),
							sheet: inlineBinary(Buffer.from('a;b\n1;2\n'), 'tetelek.csv', 'text/csv'),
						},
					},
				],
			},
		);

		expect(result.error).toBeUndefined();
		expect(invoice(jsonOf(result)[0].invoiceNumber).attachments).toBe(2);
	});

	it('attaches a binary that an earlier node stored on the filesystem', async () => {
		const result = await runWorkflow({
			nodes: [
				szamlaNode(createInvoiceParams([line('Alap', 1, 100)]), { name: 'Source' }),
				szamlaNode(createInvoiceParams([line('Hivatkozás', 1, 100)], { downloadPdf: false, additionalFields: { attachments: 'data' } }), {
					name: 'With Attachment',
				}),
			],
			credentials: agentKeyCredentials(h.sim),
			binaryDataMode: 'filesystem',
		});

		expect(result.error).toBeUndefined();
		expect(result.output('Source')[0].binary!.data.id).toMatch(/^filesystem-v2:/);
		expect(invoice(result.output('With Attachment')[0].json.invoiceNumber).attachments).toBe(1);
	});

	it('a missing binary property fails with the field name before any request', async () => {
		const before = h.sim.stats.requests;
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Melléklettel', 1, 100)], { additionalFields: { attachments: 'terms, missing' } }),
			{ input: [{ json: {}, binary: { terms: inlineBinary(Buffer.from('x'), 'a.txt', 'text/plain') } }, { json: {} }] },
		);

		expect(result.error?.message).toBe(
			'Item 0, field "Additional Fields › Attachments": the input item has no binary field "missing"',
		);
		expect(result.error?.context.itemIndex).toBe(0);
		expect(h.sim.stats.requests).toBe(before);
	});

	it('more than five attachments fail before any request', async () => {
		const before = h.sim.stats.requests;
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Sok melléklet', 1, 100)], { additionalFields: { attachments: 'a, b, c, d, e, f' } }),
		);

		expect(result.error?.message).toMatch(/field "Additional Fields › Attachments": at most 5 attachments/);
		expect(h.sim.stats.requests).toBe(before);
	});
});
