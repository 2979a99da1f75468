/**
 * Invoice › Create output: one JSON shape whether the invoice was just issued, returned by the duplicate guard
 * (`alreadyExisted: true`) or previewed (`preview: true`); the PDF as binary data.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { InvoiceResult } from '../../../protocol/types/response';
import { pdfBinary } from '../../common/pdf';
import type { PreparedInvoice } from './read';

export type InvoiceOutputFlags = { alreadyExisted?: true; recovered?: true; preview?: true; rowCount?: number };

export function invoiceJson(result: InvoiceResult, prepared: PreparedInvoice, flags: InvoiceOutputFlags = {}): IDataObject {
	const header = prepared.request.header;
	return {
		invoiceNumber: result.invoiceNumber,
		documentId: result.documentId,
		kind: header.kind,
		netTotal: result.netTotal,
		grossTotal: result.grossTotal,
		outstandingAmount: result.outstandingAmount,
		currency: header.currency,
		buyerPortalUrl: result.buyerPortalUrl,
		orderNumber: header.orderNumber,
		externalId: prepared.request.externalId,
		warnings: [...result.warnings, ...prepared.amountWarnings],
		buyerFromNav: prepared.buyerFromNav,
		...flags,
	};
}

/** The output item, paired with every row the invoice came from. The PDF only when the user asked for it. */
export async function invoiceOutput(
	ctx: IExecuteFunctions,
	i: number,
	result: InvoiceResult,
	prepared: PreparedInvoice,
	flags: InvoiceOutputFlags = {},
): Promise<INodeExecutionData> {
	// downloadPdf is already true for a preview (readInvoice), so it alone decides.
	const binary = prepared.request.downloadPdf ? await pdfBinary(ctx, i, result.pdf, result.invoiceNumber || 'preview') : undefined;
	return { json: invoiceJson(result, prepared, flags), binary, pairedItem: prepared.rows.map((item) => ({ item })) };
}
