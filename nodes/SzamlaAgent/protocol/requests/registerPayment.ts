/** xmlszamlakifiz — record payments on an invoice (szamla-agent.md §2.3). */
import { InputError } from '../../../shared/errors';
import { leaf, node, type XmlElement } from '../../../shared/xml';
import type { RegisterPaymentRequest } from '../types/request';
import { RESPONSE_VERSION_XML, authChildren, renderRequest, requireDate, requireNumber, requiredTextLeaf, textLeaf } from './common';

/** The schema allows at most five `kifizetes` per call. */
export const MAX_INVOICE_PAYMENTS = 5;

export function buildRegisterPaymentXml(req: RegisterPaymentRequest): string {
	if (req.mode !== 'append' && req.mode !== 'replace') {
		throw new InputError('Mode', `Use "append" or "replace", got "${String(req.mode)}"`);
	}
	const payments = req.payments ?? [];
	if (!Array.isArray(payments)) throw new InputError('Payments', 'Must be a list of payments');
	// Replace with an empty list clears the recorded payments (verified live by szamlazz-rs); appending nothing is a mistake.
	if (payments.length === 0 && req.mode === 'append') {
		throw new InputError('Payments', 'Add at least one payment (an empty list is only meaningful in replace mode, where it clears all payments)');
	}
	if (payments.length > MAX_INVOICE_PAYMENTS) {
		throw new InputError('Payments', `At most ${MAX_INVOICE_PAYMENTS} payments per call, got ${payments.length}`);
	}
	const entries: XmlElement[] = payments.map((p, i) => {
		const at = `Payments[${i + 1}]`;
		if (!p || typeof p !== 'object') throw new InputError(at, 'Payment is empty');
		return node('kifizetes', [
			leaf('datum', requireDate(p.date, `${at} › Date`)),
			requiredTextLeaf('jogcim', p.method, `${at} › Method`),
			leaf('osszeg', requireNumber(p.amount, `${at} › Amount`)),
			textLeaf('leiras', p.description, `${at} › Comment`),
		]);
	});
	return renderRequest('registerPayment', [
		node('beallitasok', [
			...authChildren(req.auth),
			requiredTextLeaf('szamlaszam', req.invoiceNumber, 'Invoice Number'),
			textLeaf('adoszam', req.taxNumber, 'Tax Number'),
			leaf('additiv', req.mode === 'append'),
			textLeaf('aggregator', req.aggregator, 'Aggregator'),
			leaf('valaszVerzio', RESPONSE_VERSION_XML),
		]),
		...entries,
	]);
}
