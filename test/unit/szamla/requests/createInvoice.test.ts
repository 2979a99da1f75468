import { createXmlParser } from '../../../../nodes/shared/xml';
import { buildCreateInvoiceXml } from './builders';
import type { CreateInvoiceRequest, InvoiceKind, InvoiceLine } from './requestTypes';
import { DOCS_XSD, REQUEST_XSD, invalidDocuments } from './batchXsd';
import { childNames, expectInputError } from './xmlShape';
import { KEY_AUTH, USER_AUTH, fullInvoice, line, minimalInvoice } from './fixtures';

const KINDS: InvoiceKind[] = ['invoice', 'proforma', 'deliveryNote', 'prepayment', 'final', 'corrective'];

function with_(base: CreateInvoiceRequest, patch: (r: CreateInvoiceRequest) => void): CreateInvoiceRequest {
	const copy = structuredClone(base);
	patch(copy);
	return copy;
}

describe('buildCreateInvoiceXml — schema validity', () => {
	const docs: Record<string, string> = {};
	for (const kind of KINDS) {
		docs[`minimal ${kind}`] = buildCreateInvoiceXml(minimalInvoice(kind));
		docs[`full ${kind}`] = buildCreateInvoiceXml(fullInvoice(kind));
	}
	docs['preview'] = buildCreateInvoiceXml(with_(minimalInvoice(), (r) => (r.header.previewPdf = true)));
	docs['e-invoice'] = buildCreateInvoiceXml(with_(minimalInvoice(), (r) => (r.eInvoice = true)));
	docs['user/password'] = buildCreateInvoiceXml(with_(minimalInvoice(), (r) => (r.auth = USER_AUTH)));
	docs['eu vat + payable correction'] = buildCreateInvoiceXml(
		with_(minimalInvoice(), (r) => {
			r.header.euVat = true;
			r.header.payableCorrection = -3;
		}),
	);

	it('every kind, minimal and full, preview, e-invoice and login variants validate against xmlszamla.xsd', async () => {
		expect(Object.keys(docs)).toHaveLength(16);
		expect(await invalidDocuments(docs, REQUEST_XSD('xmlszamla.xsd'))).toEqual({});
	});

	it('the same documents validate against the newer docs variant, plus its extra fields', async () => {
		const newer = { ...docs };
		newer['group id + erasure code'] = buildCreateInvoiceXml(
			with_(fullInvoice(), (r) => {
				r.buyer.groupIdentifier = '17777777-5-44';
				r.lines[0].dataErasureCode = 3;
			}),
		);
		expect(await invalidDocuments(newer, DOCS_XSD('xmlszamla.xsd'))).toEqual({});
	});

	it('the XSD check itself catches a broken document (sanity of the batch helper)', async () => {
		const broken = docs['minimal invoice'].replace('<fizmod>', '<bogus/><fizmod>');
		const failures = await invalidDocuments({ ok: docs['minimal invoice'], broken }, REQUEST_XSD('xmlszamla.xsd'));
		expect(Object.keys(failures)).toEqual(['broken']);
	});
});

