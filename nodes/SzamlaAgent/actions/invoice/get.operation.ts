/** Invoice › Get: the invoice's data as clean JSON (English field names), optionally with its PDF. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { runItems } from '../../../shared/n8n/itemRunner';
import { buildGetInvoiceDataXml } from '../../protocol/requests';
import type { GetInvoiceDataRequest } from '../../protocol/types/request';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty, readExecutionOptions } from '../common/execution';
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
	return await runItems<GetInvoiceDataRequest>(
		ctx,
		{
			prepare(i) {
				const { kind, value } = readLookup(ctx, i);
				const request = {
					auth: szamla.auth,
					selector: invoiceSelector(kind, value),
					includePdf: ctx.getNodeParameter('includePdf', i, false) as boolean,
				};
				buildGetInvoiceDataXml(request);
				return request;
			},
			async send(request, i) {
				const { pdf, ...data } = await szamla.client.send('getInvoiceData', buildGetInvoiceDataXml(request));
				return [
					{
						json: data as unknown as IDataObject,
						binary: request.includePdf ? await pdfBinary(ctx, i, pdf, data.header.invoiceNumber) : undefined,
					},
				];
			},
		},
		{ concurrency: readExecutionOptions(ctx).parallelRequests, secrets: szamla.secrets },
	);
}
