/**
 * Line items for invoices and receipts: typed in the node, or taken from an array field of the input item (a webshop
 * order's `items`). Amounts are computed here from unit price × quantity and the VAT key, so users never have to.
 */
import type { ShowWhen } from '../../../shared/n8n/display';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { optionalBoolean, optionalText, requiredNumber, requiredText, valueAtPath } from '../../../shared/n8n/values';
import { computeLine } from '../../protocol/amounts';
import type { InvoiceLine } from '../../protocol/types/createInvoice';
import { VAT_KEYS, parseVatKey } from '../../protocol/vatKeys';

/**
 * A line with its amounts computed: the fields invoices and receipts share, and `amountWarning` when the printed line
 * gross differs from what the customer pays (see computeLine).
 */
export type ComputedLine = Pick<
	InvoiceLine,
	'name' | 'identifier' | 'quantity' | 'unit' | 'netUnitPrice' | 'vatKey' | 'netAmount' | 'vatAmount' | 'grossAmount' | 'comment'
> & { amountWarning?: string };

/** How line amounts are computed for one document. */
export interface LineAmountOptions {
	/** HUF lines in whole forints instead of fillér. */
	wholeForints?: boolean;
}

/** The amount warnings of a document's lines, for its output's `warnings`. */
export function amountWarnings(lines: ReadonlyArray<ComputedLine>): string[] {
	return lines.flatMap((line) => (line.amountWarning ? [line.amountWarning] : []));
}

/** Additional Field of Invoice › Create and Receipt › Create: the explicit whole-forint choice (LineAmountOptions). */
export const wholeForintsField: INodeProperties = {
	displayName: 'Whole-Forint Amounts',
	name: 'wholeForints',
	type: 'boolean',
	default: false,
	// The condition comes first on purpose: "HUF only" is what a user scanning the option must see.
	// eslint-disable-next-line n8n-nodes-base/node-param-description-boolean-without-whether
	description:
		'HUF only: every line amount in whole forints (gross prices split as 787 + 213 = 1000). Other currencies always use 2 decimals.',
};

export const vatKeyOptions = VAT_KEYS.map((v) => ({ name: v.label, value: v.key }));

const lineFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Product or service name' },
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { numberPrecision: 4 } },
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'string',
		default: 'db',
		description: 'Unit of quantity as printed, e.g. db (piece), óra (hour), kg',
	},
	{
		displayName: 'Unit Price',
		name: 'unitPrice',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 4 },
		description: 'Price of one unit, net or gross as set in Price Type',
	},
	{
		displayName: 'Price Type',
		name: 'priceType',
		type: 'options',
		options: [
			{ name: 'Net (Without VAT)', value: 'net' },
			{ name: 'Gross (Including VAT)', value: 'gross' },
		],
		default: 'net',
	},
	{
		displayName: 'VAT Key',
		name: 'vatKey',
		type: 'options',
		options: vatKeyOptions,
		default: '27',
		description: 'VAT rate or special key (AAM, TAM, EUK …). Special keys mean 0% VAT.',
	},
	{ displayName: 'Identifier', name: 'identifier', type: 'string', default: '', description: 'Article number / SKU' },
	{ displayName: 'Comment', name: 'comment', type: 'string', default: '', description: 'Note printed under the line' },
];

/** UI for the line items of one document. `show` scopes it to the operation. */
export function lineItemProperties(show: ShowWhen, options: { allowRows?: boolean } = {}): INodeProperties[] {
	const sources = [
		{ name: 'Define Below', value: 'parameters', description: 'Type the line items in this node (expressions welcome)' },
		{
			name: 'From an Input Field',
			value: 'inputField',
			description: 'An array of line items in each input item, e.g. a webshop order\'s "items"',
		},
	];
	if (options.allowRows) {
		sources.push({
			name: 'One Row per Line (Group Rows Into Invoices)',
			value: 'rows',
			description:
				'Each input item is one line; rows sharing the Group By value become one invoice, with header and buyer taken from the first row of the group',
		});
	}
	return [
		{
			displayName: 'Line Items Source',
			name: 'lineItemsSource',
			type: 'options',
			noDataExpression: true,
			options: sources,
			default: 'parameters',
			displayOptions: { show },
		},
		{
			displayName: 'Group By',
			name: 'groupBy',
			type: 'string',
			default: '',
			required: true,
			placeholder: '={{ $json.orderNumber }}',
			description: 'Rows with the same value here become one invoice (e.g. the order number column)',
			displayOptions: { show: { ...show, lineItemsSource: ['rows'] } },
		},
		{
			displayName: 'Line Items',
			name: 'lineItems',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Line Item',
			default: {},
			description: 'In row mode, define the line once with expressions on the row ($JSON.product …)',
			displayOptions: { show: { ...show, lineItemsSource: ['parameters', 'rows'] } },
			options: [{ displayName: 'Line Item', name: 'item', values: lineFields }],
		},
		{
			displayName: 'Line Items Field',
			name: 'lineItemsField',
			type: 'string',
			default: 'items',
			required: true,
			description:
				'Path of the array in the input item (dots for nested fields). Each entry: name, quantity, unit, unitPrice, vatKey (or vatRate), priceIncludesVat (true for gross prices), identifier, comment.',
			displayOptions: { show: { ...show, lineItemsSource: ['inputField'] } },
		},
	];
}

