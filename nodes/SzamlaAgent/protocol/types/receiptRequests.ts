/** Receipts (xmlnyugta*): create, reverse, get and send. */

export interface CreateReceiptRequest {
	/** Return the receipt PDF in the response. */
	downloadPdf: boolean;
	/** Unique call id for this receipt; a repeated id is refused, which prevents duplicates. */
	callId?: string;
	/** Receipt number prefix: up to 5 uppercase letters or digits, not used for invoices. */
	prefix: string;
	/** Payment method as printed, e.g. "készpénz", "bankkártya". */
	paymentMethod: string;
	/** Currency code, e.g. HUF, EUR. */
	currency: string;
	/** Exchange rate to HUF (foreign-currency receipts). */
	exchangeRate?: number;
	/** Bank whose exchange rate is used, e.g. MNB. */
	exchangeBank?: string;
	/** Note printed on the receipt. */
	comment?: string;
	/** Receipt PDF template code. */
	pdfTemplate?: string;
	/** Buyer's ledger identifier in your bookkeeping. */
	buyerLedgerId?: string;
	/** Your order number. */
	orderNumber?: string;
	/** Line items; at least one. */
	lines: ReceiptLine[];
	/** How the receipt was paid; when given, the amounts must add up to the receipt's gross total. */
	payments?: ReceiptPayment[];
}

export interface ReceiptLine {
	/** Product or service name. */
	name: string;
	/** Article number / SKU. */
	identifier?: string;
	/** Quantity. */
	quantity: number;
	/** Unit of quantity, e.g. "db". */
	unit: string;
	/** Net unit price. */
	netUnitPrice: number;
	/** VAT rate or special key, e.g. "27", "AAM". */
	vatKey: string;
	/** Net amount: net unit price × quantity, rounded to the currency. */
	netAmount: number;
	/** VAT amount: net amount × rate / 100, rounded to the currency. */
	vatAmount: number;
	/** Gross amount: net amount + VAT amount. */
	grossAmount: number;
	/** Note printed under the line. */
	comment?: string;
	/** Data-erasure code (newer schema field; only if your account uses data erasure). */
	dataErasureCode?: number;
}

export interface ReceiptPayment {
	/** Means of payment, e.g. "készpénz", "bankkártya", "SZÉP kártya". */
	method: string;
	/** Amount paid with this means. */
	amount: number;
	/** Note about the payment. */
	description?: string;
}

export interface ReverseReceiptRequest {
	/** Return the reversing receipt's PDF in the response. */
	downloadPdf: boolean;
	/** Number of the receipt to reverse. */
	receiptNumber: string;
	/** Receipt PDF template code. */
	pdfTemplate?: string;
	/** Unique call id for the reversal. */
	callId?: string;
}

/** Find a receipt by its number or by your order number. */
export type ReceiptSelector = { receiptNumber: string } | { orderNumber: string };

export interface GetReceiptRequest {
	/** Return the receipt PDF in the response. */
	downloadPdf: boolean;
	/** Which receipt. Looking up by order number needs the newer schema. */
	selector: ReceiptSelector;
	/** Call id the receipt was created with. */
	callId?: string;
	/** Receipt PDF template code: A, N, J or L. */
	pdfTemplate?: string;
}

export interface SendReceiptRequest {
	/** Number of the receipt to e-mail. */
	receiptNumber: string;
	/** E-mail details; give an empty object to resend with the data stored on the receipt. */
	email?: ReceiptEmail;
}

export interface ReceiptEmail {
	/** Recipient address(es), comma-separated. */
	to?: string;
	/** Reply-to address. */
	replyTo?: string;
	/** E-mail subject. */
	subject?: string;
	/** E-mail body text. */
	body?: string;
}
