/**
 * Public types of the Számla Agent simulator. Kept apart from the server so tests and the CLI can import them cheaply.
 * English identifiers here; the Hungarian wire names live in the operation handlers.
 */

export interface SzamlaAccount {
	agentKey?: string;
	username?: string;
	password?: string;
	taxNumber?: string;
	name?: string;
	/**
	 * The account setting "Disable order number repetition" (Rendelésszám ismétlődés tiltása). Unset: the simulator-wide
	 * `forbidOrderNumberRepetition`. On: a second document of the same kind under one order number is refused with 152,
	 * a byte-identical resend returns the same invoice (szamla-agent.md §4).
	 */
	forbidOrderNumberRepetition?: boolean;
}

/** NAV data returned by xmltaxpayer for one 8-digit tax number (törzsszám). */
export interface TaxpayerInfo {
	name: string;
	/** Full tax number parts: VAT code (1 digit) and county code (2 digits). */
	vatCode?: string;
	countyCode?: string;
	valid?: boolean;
	address?: {
		countryCode?: string;
		postalCode?: string;
		city?: string;
		streetName?: string;
		publicPlaceCategory?: string;
		number?: string;
	};
	/**
	 * 'default-ns' answers like the vendor sample (API namespace as default, data namespace as ns2);
	 * 'prefixed' puts every element under explicit prefixes, so clients must match namespaces, not prefixes.
	 */
	prefixStyle?: 'default-ns' | 'prefixed';
}

export interface SzamlaSimulatorOptions {
	accounts?: SzamlaAccount[];
	port?: number;
	loginCostMs?: number;
	requestMs?: number;
	sessionIdleMs?: number;
	xsdValidation?: 'all' | 'new-shapes' | 'off';
	/** Default of the per-account setting of the same name (off). */
	forbidOrderNumberRepetition?: boolean;
	/**
	 * How long a create hit by the 'lost-answer-stalled' fault keeps the service busy before its document appears
	 * (one real create stalled ≥ 57 s, notes §4/§7). Default 57 000; tests make it short.
	 */
	stallMs?: number;
	registeredPrefixes?: string[];
	pdfBytes?: number;
	taxpayers?: Record<string, TaxpayerInfo>;
	/** Minimum gap between two e-mails of the same receipt (153 when shorter); 0 disables the check. Default 15 s. */
	receiptMailGapMs?: number;
}

export type SzamlaFault =
	| 'maintenance'
	| 'reset-after-create'
	| 'reset-before-processing'
	| 'http-500'
	| 'html-proxy-page'
	| { slowMs: number }
	| 'session-expired'
	| 'mail-failed-56'
	/**
	 * Creates only: the connection breaks at once without an answer, while the service goes on working on the request
	 * for `stallMs` and then issues the document. Until then a look-up finds nothing (a "not found" right after a lost
	 * answer proves nothing).
	 */
	| 'lost-answer-stalled';

export interface FaultOptions {
	/** How many matching requests the fault applies to (default 1). */
	times?: number;
	/** Only requests of this operation: the root element (`xmlszamla`) or the form field (`action-xmlagentxmlfile`). */
	operation?: string;
}

export interface SzamlaStats {
	requests: number;
	logins: number;
	sessionsCreated: number;
	/** Keyed by request root element, e.g. `xmlszamla`, `xmlnyugtacreate`. */
	byOperation: Record<string, number>;
	xsdValidations: number;
	/** Requests that carried a live cookie of one account but credentials of another (a client bug worth spotting). */
	crossAccountCookies: number;
	/** Failed logins (code 3 / 164). */
	failedLogins: number;
	/** Creates refused because the account forbids repeating an order number (152). */
	orderNumberRefusals: number;
	/** Creates answered with the document an identical earlier request issued (no new document). */
	identicalReplays: number;
}

export interface Payment {
	date: string;
	method: string;
	amount: number;
	description?: string;
}

export interface InvoiceLine {
	name: string;
	id?: string;
	quantity: number;
	unit: string;
	unitPrice: number;
	vatKey: string;
	vatRate: number;
	net: number;
	vat: number;
	gross: number;
	comment?: string;
}

export interface Buyer {
	name: string;
	country?: string;
	zip: string;
	city: string;
	address: string;
	email?: string;
	taxNumber?: string;
	euTaxNumber?: string;
	taxSubject?: number;
	id?: string;
}

export type InvoiceKind = 'invoice' | 'proforma' | 'deliveryNote' | 'prepayment' | 'final' | 'corrective' | 'storno';