/** One line as entered, before amounts: from the fixed collection or from an input array entry. */
interface RawLine {
	name?: unknown;
	quantity?: unknown;
	unit?: unknown;
	unitPrice?: unknown;
	priceType?: unknown;
	priceIncludesVat?: unknown;
	vatKey?: unknown;
	identifier?: unknown;
	comment?: unknown;
}

/** Accept the obvious alternative spellings a webshop or sheet may use. */
function fromInputEntry(entry: IDataObject): RawLine {
	const pick = (...keys: string[]) => keys.map((k) => entry[k]).find((v) => v !== undefined && v !== '');
	const grossPrice = pick('grossUnitPrice', 'unitPriceGross');
	return {
		name: pick('name', 'title', 'product', 'description'),
		quantity: pick('quantity', 'qty'),
		unit: pick('unit', 'unitOfMeasure'),
		unitPrice: grossPrice ?? pick('unitPrice', 'netUnitPrice', 'price'),
		priceIncludesVat: grossPrice !== undefined ? true : pick('priceIncludesVat', 'gross'),
		vatKey: pick('vatKey', 'vatRate', 'vat', 'taxRate'),
		identifier: pick('identifier', 'sku', 'id'),
		comment: pick('comment', 'note'),
	};
}

export function computeLineFrom(raw: RawLine, currency: string, field: string, options: LineAmountOptions = {}): ComputedLine {
	const at = (name: string) => `${field} › ${name}`;
	const quantity = requiredNumber(raw.quantity, at('Quantity'));
	if (quantity === 0) throw new InputError(at('Quantity'), 'must not be 0');
	const priceIncludesVat =
		raw.priceType !== undefined ? raw.priceType === 'gross' : (optionalBoolean(raw.priceIncludesVat, at('Price Includes VAT')) ?? false);
	const vatKey = parseVatKey(optionalText(raw.vatKey) ?? '', at('VAT Key'));
	const { warning, ...amounts } = computeLine(
		{ quantity, unitPrice: requiredNumber(raw.unitPrice, at('Unit Price')), priceIncludesVat, vatKey, currency, wholeForints: options.wholeForints },
		field,
	);
	return {
		name: requiredText(raw.name, at('Name')),
		identifier: optionalText(raw.identifier),
		quantity,
		unit: optionalText(raw.unit) ?? 'db',
		vatKey,
		comment: optionalText(raw.comment),
		...amounts,
		...(warning ? { amountWarning: warning } : {}),
	};
}

/** The line items of item i, with amounts computed. Throws InputError naming the line and field. */
export function readLineItems(ctx: IExecuteFunctions, itemIndex: number, currency: string, options: LineAmountOptions = {}): ComputedLine[] {
	const source = ctx.getNodeParameter('lineItemsSource', itemIndex, 'parameters') as string;
	let raws: RawLine[];
	let label = 'Line Items';
	if (source === 'inputField') {
		const path = String(ctx.getNodeParameter('lineItemsField', itemIndex, 'items'));
		label = path;
		const value = valueAtPath(ctx.getInputData()[itemIndex]?.json, path);
		if (!Array.isArray(value)) {
			throw new InputError(path, value === undefined ? 'is missing from the input item' : 'must be an array of line items');
		}
		raws = value.map((entry, n) => {
			if (!entry || typeof entry !== 'object') throw new InputError(`${path}[${n + 1}]`, 'must be an object');
			return fromInputEntry(entry as IDataObject);
		});
	} else {
		raws = (ctx.getNodeParameter('lineItems.item', itemIndex, []) as RawLine[]) ?? [];
	}
	if (raws.length === 0) throw new InputError(label, 'at least one line item is needed');
	return raws.map((raw, n) => computeLineFrom(raw, currency, `${label}[${n + 1}]`, options));
}
