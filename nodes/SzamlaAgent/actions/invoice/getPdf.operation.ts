/** Invoice › Get PDF: the invoice PDF as binary data, found by number, order number or external ID. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { getInvoicePdf, type GetInvoicePdfRequest } from '../../protocol/operations/getInvoicePdf';
import type { InvoiceSelector } from '../../protocol/types/invoiceRequests';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty } from '../common/execution';
import { runRequests } from '../common/runRequests';
import { lookupProperties, readLookup, type LookupKind } from '../common/lookup';
import { pdfBinary, pdfProperties } from '../common/pdf';

const show = { resource: ['invoice'], operation: ['getPdf'] };

export const description: INodeProperties[] = [
	...lookupProperties(show, ['number', 'orderNumber', 'externalId'], 'Invoice Number'),
	...pdfProperties(show),
	executionOptionsProperty(show, { parallel: true }),
];

export function invoiceSelector(kind: LookupKind, value: string): InvoiceSelector {
	if (kind === 'orderNumber') return { orderNumber: value };
	if (kind === 'externalId') return { externalId: value };
	return { invoiceNumber: value };
}

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runRequests(ctx, szamla, {
		operation: getInvoicePdf,
		read(i): GetInvoicePdfRequest {
			const { kind, value } = readLookup(ctx, i);
			return invoiceSelector(kind, value);
		},
		async output(result, request, i) {
			return [
				{
					json: { invoiceNumber: result.invoiceNumber, documentId: result.documentId, warnings: result.warnings },
					binary: await pdfBinary(ctx, i, result.pdf, result.invoiceNumber),
				},
			];
		},
	});
}
