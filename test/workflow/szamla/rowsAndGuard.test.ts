/**
 * Spreadsheet rows grouped into invoices (Line Items Source "rows"), and the duplicate guard (If It Already Exists)
 * keyed by external ID and by order number.
 */
import type { IDataObject } from 'n8n-workflow';

import { NODE, createInvoiceParams, jsonOf, line, requestsOf, runNode, useSimulator } from './helpers';

const h = useSimulator();

const rowParams = (extra: Record<string, unknown> = {}) => ({
	resource: 'invoice',
	operation: 'create',
	lineItemsSource: 'rows',
	groupBy: '={{$json.order}}',
	buyerName: '={{ $json.customer }}',
	buyerPostalCode: '={{ $json.zip }}',
	buyerCity: '={{ $json.city }}',
	buyerAddress: '={{ $json.street }}',
	additionalFields: { orderNumber: '={{ $json.order }}', comment: '={{ $json.note }}' },
	lineItems: { item: [{ name: '={{ $json.product }}', quantity: '={{ $json.qty }}', unit: 'db', unitPrice: '={{ $json.price }}', priceType: 'net', vatKey: '={{ $json.vat }}' }] },
	downloadPdf: false,
	...extra,
});

const buyerA = { customer: 'Alfa Kft.', zip: '1111', city: 'Budapest', street: 'Fő utca 1.' };
const buyerB = { customer: 'Béta Bt.', zip: '6720', city: 'Szeged', street: 'Kárász utca 2.' };

/** Five rows of two orders, interleaved as a sheet sorted by product would be. */
function sheet(prefix: string, overrides: Record<number, IDataObject> = {}): IDataObject[] {
	const rows: IDataObject[] = [
		{ order: `${prefix}-A`, ...buyerA, note: 'első sor', product: 'Alma', qty: 2, price: 100, vat: '27' },
		{ order: `${prefix}-A`, ...buyerA, customer: 'Ignored Name Kft.', note: 'második sor', product: 'Körte', qty: '1,5', price: '200', vat: '27' },
		{ order: `${prefix}-B`, ...buyerB, note: 'B első', product: 'Szilva', qty: 3, price: 50, vat: '5' },
		{ order: `${prefix}-A`, ...buyerA, product: 'Tankönyv', qty: 1, price: 1000, vat: 'AAM' },
		{ order: `${prefix}-B`, ...buyerB, product: 'Dió', qty: 1, price: 400, vat: '27' },
	];
	for (const [index, patch] of Object.entries(overrides)) Object.assign(rows[Number(index)], patch);
	return rows;
}

describe('Invoice › Create from spreadsheet rows grouped by order', () => {
	it('turns 5 rows of 2 orders into 2 invoices, each paired with all its rows, header and buyer from the first row', async () => {
		const result = await runNode(h.sim, rowParams(), { input: sheet('R1') });

		expect(result.error).toBeUndefined();
		const out = result.output(NODE);
		expect(out).toHaveLength(2);
		expect(out.map((item) => item.pairedItem)).toEqual([
			[{ item: 0 }, { item: 1 }, { item: 3 }],
			[{ item: 2 }, { item: 4 }],
		]);
		expect(out.map((item) => item.json.rowCount)).toEqual([3, 2]);
		expect(out.map((item) => item.json.orderNumber)).toEqual(['R1-A', 'R1-B']);

		const [a, b] = out.map((item) => h.sim.documents.invoices().find((d) => d.number === item.json.invoiceNumber)!);
		expect(a.buyer).toMatchObject({ name: 'Alfa Kft.', zip: '1111', city: 'Budapest', address: 'Fő utca 1.' });
		expect(a.comment).toBe('első sor');
		expect(a.lines.map((l) => [l.name, l.quantity, l.vatKey, l.gross])).toEqual([
			['Alma', 2, '27', 254],
			['Körte', 1.5, '27', 381],
			['Tankönyv', 1, 'AAM', 1000],
		]);
		expect(b.buyer.name).toBe('Béta Bt.');
		expect(b.lines.map((l) => [l.name, l.gross])).toEqual([
			['Szilva', 157.5], // 150 × 5 % = 7.50: HUF lines keep fillér
			['Dió', 508],
		]);
		expect(out.map((item) => item.json.grossTotal)).toEqual([1635, 665.5]);
	});

	it('a bad cell in row 3 stops the node before any request, naming item 3, its group and the field', async () => {
		const before = h.sim.stats.requests;
		const result = await runNode(h.sim, rowParams(), { input: sheet('R2', { 3: { qty: 'sok' } }) });

		expect(result.error?.message).toBe('Item 3 (group "R2-A"), field "Line Items[1] › Quantity": must be a number, got "sok"');
		expect(result.error?.context.itemIndex).toBe(3);
		expect(h.sim.stats.requests).toBe(before);
	});

	it('under Continue On Fail the bad group becomes one error item paired with its rows; the other group is issued', async () => {
		const before = h.sim.documents.invoices().length;
		const result = await runNode(h.sim, rowParams(), {
			input: sheet('R3', { 3: { vat: '26' } }),
			node: { onError: 'continueRegularOutput' },
		});

		expect(result.error).toBeUndefined();
		const out = result.output(NODE);
		expect(out).toHaveLength(2);
		expect(out[0].json).toMatchObject({ errorField: 'Line Items[1] › VAT Key', retryable: false, outcomeUnknown: false });
		expect(out[0].json.error).toMatch(/^Item 3 \(group "R3-A"\): /);
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
		expect(out[1].json).toMatchObject({ orderNumber: 'R3-B', rowCount: 2 });
		expect(h.sim.documents.invoices().length - before).toBe(1);
	});

	it('an empty group cell names its own item; under Continue On Fail only that row fails', async () => {
		const before = h.sim.stats.requests;
		const stop = await runNode(h.sim, rowParams(), { input: sheet('R4', { 4: { order: '' } }) });
		expect(stop.error?.message).toBe('Item 4, field "Group By": is empty; every row needs a group value');
		expect(stop.error?.context.itemIndex).toBe(4);
		expect(h.sim.stats.requests).toBe(before);

		const go = await runNode(h.sim, rowParams(), { input: sheet('R5', { 4: { order: ' ' } }), node: { onError: 'continueRegularOutput' } });
		const out = go.output(NODE);
		expect(out.map((item) => item.pairedItem)).toEqual([[{ item: 0 }, { item: 1 }, { item: 3 }], [{ item: 2 }], [{ item: 4 }]]);
		expect(out.map((item) => item.json.orderNumber ?? item.json.errorField)).toEqual(['R5-A', 'R5-B', 'Group By']);
	});
});