describe('buildCreateInvoiceXml — structure', () => {
	it('uses the xmlszamla namespace and root', () => {
		const xml = buildCreateInvoiceXml(minimalInvoice());
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla">')).toBe(true);
		expect(childNames(xml, 'xmlszamla')).toEqual(['beallitasok', 'fejlec', 'elado', 'vevo', 'tetelek']);
	});

	it('writes settings in schema order with valaszVerzio 2, and only the agent key', () => {
		const xml = buildCreateInvoiceXml(minimalInvoice());
		expect(childNames(xml, 'beallitasok')).toEqual(['szamlaagentkulcs', 'eszamla', 'szamlaLetoltes', 'valaszVerzio']);
		expect(xml).toContain('<valaszVerzio>2</valaszVerzio>');
		expect(xml).not.toContain('felhasznalo');
	});

	it('writes every optional element in schema order when all are set', () => {
		const xml = buildCreateInvoiceXml(fullInvoice('final'));
		expect(childNames(xml, 'beallitasok')).toEqual([
			'felhasznalo', 'jelszo', 'eszamla', 'szamlaLetoltes', 'szamlaLetoltesPld', 'valaszVerzio', 'cikkazoninvoice',
			'szamlaKulsoAzon',
		]);
		expect(childNames(xml, 'fejlec')).toEqual([
			'keltDatum', 'teljesitesDatum', 'fizetesiHataridoDatum', 'fizmod', 'penznem', 'szamlaNyelve', 'megjegyzes',
			'arfolyamBank', 'arfolyam', 'rendelesSzam', 'dijbekeroSzamlaszam', 'vegszamla', 'elolegSzamlaszam', 'logoExtra',
			'szamlaszamElotag', 'fizetendoKorrekcio', 'fizetve', 'eusAfa', 'szamlaSablon',
		]);
		expect(childNames(xml, 'vevo')).toEqual([
			'nev', 'orszag', 'irsz', 'telepules', 'cim', 'email', 'sendEmail', 'adoalany', 'adoszam', 'adoszamEU', 'postazasiNev',
			'postazasiOrszag', 'postazasiIrsz', 'postazasiTelepules', 'postazasiCim', 'azonosito', 'alairoNeve',
			'telefonszam', 'megjegyzes',
		]);
		expect(childNames(xml, 'tetel')).toEqual([
			'megnevezes', 'azonosito', 'mennyiseg', 'mennyisegiEgyseg', 'nettoEgysegar', 'afakulcs', 'nettoErtek', 'afaErtek',
			'bruttoErtek', 'megjegyzes',
		]);
		expect(childNames(xml, 'fuvarlevel')).toEqual(['futarSzolgalat', 'vonalkod', 'megjegyzes', 'tof', 'ppp', 'sprinter', 'mpl']);
		expect(childNames(xml, 'xmlszamla')).toEqual(['beallitasok', 'fejlec', 'elado', 'vevo', 'fuvarlevel', 'tetelek']);
	});

	it('leaves out unset optionals, blank strings included, but keeps the required empty elado', () => {
		const req = with_(minimalInvoice(), (r) => {
			r.header.comment = '';
			r.header.orderNumber = '   ';
			r.buyer.email = '';
		});
		const xml = buildCreateInvoiceXml(req);
		expect(xml).toContain('<elado/>');
		for (const absent of ['megjegyzes', 'rendelesSzam', 'email', 'keltDatum', 'fuvarlevel', 'szamlaLetoltesPld', 'simpleItems', 'elonezetpdf']) {
			expect(xml).not.toContain(`<${absent}`);
		}
	});

	it.each<[InvoiceKind, string[]]>([
		['invoice', []],
		['proforma', ['<dijbekero>true</dijbekero>']],
		['deliveryNote', ['<szallitolevel>true</szallitolevel>']],
		['prepayment', ['<elolegszamla>true</elolegszamla>']],
		['final', ['<vegszamla>true</vegszamla>']],
		['corrective', ['<helyesbitoszamla>true</helyesbitoszamla>', '<helyesbitettSzamlaszam>E-TST-2026-1</helyesbitettSzamlaszam>']],
	])('kind %s sets exactly its flags', (kind, expected) => {
		const xml = buildCreateInvoiceXml(minimalInvoice(kind));
		const flags = ['dijbekero', 'szallitolevel', 'elolegszamla', 'vegszamla', 'helyesbitoszamla', 'helyesbitettSzamlaszam'];
		const present = flags.filter((f) => xml.includes(`<${f}>`));
		expect(present).toEqual(expected.map((e) => e.slice(1, e.indexOf('>'))));
		for (const e of expected) expect(xml).toContain(e);
	});

	it('final invoice carries the prepayment invoice number only when given', () => {
		expect(buildCreateInvoiceXml(minimalInvoice('final'))).not.toContain('elolegSzamlaszam');
		const xml = buildCreateInvoiceXml(with_(minimalInvoice('final'), (r) => (r.header.prepaymentInvoiceNumber = 'E-1')));
		expect(xml).toContain('<vegszamla>true</vegszamla><elolegSzamlaszam>E-1</elolegSzamlaszam>');
	});

	it('preview comes last in the header, never with simpleItems (the two schemas order them differently)', () => {
		const xml = buildCreateInvoiceXml(with_(minimalInvoice(), (r) => (r.header.previewPdf = true)));
		expect(xml).toContain('<elonezetpdf>true</elonezetpdf></fejlec>');
		expect(xml).not.toContain('simpleItems');
	});

	it('escapes &, < and > (quotes need none in text) and keeps Hungarian accents as UTF-8', () => {
		const xml = buildCreateInvoiceXml(fullInvoice());
		expect(xml).toContain('<nev>Árvíztűrő Tükörfúrógép Kft. &amp; Co</nev>');
		expect(xml).toContain('<megnevezes>Kávé &lt;Arabica&gt; &amp; "tej"</megnevezes>');
		expect(xml).toContain('<felhasznalo>billing@example.hu</felhasznalo><jelszo>p&amp;ss&lt;word&gt;"</jelszo>');
		expect(xml).toContain(`"idézet" 'single'`);
		// Round trip through a parser gives the original text back.
		const parsed = createXmlParser().parse(xml);
		expect(parsed.xmlszamla.vevo.nev).toBe('Árvíztűrő Tükörfúrógép Kft. & Co');
		expect(parsed.xmlszamla.fejlec.megjegyzes).toBe('Köszönjük a vásárlást! Tom & Jerry <Kft.> "idézet" \'single\'');
	});

	it('canonicalises VAT keys and writes numbers in plain decimal notation', () => {
		const xml = buildCreateInvoiceXml(
			with_(minimalInvoice(), (r) => {
				r.lines = [line({ vatKey: ' 27% ' }), line({ vatKey: 'aam', vatAmount: 0, grossAmount: 2000 }), line({ name: 'Tiny', quantity: 0.0000001, netUnitPrice: 1, netAmount: 0, vatAmount: 0, grossAmount: 0 })];
			}),
		);
		expect(xml.match(/<afakulcs>[^<]*<\/afakulcs>/g)).toEqual(['<afakulcs>27</afakulcs>', '<afakulcs>AAM</afakulcs>', '<afakulcs>27</afakulcs>']);
		expect(xml).toContain('<mennyiseg>0.0000001</mennyiseg>');
	});

	it('accepts negative quantities on corrective lines', () => {
		const xml = buildCreateInvoiceXml(
			with_(minimalInvoice('corrective'), (r) => (r.lines = [line({ quantity: -2, netAmount: -2000, vatAmount: -540, grossAmount: -2540 })])),
		);
		expect(xml).toContain('<mennyiseg>-2</mennyiseg>');
		expect(xml).toContain('<bruttoErtek>-2540</bruttoErtek>');
	});
});

