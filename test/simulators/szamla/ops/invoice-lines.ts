/** Reading and checking `tetel` lines of xmlszamla (szamla-agent.md §2.1). */
import { checkLine, requireNumber } from '../amounts';
import type { InvoiceLine } from '../types';
import { text, value, type XmlNode } from '../xml';

export function readInvoiceLines(items: XmlNode[], currency: string): InvoiceLine[] {
	return items.map((item) => {
		const line = {
			name: text(item, 'megnevezes') ?? '',
			id: value(item, 'azonosito'),
			quantity: requireNumber(text(item, 'mennyiseg'), 'mennyiseg'),
			unit: text(item, 'mennyisegiEgyseg') ?? '',
			unitPrice: requireNumber(text(item, 'nettoEgysegar'), 'nettoEgysegar'),
			vatKey: text(item, 'afakulcs') ?? '',
			vatRate: 0,
			net: requireNumber(text(item, 'nettoErtek'), 'nettoErtek'),
			vat: requireNumber(text(item, 'afaErtek'), 'afaErtek'),
			gross: requireNumber(text(item, 'bruttoErtek'), 'bruttoErtek'),
			comment: value(item, 'megjegyzes'),
		};
		line.vatRate = checkLine(line, currency);
		return line;
	});
}
