/**
 * Delete proforma (xmlszamladbkdel): one proforma by number, or every proforma of an order (szamla-agent.md §2.6).
 * UI: actions/invoice/deleteProforma.operation.ts. Answer: responses/proforma.ts.
 */
import { node, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { parseDeleteProformaResponse } from '../responses/proforma';
import type { AgentAuth } from '../types/common';
import type { DeleteProformaRequest } from '../types/invoiceRequests';
import type { DeleteProformaResult } from '../types/response';
import { authChildren, exactlyOne, renderRequest } from '../requests/common';

export type { DeleteProformaRequest, DeleteProformaResult };

const ROOT = 'xmlszamladbkdel';

const SELECTOR_LABELS = { proformaNumber: 'Proforma Number', orderNumber: 'Order Number' } as const;

function document(req: DeleteProformaRequest, auth: AgentAuth): XmlText {
	const map = req.selector as Partial<Record<keyof typeof SELECTOR_LABELS, string>> | undefined;
	const key = exactlyOne(map, SELECTOR_LABELS);
	const value = map![key]!;
	return renderRequest(ROOT, [
		node('beallitasok', authChildren(auth)),
		node('fejlec', [
			key === 'proformaNumber' ? { name: 'szamlaszam', text: value, field: SELECTOR_LABELS[key] } : undefined,
			// Lower-case "sz" here, unlike every other schema's rendelesSzam.
			key === 'orderNumber' ? { name: 'rendelesszam', text: value, field: SELECTOR_LABELS[key] } : undefined,
		]),
	]);
}

export const deleteProforma = defineOperation<DeleteProformaRequest, DeleteProformaResult>({
	name: 'deleteProforma',
	fieldName: 'action-szamla_agent_dijbekero_torlese',
	root: ROOT,
	writes: true,
	recoveryHint: 'The proforma may have been deleted. Check with "Get Invoice Data" (not found means it is gone) before sending again.',
	document,
	parse: (answer, _request, facts) => parseDeleteProformaResponse(facts, answer),
});
