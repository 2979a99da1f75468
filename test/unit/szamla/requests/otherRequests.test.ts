import {
	buildCreateReceiptXml,
	buildDeleteProformaXml,
	buildGetInvoiceDataXml,
	buildGetInvoicePdfXml,
	buildGetReceiptXml,
	buildQueryTaxpayerXml,
	buildRegisterPaymentXml,
	buildReverseInvoiceXml,
	buildReverseReceiptXml,
	buildSendReceiptXml,
} from './builders';
import { OPERATIONS, OPERATION_NAMES, type OperationName } from './builders';
import type {
	CreateReceiptRequest,
	RegisterPaymentRequest,
	ReverseInvoiceRequest,
} from './requestTypes';
import { DOCS_XSD, REQUEST_XSD, invalidDocuments } from './batchXsd';
import { KEY_AUTH, USER_AUTH, fullReceipt, minimalReceipt } from './fixtures';
import { childNames, expectInputError } from './xmlShape';

const minimalReverse: ReverseInvoiceRequest = { auth: KEY_AUTH, eInvoice: false, downloadPdf: false, invoiceNumber: 'E-TST-2026-1' };
const fullReverse: ReverseInvoiceRequest = {
	auth: USER_AUTH,
	eInvoice: true,
	downloadPdf: true,
	pdfCopies: 1,
	externalId: 'wf1:order-42:storno',
	invoiceNumber: 'E-TST-2026-1',
	issueDate: '2026-09-10',
	fulfillmentDate: '2026-09-10',
	comment: 'Hibás számla & visszavonás',
	template: 'SzlaMost',
	seller: { emailReplyTo: 'info@example.hu', emailSubject: 'Sztornó', emailText: 'Üdv' },
	buyer: { email: 'vevo@example.hu', taxNumber: '12345678-2-42', euTaxNumber: 'HU12345678' },
};
const payment = (mode: RegisterPaymentRequest['mode'], count: number): RegisterPaymentRequest => ({
	auth: KEY_AUTH,
	invoiceNumber: 'E-TST-2026-1',
	mode,
	payments: Array.from({ length: count }, (_, i) => ({ date: '2026-09-1' + i, method: 'átutalás', amount: 100 + i, description: i ? undefined : 'első' })),
});

/** Each operation: documents that must validate against its download-variant schema. */
const CASES: Record<OperationName, Record<string, string>> = {
	createInvoice: {}, // covered in createInvoice.test.ts
	reverseInvoice: { minimal: buildReverseInvoiceXml(minimalReverse), full: buildReverseInvoiceXml(fullReverse) },
	registerPayment: {
		'append 1': buildRegisterPaymentXml(payment('append', 1)),
		'replace 5 + all options': buildRegisterPaymentXml({ ...payment('replace', 5), auth: USER_AUTH, taxNumber: '12345678-2-42' }),
		'replace none (clears)': buildRegisterPaymentXml(payment('replace', 0)),
	},
	getInvoicePdf: {
		number: buildGetInvoicePdfXml({ auth: KEY_AUTH, ...{ invoiceNumber: 'E-1' } }),
		order: buildGetInvoicePdfXml({ auth: USER_AUTH, ...{ orderNumber: 'ORD-1' } }),
		external: buildGetInvoicePdfXml({ auth: KEY_AUTH, ...{ externalId: 'wf:1' } }),
	},
	getInvoiceData: {
		number: buildGetInvoiceDataXml({ auth: KEY_AUTH, ...{ invoiceNumber: 'E-1' }, includePdf: true }),
		order: buildGetInvoiceDataXml({ auth: USER_AUTH, ...{ orderNumber: 'ORD-1' } }),
		external: buildGetInvoiceDataXml({ auth: KEY_AUTH, ...{ externalId: 'wf:1' }, includePdf: false }),
	},
	deleteProforma: {
		number: buildDeleteProformaXml({ auth: KEY_AUTH, selector: { proformaNumber: 'D-1' } }),
		order: buildDeleteProformaXml({ auth: USER_AUTH, selector: { orderNumber: 'ORD-1' } }),
	},
	createReceipt: { minimal: buildCreateReceiptXml(minimalReceipt()), full: buildCreateReceiptXml(fullReceipt()) },
	reverseReceipt: {
		minimal: buildReverseReceiptXml({ auth: KEY_AUTH, downloadPdf: false, receiptNumber: 'NYGT-2026-1' }),
		full: buildReverseReceiptXml({ auth: USER_AUTH, downloadPdf: true, receiptNumber: 'NYGT-2026-1', pdfTemplate: 'A', callId: 'c-1' }),
	},
	getReceipt: {
		minimal: buildGetReceiptXml({ auth: KEY_AUTH, downloadPdf: false, selector: { receiptNumber: 'NYGT-2026-1' } }),
		full: buildGetReceiptXml({ auth: USER_AUTH, downloadPdf: true, selector: { receiptNumber: 'NYGT-2026-1' }, callId: 'c', pdfTemplate: 'J' }),
	},
	sendReceipt: {
		'no e-mail block': buildSendReceiptXml({ auth: KEY_AUTH, receiptNumber: 'NYGT-2026-1' }),
		'empty block': buildSendReceiptXml({ auth: KEY_AUTH, receiptNumber: 'NYGT-2026-1', email: {} }),
		full: buildSendReceiptXml({
			auth: USER_AUTH,
			receiptNumber: 'NYGT-2026-1',
			email: { to: 'a@example.hu', replyTo: 'b@example.hu', subject: 'Nyugta', body: 'Köszönjük <3 & viszlát' },
		}),
	},
	queryTaxpayer: {
		core: buildQueryTaxpayerXml({ auth: KEY_AUTH, taxNumber: '12345678' }),
		full: buildQueryTaxpayerXml({ auth: USER_AUTH, taxNumber: '12345678-2-42' }),
	},
};

