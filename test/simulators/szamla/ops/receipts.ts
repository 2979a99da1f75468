/**
 * Receipts (nyugta): create, storno, get, send (szamla-agent.md §2.7–2.10, codes 336–340, 153).
 */
import { checkLine, requireNumber, samePaidAmount, sumTotals, tidy } from '../amounts';
import { AgentError, xmlAnswer, type Answer } from '../answers';
import type { OpContext } from '../config';
import type { ReceiptDocument, ReceiptLine } from '../types';
import { bool, child, children, el, num, text, value, XML_DECL, type XmlNode } from '../xml';
import { receiptAnswer } from './receipt-xml';

function claimCallId(ctx: OpContext, callId: string | undefined): void {
	if (!callId) return;
	const key = `${ctx.accountIndex}|${callId}`;
	// Duplicates are refused without replaying the first result (§4).
	if (ctx.store.usedCallIds.has(key)) throw new AgentError(338, `A megadott hívásazonosító már használatban van: ${callId}`);
	ctx.store.usedCallIds.add(key);
}

function readLines(items: XmlNode[], currency: string): ReceiptLine[] {
	return items.map((item) => {
		const ledger = child(item, 'fokonyv');
		const line: ReceiptLine = {
			name: text(item, 'megnevezes') ?? '',
			id: value(item, 'azonosito'),
			quantity: requireNumber(text(item, 'mennyiseg'), 'mennyiseg'),
			unit: text(item, 'mennyisegiEgyseg') ?? '',
			unitPrice: requireNumber(text(item, 'nettoEgysegar'), 'nettoEgysegar'),
			vatKey: text(item, 'afakulcs') ?? '',
			vatRate: 0,
			net: requireNumber(text(item, 'netto'), 'netto'),
			vat: requireNumber(text(item, 'afa'), 'afa'),
			gross: requireNumber(text(item, 'brutto'), 'brutto'),
			ledger: ledger ? { revenue: value(ledger, 'arbevetel'), vat: value(ledger, 'afa') } : undefined,
			comment: value(item, 'megjegyzes'),
		};
		line.vatRate = checkLine(line, currency);
		return line;
	});
}

export function createReceipt(ctx: OpContext): Answer {
	const { tree, store, config } = ctx;
	const header = child(tree, 'fejlec');
	const prefix = text(header, 'elotag') ?? '';
	if (!/^[A-Z0-9]{1,5}$/.test(prefix)) {
		throw new AgentError(337, `A nyugta előtag csak nagybetűket és számokat tartalmazhat, legfeljebb 5 karakter hosszú lehet: ${prefix}`);
	}
	if (config.registeredPrefixes.includes(prefix)) {
		throw new AgentError(336, `Az előtag már számlákhoz használatban van, nyugta előtagként nem használható: ${prefix}`);
	}
	const currency = text(header, 'penznem') ?? 'HUF';
	const lines = readLines(children(child(tree, 'tetelek'), 'tetel'), currency);
	const totals = sumTotals(lines);
	const payments = children(child(tree, 'kifizetesek'), 'kifizetes').map((k) => ({
		method: text(k, 'fizetoeszkoz') ?? '',
		amount: requireNumber(text(k, 'osszeg'), 'osszeg'),
		description: value(k, 'leiras'),
	}));
	if (payments.length) {
		const paid = tidy(payments.reduce((s, p) => s + p.amount, 0));
		if (!samePaidAmount(paid, totals.gross)) {
			throw new AgentError(340, `A nyugta kifizetéseinek összege (${paid}) nem egyezik a nyugta bruttó összegével (${totals.gross})`);
		}
	}
	const callId = value(header, 'hivasAzonosito');
	claimCallId(ctx, callId);

	const year = ctx.today.slice(0, 4);
	const doc: ReceiptDocument = {
		family: 'receipt',
		id: store.newId(),
		accountIndex: ctx.accountIndex,
		number: `${prefix}-${year}-${store.nextSequence(`${ctx.accountIndex}|R|${prefix}|${year}`)}`,
		kind: 'receipt',
		typeCode: 'NY',
		prefix,
		callId,
		orderNumber: value(header, 'rendelesSzam')?.trim() || undefined,
		issueDate: ctx.today,
		paymentMethod: text(header, 'fizmod') ?? '',
		currency,
		exchangeBank: value(header, 'devizabank'),
		exchangeRate: num(header, 'devizaarf'),
		comment: value(header, 'megjegyzes'),
		ledgerBuyer: value(header, 'fokonyvVevo'),
		lines,
		payments,
		totals,
		reversed: false,
		emails: [],
		createdAt: new Date().toISOString(),
	};
	store.add(doc);
	return receiptAnswer(doc, bool(child(tree, 'beallitasok'), 'pdfLetoltes'), config.pdfBytes);
}

