/** Invoice › Get: the invoice's data as clean JSON (English field names), optionally with its PDF. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { getInvoiceData, type GetInvoiceDataRequest } from '../../protocol/operations/getInvoiceData';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty } from '../common/execution';
import { runRequests } from '../common/runRequests';
import { lookupProperties, readLookup } from '../common/lookup';
import { pdfBinary, pdfProperties } from '../common/pdf';
import { invoiceSelector } from './getPdf.operation';

const show = { resource: ['invoice'], operation: ['get'] };

export const description: INodeProperties[] = [
	...lookupProperties(show, ['number', 'orderNumber', 'externalId'], 'Invoice Number'),
	...pdfProperties(show, {
		name: 'includePdf',
		displayName: 'Include PDF',
		default: false,
		description: 'Whether to also return the invoice PDF as binary data',
	}),
	executionOptionsProperty(show, { parallel: true }),
];

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runRequests(ctx, szamla, {
		operation: getInvoiceData,
		read(i): GetInvoiceDataRequest {
			const { kind, value } = readLookup(ctx, i);
			return { ...invoiceSelector(kind, value), includePdf: ctx.getNodeParameter('includePdf', i, false) as boolean };
		},
		async output({ pdf, ...data }, request, i) {
			return [
				{
					json: data as unknown as IDataObject,
					binary: request.includePdf ? await pdfBinary(ctx, i, pdf, data.header.invoiceNumber) : undefined,
				},
			];
		},
	});
}