describe('request roots', () => {
	it.each(OPERATION_NAMES.filter((op) => op !== 'createInvoice'))('%s validates against its schema', async (op) => {
		const docs = CASES[op];
		expect(Object.keys(docs).length).toBeGreaterThan(0);
		for (const xml of Object.values(docs)) {
			expect(xml).toContain(`<${OPERATIONS[op].root} xmlns="${OPERATIONS[op].namespace}">`);
		}
		expect(await invalidDocuments(docs, REQUEST_XSD(OPERATIONS[op].xsd))).toEqual({});
	});

	it('receipt create and get also validate against the newer docs variants (incl. their extra fields)', async () => {
		const withErasure = fullReceipt();
		withErasure.lines[0].dataErasureCode = 0;
		expect(
			await invalidDocuments({ ...CASES.createReceipt, erasure: buildCreateReceiptXml(withErasure) }, DOCS_XSD('xmlnyugtacreate.xsd')),
		).toEqual({});
		const byOrder = buildGetReceiptXml({ auth: KEY_AUTH, downloadPdf: true, selector: { orderNumber: 'ORD-42' } });
		expect(byOrder).toContain('<rendelesSzam>ORD-42</rendelesSzam>');
		expect(await invalidDocuments({ ...CASES.getReceipt, byOrder }, DOCS_XSD('xmlnyugtaget.xsd'))).toEqual({});
	});
});

describe('operation table', () => {
	it('lists the 11 operations with field name, root, namespace and an existing schema', () => {
		expect(OPERATION_NAMES).toHaveLength(11);
		expect(OPERATIONS.createInvoice).toMatchObject({
			fieldName: 'action-xmlagentxmlfile',
			root: 'xmlszamla',
			namespace: 'http://www.szamlazz.hu/xmlszamla',
			xsd: 'xmlszamla.xsd',
		});
		expect(OPERATIONS.deleteProforma.fieldName).toBe('action-szamla_agent_dijbekero_torlese');
		expect(new Set(OPERATION_NAMES.map((op) => OPERATIONS[op].fieldName)).size).toBe(11);
		const { existsSync } = jest.requireActual<typeof import('fs')>('fs');
		const { XSD_DIR, join } = jest.requireActual<typeof import('./batchXsd')>('./batchXsd');
		for (const op of OPERATION_NAMES) expect(existsSync(join(XSD_DIR, 'szamla', 'request', OPERATIONS[op].xsd))).toBe(true);
	});
});

describe('reverse invoice', () => {
	it('orders settings as the storno schema wants (no cikkazoninvoice) and sends type SS', () => {
		expect(childNames(CASES.reverseInvoice.full, 'beallitasok')).toEqual([
			'felhasznalo', 'jelszo', 'eszamla', 'szamlaLetoltes', 'szamlaLetoltesPld', 'valaszVerzio', 'szamlaKulsoAzon',
		]);
		expect(childNames(CASES.reverseInvoice.full, 'fejlec')).toEqual(['szamlaszam', 'keltDatum', 'teljesitesDatum', 'megjegyzes', 'tipus', 'szamlaSablon']);
		expect(CASES.reverseInvoice.full).toContain('<tipus>SS</tipus>');
		expect(CASES.reverseInvoice.full).toContain('<megjegyzes>Hibás számla &amp; visszavonás</megjegyzes>');
	});

	it('leaves out elado and vevo when nothing is set in them', () => {
		const xml = buildReverseInvoiceXml({ ...minimalReverse, seller: {}, buyer: { email: '' } });
		expect(childNames(xml, 'xmlszamlast')).toEqual(['beallitasok', 'fejlec']);
		expect(childNames(xml, 'beallitasok')).toEqual(['szamlaagentkulcs', 'eszamla', 'szamlaLetoltes', 'valaszVerzio']);
	});

	it('needs the invoice number and real dates', () => {
		expectInputError(() => buildReverseInvoiceXml({ ...minimalReverse, invoiceNumber: '' }), 'Invoice Number');
		expectInputError(() => buildReverseInvoiceXml({ ...minimalReverse, issueDate: '10/09/2026' }), 'Issue Date');
	});
});