describe('Duplicate guard (If It Already Exists)', () => {
	const params = (additionalFields: IDataObject, ifExists?: string) =>
		createInvoiceParams([line('Előfizetés', 1, 9900)], { additionalFields, ...(ifExists ? { ifExists } : {}) });

	const countWith = (predicate: (d: { externalId?: string; orderNumber?: string }) => boolean) =>
		h.sim.documents.invoices().filter(predicate).length;

	it('by external ID: the second run returns the existing invoice (with its PDF) and issues nothing', async () => {
		const first = await runNode(h.sim, params({ externalId: 'shop:1001:invoice' }));
		const createsBefore = requestsOf(h.sim, 'xmlszamla');
		const second = await runNode(h.sim, params({ externalId: 'shop:1001:invoice' }));

		expect(first.error ?? second.error).toBeUndefined();
		const [existing] = second.output(NODE);
		expect(existing.json).toMatchObject({
			invoiceNumber: jsonOf(first)[0].invoiceNumber,
			alreadyExisted: true,
			netTotal: 9900,
			grossTotal: 12573,
			externalId: 'shop:1001:invoice',
			warnings: [expect.stringMatching(/already exists with External ID "shop:1001:invoice"/)],
		});
		expect(jsonOf(first)[0].alreadyExisted).toBeUndefined();
		expect((await second.binary(NODE, 0)).toString('latin1')).toContain(`/Title (${String(existing.json.invoiceNumber)})`);
		expect(requestsOf(h.sim, 'xmlszamla')).toBe(createsBefore);
		expect(countWith((d) => d.externalId === 'shop:1001:invoice')).toBe(1);
	});

	it('by order number: the same, and two items of one run with the same order number issue one invoice', async () => {
		const result = await runNode(h.sim, params({ orderNumber: '={{ $json.order }}' }), { input: [{ order: 'SO-77' }, { order: 'SO-77' }] });
		const rerun = await runNode(h.sim, params({ orderNumber: 'SO-77' }));

		expect(result.error ?? rerun.error).toBeUndefined();
		const [first, second] = jsonOf(result);
		expect(first.alreadyExisted).toBeUndefined();
		expect(second).toMatchObject({ invoiceNumber: first.invoiceNumber, alreadyExisted: true });
		expect(jsonOf(rerun)[0]).toMatchObject({ invoiceNumber: first.invoiceNumber, alreadyExisted: true });
		expect(countWith((d) => d.orderNumber === 'SO-77')).toBe(1);
	});

	it('"fail" stops with a field-named error and issues nothing', async () => {
		await runNode(h.sim, params({ externalId: 'shop:1002:invoice' }));
		const result = await runNode(h.sim, params({ externalId: 'shop:1002:invoice' }, 'fail'));

		expect(result.error?.message).toMatch(/^Item 0, field "If It Already Exists": invoice TST-\d{4}-\d+ already exists with External ID "shop:1002:invoice"; nothing was issued$/);
		expect(countWith((d) => d.externalId === 'shop:1002:invoice')).toBe(1);
		// A duplicate is no input to fix: the description says how to go on, and does not repeat the message.
		expect(result.error?.description).toBe(
			'To get the existing invoice as this item\'s output, set If It Already Exists to "Return the Existing Invoice". To issue another invoice, give it a different External ID.',
		);
		expect(result.error?.description).not.toMatch(/fix the input|nothing was/i);
	});

	it('"fail" under an order number names that key, and under Continue On Fail the other items go on', async () => {
		await runNode(h.sim, params({ orderNumber: 'SO-F1' }));
		const result = await runNode(h.sim, params({ orderNumber: '={{ $json.order }}' }, 'fail'), {
			input: [{ order: 'SO-F1' }, { order: 'SO-F2' }],
			node: { onError: 'continueRegularOutput' },
		});

		expect(result.error).toBeUndefined();
		const [failed, issued] = jsonOf(result);
		expect(failed).toMatchObject({ errorField: 'If It Already Exists', retryable: false, outcomeUnknown: false });
		expect(failed.error).toMatch(/^invoice TST-\d{4}-\d+ already exists with Order Number "SO-F1"; nothing was issued$/);
		expect(issued).toMatchObject({ orderNumber: 'SO-F2' });
		expect(issued.alreadyExisted).toBeUndefined();
		expect(countWith((d) => d.orderNumber === 'SO-F1')).toBe(1);
	});

	it('a returned invoice has the same output fields as a fresh one: outstanding amount after payments, buyer portal URL', async () => {
		const fresh = await runNode(h.sim, params({ externalId: 'shop:1004:invoice' }));
		const number = jsonOf(fresh)[0].invoiceNumber;
		const paid = await runNode(h.sim, {
			resource: 'invoice',
			operation: 'registerPayment',
			invoiceNumber: number,
			paymentMode: 'append',
			payments: { payment: [{ date: '2026-03-02', method: 'átutalás', amount: 2573 }] },
		});
		const again = await runNode(h.sim, params({ externalId: 'shop:1004:invoice' }));

		expect(fresh.error ?? paid.error ?? again.error).toBeUndefined();
		const [first] = jsonOf(fresh);
		const [existing] = jsonOf(again);
		expect(Object.keys(existing).sort()).toEqual([...Object.keys(first), 'alreadyExisted'].sort());
		expect(first).toMatchObject({ grossTotal: 12573, outstandingAmount: 12573 });
		expect(existing).toMatchObject({
			invoiceNumber: number,
			documentId: first.documentId,
			outstandingAmount: 10000,
			buyerPortalUrl: first.buyerPortalUrl,
			alreadyExisted: true,
		});
		expect(existing.buyerPortalUrl).toMatch(/^https:\/\/www\.szamlazz\.hu\/szamla\/\?page=vevoifiokpay&partguid=/);
	});

	it('in row mode a returned invoice carries its row count like a fresh one', async () => {
		const rows = [{ order: 'SO-R1' }, { order: 'SO-R1' }];
		const rowInvoice = createInvoiceParams([], {
			lineItemsSource: 'rows',
			groupBy: '={{ $json.order }}',
			lineItems: { item: [line('Előfizetés', 1, 9900)] },
			additionalFields: { orderNumber: '={{ $json.order }}' },
			downloadPdf: false,
		});
		const fresh = await runNode(h.sim, rowInvoice, { input: rows });
		const again = await runNode(h.sim, rowInvoice, { input: rows });

		expect(fresh.error ?? again.error).toBeUndefined();
		expect(jsonOf(fresh)[0]).toMatchObject({ rowCount: 2 });
		expect(jsonOf(again)[0]).toMatchObject({ rowCount: 2, alreadyExisted: true, invoiceNumber: jsonOf(fresh)[0].invoiceNumber });
		expect(Object.keys(jsonOf(again)[0]).sort()).toEqual([...Object.keys(jsonOf(fresh)[0]), 'alreadyExisted'].sort());
		expect(again.output(NODE)[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('"create anyway" makes no look-up and issues a second invoice', async () => {
		await runNode(h.sim, params({ externalId: 'shop:1003:invoice' }));
		const lookupsBefore = requestsOf(h.sim, 'xmlszamlaxml');
		const result = await runNode(h.sim, params({ externalId: 'shop:1003:invoice' }, 'createAnyway'));

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].alreadyExisted).toBeUndefined();
		expect(requestsOf(h.sim, 'xmlszamlaxml')).toBe(lookupsBefore);
		expect(countWith((d) => d.externalId === 'shop:1003:invoice')).toBe(2);
	});

	it('a document of another kind or a reversed invoice under the same key does not count as existing', async () => {
		const proforma = await runNode(h.sim, createInvoiceParams([line('Díjbekérő', 1, 500)], { invoiceKind: 'proforma', additionalFields: { orderNumber: 'SO-88' } }));
		const invoice = await runNode(h.sim, params({ orderNumber: 'SO-88' }));
		expect(jsonOf(invoice)[0]).not.toHaveProperty('alreadyExisted');
		expect(jsonOf(invoice)[0].invoiceNumber).not.toBe(jsonOf(proforma)[0].invoiceNumber);

		await runNode(h.sim, { resource: 'invoice', operation: 'reverse', invoiceNumber: jsonOf(invoice)[0].invoiceNumber, downloadPdf: false });
		const reissued = await runNode(h.sim, params({ orderNumber: 'SO-88' }));

		expect(reissued.error).toBeUndefined();
		expect(jsonOf(reissued)[0].alreadyExisted).toBeUndefined();
		expect(countWith((d) => d.orderNumber === 'SO-88')).toBe(4); // proforma, invoice, its storno, the new invoice
	});
});
