/**
 * Additional Fields › Whole-Forint Amounts on Invoice › Create and Receipt › Create, and the amount warnings every
 * invoice and receipt output carries (issue 9.1): fillér lines by default, whole forints on request, never silent.
 */
import type { IDataObject } from 'n8n-workflow';

import { NODE, createInvoiceParams, jsonOf, line, requestsOf, runNode, useSimulator } from './helpers';

const h = useSimulator();

const gross = (name: string, quantity: number, price: number, vatKey = '27') => line(name, quantity, price, vatKey, { priceType: 'gross' });

function invoiceLines(number: unknown) {
	const doc = h.sim.documents.invoices().find((d) => d.number === number && d.accountIndex === 0);
	if (!doc) throw new Error(`The simulator holds no invoice ${String(number)}`);
	return doc.lines.map((l) => [l.name, l.unitPrice, l.net, l.vat, l.gross]);
}

function receiptLines(number: unknown) {
	const doc = h.sim.documents.receipts().find((d) => d.number === number && d.accountIndex === 0);
	if (!doc) throw new Error(`The simulator holds no receipt ${String(number)}`);
	return doc.lines.map((l) => [l.unitPrice, l.net, l.vat, l.gross]);
}

const invoice = (lines: IDataObject[], additionalFields: IDataObject = {}) =>
	createInvoiceParams(lines, { downloadPdf: false, additionalFields });

const receipt = (lines: IDataObject[], additionalFields: IDataObject = {}) => ({
	resource: 'receipt',
	operation: 'create',
	prefix: 'NYGT',
	paymentMethod: 'készpénz',
	lineItemsSource: 'parameters',
	lineItems: { item: lines },
	downloadPdf: false,
	additionalFields,
});

describe('Invoice › Create, Whole-Forint Amounts', () => {
	it('1000 Ft gross at 27 %: 787.40 + 212.60 by default, 787 + 213 with the option; both exactly 1000, no warning', async () => {
		const fillér = await runNode(h.sim, invoice([gross('Könyv', 1, 1000)]));
		const whole = await runNode(h.sim, invoice([gross('Könyv', 1, 1000)], { wholeForints: true }));

		expect(fillér.error ?? whole.error).toBeUndefined();
		expect(invoiceLines(jsonOf(fillér)[0].invoiceNumber)).toEqual([['Könyv', 787.4, 787.4, 212.6, 1000]]);
		expect(invoiceLines(jsonOf(whole)[0].invoiceNumber)).toEqual([['Könyv', 787, 787, 213, 1000]]);
		expect(jsonOf(fillér)[0]).toMatchObject({ netTotal: 787.4, grossTotal: 1000, warnings: [] });
		expect(jsonOf(whole)[0]).toMatchObject({ netTotal: 787, grossTotal: 1000, warnings: [] });
	});

	it('a gross price whole forints cannot hit is issued with a warning naming the line and the difference', async () => {
		const result = await runNode(h.sim, invoice([gross('Tea', 1, 200, '5'), gross('Kávé', 1, 1000.5)], { wholeForints: true }));

		expect(result.error).toBeUndefined();
		expect(invoiceLines(jsonOf(result)[0].invoiceNumber)).toEqual([
			['Tea', 190, 190, 10, 200],
			['Kávé', 788, 788, 213, 1001],
		]);
		expect(jsonOf(result)[0].warnings).toEqual([
			'Line Items[2]: the line gross is 1001.00 HUF, 0.50 HUF more than 1 × 1000.5 = 1000.50 HUF the customer pays (whole-forint amounts)',
		]);
	});

	it('in fillér, a line no unit price can hit (12 345 × 0.01 Ft) is issued with a warning, not silently', async () => {
		const result = await runNode(h.sim, invoice([gross('Áram', 12345, 0.01)]));

		expect(result.error).toBeUndefined();
		expect(invoiceLines(jsonOf(result)[0].invoiceNumber)).toEqual([['Áram', 0.007874, 97.2, 26.24, 123.44]]);
		expect(jsonOf(result)[0].warnings).toEqual([
			'Line Items[1]: the line gross is 123.44 HUF, 0.01 HUF less than 12345 × 0.01 = 123.45 HUF the customer pays',
		]);
	});

	it('other currencies keep 2 decimals with the option on', async () => {
		const result = await runNode(h.sim, { ...invoice([gross('Könyv', 1, 10)], { wholeForints: true }), currency: 'EUR' });

		expect(result.error).toBeUndefined();
		expect(invoiceLines(jsonOf(result)[0].invoiceNumber)).toEqual([['Könyv', 7.87, 7.87, 2.13, 10]]);
	});

	it('row mode takes the option from the group\'s first row', async () => {
		const rows = [
			{ order: 'WF-1', price: 1000, whole: true },
			{ order: 'WF-1', price: 1000, whole: false },
		];
		const result = await runNode(
			h.sim,
			createInvoiceParams([gross('Jegy', 1, 0)], {
				lineItemsSource: 'rows',
				groupBy: '={{ $json.order }}',
				lineItems: { item: [{ ...gross('Jegy', 1, 0), unitPrice: '={{ $json.price }}' }] },
				additionalFields: { wholeForints: '={{ $json.whole }}' },
				downloadPdf: false,
			}),
			{ input: rows },
		);

		expect(result.error).toBeUndefined();
		expect(invoiceLines(jsonOf(result)[0].invoiceNumber)).toEqual([
			['Jegy', 787, 787, 213, 1000],
			['Jegy', 787, 787, 213, 1000],
		]);
	});

	it('a value that is not true or false names the field, before any request', async () => {
		const before = h.sim.stats.requests;
		const result = await runNode(h.sim, invoice([gross('Könyv', 1, 1000)], { wholeForints: 'talán' }));

		expect(result.error?.message).toBe('Item 0, field "Additional Fields › Whole-Forint Amounts": must be true or false, got "talán"');
		expect(h.sim.stats.requests).toBe(before);
	});
});

describe('Receipt › Create, Whole-Forint Amounts', () => {
	it('1000 Ft gross at 27 %: 787.40 + 212.60 by default, 787 + 213 with the option; the output carries warnings', async () => {
		const fillér = await runNode(h.sim, receipt([gross('Jegy', 1, 1000)]));
		const whole = await runNode(h.sim, receipt([gross('Jegy', 1, 1000)], { wholeForints: true }));

		expect(fillér.error ?? whole.error).toBeUndefined();
		expect(receiptLines(jsonOf(fillér)[0].receiptNumber)).toEqual([[787.4, 787.4, 212.6, 1000]]);
		expect(receiptLines(jsonOf(whole)[0].receiptNumber)).toEqual([[787, 787, 213, 1000]]);
		expect(jsonOf(fillér)[0].warnings).toEqual([]);
		expect(jsonOf(whole)[0].warnings).toEqual([]);
	});

	it('a line whole forints cannot hit is issued with its warning in the receipt output', async () => {
		const creates = requestsOf(h.sim, 'xmlnyugtacreate');
		const result = await runNode(h.sim, receipt([gross('Víz', 1, 199.99)], { wholeForints: true }));

		expect(result.error).toBeUndefined();
		expect(requestsOf(h.sim, 'xmlnyugtacreate')).toBe(creates + 1);
		expect(receiptLines(result.output(NODE)[0].json.receiptNumber)).toEqual([[157, 157, 43, 200]]);
		expect(jsonOf(result)[0].warnings).toEqual([
			'Line Items[1]: the line gross is 200.00 HUF, 0.01 HUF more than 1 × 199.99 = 199.99 HUF the customer pays (whole-forint amounts)',
		]);
	});
});
