/**
 * Bad input in one item of a batch: the node stops before sending anything and names the item and the field; under
 * Continue On Fail the bad item becomes an error item and the others are issued.
 */
import type { IDataObject } from 'n8n-workflow';

import { NODE, createInvoiceParams, jsonOf, line, runNode, useSimulator } from './helpers';

const h = useSimulator();

/** Everything per item comes from the input, as from a webshop export. */
const params = createInvoiceParams([], {
	invoiceKind: '={{ $json.kind }}',
	correctedInvoiceNumber: '={{ $json.corrects }}',
	buyerName: '={{ $json.name }}',
	fulfillmentDate: '={{ $json.date }}',
	lineItemsSource: 'inputField',
	lineItemsField: 'items',
	downloadPdf: false,
});

function order(n: number, patch: IDataObject = {}): IDataObject {
	return {
		kind: 'invoice',
		corrects: '',
		name: `Vevő ${n}`,
		date: '2026-03-10',
		items: [{ name: 'Termék', quantity: 2, unitPrice: 1500, vatKey: '27' }],
		...patch,
	};
}

const item = (patch: IDataObject) => ({ items: [{ name: 'Termék', quantity: 1, unitPrice: 100, vatKey: '27', ...patch }] });

const cases: Array<[string, IDataObject, string, RegExp]> = [
	['missing buyer name', { name: '  ' }, 'Buyer Name', /is required but empty/],
	['unknown VAT key', item({ vatKey: '26' }), 'items[1] › VAT Key', /26/],
	['non-numeric quantity', item({ quantity: 'két' }), 'items[1] › Quantity', /must be a number, got "két"/],
	['invalid date', { date: '2026-02-30' }, 'Fulfillment Date', /not a real calendar date: "2026-02-30"/],
	['no line items', { items: [] }, 'items', /at least one line item is needed/],
	['corrective without number', { kind: 'corrective', corrects: '' }, 'Corrected Invoice Number', /is required but empty/],
];

describe('bad input stops the node before any request', () => {
	it.each(cases)('%s: names the item and the field, and nothing is sent', async (_name, patch, field, message) => {
		const before = h.sim.stats.requests;
		const result = await runNode(h.sim, params, { input: [order(0), order(1), order(2, patch), order(3)] });

		expect(result.error?.message.startsWith(`Item 2, field "${field}": `)).toBe(true);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.context.itemIndex).toBe(2);
		expect(result.error?.description).toMatch(/Nothing was sent/);
		expect(h.sim.stats.requests).toBe(before);
	});

	it('no line items defined in the node fields', async () => {
		const before = h.sim.stats.requests;
		const result = await runNode(h.sim, createInvoiceParams([]));

		expect(result.error?.message).toBe('Item 0, field "Line Items": at least one line item is needed');
		expect(h.sim.stats.requests).toBe(before);
	});

	it('a zero quantity and a Hungarian date with dots are told apart (one bad, one fine)', async () => {
		const before = h.sim.stats.requests;
		const result = await runNode(
			h.sim,
			createInvoiceParams([line('Tétel', '={{ $json.qty }}' as unknown as number, 100)], {
				fulfillmentDate: '={{ $json.date }}',
				downloadPdf: false,
			}),
			{ input: [{ qty: 1, date: '2026.03.10.' }, { qty: 0, date: '2026.03.10.' }] },
		);

		expect(result.error?.message).toBe('Item 1, field "Line Items[1] › Quantity": must not be 0');
		expect(h.sim.stats.requests).toBe(before);
	});
});

describe('bad input under Continue On Fail', () => {
	it('every bad item becomes an error item with errorField; the good items are issued in order', async () => {
		const before = h.sim.documents.invoices().length;
		const input = [order(0), ...cases.map(([, patch], n) => order(n + 1, patch)), order(cases.length + 1)];
		const result = await runNode(h.sim, params, { input, node: { onError: 'continueRegularOutput' } });

		expect(result.error).toBeUndefined();
		const out = result.output(NODE);
		expect(out).toHaveLength(input.length);
		expect(out.map((o) => [o.pairedItem].flat().map((p) => (p as { item: number }).item))).toEqual(input.map((_, i) => [i]));
		const [first, ...rest] = out.map((o) => o.json);
		const last = rest.pop()!;
		expect(first.invoiceNumber).toEqual(expect.any(String));
		expect(last.invoiceNumber).toEqual(expect.any(String));
		expect(rest.map((j) => j.errorField)).toEqual(cases.map(([, , field]) => field));
		rest.forEach((j, n) => {
			expect(j).toMatchObject({ retryable: false, outcomeUnknown: false });
			expect(j.error).toMatch(cases[n][3]);
			expect(j.invoiceNumber).toBeUndefined();
		});
		expect(h.sim.documents.invoices().length - before).toBe(2);
		expect(h.sim.documents.invoices().slice(-2).map((d) => d.buyer.name)).toEqual(['Vevő 0', `Vevő ${cases.length + 1}`]);
	});

	it('with Continue (using error output) the bad item goes to the error branch', async () => {
		const result = await runNode(h.sim, params, {
			input: [order(0), order(1, { name: '' })],
			node: { onError: 'continueErrorOutput' },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((j) => j.invoiceNumber)).toEqual([expect.any(String)]);
		const [failed] = result.output(NODE, 1);
		expect(result.output(NODE, 1)).toHaveLength(1);
		// Only `{ error }` is routed by n8n (which then merges in the input item when the node has a parent node).
		expect(failed.json).toEqual({ error: 'Item 1, field "Buyer Name": is required but empty' });
		expect(failed.pairedItem).toEqual({ item: 1 });
	});
});
