/** xmlszamladbkdel — delete one proforma by number, or every proforma of an order (szamla-agent.md §2.6). */
import { node } from '../../../shared/xml';
import type { DeleteProformaRequest } from '../types/request';
import { authChildren, exactlyOne, renderRequest } from './common';

const SELECTOR_LABELS = { proformaNumber: 'Proforma Number', orderNumber: 'Order Number' } as const;

export function buildDeleteProformaXml(req: DeleteProformaRequest): string {
	const map = req.selector as Partial<Record<keyof typeof SELECTOR_LABELS, string>> | undefined;
	const key = exactlyOne(map, SELECTOR_LABELS);
	const value = map![key]!;
	return renderRequest('deleteProforma', [
		node('beallitasok', authChildren(req.auth)),
		node('fejlec', [
			key === 'proformaNumber' ? { name: 'szamlaszam', text: value, field: SELECTOR_LABELS[key] } : undefined,
			// Lower-case "sz" here, unlike every other schema's rendelesSzam.
			key === 'orderNumber' ? { name: 'rendelesszam', text: value, field: SELECTOR_LABELS[key] } : undefined,
		]),
	]);
}
