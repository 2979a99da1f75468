/** The xmlnyugtavalasz answer (shape and element names per xsd/szamla/response/xmlnyugtavalasz.xsd). */
import { SPECIAL_VAT_KEYS } from '../amounts';
import { xmlAnswer, type Answer } from '../answers';
import { makePdf } from '../pdf';
import type { ReceiptDocument } from '../types';
import { el, XML_DECL } from '../xml';

function vatFields(key: string, rate: number): string {
	// Special keys travel as afatipus with a 0 rate; numeric keys as the rate only (afakulcs is a double ≥ 0).
	return SPECIAL_VAT_KEYS.has(key) ? el('afatipus', key) + el('afakulcs', 0) : el('afakulcs', rate);
}

function summary(doc: ReceiptDocument): string {
	const groups = new Map<string, { rate: number; net: number; vat: number; gross: number }>();
	for (const l of doc.lines) {
		const g = groups.get(l.vatKey) ?? { rate: l.vatRate, net: 0, vat: 0, gross: 0 };
		g.net += l.net;
		g.vat += l.vat;
		g.gross += l.gross;
		groups.set(l.vatKey, g);
	}
	const r = (n: number) => Math.round(n * 100) / 100;
	const perRate = [...groups]
		.map(([key, g]) => `<afakulcsossz>${vatFields(key, g.rate)}${el('netto', r(g.net))}${el('afa', r(g.vat))}${el('brutto', r(g.gross))}</afakulcsossz>`)
		.join('');
	return `<osszegek>${perRate}<totalossz>${el('netto', doc.totals.net)}${el('afa', doc.totals.vat)}${el('brutto', doc.totals.gross)}</totalossz></osszegek>`;
}

export function receiptAnswer(doc: ReceiptDocument, withPdf: boolean, pdfSize: number, stornoOf?: string): Answer {
	const alap =
		`<alap>${el('id', doc.id)}${el('hivasAzonosito', doc.callId)}${el('nyugtaszam', doc.number)}${el('tipus', doc.typeCode)}` +
		`${el('stornozott', doc.reversed)}${el('stornozottNyugtaszam', stornoOf)}${el('kelt', doc.issueDate)}${el('fizmod', doc.paymentMethod)}` +
		`${el('penznem', doc.currency)}${el('devizabank', doc.exchangeBank)}${el('devizaarf', doc.exchangeRate)}${el('megjegyzes', doc.comment)}` +
		`${el('fokonyvVevo', doc.ledgerBuyer)}${el('teszt', false)}${el('rendelesSzam', doc.orderNumber)}</alap>`;
	const lines = doc.lines
		.map(
			(l) =>
				`<tetel>${el('megnevezes', l.name)}${el('azonosito', l.id)}${el('nettoEgysegar', l.unitPrice)}${el('mennyiseg', l.quantity)}` +
				`${el('mennyisegiEgyseg', l.unit)}${el('netto', l.net)}${vatFields(l.vatKey, l.vatRate)}${el('afa', l.vat)}${el('brutto', l.gross)}` +
				(l.ledger ? `<fokonyv>${el('arbevetel', l.ledger.revenue)}${el('afa', l.ledger.vat)}</fokonyv>` : '') +
				'</tetel>',
		)
		.join('');
	const payments = doc.payments.length
		? `<kifizetesek>${doc.payments.map((p) => `<kifizetes>${el('fizetoeszkoz', p.method)}${el('osszeg', p.amount)}${el('leiras', p.description)}</kifizetes>`).join('')}</kifizetesek>`
		: '';
	const pdf = withPdf ? el('nyugtaPdf', makePdf(doc.number, pdfSize).toString('base64')) : '';
	return xmlAnswer(
		`${XML_DECL}\n<xmlnyugtavalasz xmlns="http://www.szamlazz.hu/xmlnyugtavalasz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`${el('sikeres', true)}${pdf}<nyugta>${alap}<tetelek>${lines}</tetelek>${payments}${summary(doc)}</nyugta></xmlnyugtavalasz>`,
	);
}
