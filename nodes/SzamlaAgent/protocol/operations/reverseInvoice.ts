/**
 * xmlszamlast — reverse (storno) an invoice. Its `beallitasok` differ from create's: no cikkazoninvoice (szamla-agent.md
 * §2.2); the partner-only aggregator and guardian, which would come before valaszVerzio, are not offered.
 * UI: actions/invoice/reverse.operation.ts. Answer: responses/invoice.ts.
 */
import { leaf, node, optionalNode, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { parseInvoiceResponse } from '../responses/invoice';
import type { AgentAuth } from '../types/common';
import type { ReverseInvoiceRequest } from '../types/invoiceRequests';
import type { InvoiceResult } from '../types/response';
import {
	RESPONSE_VERSION_XML,
	authChildren,
	assertOptionalDate,
	assertOptionalInteger,
	renderRequest,
	assertBoolean,
	requiredTextLeaf,
	textLeaf,
} from '../requests/common';

export type { ReverseInvoiceRequest, InvoiceResult };

const ROOT = 'xmlszamlast';

/** Document type code of a reversing invoice; the official PHP SDK always sends it. */
const STORNO_TYPE = 'SS';

function document(req: ReverseInvoiceRequest, auth: AgentAuth): XmlText {
	const seller = req.seller;
	const buyer = req.buyer;
	return renderRequest(ROOT, [
		node('beallitasok', [
			...authChildren(auth),
			leaf('eszamla', assertBoolean(req.eInvoice, 'E-Invoice')),
			leaf('szamlaLetoltes', assertBoolean(req.downloadPdf, 'Download PDF')),
			leaf('szamlaLetoltesPld', assertOptionalInteger(req.pdfCopies, 'PDF Copies', 1)),
			leaf('valaszVerzio', RESPONSE_VERSION_XML),
			textLeaf('szamlaKulsoAzon', req.externalId, 'Additional Fields › External ID'),
		]),
		node('fejlec', [
			requiredTextLeaf('szamlaszam', req.invoiceNumber, 'Invoice Number'),
			leaf('keltDatum', assertOptionalDate(req.issueDate, 'Issue Date')),
			leaf('teljesitesDatum', assertOptionalDate(req.fulfillmentDate, 'Fulfillment Date')),
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

export const reverseInvoice = defineOperation<ReverseInvoiceRequest, InvoiceResult>({
	name: 'reverseInvoice',
	fieldName: 'action-szamla_agent_st',
	root: ROOT,
	writes: true,
	recoveryHint:
		'The reversal may have been issued. Check the original invoice with "Get Invoice Data" (it shows as reversed) before sending again.',
	document,
	parse: (answer, _request, facts) => parseInvoiceResponse(facts, answer, { pdf: false, invoiceNumber: true }),
});
