/**
 * The fields of one payment notification (szamla-agent.md §8). The amounts are a snapshot of the document's current
 * payment state, not a new payment or a delta. Nothing in the post is trusted: it only says which invoice to look at.
 * Only the invoice number is required; an unreadable amount or date becomes undefined rather than failing the post,
 * because the service drops a notification after ten refused deliveries.
 */
import type { FormFields } from './form';

/** Wire names of the posted form fields. */
export const IPN_FIELDS = {
	invoiceNumber: 'szlahu_szamlaszam',
	proformaNumber: 'szlahu_dijbekero_szama',
	orderNumber: 'szlahu_rendelesszam',
	grossTotal: 'szlahu_bruttovegosszeg',
	paidAmount: 'szlahu_kifizetettbrutto',
	paymentMethod: 'szlahu_fizetesmod',
	paymentDate: 'szlahu_kifizdat',
} as const;

export interface PaymentNotification {
	invoiceNumber: string;
	proformaNumber?: string;
	orderNumber?: string;
	grossTotal?: number;
	paidAmount?: number;
	paymentMethod?: string;
	/** YYYY-MM-DD; only sent when the account asked Számlázz.hu support to enable it. */
	paymentDate?: string;
}

export type NotificationReading = { ok: true; notification: PaymentNotification } | { ok: false; reason: string };

function text(fields: FormFields, name: string): string | undefined {
	const value = fields[name]?.trim();
	return value ? value : undefined;
}

/**
 * An amount as the service may write it: "12700", "12700.5", "-3810", with a decimal comma ("1234,56") or spaces as
 * thousands separators tolerated. Anything else is undefined.
 */
export function parseAmount(raw: string | undefined): number | undefined {
	if (raw === undefined) return undefined;
	let value = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
	if (/^[+-]?\d+,\d+$/.test(value)) value = value.replace(',', '.');
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

function parseDate(raw: string | undefined): string | undefined {
	const m = raw === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
	if (!m) return undefined;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === m[0] ? m[0] : undefined;
}

/** A Számlázz.hu invoice number is short printable text; anything else is not worth a query. */
const INVOICE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}\-_/. ]{0,49}$/u;

export function readNotification(fields: FormFields): NotificationReading {
	const invoiceNumber = text(fields, IPN_FIELDS.invoiceNumber);
	if (!invoiceNumber) return { ok: false, reason: `no ${IPN_FIELDS.invoiceNumber} (invoice number) in the post` };
	if (!INVOICE_NUMBER.test(invoiceNumber)) return { ok: false, reason: `${IPN_FIELDS.invoiceNumber} is not an invoice number` };
	return {
		ok: true,
		notification: {
			invoiceNumber,
			proformaNumber: text(fields, IPN_FIELDS.proformaNumber),
			orderNumber: text(fields, IPN_FIELDS.orderNumber),
			grossTotal: parseAmount(fields[IPN_FIELDS.grossTotal]),
			paidAmount: parseAmount(fields[IPN_FIELDS.paidAmount]),
			paymentMethod: text(fields, IPN_FIELDS.paymentMethod),
			paymentDate: parseDate(fields[IPN_FIELDS.paymentDate]),
		},
	};
}
