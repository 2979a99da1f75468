/** Receipt › Reverse: issues the reversing receipt (SN). */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionalText, requiredText } from '../../../shared/n8n/values';
import { reverseReceipt, type ReverseReceiptRequest } from '../../protocol/operations/reverseReceipt';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty } from '../common/execution';
import { runRequests } from '../common/runRequests';
import { pdfProperties } from '../common/pdf';
import { receiptOutput } from './output';

const show = { resource: ['receipt'], operation: ['reverse'] };

export const description: INodeProperties[] = [
	{ displayName: 'Receipt Number', name: 'receiptNumber', type: 'string', default: '', required: true, placeholder: 'NYGTA-2026-1', displayOptions: { show } },
	...pdfProperties(show, { name: 'downloadPdf', displayName: 'Download PDF', default: true, description: 'Whether to return the reversing receipt PDF as binary data' }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Call ID', name: 'callId', type: 'string', default: '', description: 'Unique ID for the reversal' },
			{ displayName: 'PDF Template', name: 'pdfTemplate', type: 'string', default: '' },
		],
	},
	executionOptionsProperty(show, { parallel: true }),
];

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runRequests(ctx, szamla, {
		operation: reverseReceipt,
		read(i): ReverseReceiptRequest {
			const f = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
			return {
				downloadPdf: ctx.getNodeParameter('downloadPdf', i, true) as boolean,
				receiptNumber: requiredText(ctx.getNodeParameter('receiptNumber', i, ''), 'Receipt Number'),
				callId: optionalText(f.callId),
				pdfTemplate: optionalText(f.pdfTemplate),
			};
		},
		async output(result, request, i) {
			return [await receiptOutput(ctx, i, result, request.downloadPdf)];
		},
	});
}
