/** Receipt › Get: receipt data as JSON, by receipt number or order number, optionally with the PDF. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { getReceipt, type GetReceiptRequest } from '../../protocol/operations/getReceipt';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty } from '../common/execution';
import { runRequests } from '../common/runRequests';
import { lookupProperties, readLookup } from '../common/lookup';
import { pdfProperties } from '../common/pdf';
import { receiptOutput } from './output';

const show = { resource: ['receipt'], operation: ['get'] };

export const description: INodeProperties[] = [
	...lookupProperties(show, ['number', 'orderNumber'], 'Receipt Number'),
	...pdfProperties(show, { name: 'downloadPdf', displayName: 'Include PDF', default: false, description: 'Whether to also return the receipt PDF as binary data' }),
	executionOptionsProperty(show, { parallel: true }),
];

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runRequests(ctx, szamla, {
		operation: getReceipt,
		read(i): GetReceiptRequest {
			const { kind, value } = readLookup(ctx, i);
			return {
				downloadPdf: ctx.getNodeParameter('downloadPdf', i, false) as boolean,
				selector: kind === 'orderNumber' ? { orderNumber: value } : { receiptNumber: value },
			};
		},
		async output(result, request, i) {
			return [await receiptOutput(ctx, i, result, request.downloadPdf)];
		},
	});
}
