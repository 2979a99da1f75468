import { ServiceError, TransportError } from '../../../../nodes/shared/errors';
import { answer, parseResponse, sample, sampleAnswer } from './fixtures';

function caught(fn: () => unknown): unknown {
	try {
		fn();
	} catch (error) {
		return error;
	}
	throw new Error('expected a throw');
}

describe('invoice data (query XML)', () => {
	const data = parseResponse('getInvoiceData', sampleAnswer('szamla_query.xml'));

	it('maps the seller, header and buyer to English names with typed values', () => {
		expect(data.seller).toMatchObject({
			id: '201',
			address: { country: 'Hungary', postalCode: '1086', city: 'Budapest', street: 'Szerdahelyi utca 4-8' },
			taxNumber: '202 336 0856',
			euTaxNumber: 'DPH:SK2023360856',
			bankName: 'UniCredit Bank Hungary Zrt.',
		});
		expect(data.seller).not.toHaveProperty('bankAccount');
		expect(data.header).toEqual({
			documentId: '529992',
			invoiceNumber: 'D-LOLO-66',
			kind: 'proforma',
			kindCode: 'D',
			eInvoice: false,
			issueDate: '2024-10-09',
			fulfillmentDate: '2024-10-09',
			dueDate: '2024-10-09',
			paymentMethod: 'credit_card',
			paymentMethodUnified: 'other',
			language: 'hu',
			currency: 'HUF',
			exchangeRate: 0,
			cashAccounting: false,
			kata: true,
			email: '[email protected]',
			test: false,
		});
		expect(data.buyer).toEqual({
			id: '221216',
			name: 'Customer name',
			address: { country: 'Hungary', postalCode: '1324', city: 'Debrecen', street: '1234' },
			email: '[email protected]',
		});
	});

	it('maps lines, totals and payments with numbers as numbers', () => {
		expect(data.lines).toEqual([
			{
				name: 'Apple',
				quantity: 1,
				unit: 'pieces',
				netUnitPrice: 380,
				vatRate: '20',
				netAmount: 380,
				vatAmount: 76,
				grossAmount: 456,
				marginVatBase: 0,
				comment: 'Apple comment',
			},
		]);
		expect(data.totals).toEqual({
			byVatRate: [{ vatRate: '20', netAmount: 464, vatAmount: 93, grossAmount: 557 }],
			netAmount: 464,
			vatAmount: 93,
			grossAmount: 557,
		});
		expect(data.payments).toEqual([{ date: '2020-09-22', method: 'transfer', amount: 15, comment: 'comment' }]);
	});

	it('reads flags given as 1/0, the reversal marker, references and several lines', () => {
		const xml = `<?xml version="1.0"?><szamla xmlns="http://www.szamlazz.hu/szamla"><alap><szamlaszam>E-1</szamlaszam><tipus>SS</tipus>
			<eszamla>1</eszamla><teszt>1</teszt><sztornozott>true</sztornozott><rendelesszam>R-9</rendelesszam><hivszamlaszam>E-0</hivszamlaszam>
			<gazdEsemAzon>55</gazdEsemAzon><devizaarf>392,15</devizaarf></alap><tetelek><tetel><nev>A</nev><netto>-10</netto></tetel><tetel><nev>B</nev>
			<afakulcs>AAM</afakulcs></tetel></tetelek><pdf>JVBERi0xLjQK</pdf></szamla>`;
		const result = parseResponse('getInvoiceData', answer(xml));
		expect(result.header).toEqual({
			invoiceNumber: 'E-1',
			kind: 'reversal',
			kindCode: 'SS',
			eInvoice: true,
			test: true,
			reversed: true,
			orderNumber: 'R-9',
			referencedInvoiceNumber: 'E-0',
			economicEventId: '55',
			exchangeRate: 392.15,
		});
		expect(result.lines.map((l) => [l.name, l.netAmount, l.vatRate])).toEqual([
			['A', -10, undefined],
			['B', undefined, 'AAM'],
		]);
		expect(result.pdf!.toString('latin1')).toBe('%PDF-1.4\n');
		expect(result.payments).toEqual([]);
	});

	it.each([
		['SZ', 'invoice'],
		['ES', 'prepayment'],
		['VS', 'final'],
		['HS', 'corrective'],
		['SL', 'deliveryNote'],
		['XX', 'other'],
	])('maps type code %s to %s', (code, kind) => {
		const result = parseResponse('getInvoiceData', answer(`<szamla><alap><szamlaszam>N</szamlaszam><tipus>${code}</tipus></alap></szamla>`));
		expect(result.header.kind).toBe(kind);
	});

	it('catches the body-only "not found" (7)', () => {
		const body =
			'<?xml version="1.0" encoding="UTF-8"?><xmlszamlavalasz xmlns="http://www.szamlazz.hu/xmlszamlavalasz"><sikeres>false</sikeres><hibakod>7</hibakod><hibauzenet>Hiányzó adat: számla xml (ismeretlen számlaszám, rendelésszám vagy külső azonosító)</hibauzenet></xmlszamlavalasz>';
		const error = caught(() => parseResponse('getInvoiceData', answer(body))) as ServiceError;
		expect(error).toBeInstanceOf(ServiceError);
		expect(error.details).toMatchObject({ code: '7', outcomeUnknown: false });
	});
});

