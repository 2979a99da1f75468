/**
 * xmlszamlast — reverse (storno) an invoice. Its `beallitasok` order differs from create's: aggregator and guardian
 * come before valaszVerzio, and there is no cikkazoninvoice (szamla-agent.md §2.2).
 */
import { leaf, node, optionalNode } from '../../../shared/xml';
import type { ReverseInvoiceRequest } from '../types/request';
import {
	RESPONSE_VERSION_XML,
	authChildren,
	optionalBoolean,
	optionalDate,
	optionalInteger,
	renderRequest,
	requireBoolean,
	requiredTextLeaf,
	textLeaf,
} from './common';

/** Document type code of a reversing invoice; the official PHP SDK always sends it. */
const STORNO_TYPE = 'SS';

export function buildReverseInvoiceXml(req: ReverseInvoiceRequest): string {
	const seller = req.seller;
	const buyer = req.buyer;
	return renderRequest('reverseInvoice', [
		node('beallitasok', [
			...authChildren(req.auth),
			leaf('eszamla', requireBoolean(req.eInvoice, 'E-Invoice')),
			leaf('szamlaLetoltes', requireBoolean(req.downloadPdf, 'Download PDF')),
			leaf('szamlaLetoltesPld', optionalInteger(req.pdfCopies, 'PDF Copies', 1)),
			textLeaf('aggregator', req.aggregator, 'Aggregator'),
			leaf('guardian', optionalBoolean(req.guardian, 'Guardian')),
			leaf('valaszVerzio', RESPONSE_VERSION_XML),
			textLeaf('szamlaKulsoAzon', req.externalId, 'Additional Fields › External ID'),
		]),
		node('fejlec', [
			requiredTextLeaf('szamlaszam', req.invoiceNumber, 'Invoice Number'),
			leaf('keltDatum', optionalDate(req.issueDate, 'Issue Date')),
			leaf('teljesitesDatum', optionalDate(req.fulfillmentDate, 'Fulfillment Date')),
			textLeaf('megjegyzes', req.comment, 'Additional Fields › Comment'),
			leaf('tipus', STORNO_TYPE),
			textLeaf('szamlaSablon', req.template, 'Additional Fields › Template'),
		]),
		seller &&
			optionalNode('elado', [
				textLeaf('emailReplyto', seller.emailReplyTo, 'Additional Fields › E-Mail Reply-To'),
				textLeaf('emailTargy', seller.emailSubject, 'Additional Fields › E-Mail Subject'),
				textLeaf('emailSzoveg', seller.emailText, 'Additional Fields › E-Mail Text'),
			]),
		buyer &&
			optionalNode('vevo', [
				textLeaf('email', buyer.email, 'Additional Fields › Buyer E-Mail'),
				textLeaf('adoszam', buyer.taxNumber, 'Additional Fields › Buyer Tax Number'),
				textLeaf('adoszamEU', buyer.euTaxNumber, 'Additional Fields › Buyer EU VAT Number'),
			]),
	]);
}
