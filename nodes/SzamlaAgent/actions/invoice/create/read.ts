/** Invoice › Create: header, buyer and settings of one invoice read from an item (in row mode: the group's first row). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { InputError } from '../../../../shared/errors';
import type { FilePart } from '../../../../shared/multipart';
import { addDays, optionalBoolean, optionalDate, optionalNumber, optionalText, requiredText, textList } from '../../../../shared/n8n/values';
import type { PreparedCall } from '../../../protocol/operation';
import { createInvoice, type CreateInvoiceRequest, type InvoiceResult } from '../../../protocol/operations/createInvoice';
import type { InvoiceKind, InvoiceLanguage } from '../../../protocol/types/common';
import type { TaxpayerStatus } from '../../../protocol/types/createInvoice';
import type { SzamlaContext } from '../../context';
import { serviceToday } from '../../common/calendar';
import { amountWarnings, type ComputedLine, type LineAmountOptions } from '../../common/lineItems';
import { BUYER_TAX_NUMBER_FIELD, type NavBuyerFiller } from '../buyerFromNav';
import { readAttachments } from './attachments';
import { guardFor, type GuardSpec, type IfExists } from './duplicateGuard';
import { readWaybill } from './waybill';

export interface PreparedInvoice {
	request: CreateInvoiceRequest;
	/** The request, built (and so checked) while preparing, sent as is. */
	call: PreparedCall<InvoiceResult>;
	attachments: FilePart[];
	/** Where the duplicate guard looks, when it applies. */
	guard?: GuardSpec;
	/** All input rows this invoice came from (row mode) or just the item. */
	rows: number[];
	/** The buyer fields filled from NAV's record (Fill Buyer From NAV), for the output. */
	buyerFromNav?: string[];
	/** Lines whose printed gross differs from what the customer pays (see computeLine), for the output. */
	amountWarnings: string[];
}

/** How the line amounts of item i are computed (Additional Fields › Whole-Forint Amounts). */
export function readAmountOptions(ctx: IExecuteFunctions, i: number): LineAmountOptions {
	const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	return { wholeForints: optionalBoolean(fields.wholeForints, 'Additional Fields › Whole-Forint Amounts') ?? false };
}

function paymentMethod(ctx: IExecuteFunctions, i: number): string {
	const method = ctx.getNodeParameter('paymentMethod', i, 'átutalás') as string;
	if (method !== '__other') return method;
	return requiredText(ctx.getNodeParameter('customPaymentMethod', i, ''), 'Other Payment Method');
}

/** Required, unless NAV fills them (then empty is fine and NavBuyerFiller checks what is still missing). */
function buyerNameAndAddress(ctx: IExecuteFunctions, i: number, fromNav: boolean) {
	const read = (name: string, field: string) =>
		fromNav ? (optionalText(ctx.getNodeParameter(name, i, '')) ?? '') : requiredText(ctx.getNodeParameter(name, i, ''), field);
	return {
		name: read('buyerName', 'Buyer Name'),
		postalCode: read('buyerPostalCode', 'Buyer Postal Code'),
		city: read('buyerCity', 'Buyer City'),
		address: read('buyerAddress', 'Buyer Address'),
	};
}

