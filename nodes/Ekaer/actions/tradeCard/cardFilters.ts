/** The card filters Trade Card › Get Many and the EKÁER Trigger both offer (same names, same meaning). */
import type { INodeProperties } from 'n8n-workflow';

/** Filters on the card's own values, in the panel's alphabetical order. */
export const textFilterOptions: INodeProperties[] = [
	{ displayName: 'Destination VAT Number', name: 'destinationVatNumber', type: 'string', default: '' },
	{ displayName: 'Order Number', name: 'orderNumber', type: 'string', default: '' },
	{ displayName: 'Plate Number', name: 'plateNumber', type: 'string', default: '' },
	{ displayName: 'Seller VAT Number', name: 'sellerVatNumber', type: 'string', default: '' },
];

export const tradeTypeFilterOption: INodeProperties = {
	displayName: 'Trade Type',
	name: 'tradeType',
	type: 'options',
	options: [
		{ name: 'Domestic', value: 'domestic' },
		{ name: 'Export', value: 'export' },
		{ name: 'Import', value: 'import' },
	],
	default: 'import',
};
