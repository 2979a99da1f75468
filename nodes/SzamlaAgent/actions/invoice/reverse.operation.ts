/** Invoice › Reverse (storno): issues the reversing document. Never resent automatically: a lost answer is reported. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionalBoolean, optionalDate, optionalText, requiredText } from '../../../shared/n8n/values';
import { reverseInvoice, type ReverseInvoiceRequest } from '../../protocol/operations/reverseInvoice';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty } from '../common/execution';
import { runRequests } from '../common/runRequests';
import { pdfBinary, pdfProperties } from '../common/pdf';
import { templateOptions } from '../common/choices';

const show = { resource: ['invoice'], operation: ['reverse'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'E-2026-123',
		description: 'Number of the invoice to reverse',
		displayOptions: { show },
	},
	...pdfProperties(show, {
		name: 'downloadPdf',
		displayName: 'Download PDF',
		default: true,
		description: 'Whether to return the reversing invoice PDF as binary data',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Buyer E-Mail', name: 'buyerEmail', type: 'string', default: '', placeholder: 'name@email.com' },
			{ displayName: 'Buyer Tax Number', name: 'buyerTaxNumber', type: 'string', default: '', description: 'Adds a tax number missing from the original' },
			{ displayName: 'Comment', name: 'comment', type: 'string', default: '', description: 'Reason for the reversal, printed on the document' },
			{ displayName: 'E-Invoice', name: 'eInvoice', type: 'boolean', default: false, description: 'Whether the reversing document is an e-invoice' },
			{ displayName: 'E-Mail Reply-To', name: 'emailReplyTo', type: 'string', default: '', placeholder: 'name@email.com' },
			{ displayName: 'E-Mail Subject', name: 'emailSubject', type: 'string', default: '' },
			{ displayName: 'E-Mail Text', name: 'emailText', type: 'string', default: '' },
			{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: 'Your own reference for the reversing document' },
			{ displayName: 'Fulfillment Date', name: 'fulfillmentDate', type: 'dateTime', default: '' },
			{ displayName: 'Template', name: 'template', type: 'options', options: templateOptions, default: '' },
		],
	},
	executionOptionsProperty(show, { parallel: true }),
];

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runRequests(ctx, szamla, {
		operation: reverseInvoice,
		read(i): ReverseInvoiceRequest {
			const f = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
			return {
				invoiceNumber: requiredText(ctx.getNodeParameter('invoiceNumber', i, ''), 'Invoice Number'),
				eInvoice: optionalBoolean(f.eInvoice, 'Additional Fields › E-Invoice') ?? false,
				downloadPdf: ctx.getNodeParameter('downloadPdf', i, true) as boolean,
				externalId: optionalText(f.externalId),
				// The service only accepts today as the issue date of a reversal (code 352), so it is never sent.
				fulfillmentDate: optionalDate(f.fulfillmentDate, 'Additional Fields › Fulfillment Date'),
				comment: optionalText(f.comment),
				template: optionalText(f.template),
				seller: { emailReplyTo: optionalText(f.emailReplyTo), emailSubject: optionalText(f.emailSubject), emailText: optionalText(f.emailText) },
				buyer: { email: optionalText(f.buyerEmail), taxNumber: optionalText(f.buyerTaxNumber) },
			};
		},
		async output(result, request, i) {
			const warnings = [...result.warnings];
			// Reversing a proforma or delivery note is a success-shaped no-op on the service: totals stay positive.
			if (result.grossTotal !== undefined && result.grossTotal > 0) {
				warnings.push('The service answered with positive totals: the original may be a proforma or delivery note, which cannot be reversed.');
			}
			return [
				{
					json: {
						reversedInvoiceNumber: request.invoiceNumber,
						invoiceNumber: result.invoiceNumber,
						documentId: result.documentId,
						netTotal: result.netTotal,
						grossTotal: result.grossTotal,
						buyerPortalUrl: result.buyerPortalUrl,
						warnings,
					},
					binary: request.downloadPdf ? await pdfBinary(ctx, i, result.pdf, result.invoiceNumber) : undefined,
				},
			];
		},
	});
}
