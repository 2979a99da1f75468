/** Create invoice (xmlszamla), every document kind: header, seller settings, buyer, waybill and lines. */
import type { InvoiceKind, InvoiceLanguage, InvoiceTemplate, IsoDate } from './common';

export interface CreateInvoiceRequest {
	/** Issue an electronic (digitally signed) invoice instead of a paper-style one. */
	eInvoice: boolean;
	/** Return the invoice PDF in the response. */
	downloadPdf: boolean;
	/** Number of copies in the returned PDF (paper invoices only). */
	pdfCopies?: number;
	/** Your own reference for the invoice (e.g. workflow:order:kind); lets you find it again after a lost answer. Not unique on the service side. */
	externalId?: string;
	/** Print the line item identifiers (article numbers) on the invoice. */
	itemIdentifierOnInvoice?: boolean;
	/** Dates, payment, currency and document kind. */
	header: InvoiceHeader;
	/** Seller-side settings that override the account defaults for this invoice. */
	seller?: SellerSettings;
	/** Who the invoice is made out to. */
	buyer: Buyer;
	/** Courier waybill printed with the invoice (only with a template that shows it). */
	waybill?: Waybill;
	/** Line items; at least one. */
	lines: InvoiceLine[];
}

export interface InvoiceHeader {
	/** Kind of document to issue: invoice, proforma, delivery note, prepayment, final or corrective invoice. */
	kind: InvoiceKind;
	/** Issue date (YYYY-MM-DD); the service uses today when empty. */
	issueDate?: IsoDate;
	/** Fulfillment (delivery) date (YYYY-MM-DD). */
	fulfillmentDate: IsoDate;
	/** Payment due date (YYYY-MM-DD). */
	dueDate: IsoDate;
	/** Payment method as printed, e.g. "átutalás" (transfer), "készpénz" (cash), "bankkártya" (card). */
	paymentMethod: string;
	/** Currency code, e.g. HUF, EUR, USD ("Ft" is accepted as HUF). */
	currency: string;
	/** Language the invoice is printed in. */
	language: InvoiceLanguage;
	/** Note printed on the invoice. */
	comment?: string;
	/** Bank whose exchange rate is used for foreign-currency invoices, e.g. MNB. */
	exchangeBank?: string;
	/** Exchange rate to HUF; with bank MNB and no rate, the service uses the current MNB rate. */
	exchangeRate?: number;
	/** Your order number; used to link prepayment, final and proforma documents of one order. */
	orderNumber?: string;
	/** Number of the proforma this invoice settles (the proforma is then closed). */
	proformaNumberToConvert?: string;
	/** Final invoice only: number of the prepayment invoice to close, when the order number cannot identify it. */
	prepaymentInvoiceNumber?: string;
	/** Corrective invoice only: number of the invoice being corrected (required). */
	correctedInvoiceNumber?: string;
	/** Name of an extra logo uploaded to your Számlázz.hu account. */
	logoExtra?: string;
	/** Invoice number prefix registered in your account (e.g. "WEB"). */
	invoicePrefix?: string;
	/** Amount added to (or, if negative, taken from) the amount payable, e.g. for rounding. */
	payableCorrection?: number;
	/** Mark the invoice as already paid. */
	paid?: boolean;
	/** The invoice carries no Hungarian VAT and is not reported to NAV Online Számla (line VAT keys still apply). */
	euVat?: boolean;
	/** Invoice layout template. */
	template?: InvoiceTemplate | string;
	/** Only render a preview PDF; no invoice is issued. */
	previewPdf?: boolean;
}

export interface SellerSettings {
	/** Bank name printed on the invoice (overrides the account setting). */
	bank?: string;
	/** Bank account number printed on the invoice (overrides the account setting). */
	bankAccount?: string;
	/** Reply-to address of the notification e-mail sent to the buyer. */
	emailReplyTo?: string;
	/** Subject of the notification e-mail sent to the buyer. */
	emailSubject?: string;
	/** Body text of the notification e-mail sent to the buyer. */
	emailText?: string;
	/** Name of the person signing the invoice on the seller's side. */
	signatoryName?: string;
}

/**
 * Buyer tax status as the service codes it: 7 business outside the EU, 6 business in the EU, 1 has a Hungarian tax
 * number, 0 unknown, -1 private person / no tax number.
 */
export type TaxpayerStatus = 7 | 6 | 1 | 0 | -1;

export interface Buyer {
	/** Buyer's name (person or company). */
	name: string;
	/** Buyer's country (name as printed). */
	country?: string;
	/** Buyer's postal code. */
	postalCode: string;
	/** Buyer's city. */
	city: string;
	/** Buyer's street address. */
	address: string;
	/** E-mail address(es) for the invoice notification; separate several with commas. */
	email?: string;
	/** Send the invoice notification e-mail to the buyer. */
	sendEmail?: boolean;
	/** Tax status: 7 non-EU business, 6 EU business, 1 Hungarian tax number, 0 unknown, -1 no tax number. */
	taxpayerStatus?: number;
	/** Hungarian tax number, e.g. 12345678-1-42. */
	taxNumber?: string;
	/** Hungarian VAT group identifier (group members only). Newer schema field. */
	groupIdentifier?: string;
	/** EU VAT number, e.g. DE123456789. */
	euTaxNumber?: string;
	/** Name on the postal address, if different. */
	postalName?: string;
	/** Country of the postal address, if different. */
	postalCountry?: string;
	/** Postal code of the postal address, if different. */
	postalPostalCode?: string;
	/** City of the postal address, if different. */
	postalCity?: string;
	/** Street address of the postal address, if different. */
	postalAddress?: string;
	/** Your identifier of the buyer (customer number). */
	identifier?: string;
	/** Name of the person signing the invoice on the buyer's side. */
	signatoryName?: string;
	/** Buyer's phone number. */
	phone?: string;
	/** Note about the buyer. */
	comment?: string;
}

/** Courier services the waybill block knows. */
export type WaybillCarrier = 'TOF' | 'PPP' | 'SPRINTER' | 'FOXPOST' | 'MPL' | 'GLS' | 'EMPTY';

export interface Waybill {
	/** Courier service. */
	carrier?: WaybillCarrier;
	/** General barcode, used when no carrier-specific barcode data is given. */
	barcode?: string;
	/** Note printed on the waybill. */
	comment?: string;
	/** Trans-o-Flex details. */
	tof?: { identifier?: string; shipmentId?: string; packageCount?: number; countryCode?: string; zip?: string; service?: string };
	/** Pick Pack Pont details. */
	ppp?: { barcodePrefix?: string; barcodePostfix?: string };
	/** Sprinter details. */
	sprinter?: {
		identifier?: string;
		senderCode?: string;
		directionCode?: string;
		packageCount?: number;
		barcodePostfix?: string;
		deliveryTime?: string;
	};
	/** MPL (Magyar Posta) details. */
	mpl?: { customerCode: string; barcode: string; weight: string; specialServices?: string; declaredValue?: number };
}

export interface InvoiceLine {
	/** Product or service name. */
	name: string;
	/** Article number / SKU. */
	identifier?: string;
	/** Quantity (negative on corrective and final invoice lines). */
	quantity: number;
	/** Unit of quantity, e.g. "db" (piece), "óra" (hour), "kg". */
	unit: string;
	/** Net unit price. */
	netUnitPrice: number;
	/** VAT rate or special key, e.g. "27", "5", "AAM", "TAM", "EUK". */
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

