/** Receipt › Create / Reverse / Get / Send and Taxpayer › Get through the engine against the simulator. */
import type { IDataObject } from 'n8n-workflow';

import type { ReceiptDocument } from '../../simulators/szamla';
import { runWorkflow } from '../harness';
import { NODE, agentKeyCredentials, jsonOf, line, requestsOf, runNode, szamlaNode, useSimulator } from './helpers';

const h = useSimulator({ pdfBytes: 900 });

function receipt(number: unknown): ReceiptDocument {
	const doc = h.sim.documents.receipts().find((d) => d.number === number && d.accountIndex === 0);
	if (!doc) throw new Error(`The simulator holds no receipt ${String(number)}`);
	return doc;
}

function receiptParams(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		resource: 'receipt',
		operation: 'create',
		prefix: 'NYGT',
		paymentMethod: 'készpénz',
		lineItemsSource: 'parameters',
		lineItems: { item: [line('Kávé', 2, 500), line('Sütemény', 1, 800, '5')] },
		...extra,
	};
}
// 2 × 500 net at 27% = 1270 gross; 800 net at 5% = 840 gross; receipt gross 2110.
const GROSS = 2110;

describe('Receipt › Create', () => {
	it('issues a receipt with a call ID and payments, returning its data and PDF', async () => {
		const result = await runNode(
			h.sim,
			receiptParams({
				payments: { payment: [{ method: 'készpénz', amount: 2000 }, { method: 'bankkártya', amount: 110, description: 'maradék' }] },
				additionalFields: { callId: 'order-5001', orderNumber: 'WEB-5001', comment: 'Pénztár 1' },
			}),
		);

		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE);
		const doc = receipt(item.json.receiptNumber);
		expect(item.json.receiptNumber).toMatch(/^NYGT-\d{4}-\d+$/);
		expect(item.json).toMatchObject({
			callId: 'order-5001',
			kind: 'receipt',
			reversed: false,
			orderNumber: 'WEB-5001',
			paymentMethod: 'készpénz',
			currency: 'HUF',
			totals: { netAmount: 1800, grossAmount: GROSS },
			payments: [
				{ method: 'készpénz', amount: 2000 },
				{ method: 'bankkártya', amount: 110, description: 'maradék' },
			],
		});
		expect(item.json.lines).toEqual([
			expect.objectContaining({ name: 'Kávé', quantity: 2, grossAmount: 1270 }),
			expect.objectContaining({ name: 'Sütemény', quantity: 1, grossAmount: 840 }),
		]);
		expect(JSON.stringify(item.json)).not.toContain('"pdf"');
		expect(doc).toMatchObject({ callId: 'order-5001', orderNumber: 'WEB-5001', comment: 'Pénztár 1' });
		const pdf = await result.binary(NODE, 0);
		expect(pdf.length).toBe(900);
		expect(item.binary!.data.fileName).toBe(`${doc.number}.pdf`);
	});

	it('a gross-priced HUF line is issued in fillér, exactly as the customer pays: 3 × 1000 Ft → 2362.20 + 637.80 = 3000', async () => {
		const result = await runNode(
			h.sim,
			receiptParams({
				lineItems: { item: [line('Jegy', 3, 1000, '27', { priceType: 'gross' })] },
				payments: { payment: [{ method: 'készpénz', amount: 3000 }] },
				downloadPdf: false,
			}),
		);

		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE);
		expect(receipt(item.json.receiptNumber).lines.map((l) => [l.unitPrice, l.net, l.vat, l.gross])).toEqual([[787.4, 2362.2, 637.8, 3000]]);
		expect(item.json).toMatchObject({ totals: { netAmount: 2362.2, grossAmount: 3000 } });
	});

	it('a repeated call ID without an order number: 338, no second receipt, and the error says why it cannot be found', async () => {
		const params = receiptParams({ additionalFields: { callId: 'order-dup-1' }, downloadPdf: false });
		const first = await runNode(h.sim, params);
		const count = h.sim.documents.receipts().length;
		const second = await runNode(h.sim, params);
		const secondContinue = await runNode(h.sim, params, { node: { onError: 'continueRegularOutput' } });

		expect(first.error).toBeUndefined();
		expect(second.error?.message).toMatch(/^Item 0: Számla Agent error 338\b/);
		expect(second.error?.message).toMatch(/No second receipt was made.*without an Order Number the node cannot look it up/);
		expect(jsonOf(secondContinue)).toEqual([expect.objectContaining({ errorCode: '338', outcomeUnknown: false })]);
		expect(h.sim.documents.receipts()).toHaveLength(count);
		expect(h.sim.documents.receipts().filter((d) => d.callId === 'order-dup-1')).toHaveLength(1);
	});

	it('a repeated call ID with an order number returns the receipt that call ID made, as alreadyExisted (issue 10.5)', async () => {
		const params = receiptParams({ additionalFields: { callId: 'order-dup-2', orderNumber: 'R-ORDER-2' }, downloadPdf: true });
		const first = await runNode(h.sim, params);
		const count = h.sim.documents.receipts().length;
		const again = await runNode(h.sim, params);

		expect(again.error).toBeUndefined();
		const [fresh] = jsonOf(first);
		const [json] = jsonOf(again);
		expect(json).toMatchObject({ alreadyExisted: true, receiptNumber: fresh.receiptNumber, callId: 'order-dup-2' });
		expect(String((json.warnings as string[])[0])).toMatch(/already made with Call ID "order-dup-2" \(code 338\)/);
		expect(Object.keys(json).filter((k) => k !== 'alreadyExisted').sort()).toEqual(Object.keys(fresh).sort());
		expect(again.output('Számla Agent')[0].binary?.data).toBeDefined();
		expect(h.sim.documents.receipts()).toHaveLength(count);
	});

	it('a repeated call ID whose order number now shows another receipt is not adopted: the error says so', async () => {
		await runNode(h.sim, receiptParams({ additionalFields: { callId: 'order-dup-3', orderNumber: 'R-ORDER-3' }, downloadPdf: false }));
		await runNode(h.sim, receiptParams({ additionalFields: { callId: 'order-dup-3b', orderNumber: 'R-ORDER-3' }, downloadPdf: false }));
		const result = await runNode(h.sim, receiptParams({ additionalFields: { callId: 'order-dup-3', orderNumber: 'R-ORDER-3' }, downloadPdf: false }), {
			node: { onError: 'continueRegularOutput' },
		});
		const [item] = jsonOf(result);
		expect(item).toMatchObject({ errorCode: '338', outcomeUnknown: false });
		expect(String(item.error)).toMatch(/newest receipt under Order Number "R-ORDER-3" .* has Call ID "order-dup-3b", not "order-dup-3"/);
	});

	it('payments that do not add up to the gross total fail with the field name before any request', async () => {
		const before = h.sim.stats.requests;
		const result = await runNode(h.sim, receiptParams({ payments: { payment: [{ method: 'készpénz', amount: 2000 }] } }));

		expect(result.error?.message).toBe(`Item 0, field "Payments": add up to 2000 but the receipt's gross total is ${GROSS} HUF`);
		expect(h.sim.stats.requests).toBe(before);
	});

	it('a badly formed prefix fails before any request; a prefix used for invoices is refused by the service (336)', async () => {
		const before = h.sim.stats.requests;
		const bad = await runNode(h.sim, receiptParams({ prefix: 'nyg-1' }));
		expect(bad.error?.message).toMatch(/^Item 0, field "Prefix": must be 1–5 uppercase letters or digits/);
		expect(h.sim.stats.requests).toBe(before);

		const invoicePrefix = await runNode(h.sim, receiptParams({ prefix: 'TST' }));
		expect(invoicePrefix.error?.message).toMatch(/^Item 0: Számla Agent error 336\b/);
	});
});

