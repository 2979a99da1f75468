/**
 * Invoice › Create: every document kind, line items from the node, from an input array or from spreadsheet rows
 * grouped into invoices, an optional duplicate guard, attachments, preview, PDF as binary data.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { InputError, ServiceError } from '../../../shared/errors';
import type { FilePart } from '../../../shared/multipart';
import { runItems } from '../../../shared/n8n/itemRunner';
import { ItemInputError } from '../../../shared/n8n/nodeErrors';
import {
	addDays,
	optionalBoolean,
	optionalDate,
	optionalNumber,
	optionalText,
	requiredText,
	textList,
} from '../../../shared/n8n/values';
import { buildCreateInvoiceXml, buildGetInvoiceDataXml } from '../../protocol/requests';
import type { CreateInvoiceRequest, InvoiceKind, InvoiceLanguage, InvoiceSelector } from '../../protocol/types/request';
import type { InvoiceResult } from '../../protocol/types/response';
import type { SzamlaContext } from '../context';
import { serviceToday } from '../common/calendar';
import { readExecutionOptions } from '../common/execution';
import { computeLineFrom, readLineItems, type ComputedLine } from '../common/lineItems';
import { pdfBinary } from '../common/pdf';

export { createInvoiceDescription as description } from './create.description';

type IfExists = 'returnExisting' | 'fail' | 'createAnyway';

interface PreparedInvoice {
	request: CreateInvoiceRequest;
	/** The request XML, built (and so checked) while preparing, sent as is. */
	xml: string;
	attachments: FilePart[];
	/** Where the duplicate guard looks, when it applies. */
	guard?: { selector: InvoiceSelector; ifExists: Exclude<IfExists, 'createAnyway'> };
	/** All input rows this invoice came from (row mode) or just the item. */
	rows: number[];
}

const MAX_ATTACHMENTS = 5;

function paymentMethod(ctx: IExecuteFunctions, i: number): string {
	const method = ctx.getNodeParameter('paymentMethod', i, 'átutalás') as string;
	if (method !== '__other') return method;
	return requiredText(ctx.getNodeParameter('customPaymentMethod', i, ''), 'Other Payment Method');
}

function taxpayerStatus(value: unknown): number | undefined {
	if (value === '' || value === undefined || value === null) return undefined;
	const status = Number(value);
	if (![7, 6, 1, 0, -1].includes(status)) throw new InputError('Buyer Details › Tax Status', `must be one of 7, 6, 1, 0, -1, got "${String(value)}"`);
	return status;
}

async function readAttachments(ctx: IExecuteFunctions, i: number, names: string[]): Promise<FilePart[]> {
	if (names.length > MAX_ATTACHMENTS) {
		throw new InputError('Additional Fields › Attachments', `at most ${MAX_ATTACHMENTS} attachments are allowed, got ${names.length}`);
	}
	const parts: FilePart[] = [];
	for (const [n, name] of names.entries()) {
		const binary = ctx.getInputData()[i]?.binary?.[name];
		if (!binary) throw new InputError('Additional Fields › Attachments', `the input item has no binary field "${name}"`);
		const content = await ctx.helpers.getBinaryDataBuffer(i, name);
		parts.push({
			field: `attachfile${n + 1}`,
			fileName: binary.fileName ?? `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`,
			contentType: binary.mimeType || 'application/octet-stream',
			content,
		});
	}
	return parts;
}

