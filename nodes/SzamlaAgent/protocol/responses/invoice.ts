/**
 * Answers of create invoice (all kinds), reverse invoice, get invoice PDF and register payment: v2 `xmlszamlavalasz`,
 * v1 text or a raw PDF, with the figures in szlahu_ headers and/or the body.
 */
import { describeSzamlaError } from '../errorCodes';
import type { OperationFacts } from '../operation';
import type { InvoiceResult, PaymentResult, RawResponse } from '../types/response';
import { decodeUrlValue } from './headers';
import { openEnvelope, unexpectedAnswer, type Envelope } from './envelope';
import { base64, compact, num, text } from './values';

/** Code 56: the invoice exists, only the e-mail to the buyer failed. */
const MAIL_FAILED = '56';

/** The body carries the plain URL; accept a percent-encoded one too (as the header sends it). */
function portalUrl(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	return /^https?%3A/i.test(value) ? decodeUrlValue(value) : value;
}

interface Figures {
	invoiceNumber?: string;
	netTotal?: number;
	grossTotal?: number;
	outstandingAmount?: number;
	buyerPortalUrl?: string;
	warnings: string[];
}

/** Figures from both channels (body preferred), with code 56 turned into a warning when a number came back. */
function figures(env: Envelope, expectedRoot: string): Figures {
	const body = env.root === 'xmlszamlavalasz' ? env.xml! : undefined;
	if (env.kind === 'xml' && !body && !env.failure) throw unexpectedAnswer(env, `<${expectedRoot}>`);
	const h = env.szlahu;
	const invoiceNumber = text(body?.szamlaszam) ?? h.invoiceNumber ?? env.v1InvoiceNumber;
	const warnings: string[] = [];
	if (env.failure) {
		if (env.failure.code === MAIL_FAILED && invoiceNumber) {
			warnings.push(
				`The invoice was issued, but the notification e-mail could not be sent (code 56)${env.failure.message ? `: ${env.failure.message}` : ''}. Send it again from Számlázz.hu or by other means.`,
			);
		} else {
			throw describeSzamlaError(env.failure.code, env.failure.message, env.status);
		}
	}
	return {
		invoiceNumber,
		netTotal: num(body?.szamlanetto) ?? num(h.netTotal),
		grossTotal: num(body?.szamlabrutto) ?? num(h.grossTotal),
		outstandingAmount: num(body?.kintlevoseg) ?? num(h.outstandingAmount),
		buyerPortalUrl: portalUrl(text(body?.vevoifiokurl)) ?? h.buyerPortalUrl,
		warnings,
	};
}

/** What the caller knows the answer must carry. */
export interface InvoiceAnswerExpectations {
	/** A PDF query, or a create with `elonezetpdf` (a preview, whose answer is the PDF alone: nothing was issued). */
	pdf: boolean;
	/**
	 * The number of the issued or affected document: a create or storno that reports success without one leaves us
	 * unable to say which document exists. A PDF query may answer with a bare PDF.
	 */
	invoiceNumber: boolean;
}

export function parseInvoiceResponse(operation: OperationFacts, raw: RawResponse, expect: InvoiceAnswerExpectations): InvoiceResult {
	const env = openEnvelope(operation, raw);
	const f = figures(env, 'xmlszamlavalasz');
	const pdf = env.kind === 'pdf' ? raw.body : base64(env.xml?.pdf);
	if (expect.pdf && !pdf) throw unexpectedAnswer(env, 'a PDF');
	if (expect.invoiceNumber && !f.invoiceNumber) throw unexpectedAnswer(env, 'an answer with the invoice number');
	return compact({
		invoiceNumber: f.invoiceNumber ?? '',
		documentId: env.szlahu.documentId,
		netTotal: f.netTotal,
		grossTotal: f.grossTotal,
		outstandingAmount: f.outstandingAmount,
		buyerPortalUrl: f.buyerPortalUrl,
		pdf,
		warnings: f.warnings,
	});
}

export function parsePaymentResponse(operation: OperationFacts, raw: RawResponse): PaymentResult {
	const env = openEnvelope(operation, raw);
	const f = figures(env, 'xmlszamlavalasz');
	// The caller knows which invoice it paid; a v1 text answer may not repeat the number, and that is no failure.
	return compact({
		invoiceNumber: f.invoiceNumber ?? '',
		netTotal: f.netTotal,
		grossTotal: f.grossTotal,
		outstandingAmount: f.outstandingAmount,
		buyerPortalUrl: f.buyerPortalUrl,
		warnings: f.warnings,
	});
}
