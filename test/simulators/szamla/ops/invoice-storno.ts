/**
 * xmlszamlast: reverse an invoice (szamla-agent.md §2.2, §3.5 codes 14/221/352, §4 storno behaviour).
 */
import { tidy } from '../amounts';
import { AgentError, type Answer } from '../answers';
import type { OpContext } from '../config';
import { INVOICE_TYPE_CODES, type InvoiceDocument } from '../types';
import { bool, child, text, value } from '../xml';
import { answerVersion, invoiceSuccess } from './invoice-answer';
import { allocateNumber, buyerPortalUrl } from './invoice-create';

export function reverseInvoice(ctx: OpContext): Answer {
	const { tree, store, config } = ctx;
	const settings = child(tree, 'beallitasok');
	const header = child(tree, 'fejlec');
	const version = answerVersion(text(settings, 'valaszVerzio'));
	const wantPdf = bool(settings, 'szamlaLetoltes');
	const number = text(header, 'szamlaszam')?.trim() ?? '';

	const issueDate = value(header, 'keltDatum');
	if (issueDate !== undefined && issueDate !== ctx.today) {
		throw new AgentError(352, `A kiállítás dátuma csak a mai nap lehet (${ctx.today}), megadva: ${issueDate}`);
	}
	const target = store.findInvoice(ctx.accountIndex, number);
	if (!target || target.deleted) throw new AgentError(7, `Hiányzó adat: sztornózandó számla (ismeretlen számlaszám: ${number})`);
	if (target.kind === 'storno') throw new AgentError(14, `Sztornó számla nem sztornózható: ${number}`);
	if (target.correctedBy.length) throw new AgentError(221, `A számlához helyesbítő számla tartozik, ezért nem sztornózható: ${number}`);
	// Proformas and delivery notes: a success-shaped no-op with the original's positive totals (§4).
	if (target.kind === 'proforma' || target.kind === 'deliveryNote') return invoiceSuccess(target, version, wantPdf, config.pdfBytes);
	// Repeat storno: the existing storno comes back (idempotent on the real service).
	if (target.reversed && target.reversedBy) {
		const existing = store.findInvoice(ctx.accountIndex, target.reversedBy);
		if (existing) return invoiceSuccess(existing, version, wantPdf, config.pdfBytes);
	}

	const today = ctx.today;
	const id = store.newId();
	const negate = (n: number) => tidy(-n);
	const storno: InvoiceDocument = {
		...target,
		id,
		number: allocateNumber(ctx, 'storno', target.prefix, today),
		kind: 'storno',
		typeCode: INVOICE_TYPE_CODES.storno,
		externalId: value(settings, 'szamlaKulsoAzon'),
		issueDate: today,
		fulfillmentDate: value(header, 'teljesitesDatum') ?? target.fulfillmentDate,
		comment: value(header, 'megjegyzes'),
		buyer: { ...target.buyer, email: value(child(tree, 'vevo'), 'email') ?? target.buyer.email },
		lines: target.lines.map((l) => ({ ...l, quantity: negate(l.quantity), net: negate(l.net), vat: negate(l.vat), gross: negate(l.gross) })),
		totals: { net: negate(target.totals.net), vat: negate(target.totals.vat), gross: negate(target.totals.gross) },
		payments: [],
		paid: false,
		outstanding: 0,
		reversed: false,
		reversedBy: undefined,
		refersTo: target.number,
		consumed: false,
		closedBy: undefined,
		correctedBy: [],
		attachments: 0,
		buyerPortalUrl: buyerPortalUrl(id),
		createdAt: new Date().toISOString(),
		requestHash: ctx.rawHash,
	};
	store.add(storno);
	target.reversed = true;
	target.reversedBy = storno.number;
	// A storno wipes the original's recorded payments (§4): its paid amount changes to 0.
	const hadPayments = target.payments.length > 0;
	target.payments = [];
	target.paid = false;
	target.outstanding = 0;
	if (hadPayments) store.onPaymentChange?.(target);
	if (target.kind === 'final' && target.refersTo) {
		const prepayment = store.findInvoice(ctx.accountIndex, target.refersTo);
		if (prepayment?.closedBy === target.number) prepayment.closedBy = undefined;
	}
	return invoiceSuccess(storno, version, wantPdf, config.pdfBytes);
}