describe('receipts', () => {
	it('reads the documented receipt answer', () => {
		const result = parseResponse('createReceipt', sampleAnswer('xmlnyugtavalasz.xml'));
		expect(result).toMatchObject({
			receiptNumber: 'NYGT-2017-123',
			receiptId: '123456',
			kind: 'receipt',
			kindCode: 'NY',
			reversed: false,
			reversedReceiptNumber: 'NYGT-2017-100',
			issueDate: '2015-12-01',
			paymentMethod: 'cash',
			currency: 'EUR',
			exchangeRate: 210,
			test: false,
		});
		expect(result).not.toHaveProperty('callId');
		expect(result).not.toHaveProperty('pdf');
		expect(result.lines).toEqual([
			{ name: 'Kitten doormat', quantity: 2, unit: 'db', netUnitPrice: 10000, vatRate: '27', netAmount: 20000, vatAmount: 5400, grossAmount: 25400 },
			{ name: 'Puppy doormat', quantity: 2, unit: 'db', netUnitPrice: 10000, vatRate: '27', netAmount: 20000, vatAmount: 5400, grossAmount: 25400 },
		]);
		expect(result.payments).toEqual([
			{ method: 'voucher', amount: 1000, description: 'OTP SZÉP kártya' },
			{ method: 'debit card', amount: 3000 },
		]);
		expect(result.totals).toEqual({
			byVatRate: [{ vatType: 'ÁKK', vatRate: '0', netAmount: 200, vatAmount: 54, grossAmount: 254 }],
			netAmount: 200,
			vatAmount: 54,
			grossAmount: 254,
		});
	});

	it('reads a reversal with call id and PDF', () => {
		const xml = `<xmlnyugtavalasz><sikeres>true</sikeres><nyugtaPdf>JVBERi0x
LjQK</nyugtaPdf><nyugta><alap><id>9</id><hivasAzonosito>wf:1</hivasAzonosito><nyugtaszam>NY-2</nyugtaszam><tipus>SN</tipus><stornozott>true</stornozott></alap></nyugta></xmlnyugtavalasz>`;
		const result = parseResponse('reverseReceipt', answer(xml));
		expect(result).toMatchObject({ receiptNumber: 'NY-2', callId: 'wf:1', kind: 'receiptReversal', reversed: true });
		expect(result.pdf!.toString('latin1')).toBe('%PDF-1.4\n');
		expect(result.lines).toEqual([]);
	});

	it('a duplicate call id (338) is a plain service error', () => {
		const xml = '<xmlnyugtavalasz><sikeres>false</sikeres><hibakod>338</hibakod><hibauzenet>Már létező hívásazonosító</hibauzenet></xmlnyugtavalasz>';
		const error = caught(() => parseResponse('createReceipt', answer(xml))) as ServiceError;
		expect(error.details).toMatchObject({ code: '338', outcomeUnknown: false });
	});

	it('reads the send-receipt error sample', () => {
		const error = caught(() => parseResponse('sendReceipt', sampleAnswer('xmlnyugtasendvalasz_error.xml'))) as ServiceError;
		expect(error.details).toMatchObject({ code: '7', vendorMessage: 'Hiányzó adat: emailtargy elem.' });
	});

	it('reads a send-receipt success', () => {
		expect(parseResponse('sendReceipt', answer('<xmlnyugtasendvalasz><sikeres>true</sikeres></xmlnyugtasendvalasz>'))).toEqual({ sent: true });
	});

	it('an invoice-shaped answer to a receipt call is an invalid response', () => {
		const error = caught(() => parseResponse('createReceipt', sampleAnswer('xmlszamlavalasz.xml'))) as TransportError;
		expect(error).toMatchObject({ failure: 'invalid-response', outcomeUnknown: true });
	});
});

