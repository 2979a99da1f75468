/** Success answers of the invoice family (create, storno, payment, PDF): headers + v1 text/PDF or v2 xmlszamlavalasz. */
import { pdfAnswer, szamlaValasz, textAnswer, xmlAnswer, type Answer } from '../answers';
import { makePdf } from '../pdf';
import type { InvoiceDocument } from '../types';
import { cdata, el } from '../xml';

export function invoiceHeaders(doc: InvoiceDocument): Record<string, string> {
	return {
		szlahu_szamlaszam: doc.number,
		szlahu_id: String(doc.id),
		szlahu_nettovegosszeg: String(doc.totals.net),
		szlahu_bruttovegosszeg: String(doc.totals.gross),
		szlahu_kintlevoseg: String(doc.outstanding),
		szlahu_vevoifiokurl: encodeURIComponent(doc.buyerPortalUrl),
	};
}

export function invoicePdf(doc: Pick<InvoiceDocument, 'number'>, size: number): Buffer {
	return makePdf(doc.number, size);
}

/** `version` is valaszVerzio (1 or absent → text/PDF; 2 → XML). */
export function invoiceSuccess(doc: InvoiceDocument, version: number, wantPdf: boolean, pdfSize: number): Answer {
	const headers = invoiceHeaders(doc);
	if (version === 2) {
		const pdf = wantPdf ? el('pdf', invoicePdf(doc, pdfSize).toString('base64')) : '';
		return xmlAnswer(
			szamlaValasz(
				el('sikeres', true) +
					el('szamlaszam', doc.number) +
					el('szamlanetto', doc.totals.net) +
					el('szamlabrutto', doc.totals.gross) +
					el('kintlevoseg', doc.outstanding) +
					// The real service wraps this URL in CDATA (captured answers), because it holds raw '&'s.
					cdata('vevoifiokurl', doc.buyerPortalUrl) +
					pdf,
			),
			headers,
		);
	}
	if (wantPdf) return pdfAnswer(invoicePdf(doc, pdfSize), doc.number, headers);
	return textAnswer(`xmlagentresponse=DONE;${doc.number}\n`, headers);
}

/** valaszVerzio of a request; the service treats absent/anything-but-2 as 1. */
export function answerVersion(raw: string | undefined): number {
	return raw?.trim() === '2' ? 2 : 1;
}
