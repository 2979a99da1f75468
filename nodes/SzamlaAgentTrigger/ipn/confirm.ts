/**
 * Checking a notification against the invoice as the service reports it (Get invoice data). The post carries no
 * signature, so the event the trigger emits is built from the service's answer only; the post may at most fail to
 * match it. Pure: no n8n, no I/O.
 */
import type { InvoiceData } from '../../SzamlaAgent/protocol/types/response';
import type { PaymentNotification } from './notification';
import { englishPaymentMethod } from './paymentMethods';

/** Amounts are compared to the fillér; anything closer is the same amount written differently. */
const TOLERANCE = 0.005;

export interface PaymentEvent {
	invoiceNumber: string;
	orderNumber: string | null;
	proformaNumber: string | null;
	/** invoice, proforma, … (what Get reports, the post cannot say). */
	documentKind: string;
	currency: string | null;
	grossTotal: number | null;
	paidAmount: number | null;
	outstandingAmount: number | null;
	fullyPaid: boolean;
	/** English, as the other operations name methods ("Bank Transfer", "Card", …). */
	paymentMethod: string | null;
	paymentDate: string | null;
	reversed: boolean | null;
	/** true: every value above comes from the service's own answer. */
	verified: boolean;
}

export type Confirmation = { ok: true; event: PaymentEvent } | { ok: false; reason: string };

const round2 = (n: number) => Math.round(n * 100) / 100;
const same = (a: number, b: number) => Math.abs(a - b) < TOLERANCE;

export function isFullyPaid(gross: number, paid: number): boolean {
	// A negative document (storno, credit note) is settled when the paid amount reaches it from above.
	return gross < 0 ? paid <= gross + TOLERANCE : paid >= gross - TOLERANCE;
}

function latestDate(dates: Array<string | undefined>): string | null {
	const known = dates.filter((d): d is string => Boolean(d)).sort();
	return known.length ? known[known.length - 1] : null;
}

/** What the service reports for this invoice, or why the post does not describe it. */
export function confirmNotification(notification: PaymentNotification, invoice: InvoiceData): Confirmation {
	const header = invoice.header;
	const number = header.invoiceNumber?.trim();
	if (number !== notification.invoiceNumber) {
		return { ok: false, reason: `the service returned invoice "${number ?? ''}" for "${notification.invoiceNumber}"` };
	}
	const gross = invoice.totals.grossAmount;
	if (gross === undefined) return { ok: false, reason: `the service reported no gross total for ${number}` };
	const paid = round2(invoice.payments.reduce((sum, p) => sum + (p.amount ?? 0), 0));
	const claims: string[] = [];
	if (notification.grossTotal !== undefined && !same(notification.grossTotal, gross)) {
		claims.push(`gross total ${notification.grossTotal} (the service says ${gross})`);
	}
	if (notification.paidAmount !== undefined && !same(notification.paidAmount, paid)) {
		claims.push(`paid amount ${notification.paidAmount} (the service says ${paid})`);
	}
	const order = header.orderNumber?.trim() || null;
	// The order number is what a workflow acts on ("mark order X paid"): a post naming another order is never followed.
	if (notification.orderNumber !== undefined && notification.orderNumber !== order) {
		claims.push(`order number "${notification.orderNumber}" (the service says ${order ? `"${order}"` : 'none'})`);
	}
	const proforma = header.referencedProformaNumber?.trim() || null;
	if (notification.proformaNumber !== undefined && proforma !== null && notification.proformaNumber !== proforma) {
		claims.push(`proforma number "${notification.proformaNumber}" (the service says "${proforma}")`);
	}
	if (claims.length) return { ok: false, reason: `the post does not match invoice ${number}: ${claims.join('; ')}` };
	return {
		ok: true,
		event: {
			invoiceNumber: number,
			orderNumber: order,
			proformaNumber: proforma,
			documentKind: header.kind,
			currency: header.currency ?? null,
			grossTotal: gross,
			paidAmount: paid,
			outstandingAmount: round2(gross - paid),
			fullyPaid: isFullyPaid(gross, paid),
			paymentMethod: englishPaymentMethod(header.paymentMethod) ?? null,
			paymentDate: latestDate(invoice.payments.map((p) => p.date)),
			reversed: header.reversed ?? false,
			verified: true,
		},
	};
}

/** Verification switched off: the post as it came, marked unverified. */
export function unverifiedEvent(notification: PaymentNotification): PaymentEvent {
	const gross = notification.grossTotal;
	const paid = notification.paidAmount;
	return {
		invoiceNumber: notification.invoiceNumber,
		orderNumber: notification.orderNumber ?? null,
		proformaNumber: notification.proformaNumber ?? null,
		documentKind: 'unknown',
		currency: null,
		grossTotal: gross ?? null,
		paidAmount: paid ?? null,
		outstandingAmount: gross !== undefined && paid !== undefined ? round2(gross - paid) : null,
		fullyPaid: gross !== undefined && paid !== undefined ? isFullyPaid(gross, paid) : false,
		paymentMethod: englishPaymentMethod(notification.paymentMethod) ?? null,
		paymentDate: notification.paymentDate ?? null,
		reversed: null,
		verified: false,
	};
}
