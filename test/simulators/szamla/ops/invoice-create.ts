/**
 * xmlszamla: every invoice kind (szamla-agent.md §1 #1, §2.1, §4 idempotency notes).
 */
import { createHash } from 'crypto';
import { sumTotals, tidy } from '../amounts';
import { AgentError, MESSAGES, pdfAnswer, szamlaValasz, xmlAnswer, type Answer } from '../answers';
import { forbidsOrderNumberRepetition, type OpContext } from '../config';
import { makePdf } from '../pdf';
import { INVOICE_TYPE_CODES, type Buyer, type InvoiceDocument, type InvoiceKind, type WaybillRecord } from '../types';
import { bool, child, children, el, num, text, value, type XmlNode } from '../xml';
import { answerVersion, invoiceSuccess } from './invoice-answer';
import { readInvoiceLines } from './invoice-lines';

const MIN_DATE = '2010-01-01';

function kindOf(header: XmlNode | undefined): InvoiceKind {
	if (bool(header, 'dijbekero')) return 'proforma';
	if (bool(header, 'szallitolevel')) return 'deliveryNote';
	if (bool(header, 'elolegszamla')) return 'prepayment';
	if (bool(header, 'vegszamla')) return 'final';
	if (bool(header, 'helyesbitoszamla')) return 'corrective';
	return 'invoice';
}

/** The waybill block as sent, so tests can see what reached the service. */
function readWaybill(node: XmlNode | undefined): WaybillRecord | undefined {
	if (!node) return undefined;
	const record: WaybillRecord = {};
	for (const c of node.children) record[c.name] = c.children.length > 0 ? readWaybill(c)! : c.text;
	return record;
}

function readBuyer(node: XmlNode | undefined): Buyer {
	return {
		name: text(node, 'nev') ?? '',
		country: value(node, 'orszag'),
		zip: text(node, 'irsz') ?? '',
		city: text(node, 'telepules') ?? '',
		address: text(node, 'cim') ?? '',
		email: value(node, 'email'),
		taxNumber: value(node, 'adoszam'),
		euTaxNumber: value(node, 'adoszamEU'),
		taxSubject: num(node, 'adoalany'),
		id: value(node, 'azonosito'),
	};
}

/** Proformas, delivery notes and invoices count from different sequences, so their numbers never collide. */
export function allocateNumber(ctx: OpContext, kind: InvoiceKind, prefix: string, issueDate: string): string {
	const year = issueDate.slice(0, 4);
	if (kind === 'proforma') return `D-${prefix}-${ctx.store.nextSequence(`${ctx.accountIndex}|${prefix}|D`)}`;
	if (kind === 'deliveryNote') return `SL-${prefix}-${ctx.store.nextSequence(`${ctx.accountIndex}|${prefix}|SL`)}`;
	return `${prefix}-${year}-${ctx.store.nextSequence(`${ctx.accountIndex}|${prefix}|${year}`)}`;
}

export function buyerPortalUrl(id: number): string {
	const guid = createHash('sha1').update(`portal-${id}`).digest('hex');
	return `https://www.szamlazz.hu/szamla/?page=vevoifiokpay&partguid=${guid.slice(0, 20)}&szfejguid=${guid.slice(20)}`;
}

function checkDates(dates: Array<string | undefined>): void {
	for (const d of dates) {
		if (d !== undefined && d < MIN_DATE) {
			throw new AgentError(396, `A bizonylaton szereplő dátumok egyike sem lehet korábbi, mint ${MIN_DATE}: ${d}`);
		}
	}
}

function isLiveProforma(d: InvoiceDocument): boolean {
	return d.kind === 'proforma' && !d.consumed && !d.deleted;
}

