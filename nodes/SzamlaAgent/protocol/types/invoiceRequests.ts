/** The other invoice operations: reverse (xmlszamlast), register payment (xmlszamlakifiz), queries, proforma deletion. */
import type { InvoiceTemplate, IsoDate } from './common';
import type { SellerSettings } from './createInvoice';

export interface ReverseInvoiceRequest {
	/** The reversing document is an e-invoice. */
	eInvoice: boolean;
	/** Return the reversing invoice's PDF in the response. */
	downloadPdf: boolean;
	/** Number of copies in the returned PDF. */
	pdfCopies?: number;
	/** Your own reference, attached to the reversing document. */
	externalId?: string;
	/** Number of the invoice to reverse. */
	invoiceNumber: string;
	/** Issue date of the reversing invoice (YYYY-MM-DD); leave empty: the service only accepts today. */
	issueDate?: IsoDate;
	/** Fulfillment date of the reversing invoice (YYYY-MM-DD). */
	fulfillmentDate?: IsoDate;
	/** Reason for the reversal, printed on the document. */
	comment?: string;
	/** Invoice layout template. */
	template?: InvoiceTemplate | string;
	/** Notification e-mail settings. */
	seller?: Pick<SellerSettings, 'emailReplyTo' | 'emailSubject' | 'emailText'>;
	/** Buyer details to send with the reversal (e.g. a tax number missing from the original). */
	buyer?: { email?: string; taxNumber?: string; euTaxNumber?: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Register payment (xmlszamlakifiz)
// ---------------------------------------------------------------------------------------------------------------

export interface RegisterPaymentRequest {
	/** Number of the invoice the payment belongs to. */
	invoiceNumber: string;
	/** Seller tax number (only for accounts with several tax numbers). */
	taxNumber?: string;
	/** "append" adds these payments to those already recorded; "replace" overwrites them (an empty list clears them). */
	mode: 'append' | 'replace';
	/** Payments to record (at most 5). */
	payments: InvoicePayment[];
}

export interface InvoicePayment {
	/** Payment date (YYYY-MM-DD). */
	date: IsoDate;
	/** Payment method as printed, e.g. "átutalás", "készpénz". */
	method: string;
	/** Amount paid, in the invoice's currency. */
	amount: number;
	/** Note about the payment. */
	description?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Invoice queries and proforma deletion
// ---------------------------------------------------------------------------------------------------------------

/** Find an invoice by exactly one of: its number, its order number, or your external id (newest match wins). */
export type InvoiceSelector = { invoiceNumber: string } | { orderNumber: string } | { externalId: string };

/** Get invoice PDF: which invoice, e.g. `{ invoiceNumber: 'E-2026-1' }`. */
export type GetInvoicePdfRequest = InvoiceSelector;

/** Get invoice data: which invoice, and whether its PDF comes along, e.g. `{ invoiceNumber: 'E-2026-1' }`. */
export type GetInvoiceDataRequest = InvoiceSelector & {
	/** Also return the invoice PDF. */
	includePdf?: boolean;
};

/** Find proformas by number (one) or by order number (every proforma of that order). */
export type ProformaSelector = { proformaNumber: string } | { orderNumber: string };

export interface DeleteProformaRequest {
	/** Which proforma(s): by number deletes one; by order number deletes all proformas with that order number. */
	selector: ProformaSelector;
}
