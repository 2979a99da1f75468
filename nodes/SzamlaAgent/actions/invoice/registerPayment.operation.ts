/** Invoice › Register Payment: append to or replace the payments recorded on an invoice (at most 5 per call). */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionalDate, optionalText, requiredNumber, requiredText } from '../../../shared/n8n/values';
import { registerPayment, type RegisterPaymentRequest } from '../../protocol/operations/registerPayment';
import type { SzamlaContext } from '../context';
import { serviceToday } from '../common/calendar';
import { paymentMethodOptions } from '../common/choices';
import { executionOptionsProperty } from '../common/execution';
import { runRequests } from '../common/runRequests';

const show = { resource: ['invoice'], operation: ['registerPayment'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'E-2026-123',
		displayOptions: { show },
	},
	{
		displayName: 'Mode',
		name: 'paymentMode',
		type: 'options',
		options: [
			{ name: 'Append', value: 'append', description: 'Add these payments to those already recorded' },
			{
				name: 'Replace',
				value: 'replace',
				description: 'Replace all recorded payments with these (none clears them). Safe to repeat.',
			},
		],
		default: 'append',
		description:
			'Appending twice records the payment twice, so the node never resends an append whose answer was lost; Replace is naturally repeatable',
		displayOptions: { show },
	},
	{
		displayName: 'Payments',
		name: 'payments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Payment',
		default: {},
		description: 'At most 5 payments per call',
		displayOptions: { show },
		options: [
			{
				displayName: 'Payment',
				name: 'payment',
				values: [
					{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'Leave empty for today' },
					{ displayName: 'Method', name: 'method', type: 'options', options: paymentMethodOptions.filter((o) => o.value !== '__other'), default: 'átutalás' },
					{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, typeOptions: { numberPrecision: 2 } },
					{ displayName: 'Comment', name: 'description', type: 'string', default: '' },
				],
			},
		],
	},
	executionOptionsProperty(show, { parallel: true }),
];

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	const today = serviceToday();
	return await runRequests(ctx, szamla, {
		operation: registerPayment,
		read(i): RegisterPaymentRequest {
			const entries = (ctx.getNodeParameter('payments.payment', i, []) as IDataObject[]) ?? [];
			const mode = ctx.getNodeParameter('paymentMode', i, 'append') as 'append' | 'replace';
			return {
				invoiceNumber: requiredText(ctx.getNodeParameter('invoiceNumber', i, ''), 'Invoice Number'),
				mode,
				payments: entries.map((p, n) => ({
					date: optionalDate(p.date, `Payments[${n + 1}] › Date`) ?? today,
					method: requiredText(p.method, `Payments[${n + 1}] › Method`),
					amount: requiredNumber(p.amount, `Payments[${n + 1}] › Amount`),
					description: optionalText(p.description),
				})),
			};
		},
		async output(result, request) {
			return [
				{
					json: {
						invoiceNumber: result.invoiceNumber || request.invoiceNumber,
						mode: request.mode,
						paymentsSent: request.payments.length,
						amountSent: request.payments.reduce((sum, p) => sum + p.amount, 0),
						netTotal: result.netTotal,
						grossTotal: result.grossTotal,
						outstandingAmount: result.outstandingAmount,
						warnings: result.warnings,
					},
				},
			];
		},
	});
}
