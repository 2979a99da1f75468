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

describe('invoice answers (create / storno / PDF)', () => {
	it('reads the v2 success sample', () => {
		const result = parseResponse('createInvoice', sampleAnswer('xmlszamlavalasz.xml', { szlahu_id: '529992' }));
		expect(result).toEqual({ invoiceNumber: 'XXX-2012-3', documentId: '529992', netTotal: 30000, grossTotal: 38100, warnings: [] });
	});

	it('reads the storno sample: outstanding amount, portal URL with a raw &, embedded PDF', () => {
		const result = parseResponse('reverseInvoice', sampleAnswer('reversing_invoice_success_2026-09-10.xml'));
		expect(result.invoiceNumber).toBe('XXX-2012-3');
		expect(result.outstandingAmount).toBe(0);
		expect(result.buyerPortalUrl).toBe(
			'https://www.szamlazz.hu/szamla/?page=vevoifiokpay&partguid=ddddddddddddddd&szfejguid=bbbbbbbbbbbbbbbbbbbbb',
		);
		expect(result.pdf!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	it('decodes a base64 PDF that spans lines', () => {
		const result = parseResponse('getInvoicePdf', sampleAnswer('xmlszamlavalasz_pdf.xml'));
		expect(result.pdf!.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
	});

	it('takes figures from the headers when the body has none (v1), decoding the portal URL', () => {
		const result = parseResponse(
			'createInvoice',
			answer('xmlagentresponse=DONE;E-2026-7', {
				'content-type': 'text/plain',
				SZLAHU_SZAMLASZAM: 'E-2026-7',
				Szlahu_Id: '77',
				szlahu_nettovegosszeg: '1000',
				szlahu_bruttovegosszeg: '1270',
				szlahu_kintlevoseg: '1270',
				szlahu_vevoifiokurl: 'https%3A%2F%2Fwww.szamlazz.hu%2Fszamla%2F%3Fpage%3Dvevoifiokpay%26partguid%3Dabc',
			}),
		);
		expect(result).toEqual({
			invoiceNumber: 'E-2026-7',
			documentId: '77',
			netTotal: 1000,
			grossTotal: 1270,
			outstandingAmount: 1270,
			buyerPortalUrl: 'https://www.szamlazz.hu/szamla/?page=vevoifiokpay&partguid=abc',
			warnings: [],
		});
	});

	it('reads the number from a bare v1 DONE text', () => {
		expect(parseResponse('createInvoice', answer('xmlagentresponse=DONE;X-1\n', { szlahu_down: '' })).invoiceNumber).toBe('X-1');
	});

	it('accepts a raw application/pdf body (v1 PDF) with the number in the headers', () => {
		const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 1)]);
		const result = parseResponse(
			'createInvoice',
			answer(pdf, { 'content-type': 'application/pdf', szlahu_szamlaszam: 'A-1', szlahu_bruttovegosszeg: '-1270' }),
		);
		expect(result.pdf!.equals(pdf)).toBe(true);
		expect(result.grossTotal).toBe(-1270);
	});

	it('code 56 with a number is a success with a warning (header channel)', () => {
		const result = parseResponse(
			'createInvoice',
			answer(sample('xmlszamlavalasz.xml'), {
				szlahu_error_code: '56',
				szlahu_error: 'E-mail+k%C3%BCld%C3%A9s+sikertelen',
			}),
		);
		expect(result.invoiceNumber).toBe('XXX-2012-3');
		expect(result.warnings).toHaveLength(1);
		expect(result.warnings[0]).toContain('code 56');
		expect(result.warnings[0]).toContain('E-mail küldés sikertelen');
	});

	it('code 56 without a number is an outcome-unknown error', () => {
		const error = caught(() =>
			parseResponse('createInvoice', answer('', { szlahu_error_code: '56', szlahu_error: 'E-mail+hiba' })),
		) as ServiceError;
		expect(error).toBeInstanceOf(ServiceError);
		expect(error.details).toMatchObject({ code: '56', outcomeUnknown: true, vendorMessage: 'E-mail hiba' });
	});

	it('reads the body error sample (CDATA, multi-line message kept verbatim)', () => {
		const error = caught(() => parseResponse('createInvoice', sampleAnswer('xmlszamlavalasz_error.xml'))) as ServiceError;
		expect(error.details.code).toBe('3');
		expect(error.details.vendorMessage).toBe(
			'Bejelentkezési hiba - a megadott login név és jelszó pároshoz nem létezik\nfelhasználó',
		);
	});

	it('decodes the form-encoded szlahu_error header (+ is a space) when there is no body', () => {
		const error = caught(() =>
			parseResponse(
				'reverseInvoice',
				answer('', { szlahu_error_code: '352', szlahu_error: 'A+ki%C3%A1ll%C3%ADt%C3%A1s+d%C3%A1tuma+csak+a+mai+nap+lehet.' }),
			),
		) as ServiceError;
		expect(error.details).toMatchObject({ code: '352', vendorMessage: 'A kiállítás dátuma csak a mai nap lehet.' });
	});

	it('prefers the full body message over the truncated header one', () => {
		const body =
			'<?xml version="1.0"?><xmlszamlavalasz><sikeres>false</sikeres><hibakod><![CDATA[152]]></hibakod><hibauzenet>Már létező rendelésszám: R-1. Részletek…</hibauzenet></xmlszamlavalasz>';
		const error = caught(() =>
			parseResponse('createInvoice', answer(body, { szlahu_error_code: '152', szlahu_error: 'M%C3%A1r+l%C3%A9tez%C5%91' })),
		) as ServiceError;
		expect(error.details).toMatchObject({ code: '152', vendorMessage: 'Már létező rendelésszám: R-1. Részletek…' });
	});

	it('understands the v1 [ERR] text body', () => {
		const error = caught(() =>
			parseResponse('createInvoice', answer(sample('generating_invoice_text_error.txt'), { szlahu_error_code: '152' })),
		) as ServiceError;
		expect(error.details.code).toBe('152');
		expect(error.details.vendorMessage).toBe('Számla mentés sikertelen. Már létező rendelésszám: XX.');
	});

	it('treats a v1 [ERR] text without a code as outcome unknown', () => {
		const error = caught(() =>
			parseResponse('createInvoice', answer(sample('generating_invoice_text_error.txt'), { szlahu_down: 'false' })),
		) as ServiceError;
		expect(error.details).toMatchObject({ code: '', outcomeUnknown: true });
	});

	it('szlahu_down means maintenance, retryable', () => {
		const error = caught(() =>
			parseResponse('createInvoice', answer('<html>Karbantartás</html>', { 'content-type': 'text/html', szlahu_down: 'true' }, 503)),
		) as ServiceError;
		expect(error).toBeInstanceOf(ServiceError);
		expect(error.details).toMatchObject({ retryable: true, httpStatus: 503 });
	});

	it('an HTML proxy page without szlahu_ headers is an invalid response, outcome unknown on a create', () => {
		const page = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
		const onCreate = caught(() => parseResponse('createInvoice', answer(page, { 'content-type': 'text/html' }, 502))) as TransportError;
		expect(onCreate).toBeInstanceOf(TransportError);
		expect(onCreate).toMatchObject({ failure: 'invalid-response', outcomeUnknown: true, httpStatus: 502 });
		const onRead = caught(() => parseResponse('getInvoicePdf', answer(page, {}, 200))) as TransportError;
		expect(onRead).toMatchObject({ failure: 'invalid-response', outcomeUnknown: false });
	});

	it('an HTTP 500 without szlahu_ headers is an invalid response', () => {
		const error = caught(() => parseResponse('reverseInvoice', answer('Internal Server Error', {}, 500))) as TransportError;
		expect(error).toMatchObject({ failure: 'invalid-response', outcomeUnknown: true, httpStatus: 500 });
	});

	it('a create that reports success without any number is outcome unknown', () => {
		const error = caught(() =>
			parseResponse('createInvoice', answer('<xmlszamlavalasz><sikeres>true</sikeres></xmlszamlavalasz>')),
		) as TransportError;
		expect(error).toMatchObject({ failure: 'invalid-response', outcomeUnknown: true });
	});

	it('a PDF query answered without a PDF is an invalid response', () => {
		const error = caught(() => parseResponse('getInvoicePdf', sampleAnswer('xmlszamlavalasz.xml'))) as TransportError;
		expect(error).toMatchObject({ failure: 'invalid-response', outcomeUnknown: false });
	});
});

describe('payment answers', () => {
	it('reads the credit entry success sample', () => {
		expect(parseResponse('registerPayment', sampleAnswer('credit_entry_success_2026-09-10.xml'))).toEqual({
			invoiceNumber: 'XXX-2012-3',
			netTotal: 30000,
			grossTotal: 38100,
			outstandingAmount: 0,
			buyerPortalUrl: 'https://www.szamlazz.hu/szamla/?page=vevoifiokpay&partguid=ddddddddddddddd&szfejguid=bbbbbbbbbbbbbbbbbbbbb',
			warnings: [],
		});
	});

	it('reads the credit entry error sample', () => {
		const error = caught(() => parseResponse('registerPayment', sampleAnswer('credit_entry_error_2026-09-10.xml'))) as ServiceError;
		expect(error.details).toMatchObject({ code: '3', outcomeUnknown: false });
	});

	it('catches the body-only 463 error (no szlahu_ headers)', () => {
		const body =
			'<?xml version="1.0" encoding="UTF-8"?><xmlszamlavalasz xmlns="http://www.szamlazz.hu/xmlszamlavalasz"><sikeres>false</sikeres><hibakod>463</hibakod><hibauzenet>Sztornózott számlára nem rögzíthető kifizetés.</hibauzenet></xmlszamlavalasz>';
		const error = caught(() => parseResponse('registerPayment', answer(body))) as ServiceError;
		expect(error.details).toMatchObject({ code: '463', vendorMessage: 'Sztornózott számlára nem rögzíthető kifizetés.' });
	});
});
