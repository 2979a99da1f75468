/**
 * xmlnyugtacreate — issue a receipt (szamla-agent.md §2.7). The schema uses xs:all (any order); we still write the
 * listed order so output is stable for golden tests. Receipt lines name their amounts netto/afa/brutto.
 */
import { InputError } from '../../../shared/errors';
import { leaf, node, optionalNode, type XmlElement } from '../../../shared/xml';
import { AMOUNT_DECIMALS } from '../amounts';
import type { CreateReceiptRequest, ReceiptLine, ReceiptPayment } from '../types/request';
import {
	authChildren,
	optionalInteger,
	optionalNumber,
	renderRequest,
	requireBoolean,
	requireNumber,
	requireText,
	requiredTextLeaf,
	textLeaf,
} from './common';
import { checkedLineAmounts } from './lineAmounts';

const LINE_ITEMS = 'Line Items';
const PREFIX_MAX_LENGTH = 5;

/** Up to 5 upper-case letters or digits (service code 337); checked here so the row fails before sending. */
export function checkReceiptPrefix(prefix: unknown): string {
	const text = requireText(prefix, 'Receipt Prefix');
	let ok = text.length <= PREFIX_MAX_LENGTH;
	for (let i = 0; ok && i < text.length; i++) {
		const ch = text[i];
		const c = text.charCodeAt(i);
		const digit = c >= 48 && c <= 57;
		const upperLetter = ch !== ch.toLowerCase() && ch === ch.toUpperCase();
		ok = digit || upperLetter;
	}
	if (!ok) {
		throw new InputError('Receipt Prefix', `Use at most ${PREFIX_MAX_LENGTH} upper-case letters or digits, got "${text}"`);
	}
	return text;
}

export function buildCreateReceiptXml(req: CreateReceiptRequest): string {
	const currency = requireText(req.currency, 'Currency');
	const lines = req.lines;
	if (!Array.isArray(lines) || lines.length === 0) throw new InputError(LINE_ITEMS, 'At least one line item is required');
	const items: XmlElement[] = new Array(lines.length);
	let grossTotal = 0;
	for (let i = 0; i < lines.length; i++) {
		items[i] = receiptLineElement(lines[i], `${LINE_ITEMS}[${i + 1}]`, currency);
		grossTotal += lines[i].grossAmount;
	}
	return renderRequest('createReceipt', [
		node('beallitasok', [...authChildren(req.auth), leaf('pdfLetoltes', requireBoolean(req.downloadPdf, 'Download PDF'))]),
		node('fejlec', [
			textLeaf('hivasAzonosito', req.callId, 'Additional Fields › Call ID'),
			{ name: 'elotag', text: checkReceiptPrefix(req.prefix), field: 'Prefix' },
			requiredTextLeaf('fizmod', req.paymentMethod, 'Payment Method'),
			{ name: 'penznem', text: currency, field: 'Currency' },
			leaf('devizaarf', optionalNumber(req.exchangeRate, 'Exchange Rate')),
			textLeaf('devizabank', req.exchangeBank, 'Additional Fields › Exchange Bank'),
			textLeaf('megjegyzes', req.comment, 'Additional Fields › Comment'),
			textLeaf('pdfSablon', req.pdfTemplate, 'Additional Fields › PDF Template'),
			textLeaf('fokonyvVevo', req.buyerLedgerId, 'Additional Fields › Ledger Buyer ID'),
			textLeaf('rendelesSzam', req.orderNumber, 'Additional Fields › Order Number'),
		]),
		node('tetelek', items),
		paymentsElement(req.payments, grossTotal),
	]);
}

function receiptLineElement(line: ReceiptLine, at: string, currency: string): XmlElement {
	if (!line || typeof line !== 'object') throw new InputError(at, 'Line item is empty');
	const { quantity, netUnitPrice, vatKey, netAmount, vatAmount, grossAmount } = checkedLineAmounts(line, at, currency);
	const ledger = line.ledger;
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
		ledger &&
			optionalNode('fokonyv', [
				textLeaf('arbevetel', ledger.revenueAccount, `${at} › Ledger › Revenue Account`),
				textLeaf('afa', ledger.vatAccount, `${at} › Ledger › VAT Account`),
			]),
		textLeaf('megjegyzes', line.comment, `${at} › Comment`),
		// Newer (docs) schema only; sent only when set.
		leaf('torloKod', optionalInteger(line.dataErasureCode, `${at} › Data Erasure Code`, 0)),
	]);
}

function paymentsElement(payments: ReceiptPayment[] | undefined, grossTotal: number): XmlElement | undefined {
	if (payments === undefined || payments === null) return undefined;
	if (!Array.isArray(payments)) throw new InputError('Payments', 'Must be a list of payments');
	if (payments.length === 0) return undefined;
	let paid = 0;
	const entries = payments.map((p, i) => {
		const at = `Payments[${i + 1}]`;
		if (!p || typeof p !== 'object') throw new InputError(at, 'Payment is empty');
		const amount = requireNumber(p.amount, `${at} › Amount`);
		paid += amount;
		return node('kifizetes', [
			requiredTextLeaf('fizetoeszkoz', p.method, `${at} › Method`),
			leaf('osszeg', amount),
			textLeaf('leiras', p.description, `${at} › Comment`),
		]);
	});
	// Service code 340: the payments must add up to the receipt's gross total.
	if (Math.abs(paid - grossTotal) > 10 ** -AMOUNT_DECIMALS / 1000) {
		throw new InputError(
			'Payments',
			`Payments add up to ${+paid.toFixed(AMOUNT_DECIMALS)} but the receipt's gross total is ${+grossTotal.toFixed(AMOUNT_DECIMALS)}`,
		);
	}
	return node('kifizetesek', entries);
}
