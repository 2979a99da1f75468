/** UI of Invoice › Create. The execute side is in create.operation.ts. */
import type { INodeProperties } from 'n8n-workflow';
import { currencyOptions, languageOptions, paymentMethodOptions, taxpayerStatusOptions, templateOptions } from '../common/choices';
import { executionOptionsProperty } from '../common/execution';
import { lineItemProperties, wholeForintsField } from '../common/lineItems';
import { pdfProperties } from '../common/pdf';
import { waybillProperty } from './create/waybill';

const show = { resource: ['invoice'], operation: ['create'] };

const text = (displayName: string, name: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties =>
	({ displayName, name, type: 'string', default: '', description, ...extra }) as INodeProperties;

/**
 * Name and address of the buyer. Required unless they come from NAV: then they are optional overrides. Two variants of
 * the same parameters because n8n refuses to run a workflow with an empty required field, and "required" cannot depend
 * on another field's value.
 */
function buyerAddressFields(fromNav: boolean): INodeProperties[] {
	const when = { displayOptions: { show: { ...show, buyerFromNav: [fromNav] } }, required: !fromNav };
	const or = (description: string) => (fromNav ? `${description ? `${description}. ` : ''}Leave empty to use NAV's record.` : description);
	return [
		text('Buyer Name', 'buyerName', or('Person or company the invoice is made out to'), when),
		text('Buyer Postal Code', 'buyerPostalCode', or(''), when),
		text('Buyer City', 'buyerCity', or(''), when),
		text('Buyer Address', 'buyerAddress', or('Street and number'), when),
	];
}

export const createInvoiceDescription: INodeProperties[] = [
	{
		displayName: 'Document Kind',
		name: 'invoiceKind',
		type: 'options',
		options: [
			{ name: 'Corrective Invoice (Helyesbítő Számla)', value: 'corrective', description: 'Corrects an issued invoice' },
			{ name: 'Delivery Note (Szállítólevél)', value: 'deliveryNote' },
			{ name: 'Final Invoice (Végszámla)', value: 'final', description: 'Closes a prepayment invoice of the same order' },
			{ name: 'Invoice', value: 'invoice', description: 'A normal invoice' },
			{ name: 'Prepayment Invoice (Előlegszámla)', value: 'prepayment' },
			{ name: 'Proforma (Díjbekérő)', value: 'proforma', description: 'A payment request; no tax document' },
		],
		default: 'invoice',
		displayOptions: { show },
	},
	// Not `required`: when Document Kind is an expression n8n shows this field and would refuse to run the workflow while
	// it is empty, even for items that are not corrective. The operation checks it per item instead.
	text('Corrected Invoice Number', 'correctedInvoiceNumber', 'Number of the invoice this one corrects (required for corrective invoices)', {
		placeholder: 'E-2026-123',
		displayOptions: { show: { ...show, invoiceKind: ['corrective'] } },
	}),
	text(
		'Prepayment Invoice Number',
		'prepaymentInvoiceNumber',
		'The prepayment invoice this final invoice closes. Leave empty when the order number identifies it. Add the prepayment as a negative line yourself.',
		{ displayOptions: { show: { ...show, invoiceKind: ['final'] } } },
	),
	{
		displayName: 'Fill Buyer From NAV By Tax Number',
		name: 'buyerFromNav',
		type: 'boolean',
		default: false,
		description:
			"Whether to fill the buyer's name, address, full tax number and tax status from NAV's taxpayer record (one look-up per tax number per execution, before anything is sent). Fields you set win.",
		displayOptions: { show },
	},
	text('Buyer Tax Number', 'buyerTaxNumber', 'Hungarian tax number of the buyer to look up at NAV', {
		required: true,
		placeholder: '12345678 or 12345678-1-42',
		displayOptions: { show: { ...show, buyerFromNav: [true] } },
	}),
	...buyerAddressFields(false),
	...buyerAddressFields(true),
	{
		displayName: 'Buyer Details',
		name: 'buyerFields',
		type: 'collection',
		placeholder: 'Add Buyer Detail',
		default: {},
		displayOptions: { show },
		options: [
			text('Comment', 'comment', 'Note about the buyer'),
			text('Country', 'country', 'Country name as printed; leave empty for Hungary'),
			text('E-Mail', 'email', 'Where the invoice notification goes; separate several with commas', { placeholder: 'name@email.com' }),
			text('EU VAT Number', 'euTaxNumber', 'For EU businesses outside Hungary, e.g. DE123456789'),
			text('Group Identifier', 'groupIdentifier', 'Hungarian VAT group identifier (group members only)'),
			text('Identifier', 'identifier', 'Your customer number for the buyer'),
			text('Phone', 'phone', ''),
			text('Postal Address', 'postalAddress', 'Mailing address, if different'),
			text('Postal City', 'postalCity', 'Mailing city, if different'),
			text('Postal Country', 'postalCountry', 'Mailing country, if different'),
			text('Postal Name', 'postalName', 'Name on the mailing address, if different'),
			text('Postal Postal Code', 'postalPostalCode', 'Mailing postal code, if different'),
			{ displayName: 'Send E-Mail', name: 'sendEmail', type: 'boolean', default: false, description: 'Whether Számlázz.hu e-mails the invoice to the buyer' },
			text('Signatory Name', 'signatoryName', 'Who signs on the buyer side'),
			text('Tax Number', 'taxNumber', 'Hungarian tax number, e.g. 12345678-1-42'),
			{
				displayName: 'Tax Status',
				name: 'taxpayerStatus',
				type: 'options',
				options: taxpayerStatusOptions,
				default: '',
				description: 'Needed by NAV reporting for business buyers',
			},
		],
	},
	...lineItemProperties(show, { allowRows: true }),
	{
		displayName: 'Payment Method',
		name: 'paymentMethod',
		type: 'options',
		options: paymentMethodOptions,
		default: 'átutalás',
		displayOptions: { show },
	},
	// Not `required`, for the same reason as Corrected Invoice Number: Payment Method is often an expression on a sheet column.
	text('Other Payment Method', 'customPaymentMethod', 'Payment method as it should be printed (required with "Other")', {
		displayOptions: { show: { ...show, paymentMethod: ['__other'] } },
	}),
	{ displayName: 'Currency', name: 'currency', type: 'options', options: currencyOptions, default: 'HUF', displayOptions: { show } },
	{ displayName: 'Language', name: 'language', type: 'options', options: languageOptions, default: 'hu', displayOptions: { show } },
	{
		displayName: 'Fulfillment Date',
		name: 'fulfillmentDate',
		type: 'dateTime',
		default: '',
		description: 'Delivery date. Leave empty for today.',
		displayOptions: { show },
	},
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		description: 'Payment deadline. Leave empty for the issue date plus "Due In (Days)" (default 8).',
		displayOptions: { show },
	},
	...pdfProperties(show, {
		name: 'downloadPdf',
		displayName: 'Download PDF',
		default: true,
		description: 'Whether to return the invoice PDF as binary data',
	}),
	{
		displayName: 'If It Already Exists',
		name: 'ifExists',
		type: 'options',
		options: [
			{
				name: 'Return the Existing Invoice',
				value: 'returnExisting',
				description: 'Look it up by External ID (or Order Number) first; issue a new one only if none is found',
			},
			{ name: 'Fail', value: 'fail', description: 'Stop with an error when a matching invoice exists' },
			{ name: 'Create Anyway', value: 'createAnyway', description: 'No look-up; always issue a new document' },
		],
		default: 'returnExisting',
		description:
			'Guard against issuing the same invoice twice when a workflow re-runs. Applies only when External ID or Order Number is set; costs one extra look-up per invoice.',
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
			text('Attachments', 'attachments', 'Up to 5 binary fields of the input item to attach to the invoice e-mail, comma-separated', {
				placeholder: 'attachment1, attachment2',
			}),
			text('Comment', 'comment', 'Note printed on the invoice'),
			{ displayName: 'Due In (Days)', name: 'dueInDays', type: 'number', default: 8, description: 'Used when Due Date is empty' },
			{ displayName: 'E-Invoice', name: 'eInvoice', type: 'boolean', default: false, description: 'Whether to issue a digitally signed e-invoice' },
			text('E-Mail Reply-To', 'emailReplyTo', 'Reply-to address of the notification e-mail', { placeholder: 'name@email.com' }),
			text('E-Mail Subject', 'emailSubject', 'Subject of the notification e-mail'),
			text('E-Mail Text', 'emailText', 'Body of the notification e-mail', { typeOptions: { rows: 3 } }),
			text('Exchange Bank', 'exchangeBank', 'Bank whose rate applies to a foreign-currency invoice, e.g. MNB'),
			{
				displayName: 'Exchange Rate',
				name: 'exchangeRate',
				type: 'number',
				typeOptions: { numberPrecision: 4 },
				default: 0,
				description: 'Rate to HUF; 0 with bank MNB uses the current MNB rate',
			},
			text('External ID', 'externalId', 'Your own reference (e.g. webshop order ID). Lets the node find the invoice again, see If It Already Exists.'),
			{ displayName: 'Issue Date', name: 'issueDate', type: 'dateTime', default: '', description: 'Leave empty for today' },
			{ displayName: 'Item Identifiers on Invoice', name: 'itemIdentifierOnInvoice', type: 'boolean', default: false, description: 'Whether to print the line identifiers (SKUs)' },
			text('Invoice Prefix', 'invoicePrefix', 'A prefix registered in your Számlázz.hu account'),
			text('Logo', 'logoExtra', 'Name of an extra logo uploaded to your account'),
			{
				displayName: 'No Hungarian VAT (EU VAT)',
				name: 'euVat',
				type: 'boolean',
				default: false,
				description:
					'Whether the invoice carries no Hungarian VAT and is not reported to NAV Online Számla (e.g. VAT paid in another EU country under OSS); the lines keep their VAT keys',
			},
			text('Order Number', 'orderNumber', 'Your order number; links proforma, prepayment and final invoices of one order'),
			{ displayName: 'Paid', name: 'paid', type: 'boolean', default: false, description: 'Whether to mark the invoice as already paid' },
			{
				displayName: 'Payable Correction',
				name: 'payableCorrection',
				type: 'number',
				typeOptions: { numberPrecision: 2 },
				default: 0,
				description: 'Amount added to (negative: taken from) the amount payable, e.g. the cash rounding to 5 Ft; the line totals stay as they are',
			},
			{ displayName: 'PDF Copies', name: 'pdfCopies', type: 'number', default: 1, typeOptions: { minValue: 1, maxValue: 10 } },
			{
				displayName: 'Preview Only',
				name: 'previewOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to only return a preview PDF; nothing is issued',
			},
			text('Proforma Number to Settle', 'proformaNumberToConvert', 'Number of a proforma this invoice settles'),
			text('Seller Bank', 'sellerBank', 'Overrides the bank name set in your account'),
			text('Seller Bank Account', 'sellerBankAccount', 'Overrides the bank account set in your account'),
			text('Seller Signatory Name', 'sellerSignatoryName', 'Who signs on the seller side'),
			{ displayName: 'Template', name: 'template', type: 'options', options: templateOptions, default: '' },
			waybillProperty,
			wholeForintsField,
		],
	},
	executionOptionsProperty(show, { parallel: true, recovery: true }),
];
