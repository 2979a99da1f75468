/**
 * xmlnyugtast, xmlnyugtaget, xmlnyugtasend — reverse, fetch and e-mail a receipt (szamla-agent.md §2.8–2.10).
 * xmlnyugtast and xmlnyugtasend are xs:sequence: order matters; xmlnyugtaget is xs:all.
 */
import { leaf, node } from '../../../shared/xml';
import type { GetReceiptRequest, ReverseReceiptRequest, SendReceiptRequest } from '../types/request';
import { authChildren, exactlyOne, renderRequest, requireBoolean, requiredTextLeaf, textLeaf } from './common';

export function buildReverseReceiptXml(req: ReverseReceiptRequest): string {
	return renderRequest('reverseReceipt', [
		node('beallitasok', [...authChildren(req.auth), leaf('pdfLetoltes', requireBoolean(req.downloadPdf, 'Download PDF'))]),
		node('fejlec', [
			requiredTextLeaf('nyugtaszam', req.receiptNumber, 'Receipt Number'),
			textLeaf('pdfSablon', req.pdfTemplate, 'Additional Fields › PDF Template'),
			textLeaf('hivasAzonosito', req.callId, 'Additional Fields › Call ID'),
		]),
	]);
}

const RECEIPT_SELECTOR_LABELS = { receiptNumber: 'Receipt Number', orderNumber: 'Order Number' } as const;

export function buildGetReceiptXml(req: GetReceiptRequest): string {
	const map = req.selector as Partial<Record<keyof typeof RECEIPT_SELECTOR_LABELS, string>> | undefined;
	const key = exactlyOne(map, RECEIPT_SELECTOR_LABELS);
	const value = map![key]!;
	return renderRequest('getReceipt', [
		node('beallitasok', [...authChildren(req.auth), leaf('pdfLetoltes', requireBoolean(req.downloadPdf, 'Download PDF'))]),
		node('fejlec', [
			key === 'receiptNumber' ? { name: 'nyugtaszam', text: value, field: RECEIPT_SELECTOR_LABELS[key] } : undefined,
			// Order-number lookup exists only in the newer (docs) schema.
			key === 'orderNumber' ? { name: 'rendelesSzam', text: value, field: RECEIPT_SELECTOR_LABELS[key] } : undefined,
			textLeaf('hivasAzonosito', req.callId, 'Additional Fields › Call ID'),
			textLeaf('pdfSablon', req.pdfTemplate, 'Additional Fields › PDF Template'),
		]),
	]);
}

export function buildSendReceiptXml(req: SendReceiptRequest): string {
	const email = req.email;
	return renderRequest('sendReceipt', [
		node('beallitasok', authChildren(req.auth)),
		node('fejlec', [requiredTextLeaf('nyugtaszam', req.receiptNumber, 'Receipt Number')]),
		// Absent block = no e-mail; present but empty = resend with the data stored on the receipt (vendor docs).
		email &&
			node('emailKuldes', [
				textLeaf('email', email.to, 'Recipient E-Mail'),
				textLeaf('emailReplyto', email.replyTo, 'Additional Fields › Reply-To'),
				textLeaf('emailTargy', email.subject, 'Additional Fields › Subject'),
				textLeaf('emailSzoveg', email.body, 'Additional Fields › Text'),
			]),
	]);
}
