/** Document type codes (`tipus`) → English kinds (szamla-agent.md §1). */
import type { DocumentKind } from '../types/response';

const KINDS: Readonly<Record<string, DocumentKind>> = {
	SZ: 'invoice',
	D: 'proforma',
	ES: 'prepayment',
	VS: 'final',
	HS: 'corrective',
	SS: 'reversal',
	SL: 'deliveryNote',
	NY: 'receipt',
	SN: 'receiptReversal',
};

export function documentKind(code: string | undefined): DocumentKind {
	return (code && KINDS[code.toUpperCase()]) || 'other';
}