/** Header, buyer and settings of the invoice read from item i (in row mode: the group's first row). */
async function readInvoice(ctx: IExecuteFunctions, szamla: SzamlaContext, i: number, lines: ComputedLine[]): Promise<PreparedInvoice> {
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
		auth: szamla.auth,
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
			name: requiredText(ctx.getNodeParameter('buyerName', i, ''), 'Buyer Name'),
			postalCode: requiredText(ctx.getNodeParameter('buyerPostalCode', i, ''), 'Buyer Postal Code'),
			city: requiredText(ctx.getNodeParameter('buyerCity', i, ''), 'Buyer City'),
			address: requiredText(ctx.getNodeParameter('buyerAddress', i, ''), 'Buyer Address'),
			country: optionalText(buyerFields.country),
			email: optionalText(buyerFields.email),
			sendEmail: optionalBoolean(buyerFields.sendEmail, 'Buyer Details › Send E-Mail'),
			taxpayerStatus: taxpayerStatus(buyerFields.taxpayerStatus),
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
		lines,
	};
	// Build now: the builder's structure rules then fail before any request, and the XML is sent as built.
	const xml = buildCreateInvoiceXml(request);

	const ifExists = ctx.getNodeParameter('ifExists', i, 'returnExisting') as IfExists;
	const guardSelector: InvoiceSelector | undefined = externalId ? { externalId } : orderNumber ? { orderNumber } : undefined;
	return {
		request,
		xml,
		attachments: await readAttachments(ctx, i, textList(fields.attachments)),
		guard: guardSelector && ifExists !== 'createAnyway' && !previewPdf ? { selector: guardSelector, ifExists } : undefined,
		rows: [i],
	};
}

interface RowGroups {
	/** First row of each group → all rows of the group, in input order. */
	groups: Map<number, number[]>;
	/** Rows that belong to no group (empty Group By): each fails on its own. */
	ungrouped: Map<number, ItemInputError>;
}

/** Row mode: which rows belong together, in order of first appearance. */
function groupRows(ctx: IExecuteFunctions): RowGroups {
	const byKey = new Map<string, number[]>();
	const ungrouped = new Map<number, ItemInputError>();
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		const key = optionalText(ctx.getNodeParameter('groupBy', i, ''));
		if (key === undefined) {
			ungrouped.set(i, new ItemInputError(i, undefined, 'Group By', 'is empty; every row needs a group value'));
			continue;
		}
		const rows = byKey.get(key) ?? [];
		rows.push(i);
		byKey.set(key, rows);
	}
	return { groups: new Map([...byKey.values()].map((rows) => [rows[0], rows])), ungrouped };
}

function groupLabel(ctx: IExecuteFunctions, firstRow: number): string {
	return `group "${String(ctx.getNodeParameter('groupBy', firstRow, ''))}"`;
}

/** Any bad input while reading a group names the row it is in and the group, e.g. `Item 3 (group "A")`. */
function inGroup(error: unknown, row: number, where: string): unknown {
	if (error instanceof InputError && !(error instanceof ItemInputError)) return new ItemInputError(row, where, error.field, error.message);
	return error;
}

function readRowLines(ctx: IExecuteFunctions, rows: number[], currency: string, where: string): ComputedLine[] {
	const lines: ComputedLine[] = [];
	for (const row of rows) {
		try {
			const raws = (ctx.getNodeParameter('lineItems.item', row, []) as IDataObject[]) ?? [];
			if (raws.length === 0) throw new InputError('Line Items', 'no line item defined');
			raws.forEach((raw, n) => lines.push(computeLineFrom(raw, currency, `Line Items[${n + 1}]`)));
		} catch (error) {
			throw inGroup(error, row, where);
		}
	}
	return lines;
}

function invoiceJson(result: InvoiceResult, prepared: PreparedInvoice, extra: IDataObject = {}): IDataObject {
	const header = prepared.request.header;
	return {
		invoiceNumber: result.invoiceNumber,
		documentId: result.documentId,
		kind: header.kind,
		netTotal: result.netTotal,
		grossTotal: result.grossTotal,
		outstandingAmount: result.outstandingAmount,
		currency: header.currency,
		buyerPortalUrl: result.buyerPortalUrl,
		orderNumber: header.orderNumber,
		externalId: prepared.request.externalId,
		warnings: result.warnings,
		...extra,
	};
}