describe('Receipt › Reverse, Get, Send', () => {
	it('reverses the receipt the previous node issued', async () => {
		const result = await runWorkflow({
			nodes: [
				szamlaNode(receiptParams({ downloadPdf: false }), { name: 'Create' }),
				szamlaNode({ resource: 'receipt', operation: 'reverse', receiptNumber: '={{ $json.receiptNumber }}' }),
			],
			credentials: agentKeyCredentials(h.sim),
		});

		expect(result.error).toBeUndefined();
		const original = result.output('Create')[0].json.receiptNumber;
		const [item] = result.output(NODE);
		expect(item.json).toMatchObject({ kind: 'receiptReversal', kindCode: 'SN', reversedReceiptNumber: original, totals: { grossAmount: -GROSS } });
		expect(receipt(original)).toMatchObject({ reversed: true, reversedBy: item.json.receiptNumber });
		expect((await result.binary(NODE, 0)).length).toBe(900);
	});

	it('gets a receipt by number and by order number, with the PDF only when asked', async () => {
		const [created] = jsonOf(await runNode(h.sim, receiptParams({ downloadPdf: false, additionalFields: { orderNumber: 'POS-77' } })));

		const result = await runNode(
			h.sim,
			{ resource: 'receipt', operation: 'get', lookupBy: '={{ $json.by }}', lookupValue: '={{ $json.value }}', downloadPdf: '={{ $json.pdf }}' },
			{
				input: [
					{ by: 'number', value: created.receiptNumber, pdf: false },
					{ by: 'orderNumber', value: 'POS-77', pdf: true },
				],
			},
		);

		expect(result.error).toBeUndefined();
		const out = result.output(NODE);
		expect(out.map((item) => item.json.receiptNumber)).toEqual([created.receiptNumber, created.receiptNumber]);
		expect(out[0].json).toMatchObject({ orderNumber: 'POS-77', totals: { grossAmount: GROSS } });
		expect(out[0].binary).toBeUndefined();
		expect((await result.binary(NODE, 1)).toString('latin1')).toMatch(/^%PDF-/);
	});

	it('an unknown receipt number is 339', async () => {
		const result = await runNode(h.sim, { resource: 'receipt', operation: 'get', lookupBy: 'number', lookupValue: 'NYGT-1999-9' });

		expect(result.error?.message).toMatch(/^Item 0: Számla Agent error 339\b/);
	});

	it('sends a receipt by e-mail', async () => {
		const [created] = jsonOf(await runNode(h.sim, receiptParams({ downloadPdf: false })));

		const result = await runNode(h.sim, {
			resource: 'receipt',
			operation: 'send',
			receiptNumber: created.receiptNumber,
			email: 'vevo@example.hu',
			additionalFields: { subject: 'Az Ön nyugtája' },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([{ sent: true, receiptNumber: created.receiptNumber, to: 'vevo@example.hu' }]);
		expect(receipt(created.receiptNumber).emails).toEqual([expect.objectContaining({ to: 'vevo@example.hu', subject: 'Az Ön nyugtája' })]);
	});
});

describe('Taxpayer › Get', () => {
	it('looks up 8-digit and 12345678-1-42 forms, in both NAV namespace styles, and an invalid taxpayer', async () => {
		const before = requestsOf(h.sim, 'xmltaxpayer');
		const result = await runNode(h.sim, { resource: 'taxpayer', operation: 'get', taxNumber: '={{ $json.tax }}' }, {
			input: [{ tax: '13421739' }, { tax: '12345676-2-42' }, { tax: ' 87654321 ' }],
		});

		expect(result.error).toBeUndefined();
		const [kboss, proba, gone] = jsonOf(result) as IDataObject[];
		// Sample-style answer: API namespace as default, data namespace as ns2.
		expect(kboss).toMatchObject({
			queriedTaxNumber: '13421739',
			valid: true,
			name: 'KBOSS.HU KERESKEDELMI ÉS SZOLGÁLTATÓ KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG',
			taxNumber: { taxpayerId: '13421739', vatCode: '2', countyCode: '41' },
			addresses: [{ type: 'HQ', countryCode: 'HU', postalCode: '1031', city: 'BUDAPEST', streetName: 'ZÁHONY', publicPlaceCategory: 'UTCA', number: '7.' }],
		});
		// Explicit prefixes everywhere: only namespaces identify the elements.
		expect(proba).toMatchObject({
			queriedTaxNumber: '12345676',
			valid: true,
			name: 'PRÓBA KERESKEDELMI KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG',
			taxNumber: { taxpayerId: '12345676', vatCode: '2', countyCode: '42' },
			addresses: [expect.objectContaining({ city: 'BUDAPEST', streetName: 'SZERDAHELYI' })],
		});
		expect(gone).toMatchObject({ queriedTaxNumber: '87654321', valid: false, addresses: [] });
		expect(requestsOf(h.sim, 'xmltaxpayer') - before).toBe(3);
	});

	it('a malformed tax number fails with the field name before any request', async () => {
		const before = h.sim.stats.requests;
		const result = await runNode(h.sim, { resource: 'taxpayer', operation: 'get', taxNumber: '1234-5' });

		expect(result.error?.message).toBe('Item 0, field "Tax Number": must be 8 digits (or 11, as 12345678-1-42), got "1234-5"');
		expect(h.sim.stats.requests).toBe(before);
	});
});
