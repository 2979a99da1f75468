/**
 * Create receipt (xmlnyugtacreate): issue a receipt (szamla-agent.md §2.7). UI: actions/receipt/create.operation.ts.
 * Answer: responses/receipt.ts. The schema uses xs:all (any order); we still write the
 * listed order so output is stable for golden tests. Receipt lines name their amounts netto/afa/brutto.
 */
import { InputError } from '../../../shared/errors';
import { leaf, node, type XmlElement, type XmlText } from '../../../shared/xml';
import { sumLines } from '../amounts';
import { defineOperation } from '../operation';
import { parseReceiptResponse } from '../responses/receipt';
import type { AgentAuth } from '../types/common';
import type { CreateReceiptRequest, ReceiptLine, ReceiptPayment } from '../types/receiptRequests';
import type { ReceiptResult } from '../types/response';
import {
	authChildren,
	assertOptionalInteger,
	assertOptionalNumber,
	renderRequest,
	assertBoolean,
	assertNumber,
	assertText,
	requiredTextLeaf,
	textLeaf,
} from '../requests/common';
import { checkedLineAmounts } from '../requests/lineAmounts';

export type { CreateReceiptRequest, ReceiptResult };

const ROOT = 'xmlnyugtacreate';
const LINE_ITEMS = 'Line Items';

/**
 * 1–5 capital letters A–Z or digits (service code 337: "csak nagybetűket és számokat"). Whether accented capitals
 * (ÁRU) pass is not documented; the node has always refused them before sending, as the simulator does, so that stays.
 */
const RECEIPT_PREFIX = /^[A-Z0-9]{1,5}$/;

export function checkReceiptPrefix(prefix: unknown): string {
	const text = assertText(prefix, 'Prefix');
	if (!RECEIPT_PREFIX.test(text)) throw new InputError('Prefix', `must be 1–5 uppercase letters or digits, got "${text}"`);
	return text;
}

function document(req: CreateReceiptRequest, auth: AgentAuth): XmlText {
	const currency = assertText(req.currency, 'Currency');
	const lines = req.lines;
	if (!Array.isArray(lines) || lines.length === 0) throw new InputError(LINE_ITEMS, 'at least one line item is required');
	const items: XmlElement[] = new Array(lines.length);
	for (let i = 0; i < lines.length; i++) items[i] = receiptLineElement(lines[i], `${LINE_ITEMS}[${i + 1}]`, currency);
	return renderRequest(ROOT, [
		node('beallitasok', [...authChildren(auth), leaf('pdfLetoltes', assertBoolean(req.downloadPdf, 'Download PDF'))]),
		node('fejlec', [
			textLeaf('hivasAzonosito', req.callId, 'Additional Fields › Call ID'),
			{ name: 'elotag', text: checkReceiptPrefix(req.prefix), field: 'Prefix' },
			requiredTextLeaf('fizmod', req.paymentMethod, 'Payment Method'),
			{ name: 'penznem', text: currency, field: 'Currency' },
			leaf('devizaarf', assertOptionalNumber(req.exchangeRate, 'Exchange Rate')),
			textLeaf('devizabank', req.exchangeBank, 'Additional Fields › Exchange Bank'),
			textLeaf('megjegyzes', req.comment, 'Additional Fields › Comment'),
			textLeaf('pdfSablon', req.pdfTemplate, 'Additional Fields › PDF Template'),
			textLeaf('fokonyvVevo', req.buyerLedgerId, 'Additional Fields › Ledger Buyer ID'),
			textLeaf('rendelesSzam', req.orderNumber, 'Additional Fields › Order Number'),
		]),
		node('tetelek', items),
		paymentsElement(req.payments, sumLines(lines).grossAmount, currency),
	]);
}

function receiptLineElement(line: ReceiptLine, at: string, currency: string): XmlElement {
	if (!line || typeof line !== 'object') throw new InputError(at, 'line item is empty');
	const { quantity, netUnitPrice, vatKey, netAmount, vatAmount, grossAmount } = checkedLineAmounts(line, at, currency);
	return node('tetel', [
		requiredTextLeaf('megnevezes', line.name, `${at} › Name`),
		textLeaf('azonosito', line.identifier, `${at} › Identifier`),
		leaf('mennyiseg', quantity),
		requiredTextLeaf('mennyisegiEgyseg', line.unit, `${at} › Unit`),
		leaf('nettoEgysegar', netUnitPrice),
		{ name: 'afakulcs', text: vatKey, field: `${at} › VAT Key` },
		leaf('netto', netAmount),
		leaf('afa', vatAmount),
		leaf('brutto', grossAmount),
		textLeaf('megjegyzes', line.comment, `${at} › Comment`),
		// Newer (docs) schema only; sent only when set.
		leaf('torloKod', assertOptionalInteger(line.dataErasureCode, `${at} › Data Erasure Code`, 0)),
	]);
}

function paymentsElement(payments: ReceiptPayment[] | undefined, grossTotal: number, currency: string): XmlElement | undefined {
	if (payments === undefined || payments === null) return undefined;
	if (!Array.isArray(payments)) throw new InputError('Payments', 'must be a list of payments');
	if (payments.length === 0) return undefined;
	const entries = payments.map((p, i) => {
		const at = `Payments[${i + 1}]`;
		if (!p || typeof p !== 'object') throw new InputError(at, 'payment is empty');
		const amount = assertNumber(p.amount, `${at} › Amount`);
		return node('kifizetes', [
			requiredTextLeaf('fizetoeszkoz', p.method, `${at} › Method`),
			leaf('osszeg', amount),
			textLeaf('leiras', p.description, `${at} › Comment`),
		]);
	});
	// Service code 340: the payments must add up to the receipt's gross total, exactly (both in exact decimals).
	const paid = sumLines(payments.map((p) => ({ netAmount: 0, vatAmount: 0, grossAmount: p.amount }))).grossAmount;
	if (paid !== grossTotal) throw new InputError('Payments', `add up to ${paid} but the receipt's gross total is ${grossTotal} ${currency}`);
	return node('kifizetesek', entries);
}

export const createReceipt = defineOperation<CreateReceiptRequest, ReceiptResult>({
	name: 'createReceipt',
	fieldName: 'action-szamla_agent_nyugta_create',
	root: ROOT,
	writes: true,
	recoveryHint:
		'The receipt may have been created. Look it up with "Get Receipt" by its order number and compare the call ID; resend only with the same call ID (the service then refuses a duplicate with code 338).',
	document,
	parse: (answer, _request, facts) => parseReceiptResponse(facts, answer),
});
