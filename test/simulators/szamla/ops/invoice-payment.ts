/**
 * xmlszamlakifiz: register payments (szamla-agent.md §2.3). Business errors (7, 463) travel in the body only.
 */
import { requireNumber, tidy } from '../amounts';
import { AgentError, type Answer } from '../answers';
import type { OpContext } from '../config';
import type { Payment } from '../types';
import { bool, child, children, text, value } from '../xml';
import { answerVersion, invoiceSuccess } from './invoice-answer';

export function registerPayment(ctx: OpContext): Answer {
	const { tree, store, config } = ctx;
	const settings = child(tree, 'beallitasok');
	const version = answerVersion(text(settings, 'valaszVerzio'));
	const number = text(settings, 'szamlaszam')?.trim() ?? '';
	const doc = store.findInvoice(ctx.accountIndex, number);
	if (!doc || doc.deleted || (doc.kind === 'proforma' && doc.consumed)) {
		throw new AgentError(7, `Hiányzó adat: számla (ismeretlen számlaszám: ${number})`, false);
	}
	if (doc.reversed || doc.kind === 'storno') {
		throw new AgentError(463, `Sztornózott vagy sztornó számlához nem rögzíthető kifizetés: ${number}`, false);
	}
	const entries: Payment[] = children(tree, 'kifizetes').map((k) => ({
		date: text(k, 'datum') ?? '',
		method: text(k, 'jogcim') ?? '',
		amount: requireNumber(text(k, 'osszeg'), 'osszeg'),
		description: value(k, 'leiras'),
	}));
	// additiv=true appends; false replaces, and with no kifizetes clears (verified live per §2.3).
	doc.payments = bool(settings, 'additiv') ? [...doc.payments, ...entries] : entries;
	const paidSum = tidy(doc.payments.reduce((s, p) => s + p.amount, 0));
	doc.outstanding = tidy(doc.totals.gross - paidSum);
	doc.paid = doc.payments.length > 0 && doc.outstanding <= 0;
	store.onPaymentChange?.(doc);
	return invoiceSuccess(doc, version, false, config.pdfBytes);
}
