/**
 * Get invoice data (xmlszamlaxml): the invoice as data, optionally with its PDF; credentials directly under the root,
 * exactly one selector (szamla-agent.md §2.5). UI: actions/invoice/get.operation.ts. Answer: responses/invoiceData.ts.
 *
 * The one call other code needs most: `client.send(getInvoiceData, { invoiceNumber })`.
 */
import { leaf, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { assertOptionalBoolean, authChildren, renderRequest } from '../requests/common';
import { invoiceSelectorSlots } from '../requests/selectors';
import { parseInvoiceDataResponse } from '../responses/invoiceData';
import type { AgentAuth } from '../types/common';
import type { GetInvoiceDataRequest } from '../types/invoiceRequests';
import type { InvoiceData } from '../types/response';

export type { GetInvoiceDataRequest, InvoiceData };

const ROOT = 'xmlszamlaxml';

function document(req: GetInvoiceDataRequest, auth: AgentAuth): XmlText {
	const { includePdf, ...selector } = req;
	const [number, order, external] = invoiceSelectorSlots(selector);
	return renderRequest(ROOT, [...authChildren(auth), number, order, leaf('pdf', assertOptionalBoolean(includePdf, 'Include PDF')), external]);
}

export const getInvoiceData = defineOperation<GetInvoiceDataRequest, InvoiceData>({
	name: 'getInvoiceData',
	fieldName: 'action-szamla_agent_xml',
	root: ROOT,
	writes: false,
	document,
	parse: (answer, _request, facts) => parseInvoiceDataResponse(facts, answer),
});