/** Vendor document type codes (query XML `<tipus>`). */
export const INVOICE_TYPE_CODES: Record<InvoiceKind, string> = {
	invoice: 'SZ',
	proforma: 'D',
	deliveryNote: 'SL',
	prepayment: 'ES',
	final: 'VS',
	corrective: 'HS',
	storno: 'SS',
};

export interface InvoiceDocument {
	family: 'invoice';
	id: number;
	accountIndex: number;
	number: string;
	kind: InvoiceKind;
	typeCode: string;
	prefix: string;
	orderNumber?: string;
	externalId?: string;
	issueDate: string;
	fulfillmentDate: string;
	dueDate: string;
	paymentMethod: string;
	currency: string;
	language: string;
	comment?: string;
	eInvoice: boolean;
	/** The header's fizetendoKorrekcio and eusAfa as sent (recorded only: their effect on the figures is not documented). */
	payableCorrection?: string;
	euVat: boolean;
	buyer: Buyer;
	lines: InvoiceLine[];
	totals: { net: number; vat: number; gross: number };
	payments: Payment[];
	paid: boolean;
	/** Gross minus payments (0 for storno documents). */
	outstanding: number;
	reversed: boolean;
	/** Number of the storno (SS) that reversed this document. */
	reversedBy?: string;
	/** The proforma this invoice was issued from (dijbekeroSzamlaszam); the query XML's hivdijbekszam. */
	fromProforma?: string;
	/** For SS: the reversed invoice; for HS: the corrected invoice; for VS: the prepayment it closes. */
	refersTo?: string;
	/** Proforma converted (by dijbekeroSzamlaszam or by an invoice with the same order number) or deleted. */
	consumed: boolean;
	deleted: boolean;
	/** Final invoice number that closed this prepayment. */
	closedBy?: string;
	/** Corrective invoice(s) issued for this one. */
	correctedBy: string[];
	attachments: number;
	/** The request's fuvarlevel block as sent (wire names; leaves as text), when there was one. */
	waybill?: WaybillRecord;
	buyerPortalUrl: string;
	createdAt: string;
	/** sha256 of the raw request XML; used only for the byte-identical resend rule (never the XML itself: it holds the key). */
	requestHash: string;
}

/** An XML block as nested wire names; leaves are their text. */
export interface WaybillRecord {
	[name: string]: string | WaybillRecord;
}

export interface ReceiptLine {
	name: string;
	id?: string;
	quantity: number;
	unit: string;
	unitPrice: number;
	vatKey: string;
	vatRate: number;
	net: number;
	vat: number;
	gross: number;
	ledger?: { revenue?: string; vat?: string };
	comment?: string;
}

export interface ReceiptDocument {
	family: 'receipt';
	id: number;
	accountIndex: number;
	number: string;
	kind: 'receipt' | 'receiptStorno';
	typeCode: 'NY' | 'SN';
	prefix: string;
	callId?: string;
	orderNumber?: string;
	issueDate: string;
	paymentMethod: string;
	currency: string;
	exchangeBank?: string;
	exchangeRate?: number;
	comment?: string;
	ledgerBuyer?: string;
	lines: ReceiptLine[];
	payments: Array<{ method: string; amount: number; description?: string }>;
	totals: { net: number; vat: number; gross: number };
	reversed: boolean;
	reversedBy?: string;
	/** For SN: the receipt it reverses. */
	refersTo?: string;
	emails: Array<{ at: string; to?: string; subject?: string }>;
	createdAt: string;
}

export type SimDocument = InvoiceDocument | ReceiptDocument;

export interface SimDocumentsView {
	all(): readonly SimDocument[];
	invoices(): readonly InvoiceDocument[];
	receipts(): readonly ReceiptDocument[];
	get(number: string): SimDocument | undefined;
}

export interface SzamlaSimulator {
	url: string;
	stats: SzamlaStats;
	documents: SimDocumentsView;
	injectFault(fault: SzamlaFault, opts?: FaultOptions): void;
	expireAllSessions(): void;
	/** Payment notifications (IPN) to a receiver URL; see ipn.ts. */
	ipn: import('./ipn').IpnSender;
	/** Change an account's settings while running (e2e: switch "Disable order number repetition" on or off). */
	setAccountSettings(accountIndex: number, settings: { forbidOrderNumberRepetition?: boolean }): void;
	/** Every JSESSIONID value issued since start (not cleared by reset). */
	issuedSessionIds?(): readonly string[];
	reset(): void;
	close(): Promise<void>;
}
