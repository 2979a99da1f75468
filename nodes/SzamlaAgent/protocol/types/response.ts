/**
 * Typed, English results of the Számla Agent operations. The Hungarian wire names are mapped once, in
 * ../responses/*.ts; nothing outside the parsers should need to know them.
 *
 * Conventions: optional values the service left empty are absent (not ""), amounts are numbers, flags are booleans
 * (the service mixes true/false and 1/0), dates stay as the service's `YYYY-MM-DD` text, PDFs are Buffers.
 */

/** What the parsers receive: the HTTP answer with lower-case header names. */
export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

/** Document kind from the service's type code (`tipus`). `other` keeps codes we have not seen documented. */
export type DocumentKind =
	| 'invoice' // SZ
	| 'proforma' // D
	| 'prepayment' // ES
	| 'final' // VS
	| 'corrective' // HS
	| 'reversal' // SS
	| 'deliveryNote' // SL
	| 'receipt' // NY
	| 'receiptReversal' // SN
	| 'other';

/** Create invoice (all kinds), reverse invoice and get invoice PDF. */
export interface InvoiceResult {
	/** The issued / affected document number; "" only when a PDF query answered with a bare PDF and no number. */
	invoiceNumber: string;
	/** The service's internal document id (`szlahu_id`); not an account id. */
	documentId?: string;
	netTotal?: number;
	/** Negative on a reversal (storno) invoice. */
	grossTotal?: number;
	/** Gross minus recorded payments. */
	outstandingAmount?: number;
	/** Buyer portal link, already URL-decoded. */
	buyerPortalUrl?: string;
	pdf?: Buffer;
	/** Things that went wrong without failing the call, e.g. the notification e-mail could not be sent (code 56). */
	warnings: string[];
}

/** Register payment: the invoice's state after the payments were recorded. */
export interface PaymentResult {
	invoiceNumber: string;
	netTotal?: number;
	grossTotal?: number;
	outstandingAmount?: number;
	buyerPortalUrl?: string;
	warnings: string[];
}

export interface PostalAddress {
	country?: string;
	postalCode?: string;
	city?: string;
	street?: string;
}

export interface InvoiceDataSeller {
	/** The account (supplier) id: the only place the service reveals it. */
	id?: string;
	name?: string;
	address: PostalAddress;
	taxNumber?: string;
	euTaxNumber?: string;
	bankName?: string;
	bankAccount?: string;
}

export interface InvoiceDataHeader {
	documentId?: string;
	invoiceNumber: string;
	kind: DocumentKind;
	/** The raw type code (SZ, D, ES, VS, HS, SS, SL, …). */
	kindCode?: string;
	eInvoice?: boolean;
	issueDate?: string;
	fulfillmentDate?: string;
	dueDate?: string;
	paymentMethod?: string;
	/** The service's normalised payment method (e.g. `credit_card`, `other`). */
	paymentMethodUnified?: string;
	language?: string;
	currency?: string;
	exchangeRate?: number;
	comment?: string;
	cashAccounting?: boolean;
	kata?: boolean;
	email?: string;
	test?: boolean;
	orderNumber?: string;
	/** Invoice this one refers to (corrective / reversal / final). */
	referencedInvoiceNumber?: string;
	/** Proforma this invoice was made from. */
	referencedProformaNumber?: string;
	/** Document id of the economic event (a storno/corrective carries the original's id here). */
	economicEventId?: string;
	/** Present (true) only after the invoice was reversed. */
	reversed?: boolean;
}

export interface InvoiceDataBuyer {
	id?: string;
	name?: string;
	address: PostalAddress;
	email?: string;
	taxNumber?: string;
	euTaxNumber?: string;
	ledgerAccount?: string;
	ledgerBuyerId?: string;
}

export interface InvoiceDataLine {
	name: string;
	productId?: string;
	quantity?: number;
	unit?: string;
	netUnitPrice?: number;
	/** A number as text ("27") or a special key ("TAM", "AAM", …), as the service wrote it. */
	vatRate?: string;
	netAmount?: number;
	vatAmount?: number;
	grossAmount?: number;
	marginVatBase?: number;
	comment?: string;
}

export interface VatTotal {
	/** Rate as text ("27") or special key. */
	vatRate?: string;
	/** Receipts only: the VAT type (special key) when given apart from the rate. */
	vatType?: string;
	netAmount?: number;
	vatAmount?: number;
	grossAmount?: number;
}

export interface Totals {
	byVatRate: VatTotal[];
	netAmount?: number;
	vatAmount?: number;
	grossAmount?: number;
}

export interface InvoiceDataPayment {
	date?: string;
	method?: string;
	amount?: number;
	comment?: string;
	bankAccount?: string;
}

/** Get invoice data: the query XML as clean JSON. */
export interface InvoiceData {
	seller: InvoiceDataSeller;
	header: InvoiceDataHeader;
	buyer: InvoiceDataBuyer;
	lines: InvoiceDataLine[];
	totals: Totals;
	payments: InvoiceDataPayment[];
	pdf?: Buffer;
}

export interface DeleteProformaResult {
	deleted: true;
}

export interface ReceiptLine {
	name: string;
	productId?: string;
	quantity?: number;
	unit?: string;
	netUnitPrice?: number;
	vatRate?: string;
	netAmount?: number;
	vatAmount?: number;
	grossAmount?: number;
	comment?: string;
}

export interface ReceiptPayment {
	method?: string;
	amount?: number;
	description?: string;
}

/** Create, reverse and get receipt. */
export interface ReceiptResult {
	receiptNumber: string;
	receiptId?: string;
	/** The caller's idempotency key (`hivasAzonosito`), when one was given on create. */
	callId?: string;
	kind: 'receipt' | 'receiptReversal' | 'other';
	kindCode?: string;
	reversed: boolean;
	/** On a reversal: the receipt it reversed. */
	reversedReceiptNumber?: string;
	issueDate?: string;
	paymentMethod?: string;
	currency?: string;
	exchangeBank?: string;
	exchangeRate?: number;
	comment?: string;
	ledgerBuyer?: string;
	test?: boolean;
	orderNumber?: string;
	lines: ReceiptLine[];
	payments: ReceiptPayment[];
	totals: Totals;
	pdf?: Buffer;
}

export interface SendReceiptResult {
	sent: true;
}

export interface TaxpayerAddress {
	/** HQ, SITE, BRANCH, … as NAV writes it. */
	type?: string;
	countryCode?: string;
	postalCode?: string;
	city?: string;
	streetName?: string;
	publicPlaceCategory?: string;
	number?: string;
	building?: string;
	staircase?: string;
	floor?: string;
	door?: string;
	lotNumber?: string;
	additionalAddressDetail?: string;
}

export interface TaxpayerResult {
	/** NAV's `taxpayerValidity`: false when the tax number is unknown or not (or no longer) valid. */
	valid: boolean;
	name?: string;
	shortName?: string;
	taxNumber?: {
		taxpayerId: string;
		vatCode?: string;
		countyCode?: string;
	};
	/** VAT group membership number, when the taxpayer belongs to a VAT group. */
	vatGroupMembership?: string;
	/** NAV's data date. */
	infoDate?: string;
	addresses: TaxpayerAddress[];
}
