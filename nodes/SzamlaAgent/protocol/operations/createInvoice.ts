/**
 * Create invoice (xmlszamla): an invoice, proforma, delivery note, prepayment, final or corrective invoice, or a
 * preview PDF. Root sequence: beallitasok, fejlec, elado, vevo, fuvarlevel, tetelek (szamla-agent.md §2.1).
 * UI: actions/invoice/create.operation.ts. Answer: responses/invoice.ts.
 */
import { InputError } from '../../../shared/errors';
import { leaf, node, type XmlElement, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { parseInvoiceResponse } from '../responses/invoice';
import type { AgentAuth, InvoiceKind, InvoiceLanguage } from '../types/common';
import type { CreateInvoiceRequest, InvoiceHeader } from '../types/createInvoice';
import type { InvoiceResult } from '../types/response';
import {
	RESPONSE_VERSION_XML,
	authChildren,
	isSet,
	assertOptionalBoolean,
	assertOptionalDate,
	assertOptionalInteger,
	assertOptionalNumber,
	renderRequest,
	assertBoolean,
	assertDate,
	assertText,
	requiredTextLeaf,
	textLeaf,
} from '../requests/common';
import { invoiceLinesElement } from '../requests/invoiceLines';
import { buyerElement, sellerElement } from '../requests/invoiceParties';
import { waybillElement } from '../requests/waybill';

export type { CreateInvoiceRequest, InvoiceResult };

const ROOT = 'xmlszamla';

const LANGUAGES: ReadonlySet<string> = new Set<InvoiceLanguage>([
	'hu', 'en', 'de', 'it', 'ro', 'sk', 'hr', 'fr', 'es', 'cz', 'pl', 'bg', 'nl', 'ru', 'si',
]);

const KINDS: ReadonlySet<string> = new Set<InvoiceKind>(['invoice', 'proforma', 'deliveryNote', 'prepayment', 'final', 'corrective']);

function document(req: CreateInvoiceRequest, auth: AgentAuth): XmlText {
	const header = req.header;
	if (!header || typeof header !== 'object') throw new InputError('Invoice Kind', 'invoice header is missing');
	const currency = assertText(header.currency, 'Currency');
	const settings = node('beallitasok', [
		...authChildren(auth),
		leaf('eszamla', assertBoolean(req.eInvoice, 'E-Invoice')),
		leaf('szamlaLetoltes', assertBoolean(req.downloadPdf, 'Download PDF')),
		leaf('szamlaLetoltesPld', assertOptionalInteger(req.pdfCopies, 'PDF Copies', 1)),
		leaf('valaszVerzio', RESPONSE_VERSION_XML),
		leaf('cikkazoninvoice', assertOptionalBoolean(req.itemIdentifierOnInvoice, 'Item Identifier on Invoice')),
		textLeaf('szamlaKulsoAzon', req.externalId, 'Additional Fields › External ID'),
	]);
	return renderRequest(ROOT, [
		settings,
		headerElement(header, currency),
		sellerElement(req.seller),
		buyerElement(req.buyer),
		waybillElement(req.waybill),
		invoiceLinesElement(req.lines, currency),
	]);
}

function headerElement(h: InvoiceHeader, currency: string): XmlElement {
	const kind = h.kind;
	if (!KINDS.has(kind)) {
		throw new InputError('Invoice Kind', `unknown kind "${String(kind)}"; use one of ${[...KINDS].join(', ')}`);
	}
	if (!LANGUAGES.has(h.language)) {
		throw new InputError('Language', `unknown invoice language "${String(h.language)}"; use one of ${[...LANGUAGES].join(', ')}`);
	}
	if (kind === 'corrective' && !isSet(h.correctedInvoiceNumber)) {
		throw new InputError('Corrected Invoice Number', 'required for a corrective invoice: the number of the invoice it corrects');
	}
	if (kind !== 'corrective' && isSet(h.correctedInvoiceNumber)) {
		throw new InputError('Corrected Invoice Number', 'only used on corrective invoices; clear it or choose the corrective kind');
	}
	if (kind !== 'final' && isSet(h.prepaymentInvoiceNumber)) {
		throw new InputError('Prepayment Invoice Number', 'only used on final invoices; clear it or choose the final invoice kind');
	}
	if (kind === 'proforma' && isSet(h.proformaNumberToConvert)) {
		throw new InputError('Proforma Number to Convert', 'A proforma cannot settle another proforma; choose another kind');
	}
	const preview = assertOptionalBoolean(h.previewPdf, 'Preview PDF');

	return node('fejlec', [
		leaf('keltDatum', assertOptionalDate(h.issueDate, 'Issue Date')),
		leaf('teljesitesDatum', assertDate(h.fulfillmentDate, 'Fulfillment Date')),
		leaf('fizetesiHataridoDatum', assertDate(h.dueDate, 'Due Date')),
		requiredTextLeaf('fizmod', h.paymentMethod, 'Payment Method'),
		{ name: 'penznem', text: currency, field: 'Currency' },
		{ name: 'szamlaNyelve', text: h.language },
		textLeaf('megjegyzes', h.comment, 'Additional Fields › Comment'),
		textLeaf('arfolyamBank', h.exchangeBank, 'Additional Fields › Exchange Bank'),
		leaf('arfolyam', assertOptionalNumber(h.exchangeRate, 'Exchange Rate')),
		textLeaf('rendelesSzam', h.orderNumber, 'Additional Fields › Order Number'),
		textLeaf('dijbekeroSzamlaszam', h.proformaNumberToConvert, 'Additional Fields › Proforma Number to Settle'),
		kind === 'prepayment' ? leaf('elolegszamla', true) : undefined,
		kind === 'final' ? leaf('vegszamla', true) : undefined,
		kind === 'final' ? textLeaf('elolegSzamlaszam', h.prepaymentInvoiceNumber, 'Prepayment Invoice Number') : undefined,
		kind === 'corrective' ? leaf('helyesbitoszamla', true) : undefined,
		kind === 'corrective' ? { name: 'helyesbitettSzamlaszam', text: h.correctedInvoiceNumber!, field: 'Corrected Invoice Number' } : undefined,
		kind === 'proforma' ? leaf('dijbekero', true) : undefined,
		kind === 'deliveryNote' ? leaf('szallitolevel', true) : undefined,
		textLeaf('logoExtra', h.logoExtra, 'Additional Fields › Logo'),
		textLeaf('szamlaszamElotag', h.invoicePrefix, 'Additional Fields › Invoice Prefix'),
		leaf('fizetendoKorrekcio', assertOptionalNumber(h.payableCorrection, 'Additional Fields › Payable Correction')),
		leaf('fizetve', assertOptionalBoolean(h.paid, 'Paid')),
		leaf('eusAfa', assertOptionalBoolean(h.euVat, 'Additional Fields › No Hungarian VAT (EU VAT)')),
		textLeaf('szamlaSablon', h.template, 'Additional Fields › Template'),
		preview ? leaf('elonezetpdf', true) : undefined,
	]);
}

export const createInvoice = defineOperation<CreateInvoiceRequest, InvoiceResult>({
	name: 'createInvoice',
	fieldName: 'action-xmlagentxmlfile',
	root: ROOT,
	writes: true,
	recoveryHint:
		'The invoice may have been created. Do not send it again blindly: look it up first with "Get Invoice Data" or "Get Invoice PDF" by its external ID (or order number). The service can take a minute to finish, so a "not found" right away does not prove nothing was issued.',
	document,
	parse(answer, request, facts) {
		// A preview (elonezetpdf) issues nothing: its answer is the PDF alone, without a number.
		const preview = request.header?.previewPdf === true;
		return parseInvoiceResponse(facts, answer, { pdf: preview, invoiceNumber: !preview });
	},
});