function unknownReceipt(ref: string): AgentError {
	return new AgentError(339, `Nem létező nyugtaszám: ${ref}`);
}

export function reverseReceipt(ctx: OpContext): Answer {
	const { tree, store, config } = ctx;
	const header = child(tree, 'fejlec');
	const withPdf = bool(child(tree, 'beallitasok'), 'pdfLetoltes');
	const number = text(header, 'nyugtaszam')?.trim() ?? '';
	const target = store.findReceipt(ctx.accountIndex, number);
	if (!target) throw unknownReceipt(number);
	if (target.kind === 'receiptStorno') throw new AgentError(14, `Sztornó nyugta nem sztornózható: ${number}`);
	// Assumed to behave like invoice storno: a repeat gives the existing storno back.
	if (target.reversedBy) {
		const existing = store.findReceipt(ctx.accountIndex, target.reversedBy);
		if (existing) return receiptAnswer(existing, withPdf, config.pdfBytes, target.number);
	}
	const callId = value(header, 'hivasAzonosito');
	claimCallId(ctx, callId);
	const neg = (n: number) => tidy(-n);
	const year = ctx.today.slice(0, 4);
	const storno: ReceiptDocument = {
		...target,
		id: store.newId(),
		number: `${target.prefix}-${year}-${store.nextSequence(`${ctx.accountIndex}|R|${target.prefix}|${year}`)}`,
		kind: 'receiptStorno',
		typeCode: 'SN',
		callId,
		issueDate: ctx.today,
		lines: target.lines.map((l) => ({ ...l, quantity: neg(l.quantity), net: neg(l.net), vat: neg(l.vat), gross: neg(l.gross) })),
		payments: target.payments.map((p) => ({ ...p, amount: neg(p.amount) })),
		totals: { net: neg(target.totals.net), vat: neg(target.totals.vat), gross: neg(target.totals.gross) },
		reversed: false,
		reversedBy: undefined,
		refersTo: target.number,
		emails: [],
		createdAt: new Date().toISOString(),
	};
	store.add(storno);
	target.reversed = true;
	target.reversedBy = storno.number;
	return receiptAnswer(storno, withPdf, config.pdfBytes, target.number);
}

export function getReceipt(ctx: OpContext): Answer {
	const { tree, store, config } = ctx;
	const header = child(tree, 'fejlec');
	const number = value(header, 'nyugtaszam')?.trim();
	const order = value(header, 'rendelesSzam')?.trim();
	const doc = number
		? store.findReceipt(ctx.accountIndex, number)
		: order
			? store.latestReceipt(ctx.accountIndex, (d) => d.kind === 'receipt' && d.orderNumber === order)
			: undefined;
	if (!doc) throw unknownReceipt(number ?? order ?? '');
	return receiptAnswer(doc, bool(child(tree, 'beallitasok'), 'pdfLetoltes'), config.pdfBytes, doc.refersTo);
}

export function sendReceipt(ctx: OpContext): Answer {
	const { tree, store, config } = ctx;
	const number = text(child(tree, 'fejlec'), 'nyugtaszam')?.trim() ?? '';
	const doc = store.findReceipt(ctx.accountIndex, number);
	if (!doc) throw unknownReceipt(number);
	const mail = child(tree, 'emailKuldes');
	// An absent emailKuldes block sends nothing; an empty one re-sends with the stored data (§2.10).
	if (mail) {
		const now = Date.now();
		const last = doc.emails[doc.emails.length - 1];
		if (config.receiptMailGapMs > 0 && last && now - Date.parse(last.at) < config.receiptMailGapMs) {
			throw new AgentError(153, 'Túl sok értesítő rövid időn belül, kérjük várjon legalább 15 másodpercet');
		}
		doc.emails.push({ at: new Date(now).toISOString(), to: value(mail, 'email'), subject: value(mail, 'emailTargy') });
	}
	return xmlAnswer(
		`${XML_DECL}\n<xmlnyugtasendvalasz xmlns="http://www.szamlazz.hu/xmlnyugtasendvalasz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${el('sikeres', true)}</xmlnyugtasendvalasz>`,
	);
}
