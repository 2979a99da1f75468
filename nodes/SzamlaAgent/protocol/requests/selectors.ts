/** Exactly one of an invoice's number, order number or external ID, in its schema slots (szamla-agent.md §2.4–2.5). */
import type { XmlChild } from '../../../shared/xml';
import type { InvoiceSelector } from '../types/invoiceRequests';
import { exactlyOne } from './common';

const SELECTOR_LABELS = { invoiceNumber: 'Invoice Number', orderNumber: 'Order Number', externalId: 'External ID' } as const;

/** The three selector slots in schema positions: [szamlaszam, rendelesSzam, szamlaKulsoAzon]. */
export function invoiceSelectorSlots(selector: InvoiceSelector): [XmlChild, XmlChild, XmlChild] {
	const map = selector as Partial<Record<keyof typeof SELECTOR_LABELS, string>>;
	const key = exactlyOne(map, SELECTOR_LABELS);
	const value = map[key]!;
	const field = SELECTOR_LABELS[key];
	return [
		key === 'invoiceNumber' ? { name: 'szamlaszam', text: value, field } : undefined,
		key === 'orderNumber' ? { name: 'rendelesSzam', text: value, field } : undefined,
		key === 'externalId' ? { name: 'szamlaKulsoAzon', text: value, field } : undefined,
	];
}
