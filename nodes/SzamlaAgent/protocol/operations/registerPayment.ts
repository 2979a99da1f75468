/**
 * Register payment (xmlszamlakifiz): record payments on an invoice (szamla-agent.md §2.3).
 * UI: actions/invoice/registerPayment.operation.ts. Answer: responses/invoice.ts.
 */
import { InputError } from '../../../shared/errors';
import { leaf, node, type XmlElement, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { parsePaymentResponse } from '../responses/invoice';
import type { AgentAuth } from '../types/common';
import type { RegisterPaymentRequest } from '../types/invoiceRequests';
import type { PaymentResult } from '../types/response';
import { RESPONSE_VERSION_XML, authChildren, renderRequest, assertDate, assertNumber, requiredTextLeaf, textLeaf } from '../requests/common';

export type { RegisterPaymentRequest, PaymentResult };

const ROOT = 'xmlszamlakifiz';

/** The schema allows at most five `kifizetes` per call. */
export const MAX_INVOICE_PAYMENTS = 5;

function document(req: RegisterPaymentRequest, auth: AgentAuth): XmlText {
	if (req.mode !== 'append' && req.mode !== 'replace') {
		throw new InputError('Mode', `use "append" or "replace", got "${String(req.mode)}"`);
	}
	const payments = req.payments ?? [];
	if (!Array.isArray(payments)) throw new InputError('Payments', 'must be a list of payments');
	// Replace with an empty list clears the recorded payments (verified live by szamlazz-rs); appending nothing is a mistake.
	if (payments.length === 0 && req.mode === 'append') {
		throw new InputError('Payments', 'add at least one payment (or use Replace with none to clear them)');
	}
	if (payments.length > MAX_INVOICE_PAYMENTS) {
		throw new InputError('Payments', `at most ${MAX_INVOICE_PAYMENTS} payments per call, got ${payments.length}`);
	}
	const entries: XmlElement[] = payments.map((p, i) => {
		const at = `Payments[${i + 1}]`;
		if (!p || typeof p !== 'object') throw new InputError(at, 'payment is empty');
		const amount = assertNumber(p.amount, `${at} › Amount`);
		if (amount === 0) throw new InputError(`${at} › Amount`, 'must not be 0');
		return node('kifizetes', [
			leaf('datum', assertDate(p.date, `${at} › Date`)),
			requiredTextLeaf('jogcim', p.method, `${at} › Method`),
			leaf('osszeg', amount),
			textLeaf('leiras', p.description, `${at} › Comment`),
		]);
	});
	return renderRequest(ROOT, [
		node('beallitasok', [
			...authChildren(auth),
			requiredTextLeaf('szamlaszam', req.invoiceNumber, 'Invoice Number'),
			textLeaf('adoszam', req.taxNumber, 'Tax Number'),
			leaf('additiv', req.mode === 'append'),
			leaf('valaszVerzio', RESPONSE_VERSION_XML),
		]),
		...entries,
	]);
}

export const registerPayment = defineOperation<RegisterPaymentRequest, PaymentResult>({
	name: 'registerPayment',
	fieldName: 'action-szamla_agent_kifiz',
	root: ROOT,
	writes: true,
	recoveryHint:
		'The payment may have been recorded. Check the invoice\'s payments with "Get Invoice Data" before sending again; an additive payment sent twice is recorded twice.',
	document,
	parse: (answer, _request, facts) => parsePaymentResponse(facts, answer),
});
