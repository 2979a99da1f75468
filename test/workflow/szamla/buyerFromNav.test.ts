/**
 * Invoice › Create with "Fill Buyer From NAV By Tax Number" (issue 13): the buyer comes from NAV's taxpayer record,
 * looked up once per tax number per execution before anything is sent; the user's own fields win; an unknown or
 * invalid taxpayer fails only its item.
 */
import type { IDataObject } from 'n8n-workflow';

import { NODE, jsonOf, requestsOf, runNode, useSimulator } from './helpers';

const h = useSimulator();

/** A sheet with only a tax number and the lines per row. */
const rowParams = (extra: Record<string, unknown> = {}) => ({
	resource: 'invoice',
	operation: 'create',
	buyerFromNav: true,
	buyerTaxNumber: '={{ $json.taxNumber }}',
	lineItemsSource: 'rows',
	groupBy: '={{ $json.order }}',
	lineItems: { item: [{ name: '={{ $json.product }}', quantity: '={{ $json.qty }}', unit: 'db', unitPrice: '={{ $json.price }}', priceType: 'net', vatKey: '27' }] },
	additionalFields: { orderNumber: '={{ $json.order }}' },
	downloadPdf: false,
	...extra,
});

const row = (order: string, taxNumber: string, product = 'Tanácsadás'): IDataObject => ({ order, taxNumber, product, qty: 1, price: 10000 });

describe('Fill Buyer From NAV By Tax Number', () => {
	it('fills name, address, full tax number and status from NAV, one look-up per buyer (both namespace styles)', async () => {
		const taxpayerQueries = requestsOf(h.sim, 'xmltaxpayer');
		const input = [
			row('NAV-1', '12345676', 'Alma'),
			row('NAV-1', '12345676', 'Körte'),
			row('NAV-2', '12345676-2-42'),
			row('NAV-3', '13421739'),
			row('NAV-4', '1342 1739'),
			row('NAV-5', '12345676'),
		];
		const result = await runNode(h.sim, rowParams(), { input });

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(5);
		// Two buyers, however their numbers were written: two look-ups.
		expect(requestsOf(h.sim, 'xmltaxpayer') - taxpayerQueries).toBe(2);

		const issued = (n: number) => h.sim.documents.invoices().find((d) => d.number === out[n].invoiceNumber)!;
		// 12345676 is answered with explicit namespace prefixes, 13421739 in the vendor sample's default-namespace style.
		expect(issued(0).buyer).toMatchObject({
			name: 'PRÓBA KERESKEDELMI KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG',
			zip: '1086',
			city: 'BUDAPEST',
			address: 'SZERDAHELYI UTCA 4-8.',
			taxNumber: '12345676-2-42',
			taxSubject: 1,
		});
		expect(issued(2).buyer).toMatchObject({
			name: 'KBOSS.HU KERESKEDELMI ÉS SZOLGÁLTATÓ KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG',
			zip: '1031',
			city: 'BUDAPEST',
			address: 'ZÁHONY UTCA 7.',
			taxNumber: '13421739-2-41',
			taxSubject: 1,
		});
		expect(out[0].buyerFromNav).toEqual(['name', 'postalCode', 'city', 'address', 'taxNumber', 'taxpayerStatus']);
	});

	it('keeps the buyer fields the user set', async () => {
		const result = await runNode(
			h.sim,
			rowParams({
				buyerName: 'Próba Kft. (pénzügy)',
				buyerCity: '={{ $json.city }}',
				buyerFields: { taxpayerStatus: '6', email: 'penzugy@example.hu' },
			}),
			{ input: [{ ...row('NAV-OWN', '12345676'), city: 'Budapest VIII.' }] },
		);

		expect(result.error).toBeUndefined();
		const [json] = jsonOf(result);
		const doc = h.sim.documents.invoices().find((d) => d.number === json.invoiceNumber)!;
		expect(doc.buyer).toMatchObject({ name: 'Próba Kft. (pénzügy)', city: 'Budapest VIII.', zip: '1086', taxSubject: 6, email: 'penzugy@example.hu' });
		expect(json.buyerFromNav).toEqual(['postalCode', 'address', 'taxNumber']);
	});

	it('an invalid taxpayer stops the node before anything is issued, naming the item and the field', async () => {
		const creates = requestsOf(h.sim, 'xmlszamla');
		const result = await runNode(h.sim, rowParams(), { input: [row('NAV-X1', '12345676'), row('NAV-X2', '87654321')] });

		expect(result.error?.message).toBe('Item 1 (group "NAV-X2"), field "Buyer Tax Number": NAV has no valid taxpayer 87654321');
		expect(requestsOf(h.sim, 'xmlszamla')).toBe(creates);
	});

	it('under Continue On Fail only that item fails; the others are issued', async () => {
		const result = await runNode(h.sim, rowParams(), {
			input: [row('NAV-C1', '12345676'), row('NAV-C2', '99999999'), row('NAV-C3', '13421739')],
			node: { onError: 'continueErrorOutput' },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((j) => j.orderNumber)).toEqual(['NAV-C1', 'NAV-C3']);
		expect(result.output(NODE, 1).map((item) => item.json)).toEqual([
			{ error: 'Item 1 (group "NAV-C2"), field "Buyer Tax Number": NAV has no valid taxpayer 99999999' },
		]);
	});

	it('a malformed tax number fails without asking NAV', async () => {
		const queries = requestsOf(h.sim, 'xmltaxpayer');
		const result = await runNode(h.sim, rowParams(), { input: [row('NAV-M', '1234-5678-9')] });

		expect(result.error?.message).toBe('Item 0 (group "NAV-M"), field "Buyer Tax Number": must be 8 digits (or 11, as 12345678-1-42), got "1234-5678-9"');
		expect(requestsOf(h.sim, 'xmltaxpayer')).toBe(queries);
	});

	it('without the switch the buyer fields stay required (n8n itself refuses the empty Buyer Name)', async () => {
		// With the switch on (tests above) the same empty fields run: their optional variants are the ones shown.
		await expect(
			runNode(h.sim, rowParams({ buyerFromNav: false, buyerName: '', buyerPostalCode: '1', buyerCity: 'X', buyerAddress: 'Y' }), {
				input: [row('NAV-OFF', '12345676')],
			}),
		).rejects.toThrow('The workflow has issues');
	});
});
