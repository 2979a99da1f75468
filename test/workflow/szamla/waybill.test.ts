/**
 * Invoice › Create, Additional Fields › Waybill through the engine: each courier's fields reach the service in the
 * fuvarlevel block (the simulator checks it against the schema), only the chosen courier's, and MPL's required fields
 * are named before anything is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { createInvoiceParams, jsonOf, line, runNode, useSimulator } from './helpers';

const h = useSimulator();

const params = (details: IDataObject) =>
	createInvoiceParams([line('Csomag', 1, 1000)], {
		downloadPdf: false,
		additionalFields: { template: 'SzlaFuvarlevelesAlap', waybill: { details } },
	});

function waybillOf(number: unknown) {
	return h.sim.documents.invoices().find((d) => d.number === number)?.waybill;
}

describe('Invoice › Create, waybill', () => {
	it('MPL: customer code, barcode, weight, special services and declared value, by expression too', async () => {
		const result = await runNode(
			h.sim,
			params({
				carrier: 'MPL',
				comment: 'Törékeny',
				mplCustomerCode: 'V123',
				mplBarcode: '={{ $json.parcel }}',
				mplWeight: '1.5',
				mplSpecialServices: 'K',
				mplDeclaredValue: 25000,
				// Fields of another courier, left over from switching the carrier: not sent.
				tofIdentifier: '12345',
			}),
			{ input: [{ parcel: 'MPL-0042' }] },
		);

		expect(result.error).toBeUndefined();
		expect(waybillOf(jsonOf(result)[0].invoiceNumber)).toEqual({
			futarSzolgalat: 'MPL',
			megjegyzes: 'Törékeny',
			mpl: { vevokod: 'V123', vonalkod: 'MPL-0042', tomeg: '1.5', kulonszolgaltatasok: 'K', erteknyilvanitas: '25000' },
		});
	});

	it('Transoflex, PPP and Sprinter each send their own block', async () => {
		const tof = await runNode(h.sim, params({ carrier: 'TOF', tofIdentifier: '12345', tofShipmentId: 'S-1', tofPackageCount: 2, tofCountryCode: 'HU', tofZip: '1051', tofService: 'EXP' }));
		const ppp = await runNode(h.sim, params({ carrier: 'PPP', pppBarcodePrefix: 'ABC', pppBarcodePostfix: '1234567' }));
		const sprinter = await runNode(
			h.sim,
			params({ carrier: 'SPRINTER', sprinterIdentifier: 'SPR', sprinterSenderCode: '0123456789', sprinterDirectionCode: '106', sprinterPackageCount: 1, sprinterBarcodePostfix: 'A1234567', sprinterDeliveryTime: '1 munkanap' }),
		);

		expect(tof.error ?? ppp.error ?? sprinter.error).toBeUndefined();
		expect(waybillOf(jsonOf(tof)[0].invoiceNumber)).toEqual({
			futarSzolgalat: 'TOF',
			tof: { azonosito: '12345', shipmentID: 'S-1', csomagszam: '2', countryCode: 'HU', zip: '1051', service: 'EXP' },
		});
		expect(waybillOf(jsonOf(ppp)[0].invoiceNumber)).toEqual({ futarSzolgalat: 'PPP', ppp: { vonalkodPrefix: 'ABC', vonalkodPostfix: '1234567' } });
		expect(waybillOf(jsonOf(sprinter)[0].invoiceNumber)).toEqual({
			futarSzolgalat: 'SPRINTER',
			sprinter: { azonosito: 'SPR', feladokod: '0123456789', iranykod: '106', csomagszam: '1', vonalkodPostfix: 'A1234567', szallitasiIdo: '1 munkanap' },
		});
	});

	it('no waybill added: no fuvarlevel block', async () => {
		const result = await runNode(h.sim, createInvoiceParams([line('Csomag', 1, 1000)], { downloadPdf: false }));
		expect(result.error).toBeUndefined();
		expect(waybillOf(jsonOf(result)[0].invoiceNumber)).toBeUndefined();
	});

	it('MPL without a weight fails before any request, naming the field; Continue On Fail keeps the others going', async () => {
		const before = h.sim.stats.requests;
		const stop = await runNode(h.sim, params({ carrier: 'MPL', mplCustomerCode: 'V1', mplBarcode: 'B1' }));
		expect(stop.error?.message).toBe('Item 0, field "Additional Fields › Waybill › MPL Weight": is required but empty');
		expect(h.sim.stats.requests).toBe(before);

		const go = await runNode(h.sim, params({ carrier: 'MPL', mplCustomerCode: 'V1', mplBarcode: 'B1', mplWeight: '={{ $json.kg }}' }), {
			input: [{ kg: '' }, { kg: '2' }],
			node: { onError: 'continueRegularOutput' },
		});
		const [failed, issued] = jsonOf(go);
		expect(failed).toMatchObject({ errorField: 'Additional Fields › Waybill › MPL Weight' });
		expect(waybillOf(issued.invoiceNumber)).toMatchObject({ mpl: { tomeg: '2' } });
	});
});
