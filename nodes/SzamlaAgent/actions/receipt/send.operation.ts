/** Receipt › Send by E-Mail. A lost answer leaves delivery unknown, so it is never resent automatically. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionalText, requiredText } from '../../../shared/n8n/values';
import { sendReceipt, type SendReceiptRequest } from '../../protocol/operations/sendReceipt';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty } from '../common/execution';
import { runRequests } from '../common/runRequests';

const show = { resource: ['receipt'], operation: ['send'] };

export const description: INodeProperties[] = [
	{ displayName: 'Receipt Number', name: 'receiptNumber', type: 'string', default: '', required: true, displayOptions: { show } },
	{
		displayName: 'Recipient E-Mail',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		description: 'Comma-separated addresses. Leave everything empty to resend with the data stored on the receipt.',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Reply-To', name: 'replyTo', type: 'string', default: '', placeholder: 'name@email.com' },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
			{ displayName: 'Text', name: 'body', type: 'string', default: '', typeOptions: { rows: 3 } },
		],
	},
	// The service refuses notifications of one receipt less than 15 s apart (153): no parallel option here.
	executionOptionsProperty(show, { parallel: false }),
];

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runRequests(ctx, szamla, {
		operation: sendReceipt,
		parallel: false,
		read(i): SendReceiptRequest {
			const f = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
			return {
				receiptNumber: requiredText(ctx.getNodeParameter('receiptNumber', i, ''), 'Receipt Number'),
				email: {
					to: optionalText(ctx.getNodeParameter('email', i, '')),
					replyTo: optionalText(f.replyTo),
					subject: optionalText(f.subject),
					body: optionalText(f.body),
				},
			};
		},
		output(_result, request) {
			return [{ json: { sent: true, receiptNumber: request.receiptNumber, to: request.email?.to } }];
		},
	});
}
