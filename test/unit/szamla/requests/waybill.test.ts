/** The waybill block (fuvarlevel) of Invoice › Create: each courier's variant against both xmlszamla schemas, and its checks. */
import type { Waybill } from '../../../../nodes/SzamlaAgent/protocol/types/createInvoice';
import { buildCreateInvoiceXml } from './builders';
import { DOCS_XSD, REQUEST_XSD, invalidDocuments } from './batchXsd';
import { minimalInvoice } from './fixtures';
import { childNames, expectInputError } from './xmlShape';

const withWaybill = (waybill: Waybill) => buildCreateInvoiceXml({ ...minimalInvoice(), header: { ...minimalInvoice().header, template: 'SzlaFuvarlevelesAlap' }, waybill });

const VARIANTS: Record<string, Waybill> = {
	transoflex: { carrier: 'TOF', comment: 'Törékeny', tof: { identifier: '12345', shipmentId: 'S-1', packageCount: 2, countryCode: 'HU', zip: '1051', service: 'EXP' } },
	ppp: { carrier: 'PPP', ppp: { barcodePrefix: 'ABC', barcodePostfix: '1234567' } },
	sprinter: {
		carrier: 'SPRINTER',
		sprinter: { identifier: 'SPR', senderCode: '0123456789', directionCode: '106', packageCount: 1, barcodePostfix: 'A1234567', deliveryTime: '1 munkanap' },
	},
	mpl: { carrier: 'MPL', mpl: { customerCode: 'V123', barcode: 'MPL-42', weight: '1.5', specialServices: 'K', declaredValue: 25000 } },
	'barcode only (GLS)': { carrier: 'GLS', barcode: 'GLS-0001' },
};

describe('waybill', () => {
	const docs = Object.fromEntries(Object.entries(VARIANTS).map(([name, waybill]) => [name, withWaybill(waybill)]));

	it('each courier variant validates against xmlszamla.xsd and its newer docs variant', async () => {
		expect(await invalidDocuments(docs, REQUEST_XSD('xmlszamla.xsd'))).toEqual({});
		expect(await invalidDocuments(docs, DOCS_XSD('xmlszamla.xsd'))).toEqual({});
	});

	it('sits between vevo and tetelek, with only the chosen courier, in schema order', () => {
		expect(childNames(docs.transoflex, 'xmlszamla')).toEqual(['beallitasok', 'fejlec', 'elado', 'vevo', 'fuvarlevel', 'tetelek']);
		expect(childNames(docs.transoflex, 'fuvarlevel')).toEqual(['futarSzolgalat', 'megjegyzes', 'tof']);
		expect(childNames(docs.transoflex, 'tof')).toEqual(['azonosito', 'shipmentID', 'csomagszam', 'countryCode', 'zip', 'service']);
		expect(childNames(docs.sprinter, 'sprinter')).toEqual(['azonosito', 'feladokod', 'iranykod', 'csomagszam', 'vonalkodPostfix', 'szallitasiIdo']);
		expect(docs.mpl).toContain('<mpl><vevokod>V123</vevokod><vonalkod>MPL-42</vonalkod><tomeg>1.5</tomeg><kulonszolgaltatasok>K</kulonszolgaltatasok><erteknyilvanitas>25000</erteknyilvanitas></mpl>');
		expect(docs.ppp).toContain('<fuvarlevel><futarSzolgalat>PPP</futarSzolgalat><ppp><vonalkodPrefix>ABC</vonalkodPrefix><vonalkodPostfix>1234567</vonalkodPostfix></ppp></fuvarlevel>');
		expect(buildCreateInvoiceXml(minimalInvoice())).not.toContain('fuvarlevel');
	});

	it('names the field: MPL needs customer code, barcode and weight; package counts are whole and at least 1; unknown carriers and bad text fail', () => {
		const mpl = (patch: Partial<NonNullable<Waybill['mpl']>>) => () =>
			withWaybill({ carrier: 'MPL', mpl: { customerCode: 'V1', barcode: 'B', weight: '1', ...patch } });
		expectInputError(mpl({ customerCode: '' }), 'Additional Fields › Waybill › MPL Customer Code', /required/);
		expectInputError(mpl({ barcode: ' ' }), 'Additional Fields › Waybill › MPL Barcode', /required/);
		expectInputError(mpl({ weight: '' }), 'Additional Fields › Waybill › MPL Weight', /required/);
		expectInputError(() => withWaybill({ carrier: 'TOF', tof: { packageCount: 0 } }), 'Additional Fields › Waybill › TOF Package Count', /at least 1/);
		expectInputError(() => withWaybill({ carrier: 'SPRINTER', sprinter: { packageCount: 1.5 } }), 'Additional Fields › Waybill › Sprinter Package Count', /whole number/);
		expectInputError(() => withWaybill({ carrier: 'DHL' as never }), 'Additional Fields › Waybill › Carrier', /unknown carrier "DHL"/);
		expectInputError(() => withWaybill({ carrier: 'GLS', comment: 'a\u000bb' }), 'Additional Fields › Waybill › Comment', /U\+000B/);
	});
});
