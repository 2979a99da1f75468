/**
 * The trade card as no-code users fill it in: node fields (with expressions on a sheet row) or one JSON object in
 * the English shape of protocol/types.ts. Create needs the whole card; Modify shows the same fields, all optional:
 * what is left empty keeps the stored value (the node fetches the card and sends it whole).
 */
import type { INodeProperties } from 'n8n-workflow';
import type { ShowWhen } from '../../../shared/n8n/display';

const text = (displayName: string, name: string, description = '', extra: Partial<INodeProperties> = {}): INodeProperties =>
	({ displayName, name, type: 'string', default: '', description, ...extra }) as INodeProperties;

const locationFields: INodeProperties[] = [
	text('Name', 'name', 'Company or site name'),
	text('VAT Number', 'vatNumber', 'Tax number of the company at this place, required for every place, foreign ones too (NAV lists it for complete addresses); 8 digits for Hungarian ones'),
	text('Country', 'country', 'Two-letter country code', { placeholder: 'HU' }),
	text('Postal Code', 'postalCode'),
	text('City', 'city'),
	text('Street', 'street', 'Street name, without its type'),
	text('Street Type', 'streetType', 'E.g. utca, út, tér'),
	text('Street Number', 'streetNumber'),
	text('Lot Number', 'lotNumber', 'Land registry lot number, instead of street and number'),
	text('Phone', 'phone', 'International or 06 form, no spaces needed', { placeholder: '+36201234567' }),
	text('E-Mail', 'email', '', { placeholder: 'name@email.com' }),
];

/** `partial` (Modify): an item's Trade Reason can be left as stored, which is its default there. */
const itemFields = (partial: boolean): INodeProperties[] => [
	text('VTSZ Code', 'productCode', 'Customs tariff number, 8 digits', { placeholder: '22030001' }),
	text('Product Name', 'productName'),
	{ displayName: 'Weight (Kg)', name: 'weightKg', type: 'number', default: 0, typeOptions: { numberPrecision: 3 }, description: 'Gross weight' },
	{ displayName: 'Value (HUF)', name: 'valueHuf', type: 'number', default: 0, description: 'Value in forints, whole number' },
	{
		displayName: 'Trade Reason',
		name: 'tradeReason',
		type: 'options',
		options: [
			...(partial ? [{ name: 'Keep (As Stored)', value: 'keep', description: 'For a new item: Sale or Purchase' }] : []),
			{ name: 'Sale or Purchase', value: 'sale' },
			{ name: 'Contract Work', value: 'contractWork' },
			{ name: 'Other', value: 'other' },
			{ name: 'Own Goods (Withdrawn by NAV)', value: 'ownGoods' },
		],
		default: 'sale',
		...(partial ? { default: 'keep' } : {}),
	},
	text('Item ID', 'id', 'Modify only: the server ID of an existing item (from Get); leave empty for a new item'),
	text('Change Reason', 'changeReason', 'Modify only: why the weight or value of an existing item changes (NAV requires a reason)'),
	text('External ID', 'externalId', 'Your own key for the item, returned with the result'),
	text('ADR Number', 'adrNumber', 'UN numbers of dangerous goods'),
	text('Batch Number', 'batchNumber'),
	{ displayName: 'Expiration Date', name: 'expirationDate', type: 'dateTime', default: '' },
	text('Factory Item Number', 'factoryItemNumber'),
	text('Importer Item Number', 'importerItemNumber'),
	text('Transport License', 'transportLicense'),
	{
		displayName: 'VAT-Rate Security Exemption',
		name: 'vatRateAssuranceExemption',
		type: 'boolean',
		default: false,
		description: 'Whether to claim the exemption from risk security for 5% VAT goods',
	},
];

function locationProperty(displayName: string, name: string, show: ShowWhen): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: `Add ${displayName}`,
		default: {},
		displayOptions: { show },
		options: [{ displayName, name: 'location', values: locationFields }],
	};
}

/**
 * UI for a whole card, scoped by `show`. `partial` (Modify): nothing is required, an empty field keeps the stored value,
 * and Trade Type defaults to keeping the card's own (NAV does not let it change).
 */