/** `nav`: the run's NAV filler when this item has Fill Buyer From NAV on. */
export async function readInvoice(
	ctx: IExecuteFunctions,
	szamla: SzamlaContext,
	i: number,
	lines: ComputedLine[],
	nav?: NavBuyerFiller,
): Promise<PreparedInvoice> {
	const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const buyerFields = ctx.getNodeParameter('buyerFields', i, {}) as IDataObject;
	const kind = ctx.getNodeParameter('invoiceKind', i, 'invoice') as InvoiceKind;
	const today = serviceToday();
	const issueDate = optionalDate(fields.issueDate, 'Additional Fields › Issue Date');
	const fulfillmentDate = optionalDate(ctx.getNodeParameter('fulfillmentDate', i, ''), 'Fulfillment Date') ?? issueDate ?? today;
	const dueInDays = optionalNumber(fields.dueInDays, 'Additional Fields › Due In (Days)') ?? 8;
	if (!Number.isInteger(dueInDays) || dueInDays < 0) throw new InputError('Additional Fields › Due In (Days)', 'must be a whole number of days, 0 or more');
	const dueDate = optionalDate(ctx.getNodeParameter('dueDate', i, ''), 'Due Date') ?? addDays(issueDate ?? today, dueInDays);
	const downloadPdf = ctx.getNodeParameter('downloadPdf', i, true) as boolean;
	const previewPdf = optionalBoolean(fields.previewOnly, 'Additional Fields › Preview Only') ?? false;
	const exchangeRate = optionalNumber(fields.exchangeRate, 'Additional Fields › Exchange Rate');
	if (exchangeRate !== undefined && exchangeRate < 0) throw new InputError('Additional Fields › Exchange Rate', 'must not be negative');
	const externalId = optionalText(fields.externalId);
	const orderNumber = optionalText(fields.orderNumber);

	const request: CreateInvoiceRequest = {
		eInvoice: optionalBoolean(fields.eInvoice, 'Additional Fields › E-Invoice') ?? false,
		downloadPdf: downloadPdf || previewPdf,
		pdfCopies: optionalNumber(fields.pdfCopies, 'Additional Fields › PDF Copies'),
		externalId,
		itemIdentifierOnInvoice: optionalBoolean(fields.itemIdentifierOnInvoice, 'Additional Fields › Item Identifiers on Invoice'),
		header: {
			kind,
			issueDate,
			fulfillmentDate,
			dueDate,
			paymentMethod: paymentMethod(ctx, i),
			currency: ctx.getNodeParameter('currency', i, 'HUF') as string,
			language: ctx.getNodeParameter('language', i, 'hu') as InvoiceLanguage,
			comment: optionalText(fields.comment),
			exchangeBank: optionalText(fields.exchangeBank),
			exchangeRate: exchangeRate || undefined,
			orderNumber,
			proformaNumberToConvert: optionalText(fields.proformaNumberToConvert),
			prepaymentInvoiceNumber: kind === 'final' ? optionalText(ctx.getNodeParameter('prepaymentInvoiceNumber', i, '')) : undefined,
			correctedInvoiceNumber:
				kind === 'corrective' ? requiredText(ctx.getNodeParameter('correctedInvoiceNumber', i, ''), 'Corrected Invoice Number') : undefined,
			logoExtra: optionalText(fields.logoExtra),
			invoicePrefix: optionalText(fields.invoicePrefix),
			paid: optionalBoolean(fields.paid, 'Additional Fields › Paid'),
			payableCorrection: optionalNumber(fields.payableCorrection, 'Additional Fields › Payable Correction') || undefined,
			euVat: optionalBoolean(fields.euVat, 'Additional Fields › No Hungarian VAT (EU VAT)') || undefined,
			template: optionalText(fields.template),
			previewPdf: previewPdf || undefined,
		},
		seller: {
			bank: optionalText(fields.sellerBank),
			bankAccount: optionalText(fields.sellerBankAccount),
			emailReplyTo: optionalText(fields.emailReplyTo),
			emailSubject: optionalText(fields.emailSubject),
			emailText: optionalText(fields.emailText),
			signatoryName: optionalText(fields.sellerSignatoryName),
		},
		buyer: {
			...buyerNameAndAddress(ctx, i, !!nav),
			country: optionalText(buyerFields.country),
			email: optionalText(buyerFields.email),
			sendEmail: optionalBoolean(buyerFields.sendEmail, 'Buyer Details › Send E-Mail'),
			taxpayerStatus: optionalNumber(buyerFields.taxpayerStatus, 'Buyer Details › Tax Status') as TaxpayerStatus | undefined,
			taxNumber: optionalText(buyerFields.taxNumber),
			euTaxNumber: optionalText(buyerFields.euTaxNumber),
			groupIdentifier: optionalText(buyerFields.groupIdentifier),
			postalName: optionalText(buyerFields.postalName),
			postalCountry: optionalText(buyerFields.postalCountry),
			postalPostalCode: optionalText(buyerFields.postalPostalCode),
			postalCity: optionalText(buyerFields.postalCity),
			postalAddress: optionalText(buyerFields.postalAddress),
			identifier: optionalText(buyerFields.identifier),
			signatoryName: optionalText(buyerFields.signatoryName),
			phone: optionalText(buyerFields.phone),
			comment: optionalText(buyerFields.comment),
		},
		waybill: readWaybill(fields),
		lines,
	};
	let buyerFromNav: string[] | undefined;
	if (nav) {
		const filled = await nav.fill(request.buyer, requiredText(ctx.getNodeParameter('buyerTaxNumber', i, ''), BUYER_TAX_NUMBER_FIELD));
		request.buyer = filled.buyer;
		buyerFromNav = filled.fromNav;
	}
	// Build now: the protocol's rules then fail before any request, and the XML is sent as built.
	const call = szamla.client.prepare(createInvoice, request);

	const ifExists = ctx.getNodeParameter('ifExists', i, 'returnExisting') as IfExists;
	return {
		request,
		call,
		attachments: await readAttachments(ctx, i, textList(fields.attachments)),
		guard: guardFor(ifExists, { externalId, orderNumber }, previewPdf),
		rows: [i],
		amountWarnings: amountWarnings(lines),
		buyerFromNav,
	};
}