/** The duplicate guard: a query before the create. Returns the existing invoice's output, or undefined to go ahead. */
async function findExisting(
	ctx: IExecuteFunctions,
	szamla: SzamlaContext,
	prepared: PreparedInvoice,
	i: number,
): Promise<INodeExecutionData | undefined> {
	const guard = prepared.guard!;
	let data;
	try {
		data = await szamla.client.send(
			'getInvoiceData',
			buildGetInvoiceDataXml({ auth: szamla.auth, selector: guard.selector, includePdf: prepared.request.downloadPdf }),
		);
	} catch (error) {
		if (error instanceof ServiceError && error.details.code === '7') return undefined; // not found: create it
		throw error;
	}
	// An order number is shared by the proforma, prepayment and final documents of one order: only the same kind counts.
	if (data.header.kind !== prepared.request.header.kind || data.header.reversed) return undefined;
	const where = 'externalId' in guard.selector ? `External ID "${guard.selector.externalId}"` : `Order Number "${(guard.selector as { orderNumber: string }).orderNumber}"`;
	if (guard.ifExists === 'fail') {
		throw new InputError('If It Already Exists', `invoice ${data.header.invoiceNumber} already exists with ${where}; nothing was issued`);
	}
	const json = invoiceJson(
		{
			invoiceNumber: data.header.invoiceNumber,
			documentId: data.header.documentId,
			netTotal: data.totals.netAmount,
			grossTotal: data.totals.grossAmount,
			warnings: [`Not issued again: invoice ${data.header.invoiceNumber} already exists with ${where}`],
		},
		prepared,
		{ alreadyExisted: true },
	);
	return { json, binary: await pdfBinary(ctx, i, data.pdf, data.header.invoiceNumber) };
}

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	const rowMode = ctx.getNodeParameter('lineItemsSource', 0, 'parameters') === 'rows';
	const rowGroups = rowMode ? groupRows(ctx) : undefined;
	const groups = rowGroups?.groups;
	const pairing = (rows: number[]): IPairedItemData[] => rows.map((item) => ({ item }));
	const rowsOf = (i: number): number[] => groups?.get(i) ?? [i];
	const guardQueues = new Map<string, Promise<unknown>>();

	return await runItems<PreparedInvoice>(
		ctx,
		{
			async prepare(i) {
				const currency = ctx.getNodeParameter('currency', i, 'HUF') as string;
				if (rowGroups) {
					const ungrouped = rowGroups.ungrouped.get(i);
					if (ungrouped) throw ungrouped;
					const rows = rowsOf(i);
					const where = groupLabel(ctx, i);
					try {
						const prepared = await readInvoice(ctx, szamla, i, readRowLines(ctx, rows, currency, where));
						return { ...prepared, rows };
					} catch (error) {
						throw inGroup(error, i, where);
					}
				}
				return await readInvoice(ctx, szamla, i, readLineItems(ctx, i, currency));
			},
			async send(prepared, i) {
				const guard = prepared.guard;
				if (!guard) return await issue(prepared, i);
				// Items sharing a guard key go one after the other even with parallel requests: the second one's look-up
				// must see the first one's invoice, or both would be issued.
				const key = JSON.stringify(guard.selector);
				const previous = guardQueues.get(key) ?? Promise.resolve();
				const mine = previous.then(async () => {
					const existing = await findExisting(ctx, szamla, prepared, i);
					if (existing) return [{ ...existing, pairedItem: pairing(prepared.rows) }];
					return await issue(prepared, i);
				});
				guardQueues.set(key, mine.catch(() => undefined));
				return await mine;
			},
		},
		{
			concurrency: readExecutionOptions(ctx).parallelRequests,
			secrets: szamla.secrets,
			itemIndexes: rowGroups ? [...rowGroups.groups.keys(), ...rowGroups.ungrouped.keys()].sort((a, b) => a - b) : undefined,
			pairedItems: rowGroups ? (i) => pairing(rowsOf(i)) : undefined,
		},
	);

	async function issue(prepared: PreparedInvoice, i: number): Promise<INodeExecutionData[]> {
		const preview = prepared.request.header.previewPdf === true;
		const result = await szamla.client.send('createInvoice', prepared.xml, {
			attachments: prepared.attachments,
			preview,
		});
		const json = invoiceJson(result, prepared, preview ? { preview: true } : {});
		if (groups) json.rowCount = prepared.rows.length;
		// downloadPdf is already true for a preview (readInvoice), so it alone decides.
		const binary = prepared.request.downloadPdf ? await pdfBinary(ctx, i, result.pdf, result.invoiceNumber || 'preview') : undefined;
		return [{ json, binary, pairedItem: pairing(prepared.rows) }];
	}
}
