/**
 * Get receipt (xmlnyugtaget, xs:all; szamla-agent.md §2.9): by receipt number or order number.
 * UI: actions/receipt/get.operation.ts. Answer: responses/receipt.ts.
 */
import { leaf, node, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { assertBoolean, authChildren, exactlyOne, renderRequest, textLeaf } from '../requests/common';
import { parseReceiptResponse } from '../responses/receipt';
import type { AgentAuth } from '../types/common';
import type { GetReceiptRequest } from '../types/receiptRequests';
import type { ReceiptResult } from '../types/response';

export type { GetReceiptRequest, ReceiptResult };

const ROOT = 'xmlnyugtaget';
const SELECTOR_LABELS = { receiptNumber: 'Receipt Number', orderNumber: 'Order Number' } as const;

function document(req: GetReceiptRequest, auth: AgentAuth): XmlText {
	const map = req.selector as Partial<Record<keyof typeof SELECTOR_LABELS, string>> | undefined;
	const key = exactlyOne(map, SELECTOR_LABELS);
	const value = map![key]!;
	const field = SELECTOR_LABELS[key];
	return renderRequest(ROOT, [
		node('beallitasok', [...authChildren(auth), leaf('pdfLetoltes', assertBoolean(req.downloadPdf, 'Download PDF'))]),
		node('fejlec', [
			key === 'receiptNumber' ? { name: 'nyugtaszam', text: value, field } : undefined,
			// Order-number lookup exists only in the newer (docs) schema.
			key === 'orderNumber' ? { name: 'rendelesSzam', text: value, field } : undefined,
			textLeaf('hivasAzonosito', req.callId, 'Additional Fields › Call ID'),
			textLeaf('pdfSablon', req.pdfTemplate, 'Additional Fields › PDF Template'),
		]),
	]);
}

export const getReceipt = defineOperation<GetReceiptRequest, ReceiptResult>({
	name: 'getReceipt',
	fieldName: 'action-szamla_agent_nyugta_get',
	root: ROOT,
	writes: false,
	document,
	parse: (answer, _request, facts) => parseReceiptResponse(facts, answer),
});