export function createInvoice(ctx: OpContext): Answer {
	const { tree, config, store } = ctx;
	const settings = child(tree, 'beallitasok');
	const header = child(tree, 'fejlec');
	const version = answerVersion(text(settings, 'valaszVerzio'));
	const wantPdf = bool(settings, 'szamlaLetoltes');
	const kind = kindOf(header);
	const currency = text(header, 'penznem') ?? 'HUF';

	const issueDate = value(header, 'keltDatum') ?? ctx.today;
	const fulfillmentDate = text(header, 'teljesitesDatum') ?? issueDate;
	const dueDate = text(header, 'fizetesiHataridoDatum') ?? issueDate;
	checkDates([issueDate, fulfillmentDate, dueDate]);

	const prefix = value(header, 'szamlaszamElotag') ?? config.registeredPrefixes[0];
	if (!prefix || !config.registeredPrefixes.includes(prefix)) {
		throw new AgentError(202, `A számlaszám előtag nincs regisztrálva vagy üres: ${prefix ?? ''}`);
	}

	const lines = readInvoiceLines(children(child(tree, 'tetelek'), 'tetel'), currency);
	const totals = sumTotals(lines);

	// Preview: the PDF only, no document, no number, no szlahu_* headers.
	if (bool(header, 'elonezetpdf')) {
		const pdf = makePdf('ELONEZET', config.pdfBytes);
		if (version === 2) {
			return xmlAnswer(szamlaValasz(el('sikeres', true) + el('szamlanetto', totals.net) + el('szamlabrutto', totals.gross) + el('pdf', pdf.toString('base64'))));
		}
		return pdfAnswer(pdf, 'elonezet');
	}

	const orderNumber = value(header, 'rendelesSzam')?.trim() || undefined;
	if (forbidsOrderNumberRepetition(ctx) && orderNumber) {
		const existing = store.latestByOrder(
			ctx.accountIndex,
			orderNumber,
			(d) => d.kind === kind && d.orderNumber === orderNumber && !d.reversed && !d.deleted && !(d.kind === 'proforma' && d.consumed),
		);
		if (existing) {
			// A byte-identical resend while the first is live gets the same invoice back (§4).
			if (existing.requestHash === ctx.rawHash) {
				ctx.stats.identicalReplays++;
				return invoiceSuccess(existing, version, wantPdf, config.pdfBytes);
			}
			// 71 and 152 both mean this (notes §3.5); 152 names the trimmed order number, as the live service did.
			ctx.stats.orderNumberRefusals++;
			throw new AgentError(152, `Számla mentés sikertelen. Már létező rendelésszám: ${orderNumber}.`);
		}
	}

	let refersTo: string | undefined;
	let prepayment: InvoiceDocument | undefined;
	if (kind === 'final') {
		const explicit = value(header, 'elolegSzamlaszam');
		prepayment = explicit
			? store.findInvoice(ctx.accountIndex, explicit)
			: orderNumber
				? store.latestByOrder(ctx.accountIndex, orderNumber, (d) => d.kind === 'prepayment' && !d.reversed)
				: undefined;
		if (!prepayment || prepayment.kind !== 'prepayment' || prepayment.reversed || prepayment.closedBy) {
			throw new AgentError(73, `A végszámlához tartozó előlegszámla nem azonosítható${explicit ? `: ${explicit}` : ''}`);
		}
		refersTo = prepayment.number;
	}
	let corrected: InvoiceDocument | undefined;
	if (kind === 'corrective') {
		const target = value(header, 'helyesbitettSzamlaszam');
		corrected = target ? store.findInvoice(ctx.accountIndex, target) : undefined;
		if (!corrected || corrected.kind === 'proforma' || corrected.kind === 'deliveryNote' || corrected.kind === 'storno') {
			throw new AgentError(7, `Hiányzó adat: helyesbített számla (ismeretlen számlaszám: ${target ?? ''})`);
		}
		refersTo = corrected.number;
	}
	let convertedProforma: InvoiceDocument | undefined;
	const proformaNumber = value(header, 'dijbekeroSzamlaszam');
	if (proformaNumber) {
		convertedProforma = store.findInvoice(ctx.accountIndex, proformaNumber);
		if (!convertedProforma || !isLiveProforma(convertedProforma)) {
			throw new AgentError(7, `Hiányzó adat: díjbekérő (ismeretlen vagy már felhasznált díjbekérő: ${proformaNumber})`);
		}
	}

	const id = store.newId();
	const number = allocateNumber(ctx, kind, prefix, issueDate);
	const paymentMethod = text(header, 'fizmod') ?? '';
	const doc: InvoiceDocument = {
		family: 'invoice',
		id,
		accountIndex: ctx.accountIndex,
		number,
		kind,
		typeCode: INVOICE_TYPE_CODES[kind],
		prefix,
		orderNumber,
		externalId: value(settings, 'szamlaKulsoAzon'),
		issueDate,
		fulfillmentDate,
		dueDate,
		paymentMethod,
		currency,
		language: text(header, 'szamlaNyelve') ?? 'hu',
		comment: value(header, 'megjegyzes'),
		eInvoice: bool(settings, 'eszamla'),
		payableCorrection: value(header, 'fizetendoKorrekcio'),
		euVat: bool(header, 'eusAfa'),
		buyer: readBuyer(child(tree, 'vevo')),
		lines,
		totals,
		payments: [],
		paid: false,
		outstanding: totals.gross,
		reversed: false,
		refersTo,
		fromProforma: convertedProforma ? proformaNumber : undefined,
		consumed: false,
		deleted: false,
		correctedBy: [],
		attachments: ctx.attachments,
		waybill: readWaybill(child(tree, 'fuvarlevel')),
		buyerPortalUrl: buyerPortalUrl(id),
		createdAt: new Date().toISOString(),
		requestHash: ctx.rawHash,
	};
	if (bool(header, 'fizetve') && kind !== 'proforma' && kind !== 'deliveryNote') {
		doc.payments.push({ date: issueDate, method: paymentMethod, amount: totals.gross });
		doc.paid = true;
		doc.outstanding = 0;
	}
	store.add(doc);
	if (doc.paid) store.onPaymentChange?.(doc);

	if (prepayment) prepayment.closedBy = number;
	if (corrected) corrected.correctedBy.push(number);
	if (convertedProforma) convertedProforma.consumed = true;
	// Issuing an invoice or prepayment under a proforma's order number consumes that proforma (§4).
	if (orderNumber && (kind === 'invoice' || kind === 'prepayment')) {
		for (const p of store.invoicesByOrder(ctx.accountIndex, orderNumber)) if (isLiveProforma(p)) p.consumed = true;
	}

	if (ctx.mailFails) {
		throw new AgentError(56, `${MESSAGES.mail56}: ${number}`, true, {
			number,
			id,
			net: totals.net,
			gross: totals.gross,
			outstanding: tidy(doc.outstanding),
		});
	}
	return invoiceSuccess(doc, version, wantPdf, config.pdfBytes);
}
