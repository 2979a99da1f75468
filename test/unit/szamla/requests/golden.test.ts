/**
 * Golden files: exact bytes of a few representative requests. They are our own outputs, reviewed once by hand against
 * the XSDs; any change to element order, escaping or number formatting shows up here as a diff.
 * Regenerate deliberately with UPDATE_GOLDEN=1 npx jest test/unit/szamla/requests/golden.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import {
	buildCreateInvoiceXml,
	buildCreateReceiptXml,
	buildGetInvoicePdfXml,
	buildRegisterPaymentXml,
	buildReverseInvoiceXml,
	buildSendReceiptXml,
} from './builders';
import { KEY_AUTH, fullInvoice, fullReceipt, minimalInvoice } from './fixtures';

const GOLDEN_DIR = join(__dirname, 'golden');

const CASES: Record<string, () => string> = {
	'create-invoice-minimal.xml': () => buildCreateInvoiceXml(minimalInvoice()),
	'create-invoice-full-corrective.xml': () => buildCreateInvoiceXml(fullInvoice('corrective')),
	'reverse-invoice.xml': () =>
		buildReverseInvoiceXml({ auth: KEY_AUTH, eInvoice: false, downloadPdf: true, invoiceNumber: 'E-TST-2026-1', comment: 'Téves & dupla' }),
	'register-payment.xml': () =>
		buildRegisterPaymentXml({
			auth: KEY_AUTH,
			invoiceNumber: 'E-TST-2026-1',
			mode: 'append',
			payments: [{ date: '2026-09-10', method: 'átutalás', amount: 12.5, description: 'Részlet 1/2' }],
		}),
	'get-invoice-pdf.xml': () => buildGetInvoicePdfXml({ auth: KEY_AUTH, ...{ externalId: 'wf1:order-42:invoice' } }),
	'create-receipt-full.xml': () => buildCreateReceiptXml(fullReceipt()),
	'send-receipt.xml': () => buildSendReceiptXml({ auth: KEY_AUTH, receiptNumber: 'NYGT-2026-1', email: { to: 'vevo@example.hu' } }),
};

describe('golden request files', () => {
	it.each(Object.keys(CASES))('%s is byte-identical', (file) => {
		const path = join(GOLDEN_DIR, file);
		const actual = CASES[file]();
		if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
			if (process.env.CI) throw new Error(`Golden file ${file} missing in CI`);
			writeFileSync(path, actual);
		}
		expect(actual).toBe(readFileSync(path, 'utf8'));
	});
});