describe('register payment', () => {
	it('maps append/replace onto additiv and writes payments in order', () => {
		expect(CASES.registerPayment['append 1']).toContain('<additiv>true</additiv>');
		const replace = CASES.registerPayment['replace 5 + all options'];
		expect(replace).toContain('<additiv>false</additiv>');
		expect(childNames(replace, 'xmlszamlakifiz')).toEqual(['beallitasok', ...Array(5).fill('kifizetes')]);
		expect(childNames(replace, 'beallitasok')).toEqual(['felhasznalo', 'jelszo', 'szamlaszam', 'adoszam', 'additiv', 'valaszVerzio']);
		expect(childNames(replace, 'kifizetes')).toEqual(['datum', 'jogcim', 'osszeg', 'leiras']);
		expect(childNames(CASES.registerPayment['replace none (clears)'], 'xmlszamlakifiz')).toEqual(['beallitasok']);
	});

	it('allows 1–5 payments (0 only to clear in replace mode)', () => {
		expectInputError(() => buildRegisterPaymentXml(payment('append', 6)), 'Payments', /at most 5/);
		expectInputError(() => buildRegisterPaymentXml(payment('append', 0)), 'Payments', /at least one/);
		expectInputError(() => buildRegisterPaymentXml({ ...payment('append', 1), mode: 'add' as never }), 'Mode');
		const bad = payment('append', 2);
		bad.payments[1].amount = NaN;
		expectInputError(() => buildRegisterPaymentXml(bad), 'Payments[2] › Amount');
		bad.payments[1] = { ...bad.payments[1], amount: 1, date: '2026-13-01' };
		expectInputError(() => buildRegisterPaymentXml(bad), 'Payments[2] › Date');
	});
});

describe('invoice queries', () => {
	it('put credentials at the root, exactly one selector in its schema slot, valaszVerzio 2 for PDFs', () => {
		expect(childNames(CASES.getInvoicePdf.number, 'xmlszamlapdf')).toEqual(['szamlaagentkulcs', 'szamlaszam', 'valaszVerzio']);
		expect(childNames(CASES.getInvoicePdf.order, 'xmlszamlapdf')).toEqual(['felhasznalo', 'jelszo', 'rendelesSzam', 'valaszVerzio']);
		expect(childNames(CASES.getInvoicePdf.external, 'xmlszamlapdf')).toEqual(['szamlaagentkulcs', 'valaszVerzio', 'szamlaKulsoAzon']);
		expect(childNames(CASES.getInvoiceData.number, 'xmlszamlaxml')).toEqual(['szamlaagentkulcs', 'szamlaszam', 'pdf']);
		expect(childNames(CASES.getInvoiceData.external, 'xmlszamlaxml')).toEqual(['szamlaagentkulcs', 'pdf', 'szamlaKulsoAzon']);
		expect(CASES.getInvoiceData.number).not.toContain('valaszVerzio');
	});

	it('reject zero or several selectors, naming them', () => {
		expectInputError(() => buildGetInvoicePdfXml({ auth: KEY_AUTH, ...({} as object) } as never), 'Invoice Number', /one of: Invoice Number, Order Number, External ID/);
		expectInputError(
			() => buildGetInvoiceDataXml({ auth: KEY_AUTH, ...({ invoiceNumber: 'E-1', externalId: 'x' } as object) } as never),
			'External ID',
			/only one.*Invoice Number and External ID/,
		);
		// A blank value does not count as given.
		expect(buildGetInvoicePdfXml({ auth: KEY_AUTH, ...({ invoiceNumber: ' ', orderNumber: 'O-1' } as object) } as never)).toContain(
			'<rendelesSzam>O-1</rendelesSzam>',
		);
	});
});

describe('delete proforma', () => {
	it('uses lower-case rendelesszam and credentials inside beallitasok', () => {
		expect(CASES.deleteProforma.order).toContain('<fejlec><rendelesszam>ORD-1</rendelesszam></fejlec>');
		expect(childNames(CASES.deleteProforma.number, 'beallitasok')).toEqual(['szamlaagentkulcs']);
		expectInputError(() => buildDeleteProformaXml({ auth: KEY_AUTH, selector: { proformaNumber: '', orderNumber: '' } as never }), 'Proforma Number');
	});
});

