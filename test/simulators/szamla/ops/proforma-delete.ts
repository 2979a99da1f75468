/** xmlszamladbkdel: delete proforma(s) by number or by order number (all matching). Success has no szlahu_* headers. */
import { AgentError, MESSAGES, xmlAnswer, type Answer } from '../answers';
import type { OpContext } from '../config';
import type { InvoiceDocument } from '../types';
import { child, el, value, XML_DECL } from '../xml';

export function deleteProforma(ctx: OpContext): Answer {
	const header = child(ctx.tree, 'fejlec');
	const number = value(header, 'szamlaszam')?.trim();
	const order = value(header, 'rendelesszam')?.trim();
	const isLive = (d: InvoiceDocument) => d.kind === 'proforma' && !d.deleted && !d.consumed;
	const byNumber = number ? ctx.store.findInvoice(ctx.accountIndex, number) : undefined;
	const live = number ? (byNumber && isLive(byNumber) ? [byNumber] : []) : order ? ctx.store.invoicesByOrder(ctx.accountIndex, order).filter(isLive) : [];
	if (!live.length) throw new AgentError(335, MESSAGES.proformaMissing);
	for (const d of live) d.deleted = true;
	return xmlAnswer(
		`${XML_DECL}\n<xmlszamladbkdelvalasz xmlns="http://www.szamlazz.hu/xmlszamladbkdelvalasz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${el('sikeres', true)}</xmlszamladbkdelvalasz>`,
	);
}
