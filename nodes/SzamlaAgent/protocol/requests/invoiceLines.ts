/** `tetelek` of xmlszamla: one `tetel` per line, in schema order, with the line amounts checked before sending. */
import { InputError } from '../../../shared/errors';
import { leaf, node, type XmlElement } from '../../../shared/xml';
import type { InvoiceLine } from '../types/createInvoice';
import { assertOptionalInteger, requiredTextLeaf, textLeaf } from './common';
import { checkedLineAmounts } from './lineAmounts';

export const LINE_ITEMS = 'Line Items';

/** @param currency the invoice currency, for the amount checks */
export function invoiceLinesElement(lines: InvoiceLine[] | undefined, currency: string): XmlElement {
	if (!Array.isArray(lines) || lines.length === 0) throw new InputError(LINE_ITEMS, 'at least one line item is required');
	const items: XmlElement[] = new Array(lines.length);
	for (let i = 0; i < lines.length; i++) items[i] = lineElement(lines[i], `${LINE_ITEMS}[${i + 1}]`, currency);
	return node('tetelek', items);
}

function lineElement(line: InvoiceLine, at: string, currency: string): XmlElement {
	if (!line || typeof line !== 'object') throw new InputError(at, 'line item is empty');
	const { quantity, netUnitPrice, vatKey, netAmount, vatAmount, grossAmount } = checkedLineAmounts(line, at, currency);
	return node('tetel', [
		requiredTextLeaf('megnevezes', line.name, `${at} › Name`),
		textLeaf('azonosito', line.identifier, `${at} › Identifier`),
		leaf('mennyiseg', quantity),
		requiredTextLeaf('mennyisegiEgyseg', line.unit, `${at} › Unit`),
		leaf('nettoEgysegar', netUnitPrice),
		{ name: 'afakulcs', text: vatKey, field: `${at} › VAT Key` },
		leaf('nettoErtek', netAmount),
		leaf('afaErtek', vatAmount),
		leaf('bruttoErtek', grossAmount),
		textLeaf('megjegyzes', line.comment, `${at} › Comment`),
		// Newer (docs) schema only; sent only when set.
		line.dataErasureCode === undefined ? undefined : leaf('torloKod', assertOptionalInteger(line.dataErasureCode, `${at} › Data Erasure Code`, 0)),
	]);
}
