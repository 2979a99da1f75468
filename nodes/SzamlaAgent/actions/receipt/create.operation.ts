/**
 * Receipt › Create. A call id (idempotency key) makes the service refuse a repeat (code 338), so a re-run never
 * issues a second receipt; payments must add up to the gross total, which is checked before sending.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionalBoolean, optionalNumber, optionalText, requiredNumber, requiredText } from '../../../shared/n8n/values';
import { createReceipt, type CreateReceiptRequest } from '../../protocol/operations/createReceipt';
import type { SzamlaContext } from '../context';
import { currencyOptions, paymentMethodOptions } from '../common/choices';
import { executionOptionsProperty } from '../common/execution';
import { isCallIdReused, receiptOfCallId } from './callIdReplay';
import { runRequests } from '../common/runRequests';
import { amountWarnings, lineItemProperties, readLineItems, wholeForintsField } from '../common/lineItems';
import { pdfProperties } from '../common/pdf';
import { receiptOutput } from './output';

const show = { resource: ['receipt'], operation: ['create'] };
const methods = paymentMethodOptions.filter((o) => o.value !== '__other');

export const description: INodeProperties[] = [
	{
		displayName: 'Prefix',
		name: 'prefix',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'NYGTA',
		description: 'Receipt number prefix: up to 5 uppercase letters or digits, not one used for invoices',
		displayOptions: { show },
	},
	{ displayName: 'Payment Method', name: 'paymentMethod', type: 'options', options: methods, default: 'készpénz', displayOptions: { show } },
	{ displayName: 'Currency', name: 'currency', type: 'options', options: currencyOptions, default: 'HUF', displayOptions: { show } },
	...lineItemProperties(show),
	{
		displayName: 'Payments',
		name: 'payments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Payment',
		default: {},
		description: 'How the receipt was paid; the amounts must add up to the gross total. Leave empty to omit.',
		displayOptions: { show },
		options: [
			{
				displayName: 'Payment',
				name: 'payment',
				values: [
					{ displayName: 'Method', name: 'method', type: 'options', options: methods, default: 'készpénz' },
					{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, typeOptions: { numberPrecision: 2 } },
					{ displayName: 'Comment', name: 'description', type: 'string', default: '' },
				],
			},
		],
	},
	...pdfProperties(show, { name: 'downloadPdf', displayName: 'Download PDF', default: true, description: 'Whether to return the receipt PDF as binary data' }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Call ID',
				name: 'callId',
				type: 'string',
				default: '',
				description:
					'Unique ID for this receipt (e.g. the order ID). The service refuses a second receipt with the same call ID, so a re-run cannot issue it twice.',
			},
			{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
			{ displayName: 'Exchange Bank', name: 'exchangeBank', type: 'string', default: '', placeholder: 'MNB' },
			{ displayName: 'Exchange Rate', name: 'exchangeRate', type: 'number', default: 0, typeOptions: { numberPrecision: 4 } },
			{ displayName: 'Ledger Buyer ID', name: 'buyerLedgerId', type: 'string', default: '' },
			{ displayName: 'Order Number', name: 'orderNumber', type: 'string', default: '' },
			{ displayName: 'PDF Template', name: 'pdfTemplate', type: 'string', default: '' },
			wholeForintsField,
		],
	},
	executionOptionsProperty(show, { parallel: true }),
];

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runRequests(ctx, szamla, {
		operation: createReceipt,
		read(i): CreateReceiptRequest {
			const f = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const currency = ctx.getNodeParameter('currency', i, 'HUF') as string;
			const prefix = requiredText(ctx.getNodeParameter('prefix', i, ''), 'Prefix');
			const wholeForints = optionalBoolean(f.wholeForints, 'Additional Fields › Whole-Forint Amounts') ?? false;
			const lines = readLineItems(ctx, i, currency, { wholeForints });
			const entries = (ctx.getNodeParameter('payments.payment', i, []) as IDataObject[]) ?? [];
			const payments = entries.map((p, n) => ({
				method: requiredText(p.method, `Payments[${n + 1}] › Method`),
				amount: requiredNumber(p.amount, `Payments[${n + 1}] › Amount`),
				description: optionalText(p.description),
			}));
			return {
				downloadPdf: ctx.getNodeParameter('downloadPdf', i, true) as boolean,
				callId: optionalText(f.callId),
				prefix,
				paymentMethod: ctx.getNodeParameter('paymentMethod', i, 'készpénz') as string,
				currency,
				exchangeRate: optionalNumber(f.exchangeRate, 'Additional Fields › Exchange Rate') || undefined,
				exchangeBank: optionalText(f.exchangeBank),
				comment: optionalText(f.comment),
				pdfTemplate: optionalText(f.pdfTemplate),
				buyerLedgerId: optionalText(f.buyerLedgerId),
				orderNumber: optionalText(f.orderNumber),
				lines,
				payments: payments.length > 0 ? payments : undefined,
			};
		},
		async output(result, request, i) {
			const item = await receiptOutput(ctx, i, result, request.downloadPdf);
			// Like invoices: a line whose printed gross differs from what the customer pays is never silent.
			item.json.warnings = amountWarnings(request.lines);
			return [item];
		},
		async recover(error, request, i) {
			// The same Call ID again: answer with the receipt it made, like the invoice guard does.
			if (!isCallIdReused(error) || !request.callId) throw error;
			const found = await receiptOfCallId(szamla, request, error);
			const item = await receiptOutput(ctx, i, found, request.downloadPdf);
			item.json.warnings = [
				`Not issued again: receipt ${found.receiptNumber} was already made with Call ID "${request.callId}" (code 338)`,
				...amountWarnings(request.lines),
			];
			item.json.alreadyExisted = true;
			return [item];
		},
	});
}
