/**
 * Send receipt (xmlnyugtasend, xs:sequence; szamla-agent.md §2.10): e-mail a receipt.
 * UI: actions/receipt/send.operation.ts. Answer: responses/receipt.ts.
 */
import { node, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { authChildren, renderRequest, requiredTextLeaf, textLeaf } from '../requests/common';
import { parseSendReceiptResponse } from '../responses/receipt';
import type { AgentAuth } from '../types/common';
import type { SendReceiptRequest } from '../types/receiptRequests';
import type { SendReceiptResult } from '../types/response';

export type { SendReceiptRequest, SendReceiptResult };

const ROOT = 'xmlnyugtasend';

function document(req: SendReceiptRequest, auth: AgentAuth): XmlText {
	const email = req.email;
	return renderRequest(ROOT, [
		node('beallitasok', authChildren(auth)),
		node('fejlec', [requiredTextLeaf('nyugtaszam', req.receiptNumber, 'Receipt Number')]),
		// Absent block = no e-mail; present but empty = resend with the data stored on the receipt (vendor docs).
		email &&
			node('emailKuldes', [
				textLeaf('email', email.to, 'Recipient E-Mail'),
				textLeaf('emailReplyto', email.replyTo, 'Additional Fields › Reply-To'),
				textLeaf('emailTargy', email.subject, 'Additional Fields › Subject'),
				textLeaf('emailSzoveg', email.body, 'Additional Fields › Text'),
			]),
	]);
}

export const sendReceipt = defineOperation<SendReceiptRequest, SendReceiptResult>({
	name: 'sendReceipt',
	fieldName: 'action-szamla_agent_nyugta_send',
	root: ROOT,
	writes: true,
	recoveryHint: 'The e-mail may have been sent already; sending again may deliver it twice.',
	document,
	parse: (answer, _request, facts) => parseSendReceiptResponse(facts, answer),
});
