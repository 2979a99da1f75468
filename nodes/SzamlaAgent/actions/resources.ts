/** Resource and operation pickers, and the table that maps each pair to its implementation. */
import type { INodeProperties } from 'n8n-workflow';
import type { OperationTable } from '../../shared/n8n/router';
import type { SzamlaContext } from './context';
import * as createInvoice from './invoice/create.operation';
import * as reverseInvoice from './invoice/reverse.operation';
import * as registerPayment from './invoice/registerPayment.operation';
import * as getInvoicePdf from './invoice/getPdf.operation';
import * as getInvoice from './invoice/get.operation';
import * as deleteProforma from './invoice/deleteProforma.operation';
import * as createReceipt from './receipt/create.operation';
import * as reverseReceipt from './receipt/reverse.operation';
import * as getReceipt from './receipt/get.operation';
import * as sendReceipt from './receipt/send.operation';
import * as getTaxpayer from './taxpayer/get.operation';


export const operations: OperationTable<SzamlaContext> = {
	invoice: {
		create: createInvoice,
		reverse: reverseInvoice,
		registerPayment,
		getPdf: getInvoicePdf,
		get: getInvoice,
		deleteProforma,
	},
	receipt: { create: createReceipt, reverse: reverseReceipt, get: getReceipt, send: sendReceipt },
	taxpayer: { get: getTaxpayer },
};

export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Receipt', value: 'receipt' },
			{ name: 'Taxpayer', value: 'taxpayer' },
		],
		default: 'invoice',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Issue an invoice, proforma, delivery note, prepayment, final or corrective invoice', action: 'Create an invoice' },
			{ name: 'Delete Proforma', value: 'deleteProforma', description: 'Delete a proforma by number or order number', action: 'Delete a proforma' },
			{ name: 'Get', value: 'get', description: 'Get invoice data as JSON', action: 'Get an invoice' },
			{ name: 'Get PDF', value: 'getPdf', description: 'Download the invoice PDF', action: 'Get the PDF of an invoice' },
			{ name: 'Register Payment', value: 'registerPayment', description: 'Record payments on an invoice', action: 'Register a payment on an invoice' },
			{ name: 'Reverse', value: 'reverse', description: 'Reverse (storno) an invoice', action: 'Reverse an invoice' },
		],
		default: 'create',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['receipt'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Issue a receipt', action: 'Create a receipt' },
			{ name: 'Get', value: 'get', description: 'Get receipt data and PDF', action: 'Get a receipt' },
			{ name: 'Reverse', value: 'reverse', description: 'Reverse (storno) a receipt', action: 'Reverse a receipt' },
			{ name: 'Send', value: 'send', description: 'E-mail a receipt', action: 'Send a receipt by e mail' },
		],
		default: 'create',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['taxpayer'] } },
		options: [{ name: 'Get', value: 'get', description: 'Look up a Hungarian taxpayer at NAV', action: 'Get a taxpayer' }],
		default: 'get',
	},
];

export const operationProperties: INodeProperties[] = Object.values(operations).flatMap((byOperation) =>
	Object.values(byOperation).flatMap((operation) => operation.description),
);
