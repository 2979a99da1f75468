/**
 * xmlszamla — create an invoice, proforma, delivery note, prepayment, final or corrective invoice, or a preview PDF.
 * Root sequence: beallitasok, fejlec, elado, vevo, fuvarlevel, tetelek (szamla-agent.md §2.1).
 */
import { InputError } from '../../../shared/errors';
import { leaf, node, type XmlElement } from '../../../shared/xml';
import type { CreateInvoiceRequest, InvoiceHeader, InvoiceKind, InvoiceLanguage } from '../types/request';
import {
	RESPONSE_VERSION_XML,
	authChildren,
	isSet,
	optionalBoolean,
	optionalDate,
	optionalInteger,
	optionalNumber,
	renderRequest,
	requireBoolean,
	requireDate,
	requireText,
	requiredTextLeaf,
	textLeaf,
} from './common';
import { invoiceLinesElement } from './invoiceLines';
import { buyerElement, sellerElement, waybillElement } from './invoiceParties';

const LANGUAGES: ReadonlySet<string> = new Set<InvoiceLanguage>([
	'hu', 'en', 'de', 'it', 'ro', 'sk', 'hr', 'fr', 'es', 'cz', 'pl', 'bg', 'nl', 'ru', 'si',
]);

const KINDS: ReadonlySet<string> = new Set<InvoiceKind>(['invoice', 'proforma', 'deliveryNote', 'prepayment', 'final', 'corrective']);

export function buildCreateInvoiceXml(req: CreateInvoiceRequest): string {
	const header = req.header;
	if (!header || typeof header !== 'object') throw new InputError('Invoice Kind', 'Invoice header is missing');
	const currency = requireText(header.currency, 'Currency');
	const settings = node('beallitasok', [
		...authChildren(req.auth),
		leaf('eszamla', requireBoolean(req.eInvoice, 'E-Invoice')),
		leaf('szamlaLetoltes', requireBoolean(req.downloadPdf, 'Download PDF')),
		leaf('szamlaLetoltesPld', optionalInteger(req.pdfCopies, 'PDF Copies', 1)),
		leaf('valaszVerzio', RESPONSE_VERSION_XML),
		textLeaf('aggregator', req.aggregator, 'Aggregator'),
		leaf('guardian', optionalBoolean(req.guardian, 'Guardian')),
		leaf('cikkazoninvoice', optionalBoolean(req.itemIdentifierOnInvoice, 'Item Identifier on Invoice')),
		textLeaf('szamlaKulsoAzon', req.externalId, 'Additional Fields › External ID'),
	]);
	return renderRequest('createInvoice', [
		settings,
		headerElement(header, currency),
		sellerElement(req.seller),
		buyerElement(req.buyer),
		waybillElement(req.waybill),
		invoiceLinesElement(req.lines, currency, header.marginScheme === true),
	]);
}

function headerElement(h: InvoiceHeader, currency: string): XmlElement {
	const kind = h.kind;
	if (!KINDS.has(kind)) {
		throw new InputError('Invoice Kind', `Unknown kind "${String(kind)}"; use one of ${[...KINDS].join(', ')}`);
	}
	if (!LANGUAGES.has(h.language)) {
		throw new InputError('Language', `Unknown invoice language "${String(h.language)}"; use one of ${[...LANGUAGES].join(', ')}`);
	}
	if (kind === 'corrective' && !isSet(h.correctedInvoiceNumber)) {
		throw new InputError('Corrected Invoice Number', 'Required for a corrective invoice: the number of the invoice it corrects');
	}
	if (kind !== 'corrective' && isSet(h.correctedInvoiceNumber)) {
		throw new InputError('Corrected Invoice Number', 'Only used on corrective invoices; clear it or choose the corrective kind');
	}
	if (kind !== 'final' && isSet(h.prepaymentInvoiceNumber)) {
		throw new InputError('Prepayment Invoice Number', 'Only used on final invoices; clear it or choose the final invoice kind');
	}
	if (kind === 'proforma' && isSet(h.proformaNumberToConvert)) {
		throw new InputError('Proforma Number to Convert', 'A proforma cannot settle another proforma; choose another kind');
	}
	const preview = optionalBoolean(h.previewPdf, 'Preview PDF');
	const simplified = optionalBoolean(h.simplifiedItems, 'Simplified Items');
	// The two schema versions disagree on the order of these two elements, so a request may carry only one of them.
	if (preview && simplified) {
		throw new InputError('Simplified Items', 'Cannot be combined with Preview PDF; turn one of them off');
	}

	return node('fejlec', [
		leaf('keltDatum', optionalDate(h.issueDate, 'Issue Date')),
		leaf('teljesitesDatum', requireDate(h.fulfillmentDate, 'Fulfillment Date')),
		leaf('fizetesiHataridoDatum', requireDate(h.dueDate, 'Due Date')),
		requiredTextLeaf('fizmod', h.paymentMethod, 'Payment Method'),
		{ name: 'penznem', text: currency, field: 'Currency' },
		{ name: 'szamlaNyelve', text: h.language },
		textLeaf('megjegyzes', h.comment, 'Additional Fields › Comment'),
		textLeaf('arfolyamBank', h.exchangeBank, 'Additional Fields › Exchange Bank'),
		leaf('arfolyam', optionalNumber(h.exchangeRate, 'Exchange Rate')),
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
		leaf('fizetendoKorrekcio', optionalNumber(h.payableCorrection, 'Payable Correction')),
		leaf('fizetve', optionalBoolean(h.paid, 'Paid')),
		leaf('arresAfa', optionalBoolean(h.marginScheme, 'Margin Scheme')),
		leaf('eusAfa', optionalBoolean(h.euVat, 'EU VAT')),
		textLeaf('szamlaSablon', h.template, 'Additional Fields › Template'),
		preview ? leaf('elonezetpdf', true) : undefined,
		simplified ? leaf('simpleItems', true) : undefined,
	]);
}