export function cardProperties(show: ShowWhen, options: { partial?: boolean } = {}): INodeProperties[] {
	const fieldsShow = { ...show, inputMode: ['fields'] };
	const partial = options.partial === true;
	const mandatory = !partial;
	return [
		{
			displayName: 'Input Mode',
			name: 'inputMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Define Below', value: 'fields', description: 'Fill in the card here (expressions on the input item welcome)' },
				{ name: 'JSON', value: 'json', description: 'One JSON object per item in the shape documented in the README' },
			],
			default: 'fields',
			displayOptions: { show },
		},
		{
			displayName: 'Trade Card (JSON)',
			name: 'tradeCardJson',
			type: 'json',
			default: '={{ $json }}',
			required: true,
			description: partial
				? 'The changes as JSON, in the card\'s shape (e.g. the output of Get with some values changed); keys left out keep the stored value'
				: 'The card as JSON: tradeType, orderNumber, seller, destination, loadLocation, unloadLocation, vehicle, trailer, loadDate, items …',
			displayOptions: { show: { ...show, inputMode: ['json'] } },
		},
		{
			displayName: 'Trade Type',
			name: 'tradeType',
			type: 'options',
			options: [
				...(partial ? [{ name: 'Keep (As Stored)', value: 'keep' }] : []),
				{ name: 'Import (EU → Hungary)', value: 'import' },
				{ name: 'Export (Hungary → EU)', value: 'export' },
				{ name: 'Domestic (First Taxable Supply)', value: 'domestic' },
			],
			default: 'import',
			...(partial ? { default: 'keep' } : {}),
			displayOptions: { show: fieldsShow },
		},
		text('Order Number', 'orderNumber', 'Your own order or freight reference; Get Many can find the card by it', { displayOptions: { show: fieldsShow } }),
		text('Seller Name', 'sellerName', '', { required: mandatory, displayOptions: { show: fieldsShow } }),
		text('Seller VAT Number', 'sellerVatNumber', 'For a Hungarian seller the 8-digit tax number base', { required: mandatory, displayOptions: { show: fieldsShow } }),
		text('Seller Country', 'sellerCountry', 'Two-letter code; required for export and domestic', { placeholder: 'HU', displayOptions: { show: fieldsShow } }),
		text('Seller Address', 'sellerAddress', 'One line; required for export and domestic', { displayOptions: { show: fieldsShow } }),
		text('Destination Name', 'destinationName', 'The buyer / recipient company', { required: mandatory, displayOptions: { show: fieldsShow } }),
		text('Destination VAT Number', 'destinationVatNumber', '', { required: mandatory, displayOptions: { show: fieldsShow } }),
		text('Destination Country', 'destinationCountry', 'Two-letter code; required for import', { placeholder: 'HU', displayOptions: { show: fieldsShow } }),
		text('Destination Address', 'destinationAddress', 'One line; required for import', { displayOptions: { show: fieldsShow } }),
		locationProperty('Load Location', 'loadLocation', fieldsShow),
		locationProperty('Unload Location', 'unloadLocation', fieldsShow),
		text('Vehicle Plate Number', 'vehiclePlateNumber', 'Tractor or lorry; required for export and domestic', { displayOptions: { show: fieldsShow } }),
		text('Vehicle Country', 'vehicleCountry', 'Nationality sign of the vehicle, e.g. H, SK, D', { displayOptions: { show: fieldsShow } }),
		{ displayName: 'Load Date', name: 'loadDate', type: 'dateTime', default: '', description: 'When loading starts', displayOptions: { show: fieldsShow } },
		{
			displayName: 'Items Source',
			name: 'itemsSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Define Below', value: 'parameters' },
				{ name: 'From an Input Field', value: 'inputField', description: 'An array of items in the input item' },
			],
			default: 'parameters',
			displayOptions: { show: fieldsShow },
		},
		{
			displayName: 'Items',
			name: 'items',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Item',
			default: {},
			...(partial
				? {
						description:
							'Only the items that change: with an Item ID (from Get) that item changes (empty fields and a weight or value of 0 keep it), without one a new item is added; items not listed stay as they are',
					}
				: {}),
			displayOptions: { show: { ...fieldsShow, itemsSource: ['parameters'] } },
			options: [{ displayName: 'Item', name: 'item', values: itemFields(partial) }],
		},
		text('Items Field', 'itemsField', 'Path of the array; each entry: productCode (VTSZ), productName, weightKg, valueHuf, tradeReason …', {
			default: 'items',
			required: true,
			displayOptions: { show: { ...fieldsShow, itemsSource: ['inputField'] } },
		}),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: fieldsShow },
			options: [
				text('Carrier EKÁER ID', 'carrier', 'The carrier\'s EKÁER registration; not together with Carrier Name'),
				text('Carrier Name', 'carrierText', 'Free-text carrier name'),
				text('Delivery Plan External ID', 'deliveryPlanExternalId'),
				{ displayName: 'Destination Is the Unload Company', name: 'destinationCompanyIdentical', type: 'boolean', default: true },
				{ displayName: 'Intermodal', name: 'intermodal', type: 'boolean', default: false, description: 'Whether the transport is intermodal (both addresses in Hungary)' },
				{ displayName: 'Modifiable by Carrier', name: 'modifiableByCarrier', type: 'boolean', default: false, description: 'Whether the carrier may edit vehicle data' },
				text('Plate Change Reason', 'plateNumberChangeReason', 'Required when changing the vehicle of a started card'),
				{ displayName: 'Private Delivery', name: 'privateDelivery', type: 'boolean', default: false, description: 'Whether it is a sale to / purchase from a foreign private person' },
				{ displayName: 'Save Load Location', name: 'saveLoadLocation', type: 'boolean', default: false },
				{ displayName: 'Save Unload Location', name: 'saveUnloadLocation', type: 'boolean', default: false },
				text('Trailer Country', 'trailerCountry'),
				text('Trailer Plate Number', 'trailerPlateNumber'),
			],
		},
	];
}
