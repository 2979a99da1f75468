/**
 * Get invoice PDF (xmlszamlapdf): credentials directly under the root (no beallitasok), exactly one selector
 * (szamla-agent.md §2.4). UI: actions/invoice/getPdf.operation.ts. Answer: responses/invoice.ts.
 */
import { leaf, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { RESPONSE_VERSION_XML, authChildren, renderRequest } from '../requests/common';
import { invoiceSelectorSlots } from '../requests/selectors';
import { parseInvoiceResponse } from '../responses/invoice';
import type { AgentAuth } from '../types/common';
import type { GetInvoicePdfRequest } from '../types/invoiceRequests';
import type { InvoiceResult } from '../types/response';

export type { GetInvoicePdfRequest, InvoiceResult };

const ROOT = 'xmlszamlapdf';

function document(req: GetInvoicePdfRequest, auth: AgentAuth): XmlText {
	const [number, order, external] = invoiceSelectorSlots(req);
	return renderRequest(ROOT, [...authChildren(auth), number, order, leaf('valaszVerzio', RESPONSE_VERSION_XML), external]);
}

export const getInvoicePdf = defineOperation<GetInvoicePdfRequest, InvoiceResult>({
	name: 'getInvoicePdf',
	fieldName: 'action-szamla_agent_pdf',
	root: ROOT,
	writes: false,
	document,
	// A bare PDF (v1 answer) carries no number; the PDF is the point.
	parse: (answer, _request, facts) => parseInvoiceResponse(facts, answer, { pdf: true, invoiceNumber: false }),
});
