/**
 * xmlszamlapdf and xmlszamlaxml: look an invoice up by number, order number or external id (szamla-agent.md §2.4,
 * §2.5, §3.4). Not found is 7: headers + body for PDF, body only for the data query.
 */
import { AgentError, MESSAGES, xmlAnswer, type Answer } from '../answers';
import type { OpContext } from '../config';
import type { InvoiceDocument } from '../types';
import { bool, el, text, value, XML_DECL } from '../xml';
import { answerVersion, invoicePdf, invoiceSuccess } from './invoice-answer';

function queryable(d: InvoiceDocument): boolean {
	return !d.deleted && !(d.kind === 'proforma' && d.consumed);
}

function lookup(ctx: OpContext): InvoiceDocument | undefined {
	const root = ctx.tree;
	const number = value(root, 'szamlaszam')?.trim();
	if (number) {
		const d = ctx.store.findInvoice(ctx.accountIndex, number);
		return d && queryable(d) ? d : undefined;
	}
	const order = value(root, 'rendelesSzam')?.trim();
	if (order) return ctx.store.latestByOrder(ctx.accountIndex, order, queryable);
	const external = value(root, 'szamlaKulsoAzon');
	if (external) return ctx.store.latestByExternalId(ctx.accountIndex, external, queryable);
	return undefined;
}

export function queryPdf(ctx: OpContext): Answer {
	const version = answerVersion(text(ctx.tree, 'valaszVerzio'));
	const doc = lookup(ctx);
	if (!doc) throw new AgentError(7, 'Hiányzó adat: számla pdf (ismeretlen számlaszám, rendelésszám vagy külső azonosító)');
	return invoiceSuccess(doc, version, true, ctx.config.pdfBytes);
}

export function queryData(ctx: OpContext): Answer {
	const doc = lookup(ctx);
	if (!doc) throw new AgentError(7, MESSAGES.queryXmlNotFound, false);
	const pdf = bool(ctx.tree, 'pdf') ? el('pdf', invoicePdf(doc, ctx.config.pdfBytes).toString('base64')) : '';
	return xmlAnswer(invoiceDataXml(ctx, doc, pdf));
}

const UNIFIED_METHODS: Record<string, string> = {
	'átutalás': 'transfer',
	'készpénz': 'cash',
	'bankkártya': 'credit_card',
	'utánvét': 'cash_on_delivery',
	paypal: 'paypal',
};

function vatSummary(doc: InvoiceDocument): string {
	const groups = new Map<string, { net: number; vat: number; gross: number }>();
	for (const l of doc.lines) {
		const g = groups.get(l.vatKey) ?? { net: 0, vat: 0, gross: 0 };
		g.net += l.net;
		g.vat += l.vat;
		g.gross += l.gross;
		groups.set(l.vatKey, g);
	}
	const r = (n: number) => Math.round(n * 100) / 100;
	return [...groups]
		.map(([key, g]) => `<afakulcsossz>${el('afakulcs', key)}${el('netto', r(g.net))}${el('afa', r(g.vat))}${el('brutto', r(g.gross))}</afakulcsossz>`)
		.join('');
}

/** Shaped like samples/szamla/szamla_query.xml, plus the fields the notes list for references and stornos. */
function invoiceDataXml(ctx: OpContext, doc: InvoiceDocument, pdf: string): string {
	const account = ctx.account;
	const b = doc.buyer;
	const lines = doc.lines
		.map(
			(l) =>
				`<tetel>${el('nev', l.name)}${el('azonosito', l.id)}${el('mennyiseg', l.quantity)}${el('mennyisegiegyseg', l.unit)}${el('nettoegysegar', l.unitPrice)}` +
				`${el('afakulcs', l.vatKey)}${el('netto', l.net)}${el('arresafaalap', 0)}${el('afa', l.vat)}${el('brutto', l.gross)}${el('megjegyzes', l.comment ?? '')}` +
				`<fokonyv><arbevetel></arbevetel><afa></afa><gazdasagiesemeny></gazdasagiesemeny><gazdasagiesemenyafa></gazdasagiesemenyafa></fokonyv></tetel>`,
		)
		.join('');
	const payments = doc.payments
		.map((p) => `<kifizetes>${el('datum', p.date)}${el('jogcim', p.method)}${el('osszeg', p.amount)}${el('megjegyzes', p.description ?? '')}${el('bankszamlaszam', '-')}</kifizetes>`)
		.join('');
	const reference = doc.kind === 'storno' || doc.kind === 'corrective' ? doc.refersTo : undefined;
	const original = reference ? ctx.store.findInvoice(ctx.accountIndex, reference) : undefined;
	return (
		`${XML_DECL}\n<szamla xmlns="http://www.szamlazz.hu/szamla" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.szamlazz.hu/szamla szamla.xsd ">` +
		`<szallito>${el('id', 201 + ctx.accountIndex)}${el('nev', account.name ?? 'Teszt Kft.')}<cim>${el('orszag', 'Hungary')}${el('irsz', '1086')}${el('telepules', 'Budapest')}${el('cim', 'Szerdahelyi utca 4-8')}</cim>` +
		`${el('adoszam', account.taxNumber ?? '')}${el('adoszameu', '')}<bank>${el('nev', 'Teszt Bank Zrt.')}${el('bankszamla', '')}</bank></szallito>` +
		`<alap>${el('id', doc.id)}${el('szamlaszam', doc.number)}${el('tipus', doc.typeCode)}${el('eszamla', doc.eInvoice ? 1 : 0)}` +
		`${el('kelt', doc.issueDate)}${el('telj', doc.fulfillmentDate)}${el('fizh', doc.dueDate)}${el('fizmod', doc.paymentMethod)}` +
		`${el('fizmodunified', UNIFIED_METHODS[doc.paymentMethod.toLowerCase()] ?? 'other')}${el('nyelv', doc.language)}${el('devizanem', doc.currency)}` +
		`${el('devizaarf', 0)}${el('megjegyzes', doc.comment ?? '')}${el('penzforg', false)}${el('kata', false)}${el('email', b.email ?? '')}${el('teszt', false)}` +
		`${el('rendelesszam', doc.orderNumber)}${el('hivszamlaszam', reference)}${el('hivdijbekszam', doc.fromProforma)}${el('gazdEsemAzon', original?.id)}${doc.reversed ? el('sztornozott', true) : ''}</alap>` +
		`<vevo>${el('id', 300000 + doc.id)}${el('nev', b.name)}<cim>${el('orszag', b.country ?? '')}${el('irsz', b.zip)}${el('telepules', b.city)}${el('cim', b.address)}</cim>` +
		`${el('email', b.email ?? '')}${el('adoszam', b.taxNumber ?? '')}<fokonyv><vevo></vevo><vevoazon></vevoazon></fokonyv></vevo>` +
		`<tetelek>${lines}</tetelek>` +
		`<osszegek>${vatSummary(doc)}<totalossz>${el('netto', doc.totals.net)}${el('afa', doc.totals.vat)}${el('brutto', doc.totals.gross)}</totalossz></osszegek>` +
		(payments ? `<kifizetesek>${payments}</kifizetesek>` : '') +
		pdf +
		'</szamla>'
	);
}