describe('buildCreateInvoiceXml — input errors name the field', () => {
	it.each<[string, (r: CreateInvoiceRequest) => void, string, RegExp?]>([
		['corrective without number', (r) => { r.header.kind = 'corrective'; r.header.correctedInvoiceNumber = ' '; }, 'Corrected Invoice Number', /required/],
		['corrected number on a plain invoice', (r) => (r.header.correctedInvoiceNumber = 'E-1'), 'Corrected Invoice Number', /only used/i],
		['prepayment number on a plain invoice', (r) => (r.header.prepaymentInvoiceNumber = 'E-1'), 'Prepayment Invoice Number'],
		['proforma converting a proforma', (r) => { r.header.kind = 'proforma'; r.header.proformaNumberToConvert = 'D-1'; }, 'Proforma Number to Convert'],
		['unknown kind', (r) => ((r.header as { kind: string }).kind = 'storno'), 'Invoice Kind'],
		['no lines', (r) => (r.lines = []), 'Line Items', /at least one/i],
		['bad quantity', (r) => (r.lines = [line(), line(), line({ quantity: NaN })]), 'Line Items[3] › Quantity', /finite/],
		['infinite price', (r) => (r.lines = [line({ netUnitPrice: Infinity })]), 'Line Items[1] › Net Unit Price'],
		['unknown VAT key', (r) => (r.lines = [line(), line({ vatKey: '26' })]), 'Line Items[2] › VAT Key', /unknown VAT key "26"/],
		['TEHK', (r) => (r.lines = [line({ vatKey: 'tehk' })]), 'Line Items[1] › VAT Key', /phased out/],
		['net ≠ price × qty', (r) => (r.lines = [line({ netAmount: 2001, grossAmount: 2541 })]), 'Line Items[1] › Net Amount', /expected 2000/],
		['VAT ≠ net × rate', (r) => (r.lines = [line({ vatAmount: 541, grossAmount: 2541 })]), 'Line Items[1] › VAT Amount', /expected 540/],
		['gross ≠ net + VAT', (r) => (r.lines = [line({ grossAmount: 2541 })]), 'Line Items[1] › Gross Amount', /expected 2540/],
		['three decimals', (r) => (r.lines = [line({ netUnitPrice: 1000.0025, netAmount: 2000.005, vatAmount: 540, grossAmount: 2540.005 })]), 'Line Items[1] › Net Amount', /rounded to 2 decimals/],
		['HUF VAT a whole fillér off', (r) => (r.lines = [line({ netUnitPrice: 787.4, quantity: 1, netAmount: 787.4, vatAmount: 212.61, grossAmount: 1000.01 })]), 'Line Items[1] › VAT Amount', /expected 212.6,/],
		['HUF net a whole fillér off', (r) => (r.lines = [line({ netUnitPrice: 787.4, quantity: 3, netAmount: 2362.21, vatAmount: 637.8, grossAmount: 3000.01 })]), 'Line Items[1] › Net Amount', /expected 2362.2,/],
		['whole-forint VAT a forint off', (r) => (r.lines = [line({ netUnitPrice: 787, quantity: 1, netAmount: 787, vatAmount: 214, grossAmount: 1001 })]), 'Line Items[1] › VAT Amount', /rounded to whole forints \(expected 212, got 214\)/],
		['empty line name', (r) => (r.lines = [line({ name: '' })]), 'Line Items[1] › Name'],
		['bad due date', (r) => (r.header.dueDate = '2026-02-30'), 'Due Date', /YYYY-MM-DD/],
		['dotted date', (r) => (r.header.fulfillmentDate = '2026.09.10'), 'Fulfillment Date'],
		['missing payment method', (r) => (r.header.paymentMethod = ''), 'Payment Method'],
		['missing currency', (r) => (r.header.currency = ''), 'Currency'],
		['bad language', (r) => ((r.header as { language: string }).language = 'cs'), 'Language'],
		['buyer name', (r) => (r.buyer.name = ''), 'Buyer Name'],
		['buyer postal code', (r) => (r.buyer.postalCode = ''), 'Buyer Postal Code'],
		['taxpayer status', (r) => (r.buyer.taxpayerStatus = 2), 'Buyer Details › Tax Status'],
		['pdf copies', (r) => (r.pdfCopies = 0), 'PDF Copies'],
		['no key', (r) => (r.auth = { agentKey: '' }), 'Agent Key'],
		['no password', (r) => (r.auth = { username: 'u', password: '' }), 'Password'],
		['carrier', (r) => (r.waybill = { carrier: 'DHL' as never }), 'Additional Fields › Waybill › Carrier'],
		['mpl customer code', (r) => (r.waybill = { mpl: { customerCode: '', barcode: 'b', weight: '1' } }), 'Additional Fields › Waybill › MPL Customer Code'],
	])('%s', (...row) => {
		// Rest parameters: jest would pass `done` as a 4th argument to a 4-parameter function on 3-element rows.
		const [, patch, field, message] = row;
		expectInputError(() => buildCreateInvoiceXml(with_(minimalInvoice(), patch)), field, message);
	});

	it('never puts a secret into an error message', () => {
		const secret = 'S3cr3t-Pa55';
		try {
			buildCreateInvoiceXml(with_(minimalInvoice(), (r) => { r.auth = { username: 'u', password: secret }; r.lines = []; }));
		} catch (e) {
			expect(String((e as Error).message)).not.toContain(secret);
		}
		expect.assertions(1);
	});

	it('accepts HUF fillér and the rounding either way the service tolerates (vendor gross-first split, derived unit prices)', () => {
		const build = (...lines: Partial<InvoiceLine>[]) => buildCreateInvoiceXml(with_(minimalInvoice(), (r) => (r.lines = lines.map((l) => line(l)))));
		const xml = build(
			{ quantity: 1, netUnitPrice: 787.4, netAmount: 787.4, vatAmount: 212.6, grossAmount: 1000 }, // live receipt of 2026-09-11
			{ quantity: 3, netUnitPrice: 787.4, netAmount: 2362.2, vatAmount: 637.8, grossAmount: 3000 }, // 637.794 rounded up
			{ quantity: 7, netUnitPrice: 787.401, netAmount: 5511.81, vatAmount: 1488.19, grossAmount: 7000 },
			{ quantity: 1, netUnitPrice: 787, netAmount: 787, vatAmount: 213, grossAmount: 1000 }, // whole forints, 212.49 rounded up
			{ quantity: 3, netUnitPrice: 393.66, netAmount: 1181, vatAmount: 319, grossAmount: 1500 }, // the vendor's rounding-guide example
		);
		expect(xml).toContain('<nettoErtek>787.4</nettoErtek><afaErtek>212.6</afaErtek><bruttoErtek>1000</bruttoErtek>');
		expect(xml).toContain('<nettoEgysegar>787.401</nettoEgysegar>');
	});

	it('accepts an exact .5 tie either way (the service tie rule is undocumented)', () => {
		// 150 × 27 % = 40.5 HUF
		const tie = (vat: number) => line({ quantity: 1, netUnitPrice: 150, netAmount: 150, vatAmount: vat, grossAmount: 150 + vat });
		expect(() => buildCreateInvoiceXml(with_(minimalInvoice(), (r) => (r.lines = [tie(41)])))).not.toThrow();
		expect(() => buildCreateInvoiceXml(with_(minimalInvoice(), (r) => (r.lines = [tie(40)])))).not.toThrow();
		expectInputError(() => buildCreateInvoiceXml(with_(minimalInvoice(), (r) => (r.lines = [tie(42)]))), 'Line Items[1] › VAT Amount');
	});

	it('keeps KEY_AUTH fixtures as given', () => {
		expect(buildCreateInvoiceXml(minimalInvoice())).toContain(`<szamlaagentkulcs>${'k'.repeat(42)}</szamlaagentkulcs>`);
		expect(KEY_AUTH).toEqual({ agentKey: 'k'.repeat(42) });
	});
});