describe('receipts', () => {
	it('writes a full receipt with items and payments', () => {
		const xml = CASES.createReceipt.full;
		expect(childNames(xml, 'xmlnyugtacreate')).toEqual(['beallitasok', 'fejlec', 'tetelek', 'kifizetesek']);
		expect(childNames(xml, 'fejlec')).toEqual([
			'hivasAzonosito', 'elotag', 'fizmod', 'penznem', 'devizaarf', 'devizabank', 'megjegyzes', 'pdfSablon', 'fokonyvVevo', 'rendelesSzam',
		]);
		expect(childNames(xml, 'tetel')).toEqual([
			'megnevezes', 'azonosito', 'mennyiseg', 'mennyisegiEgyseg', 'nettoEgysegar', 'afakulcs', 'netto', 'afa', 'brutto', 'megjegyzes',
		]);
		expect(xml).toContain('<megjegyzes>Tom &amp; Jerry &lt;ajándék&gt;</megjegyzes>');
		expect(childNames(CASES.createReceipt.minimal, 'xmlnyugtacreate')).toEqual(['beallitasok', 'fejlec', 'tetelek']);
	});

	it('checks prefix, lines and that payments add up to the gross total', () => {
		const r = (patch: (x: CreateReceiptRequest) => void) => {
			const x = fullReceipt();
			patch(x);
			return () => buildCreateReceiptXml(x);
		};
		expectInputError(r((x) => (x.prefix = 'nygt')), 'Prefix', /uppercase/);
		expectInputError(r((x) => (x.prefix = 'ABCDEF')), 'Prefix');
		expect(r((x) => (x.prefix = 'AB1'))).not.toThrow();
		// Accented capitals: refused before sending, as the node always did (the service's 337 names only "capitals").
		expectInputError(r((x) => (x.prefix = 'ÁRU')), 'Prefix', /uppercase/);
		expectInputError(r((x) => (x.lines = [])), 'Line Items');
		expectInputError(r((x) => (x.lines[1].vatKey = 'XYZ')), 'Line Items[2] › VAT Key');
		expectInputError(r((x) => (x.lines[0].grossAmount = 6.63)), 'Line Items[1] › Gross Amount');
		expectInputError(r((x) => (x.payments![1].amount = 2.11)), 'Payments', /add up to 7.11 .* 7.12/);
		expect(r((x) => (x.payments = []))).not.toThrow();
	});

	it('reverse receipt keeps the sequence order; get receipt takes number or order number', () => {
		expect(childNames(CASES.reverseReceipt.full, 'fejlec')).toEqual(['nyugtaszam', 'pdfSablon', 'hivasAzonosito']);
		expect(childNames(CASES.reverseReceipt.full, 'beallitasok')).toEqual(['felhasznalo', 'jelszo', 'pdfLetoltes']);
		expectInputError(() => buildReverseReceiptXml({ auth: KEY_AUTH, downloadPdf: false, receiptNumber: '' }), 'Receipt Number');
		expectInputError(
			() => buildGetReceiptXml({ auth: KEY_AUTH, downloadPdf: false, selector: { receiptNumber: 'A', orderNumber: 'B' } as never }),
			'Order Number',
		);
		expectInputError(() => buildGetReceiptXml({ auth: KEY_AUTH, downloadPdf: 'yes' as never, selector: { receiptNumber: 'A' } }), 'Download PDF');
	});

	it('send receipt tells "no e-mail block" from "empty block"', () => {
		expect(CASES.sendReceipt['no e-mail block']).not.toContain('emailKuldes');
		expect(CASES.sendReceipt['empty block']).toContain('<emailKuldes/>');
		expect(childNames(CASES.sendReceipt.full, 'emailKuldes')).toEqual(['email', 'emailReplyto', 'emailTargy', 'emailSzoveg']);
		expect(CASES.sendReceipt.full).toContain('<emailSzoveg>Köszönjük &lt;3 &amp; viszlát</emailSzoveg>');
	});
});

describe('taxpayer query', () => {
	it.each([
		['12345678', '12345678'],
		['12345678-2-42', '12345678'],
		['12345678242', '12345678'],
		[' 1234 5678 ', '12345678'],
	])('%s → torzsszam %s', (input, core) => {
		expect(buildQueryTaxpayerXml({ auth: KEY_AUTH, taxNumber: input })).toContain(`<torzsszam>${core}</torzsszam>`);
	});

	it.each(['1234567', '123456789', 'HU12345678', ''])('rejects %j', (input) => {
		expectInputError(() => buildQueryTaxpayerXml({ auth: KEY_AUTH, taxNumber: input }), 'Tax Number');
	});
});
