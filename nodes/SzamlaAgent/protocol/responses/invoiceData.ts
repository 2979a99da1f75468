/** Get invoice data: the query XML (`<szamla>`) as clean JSON; not found comes as `xmlszamlavalasz` code 7 in the body. */
import { describeSzamlaError } from '../errorCodes';
import type { OperationFacts } from '../operation';
import type {
	InvoiceData,
	InvoiceDataLine,
	InvoiceDataPayment,
	PostalAddress,
	RawResponse,
	Totals,
	VatTotal,
} from '../types/response';
import { openEnvelope, unexpectedAnswer } from './envelope';
import { field } from './fields';
import { documentKind } from './kinds';
import { base64, bool, compact, list, num, obj, text, type XmlObject } from './values';

function address(source: unknown): PostalAddress {
	const a = obj(source);
	return compact({ country: text(a.orszag), postalCode: text(a.irsz), city: text(a.telepules), street: text(a.cim) });
}

function line(t: XmlObject): InvoiceDataLine {
	return compact({
		name: text(field(t, 'nev', 'megnevezes')) ?? '',
		productId: text(t.azonosito),
		quantity: num(t.mennyiseg),
		unit: text(field(t, 'mennyisegiegyseg')),
		netUnitPrice: num(field(t, 'nettoegysegar')),
		vatRate: text(t.afakulcs),
		netAmount: num(field(t, 'netto', 'nettoErtek')),
		vatAmount: num(field(t, 'afa', 'afaErtek')),
		grossAmount: num(field(t, 'brutto', 'bruttoErtek')),
		marginVatBase: num(field(t, 'arresafaalap')),
		comment: text(t.megjegyzes),
	});
}

export function totals(source: unknown): Totals {
	const o = obj(source);
	const total = obj(o.totalossz);
	const byVatRate = list(o.afakulcsossz).map(
		(v): VatTotal =>
			compact({
				vatRate: text(v.afakulcs),
				vatType: text(v.afatipus),
				netAmount: num(v.netto),
				vatAmount: num(v.afa),
				grossAmount: num(v.brutto),
			}),
	);
	return compact({ byVatRate, netAmount: num(total.netto), vatAmount: num(total.afa), grossAmount: num(total.brutto) });
}

function payment(p: XmlObject): InvoiceDataPayment {
	const account = text(p.bankszamlaszam);
	return compact({
		date: text(p.datum),
		method: text(p.jogcim),
		amount: num(p.osszeg),
		comment: text(field(p, 'megjegyzes', 'leiras')),
		// The service writes "-" when no bank account belongs to the payment.
		bankAccount: account === '-' ? undefined : account,
	});
}

function invoiceData(doc: XmlObject): InvoiceData {
	const seller = obj(doc.szallito);
	const bank = obj(seller.bank);
	const head = obj(doc.alap);
	const buyer = obj(doc.vevo);
	const ledger = obj(buyer.fokonyv);
	const kindCode = text(head.tipus);
	return compact({
		seller: compact({
			id: text(seller.id),
			name: text(seller.nev),
			address: address(seller.cim),
			taxNumber: text(seller.adoszam),
			euTaxNumber: text(field(seller, 'adoszameu')),
			bankName: text(bank.nev),
			bankAccount: text(bank.bankszamla),
		}),
		header: compact({
			documentId: text(head.id),
			invoiceNumber: text(head.szamlaszam) ?? '',
			kind: documentKind(kindCode),
			kindCode,
			eInvoice: bool(head.eszamla),
			issueDate: text(head.kelt),
			fulfillmentDate: text(head.telj),
			dueDate: text(head.fizh),
			paymentMethod: text(head.fizmod),
			paymentMethodUnified: text(head.fizmodunified),
			language: text(head.nyelv),
			currency: text(head.devizanem),
			exchangeRate: num(head.devizaarf),
			comment: text(head.megjegyzes),
			cashAccounting: bool(head.penzforg),
			kata: bool(head.kata),
			email: text(head.email),
			test: bool(head.teszt),
			orderNumber: text(field(head, 'rendelesszam')),
			referencedInvoiceNumber: text(field(head, 'hivszamlaszam')),
			referencedProformaNumber: text(field(head, 'hivdijbekszam')),
			economicEventId: text(field(head, 'gazdEsemAzon')),
			reversed: bool(head.sztornozott),
		}),
		buyer: compact({
			id: text(buyer.id),
			name: text(buyer.nev),
			address: address(buyer.cim),
			email: text(buyer.email),
			taxNumber: text(buyer.adoszam),
			euTaxNumber: text(field(buyer, 'adoszameu')),
			ledgerAccount: text(ledger.vevo),
			ledgerBuyerId: text(ledger.vevoazon),
		}),
		lines: list(obj(doc.tetelek).tetel).map(line),
		totals: totals(doc.osszegek),
		payments: list(obj(doc.kifizetesek).kifizetes).map(payment),
		pdf: base64(doc.pdf),
	});
}

export function parseInvoiceDataResponse(operation: OperationFacts, raw: RawResponse): InvoiceData {
	const env = openEnvelope(operation, raw);
	if (env.failure) throw describeSzamlaError(env.failure.code, env.failure.message, env.status);
	if (env.root !== 'szamla' || !env.xml) throw unexpectedAnswer(env, 'the invoice data (<szamla>)');
	return invoiceData(env.xml);
}
