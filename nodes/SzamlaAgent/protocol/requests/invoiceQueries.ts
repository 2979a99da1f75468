/**
 * xmlszamlapdf and xmlszamlaxml — fetch one invoice's PDF or data. Credentials sit directly under the root (no
 * beallitasok); exactly one selector is sent (szamla-agent.md §2.4–2.5).
 */
import { leaf, type XmlChild } from '../../../shared/xml';
import type { GetInvoiceDataRequest, GetInvoicePdfRequest, InvoiceSelector } from '../types/request';
import { RESPONSE_VERSION_XML, authChildren, exactlyOne, optionalBoolean, renderRequest } from './common';

const SELECTOR_LABELS = { invoiceNumber: 'Invoice Number', orderNumber: 'Order Number', externalId: 'External ID' } as const;

/** The three selector slots in schema positions: [szamlaszam, rendelesSzam, szamlaKulsoAzon]. */
function selectorSlots(selector: InvoiceSelector | undefined): [XmlChild, XmlChild, XmlChild] {
	const map = selector as Partial<Record<keyof typeof SELECTOR_LABELS, string>> | undefined;
	const key = exactlyOne(map, SELECTOR_LABELS);
	const value = map![key]!;
	return [
		key === 'invoiceNumber' ? { name: 'szamlaszam', text: value, field: SELECTOR_LABELS[key] } : undefined,
		key === 'orderNumber' ? { name: 'rendelesSzam', text: value, field: SELECTOR_LABELS[key] } : undefined,
		key === 'externalId' ? { name: 'szamlaKulsoAzon', text: value, field: SELECTOR_LABELS[key] } : undefined,
	];
}

export function buildGetInvoicePdfXml(req: GetInvoicePdfRequest): string {
	const [number, order, external] = selectorSlots(req.selector);
	return renderRequest('getInvoicePdf', [
		...authChildren(req.auth),
		number,
		order,
		leaf('valaszVerzio', RESPONSE_VERSION_XML),
		external,
	]);
}

export function buildGetInvoiceDataXml(req: GetInvoiceDataRequest): string {
	const [number, order, external] = selectorSlots(req.selector);
	return renderRequest('getInvoiceData', [
		...authChildren(req.auth),
		number,
		order,
		leaf('pdf', optionalBoolean(req.includePdf, 'Include PDF')),
		external,
	]);
}
