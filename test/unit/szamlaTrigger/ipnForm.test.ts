import { parseUrlEncoded, readForm } from '../../../nodes/SzamlaAgentTrigger/ipn/form';
import { parseAmount, readNotification } from '../../../nodes/SzamlaAgentTrigger/ipn/notification';

const FULL = {
	szlahu_szamlaszam: 'E-TST-2026-12',
	szlahu_dijbekero_szama: 'D-TST-2026-3',
	szlahu_rendelesszam: 'ORD-7',
	szlahu_bruttovegosszeg: '12700',
	szlahu_kifizetettbrutto: '12700',
	szlahu_fizetesmod: 'átutalás',
	szlahu_kifizdat: '2026-12-01',
};

describe('IPN form body', () => {
	it('reads application/x-www-form-urlencoded bytes, UTF-8 escapes and + as space', () => {
		const raw = Buffer.from(new URLSearchParams({ ...FULL, szlahu_fizetesmod: 'OTP Simple' }).toString());
		const fields = readForm({ contentType: 'application/x-www-form-urlencoded', body: {}, rawBody: raw });
		expect(fields).toEqual({ ...FULL, szlahu_fizetesmod: 'OTP Simple' });
	});

	it('reads ISO-8859-2 percent escapes that n8n would turn into U+FFFD', () => {
		// "átutalás" with ISO-8859-2 bytes (á = E1), and "ő" = F5 in ISO-8859-2
		const fields = parseUrlEncoded(Buffer.from('szlahu_szamlaszam=E-1&szlahu_fizetesmod=%E1tutal%E1s&x=%F5'));
		expect(fields.szlahu_fizetesmod).toBe('átutalás');
		expect(fields.x).toBe('ő');
	});

	it('reads multipart/form-data as n8n parses it ({data, files}), single and repeated fields', () => {
		const body = { data: { ...FULL, szlahu_kifizetettbrutto: ['6350', '12700'] }, files: {} };
		expect(readForm({ contentType: 'multipart/form-data; boundary=x', body })).toEqual(FULL);
	});

	it('reads a body n8n already parsed when no raw bytes are kept', () => {
		expect(readForm({ contentType: 'application/x-www-form-urlencoded', body: FULL })).toEqual(FULL);
	});

	it('gives no fields for JSON or garbage', () => {
		expect(readForm({ contentType: 'application/json', body: { a: { b: 1 } } })).toEqual({});
		expect(readForm({ contentType: 'application/octet-stream', body: undefined, rawBody: Buffer.from([0, 1, 2]) })).toEqual({});
		expect(readNotification(readForm({ contentType: 'text/plain', body: 'hello world' })).ok).toBe(false);
	});
});

describe('IPN notification fields', () => {
	it('reads every documented field', () => {
		const r = readNotification(FULL);
		expect(r).toEqual({
			ok: true,
			notification: {
				invoiceNumber: 'E-TST-2026-12',
				proformaNumber: 'D-TST-2026-3',
				orderNumber: 'ORD-7',
				grossTotal: 12700,
				paidAmount: 12700,
				paymentMethod: 'átutalás',
				paymentDate: '2026-12-01',
			},
		});
	});

	it('needs only the invoice number; unreadable amounts and dates become undefined instead of failing the post', () => {
		const r = readNotification({ szlahu_szamlaszam: ' E-1 ', szlahu_bruttovegosszeg: 'sok', szlahu_kifizdat: '2026-02-30' });
		expect(r).toEqual({ ok: true, notification: { invoiceNumber: 'E-1', grossTotal: undefined, paidAmount: undefined, paymentDate: undefined } });
	});

	it('refuses a post without an invoice number, or with something that is no invoice number', () => {
		expect(readNotification({ szlahu_kifizetettbrutto: '100' })).toEqual({ ok: false, reason: expect.stringContaining('szlahu_szamlaszam') });
		expect(readNotification({ szlahu_szamlaszam: '   ' }).ok).toBe(false);
		expect(readNotification({ szlahu_szamlaszam: '<script>alert(1)</script>' }).ok).toBe(false);
		expect(readNotification({ szlahu_szamlaszam: 'x'.repeat(51) }).ok).toBe(false);
	});

	it.each([
		['12700', 12700],
		['12700.5', 12700.5],
		['-3810', -3810],
		['1234,56', 1234.56],
		['12 700', 12700],
		['12\u00a0700,00', 12700],
		['', undefined],
		['1,2.3', undefined],
		['1,2,3', undefined],
		['NaN', undefined],
		['1e3', undefined],
		['12 Ft', undefined],
	])('amount %j → %j', (text, value) => {
		expect(parseAmount(text)).toBe(value);
	});
});
