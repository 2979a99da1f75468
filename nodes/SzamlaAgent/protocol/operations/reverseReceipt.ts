/**
 * Reverse receipt (xmlnyugtast, xs:sequence: order matters; szamla-agent.md §2.8).
 * UI: actions/receipt/reverse.operation.ts. Answer: responses/receipt.ts.
 */
import { leaf, node, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { assertBoolean, authChildren, renderRequest, requiredTextLeaf, textLeaf } from '../requests/common';
import { parseReceiptResponse } from '../responses/receipt';
import type { AgentAuth } from '../types/common';
import type { ReverseReceiptRequest } from '../types/receiptRequests';
import type { ReceiptResult } from '../types/response';

export type { ReverseReceiptRequest, ReceiptResult };

const ROOT = 'xmlnyugtast';

function document(req: ReverseReceiptRequest, auth: AgentAuth): XmlText {
	return renderRequest(ROOT, [
		node('beallitasok', [...authChildren(auth), leaf('pdfLetoltes', assertBoolean(req.downloadPdf, 'Download PDF'))]),
		node('fejlec', [
			requiredTextLeaf('nyugtaszam', req.receiptNumber, 'Receipt Number'),
			textLeaf('pdfSablon', req.pdfTemplate, 'Additional Fields › PDF Template'),
			textLeaf('hivasAzonosito', req.callId, 'Additional Fields › Call ID'),
		]),
	]);
}

export const reverseReceipt = defineOperation<ReverseReceiptRequest, ReceiptResult>({
	name: 'reverseReceipt',
	fieldName: 'action-szamla_agent_nyugta_storno',
	root: ROOT,
	writes: true,
	recoveryHint: 'The receipt reversal may have been issued. Check the receipt with "Get Receipt" (reversed) before sending again.',
	document,
	parse: (answer, _request, facts) => parseReceiptResponse(facts, answer),
});