describe('delete proforma', () => {
	it('reads the 335 error sample', () => {
		const error = caught(() => parseResponse('deleteProforma', sampleAnswer('xmlszamladbkdelvalasz_error.xml'))) as ServiceError;
		expect(error.details).toMatchObject({ code: '335' });
		expect(error.details.vendorMessage).toBe('nincs ilyen díjbekérő a rendszerben, már törlésre került vagy nem is létezett');
	});

	it('accepts a success without any szlahu_ header', () => {
		const xml = '<xmlszamladbkdelvalasz xmlns="http://www.szamlazz.hu/xmlszamladbkdelvalasz"><sikeres>true</sikeres></xmlszamladbkdelvalasz>';
		expect(parseResponse('deleteProforma', answer(xml))).toEqual({ deleted: true });
	});
});

describe('taxpayer', () => {
	const expected = {
		valid: true,
		name: 'KBOSS.HU KERESKEDELMI ÉS SZOLGÁLTATÓ KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG',
		taxNumber: { taxpayerId: '13421739', vatCode: '2' },
		infoDate: '2004-12-26T23:00:00.000Z',
		addresses: [
			{ type: 'HQ', countryCode: 'HU', postalCode: '1031', city: 'BUDAPEST', streetName: 'ZÁHONY', publicPlaceCategory: 'UTCA', number: '7.' },
		],
	};

	it('reads the vendor sample (default namespace + ns2)', () => {
		expect(parseResponse('queryTaxpayer', sampleAnswer('taxpayer.xml'))).toEqual(expected);
	});

	it('does not depend on the namespace prefixes', () => {
		const prefixed = sample('taxpayer.xml')
			.toString('utf8')
			.replace('xmlns="http://schemas.nav.gov.hu/OSA/2.0/api"', 'xmlns:ns3="http://schemas.nav.gov.hu/OSA/3.0/api"')
			.replace(/<(\/?)(?!ns2:|\?)([A-Za-z])/g, '<$1ns3:$2')
			.replace(/ns2:/g, 'common:')
			.replace('xmlns:ns2=', 'xmlns:common=');
		expect(prefixed).toContain('<ns3:QueryTaxpayerResponse');
		expect(parseResponse('queryTaxpayer', answer(prefixed))).toEqual(expected);
	});

	it('reads v3 extras and several addresses', () => {
		const xml = `<QueryTaxpayerResponse><result><funcCode>OK</funcCode></result><taxpayerValidity>true</taxpayerValidity><taxpayerData>
			<taxpayerName>X KFT</taxpayerName><taxpayerShortName>X</taxpayerShortName><taxNumberDetail><taxpayerId>12345678</taxpayerId>
			<vatCode>2</vatCode><countyCode>42</countyCode></taxNumberDetail><vatGroupMembership>17781360</vatGroupMembership>
			<taxpayerAddressList><taxpayerAddressItem><taxpayerAddressType>HQ</taxpayerAddressType><taxpayerAddress><city>A</city></taxpayerAddress></taxpayerAddressItem>
			<taxpayerAddressItem><taxpayerAddressType>SITE</taxpayerAddressType><taxpayerAddress><city>B</city><floor>2</floor></taxpayerAddress></taxpayerAddressItem>
			</taxpayerAddressList></taxpayerData></QueryTaxpayerResponse>`;
		expect(parseResponse('queryTaxpayer', answer(xml))).toMatchObject({
			shortName: 'X',
			taxNumber: { taxpayerId: '12345678', vatCode: '2', countyCode: '42' },
			vatGroupMembership: '17781360',
			addresses: [
				{ type: 'HQ', city: 'A' },
				{ type: 'SITE', city: 'B', floor: '2' },
			],
		});
	});

	it('an unknown tax number is not valid and has no data', () => {
		const xml = '<QueryTaxpayerResponse><result><funcCode>OK</funcCode></result><taxpayerValidity>false</taxpayerValidity></QueryTaxpayerResponse>';
		expect(parseResponse('queryTaxpayer', answer(xml))).toEqual({ valid: false, addresses: [] });
	});

	it("NAV's own error becomes a service error", () => {
		const xml =
			'<QueryTaxpayerResponse><result><funcCode>ERROR</funcCode><errorCode>INVALID_REQUEST</errorCode><message>Hibás adószám</message></result></QueryTaxpayerResponse>';
		const error = caught(() => parseResponse('queryTaxpayer', answer(xml))) as ServiceError;
		expect(error.details).toMatchObject({ code: 'INVALID_REQUEST', vendorMessage: 'Hibás adószám', outcomeUnknown: false });
	});

	it('a login error from the Számla Agent is caught before NAV parsing', () => {
		const error = caught(() =>
			parseResponse('queryTaxpayer', answer('', { szlahu_error_code: '3', szlahu_error: 'Bejelentkez%C3%A9si+hiba' })),
		) as ServiceError;
		expect(error.details).toMatchObject({ code: '3', vendorMessage: 'Bejelentkezési hiba' });
	});
});
