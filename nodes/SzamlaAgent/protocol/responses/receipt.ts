/** Create / reverse / get receipt (`xmlnyugtavalasz`) and send receipt (`xmlnyugtasendvalasz`). */
import { describeSzamlaError } from '../errorCodes';
import type { OperationFacts } from '../operation';
import type { RawResponse, ReceiptLine, ReceiptPayment, ReceiptResult, SendReceiptResult } from '../types/response';
import { openEnvelope, unexpectedAnswer, type Envelope } from './envelope';
import { field } from './fields';
import { totals } from './invoiceData';
import { documentKind } from './kinds';
import { base64, bool, compact, list, num, obj, text, type XmlObject } from './values';

function line(t: XmlObject): ReceiptLine {
	return compact({
		name: text(field(t, 'megnevezes', 'nev')) ?? '',
		productId: text(t.azonosito),
		quantity: num(t.mennyiseg),
		unit: text(field(t, 'mennyisegiEgyseg')),
		netUnitPrice: num(field(t, 'nettoEgysegar')),
		vatRate: text(t.afakulcs),
		// The documented example uses both spellings.
		netAmount: num(field(t, 'netto', 'nettoErtek')),
		vatAmount: num(field(t, 'afa', 'afaErtek')),
		grossAmount: num(field(t, 'brutto', 'bruttoErtek')),
		comment: text(t.megjegyzes),
	});
}

function payment(p: XmlObject): ReceiptPayment {
	return compact({ method: text(p.fizetoeszkoz), amount: num(p.osszeg), description: text(p.leiras) });
}

function failIfRefused(env: Envelope): void {
	if (env.failure) throw describeSzamlaError(env.failure.code, env.failure.message, env.status);
}

export function parseReceiptResponse(operation: OperationFacts, raw: RawResponse): ReceiptResult {
	const env = openEnvelope(operation, raw);
	failIfRefused(env);
	if (env.root !== 'xmlnyugtavalasz' || !env.xml) throw unexpectedAnswer(env, '<xmlnyugtavalasz>');
	const receipt = obj(env.xml.nyugta);
	const head = obj(receipt.alap);
	const receiptNumber = text(head.nyugtaszam);
	if (!receiptNumber) throw unexpectedAnswer(env, 'a receipt with its number');
	const kindCode = text(head.tipus);
	const kind = documentKind(kindCode);
	return compact({
		receiptNumber,
		receiptId: text(head.id),
		callId: text(head.hivasAzonosito),
		kind: kind === 'receipt' || kind === 'receiptReversal' ? kind : 'other',
		kindCode,
		reversed: bool(head.stornozott) ?? false,
		reversedReceiptNumber: text(head.stornozottNyugtaszam),
		issueDate: text(head.kelt),
		paymentMethod: text(head.fizmod),
		currency: text(head.penznem),
		exchangeBank: text(head.devizabank),
		exchangeRate: num(head.devizaarf),
		comment: text(head.megjegyzes),
		ledgerBuyer: text(head.fokonyvVevo),
		test: bool(head.teszt),
		orderNumber: text(field(head, 'rendelesSzam')),
		lines: list(obj(receipt.tetelek).tetel).map(line),
		payments: list(obj(receipt.kifizetesek).kifizetes).map(payment),
		totals: totals(receipt.osszegek),
		pdf: base64(env.xml.nyugtaPdf),
	});
}

export function parseSendReceiptResponse(operation: OperationFacts, raw: RawResponse): SendReceiptResult {
	const env = openEnvelope(operation, raw);
	failIfRefused(env);
	if (env.root !== 'xmlnyugtasendvalasz' || bool(env.xml?.sikeres) !== true) {
		throw unexpectedAnswer(env, '<xmlnyugtasendvalasz> with sikeres=true');
	}
	return { sent: true };
}
