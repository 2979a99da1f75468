/**
 * The trade card as no-code users fill it in: node fields (with expressions on a sheet row) or one JSON object in
 * the English shape of protocol/types.ts. Items can also come from an array field of the input item. The card is sent
 * with one delivery plan holding the items and both locations, the form NAV expects since request version 1.8.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import type { ShowWhen } from '../../../shared/n8n/display';
import {
	optionalBoolean,
	optionalDate,
	optionalNumber,
	optionalText,
	requiredNumber,
	requiredText,
	valueAtPath,
} from '../../../shared/n8n/values';
import type { Location, TradeCard, TradeCardItem, TradeReason, TradeType, Vehicle } from '../../protocol/types';
import { optionalDateTime } from './dateTimes';

const text = (displayName: string, name: string, description = '', extra: Partial<INodeProperties> = {}): INodeProperties =>
	({ displayName, name, type: 'string', default: '', description, ...extra }) as INodeProperties;

const locationFields: INodeProperties[] = [
	text('Name', 'name', 'Company or site name'),
	text('VAT Number', 'vatNumber', 'Tax number of the company at this place (8 digits for Hungarian ones)'),
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

const itemFields: INodeProperties[] = [
	text('VTSZ Code', 'productCode', 'Customs tariff number, 8 digits', { placeholder: '22030001' }),
	text('Product Name', 'productName'),
	{ displayName: 'Weight (Kg)', name: 'weightKg', type: 'number', default: 0, typeOptions: { numberPrecision: 3 }, description: 'Gross weight' },
	{ displayName: 'Value (HUF)', name: 'valueHuf', type: 'number', default: 0, description: 'Value in forints, whole number' },
	{
		displayName: 'Trade Reason',
		name: 'tradeReason',
		type: 'options',
		options: [
			{ name: 'Sale or Purchase', value: 'sale' },
			{ name: 'Contract Work', value: 'contractWork' },
			{ name: 'Other', value: 'other' },
			{ name: 'Own Goods (Withdrawn by NAV)', value: 'ownGoods' },
		],
		default: 'sale',
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

/** UI for a whole card, scoped by `show`. */
export function cardProperties(show: ShowWhen): INodeProperties[] {
	const fieldsShow = { ...show, inputMode: ['fields'] };
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
			description: 'The card as JSON: tradeType, orderNumber, seller, destination, loadLocation, unloadLocation, vehicle, trailer, loadDate, items …',
			displayOptions: { show: { ...show, inputMode: ['json'] } },
		},
		{
			displayName: 'Trade Type',
			name: 'tradeType',
			type: 'options',
			options: [
				{ name: 'Import (EU → Hungary)', value: 'import' },
				{ name: 'Export (Hungary → EU)', value: 'export' },
				{ name: 'Domestic (First Taxable Supply)', value: 'domestic' },
			],
			default: 'import',
			displayOptions: { show: fieldsShow },
		},
		text('Order Number', 'orderNumber', 'Your own order or freight reference; Get Many can find the card by it', { displayOptions: { show: fieldsShow } }),
		text('Seller Name', 'sellerName', '', { required: true, displayOptions: { show: fieldsShow } }),
		text('Seller VAT Number', 'sellerVatNumber', 'For a Hungarian seller the 8-digit tax number base', { required: true, displayOptions: { show: fieldsShow } }),
		text('Seller Country', 'sellerCountry', 'Two-letter code; required for export and domestic', { placeholder: 'HU', displayOptions: { show: fieldsShow } }),
		text('Seller Address', 'sellerAddress', 'One line; required for export and domestic', { displayOptions: { show: fieldsShow } }),
		text('Destination Name', 'destinationName', 'The buyer / recipient company', { required: true, displayOptions: { show: fieldsShow } }),
		text('Destination VAT Number', 'destinationVatNumber', '', { required: true, displayOptions: { show: fieldsShow } }),
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
			displayOptions: { show: { ...fieldsShow, itemsSource: ['parameters'] } },
			options: [{ displayName: 'Item', name: 'item', values: itemFields }],
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

const TRADE_TYPES: Record<string, TradeType> = { import: 'import', export: 'export', domestic: 'domestic', i: 'import', e: 'export', d: 'domestic' };
const TRADE_REASONS: Record<string, TradeReason> = {
	sale: 'sale', s: 'sale', contractwork: 'contractWork', w: 'contractWork', other: 'other', o: 'other', owngoods: 'ownGoods', a: 'ownGoods',
};

function tradeType(value: unknown, field: string): TradeType {
	const type = TRADE_TYPES[String(value ?? '').trim().toLowerCase()];
	if (!type) throw new InputError(field, `must be import, export or domestic (I, E, D), got "${String(value ?? '')}"`);
	return type;
}

function location(raw: unknown): Location | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const r = raw as IDataObject;
	const loc: Location = {
		name: optionalText(r.name),
		vatNumber: optionalText(r.vatNumber),
		phone: optionalText(r.phone),
		email: optionalText(r.email),
		country: optionalText(r.country)?.toUpperCase(),
		postalCode: optionalText(r.postalCode),
		city: optionalText(r.city),
		street: optionalText(r.street),
		streetType: optionalText(r.streetType),
		streetNumber: optionalText(r.streetNumber),
		lotNumber: optionalText(r.lotNumber),
	};
	return Object.values(loc).some((v) => v !== undefined) ? loc : undefined;
}

function vehicle(plate: unknown, country: unknown): Vehicle | undefined {
	const plateNumber = optionalText(plate);
	return plateNumber ? { plateNumber, country: optionalText(country)?.toUpperCase() } : undefined;
}

export function readItem(raw: IDataObject, field: string): TradeCardItem {
	const at = (name: string) => `${field} › ${name}`;
	const value = optionalNumber(raw.valueHuf ?? raw.value, at('Value (HUF)'));
	const reason = TRADE_REASONS[String(raw.tradeReason ?? 'sale').trim().toLowerCase()];
	if (!reason) throw new InputError(at('Trade Reason'), `must be sale, contractWork, other or ownGoods, got "${String(raw.tradeReason)}"`);
	// Modify narrows this down to the values that really change (see modify.operation.ts); create drops it.
	const changeReason = optionalText(raw.changeReason);
	return {
		id: optionalText(raw.id),
		externalId: optionalText(raw.externalId),
		itemOperation: optionalText(raw.id) ? 'modify' : 'create',
		tradeReason: reason,
		productCode: requiredText(raw.productCode ?? raw.vtsz, at('VTSZ Code')),
		productName: requiredText(raw.productName ?? raw.name, at('Product Name')),
		weightKg: requiredNumber(raw.weightKg ?? raw.weight, at('Weight (Kg)')),
		valueHuf: value === 0 ? undefined : value,
		adrNumber: optionalText(raw.adrNumber),
		transportLicense: optionalText(raw.transportLicense),
		factoryItemNumber: optionalText(raw.factoryItemNumber),
		importerItemNumber: optionalText(raw.importerItemNumber),
		expirationDate: optionalDate(raw.expirationDate, at('Expiration Date')),
		batchNumber: optionalText(raw.batchNumber),
		vatRateAssuranceExemption: optionalBoolean(raw.vatRateAssuranceExemption, at('VAT-Rate Security Exemption')) || undefined,
		reasons: changeReason ? { weight: changeReason, value: changeReason } : undefined,
	};
}

function readItems(raws: unknown, label: string): TradeCardItem[] {
	if (!Array.isArray(raws)) throw new InputError(label, raws === undefined ? 'is missing' : 'must be an array of items');
	if (raws.length === 0) throw new InputError(label, 'at least one item is needed');
	return raws.map((raw, n) => {
		if (!raw || typeof raw !== 'object') throw new InputError(`${label}[${n + 1}]`, 'must be an object');
		return readItem(raw as IDataObject, `${label}[${n + 1}]`);
	});
}

function loadDate(value: unknown, field: string, timeZone: string): Date | string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'string' ? value.trim() : undefined;
	if (text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text; // a date without time: sent as loadDateOnly
	try {
		return optionalDateTime(value, field, timeZone);
	} catch {
		throw new InputError(field, `must be a date or date-time, got "${String(value)}"`);
	}
}

/** The card from JSON mode: the English model of protocol/types.ts, leniently typed. */
function cardFromJson(raw: unknown, timeZone: string): TradeCard {
	let json = raw;
	if (typeof json === 'string') {
		try {
			json = JSON.parse(json);
		} catch {
			throw new InputError('Trade Card (JSON)', 'is not valid JSON');
		}
	}
	if (!json || typeof json !== 'object' || Array.isArray(json)) throw new InputError('Trade Card (JSON)', 'must be a JSON object');
	const j = json as IDataObject;
	const party = (p: unknown) => {
		const o = (p ?? {}) as IDataObject;
		return { name: optionalText(o.name), vatNumber: optionalText(o.vatNumber), country: optionalText(o.country)?.toUpperCase(), address: optionalText(o.address) };
	};
	const veh = (v: unknown) => (v && typeof v === 'object' ? vehicle((v as IDataObject).plateNumber, (v as IDataObject).country) : undefined);
	// A card as Get returns it keeps its items and places in deliveryPlans[0]: accept that shape, so Get → Modify works.
	const plans = Array.isArray(j.deliveryPlans) ? (j.deliveryPlans as unknown[]) : [];
	const topItems = Array.isArray(j.items) && j.items.length > 0;
	if (!topItems && plans.length > 1) {
		throw new InputError('Trade Card (JSON) › deliveryPlans', `holds ${plans.length} delivery plans; the node sends one per card`);
	}
	const plan = !topItems && plans[0] && typeof plans[0] === 'object' ? (plans[0] as IDataObject) : undefined;
	const items = plan ? readItems(plan.items, 'Trade Card (JSON) › deliveryPlans[1] › items') : readItems(j.items, 'Trade Card (JSON) › items');
	return {
		tcn: optionalText(j.tcn),
		orderNumber: optionalText(j.orderNumber),
		tradeType: tradeType(j.tradeType, 'Trade Card (JSON) › tradeType'),
		modifiableByCarrier: optionalBoolean(j.modifiableByCarrier, 'Trade Card (JSON) › modifiableByCarrier') ?? false,
		carrier: optionalText(j.carrier),
		carrierText: optionalText(j.carrierText),
		intermodal: optionalBoolean(j.intermodal, 'Trade Card (JSON) › intermodal') || undefined,
		privateDelivery: optionalBoolean(j.privateDelivery, 'Trade Card (JSON) › privateDelivery') || undefined,
		seller: party(j.seller),
		destination: party(j.destination),
		vehicle: veh(j.vehicle),
		trailer: veh(j.trailer),
		loadDate: loadDate(j.loadDate, 'Trade Card (JSON) › loadDate', timeZone),
		plateNumberChangeReason: optionalText(j.plateNumberChangeReason),
		deliveryPlans: [
			{
				items,
				loadLocation: location(j.loadLocation ?? plan?.loadLocation),
				unloadLocation: location(j.unloadLocation ?? plan?.unloadLocation),
				externalId: optionalText(plan?.externalId),
			},
		],
	};
}

/** The card of item i, ready for validation and building. */
export function readCard(ctx: IExecuteFunctions, i: number): TradeCard {
	const timeZone = ctx.getTimezone();
	if (ctx.getNodeParameter('inputMode', i, 'fields') === 'json') return cardFromJson(ctx.getNodeParameter('tradeCardJson', i, {}), timeZone);
	const f = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const p = (name: string) => ctx.getNodeParameter(name, i, '');
	const items =
		ctx.getNodeParameter('itemsSource', i, 'parameters') === 'inputField'
			? readItems(valueAtPath(ctx.getInputData()[i]?.json, String(p('itemsField') || 'items')), String(p('itemsField') || 'items'))
			: readItems(ctx.getNodeParameter('items.item', i, []), 'Items');
	return {
		orderNumber: optionalText(p('orderNumber')),
		tradeType: tradeType(p('tradeType'), 'Trade Type'),
		modifiableByCarrier: optionalBoolean(f.modifiableByCarrier, 'Additional Fields › Modifiable by Carrier') ?? false,
		carrier: optionalText(f.carrier),
		carrierText: optionalText(f.carrierText),
		intermodal: optionalBoolean(f.intermodal, 'Additional Fields › Intermodal') || undefined,
		privateDelivery: optionalBoolean(f.privateDelivery, 'Additional Fields › Private Delivery') || undefined,
		seller: {
			name: optionalText(p('sellerName')),
			vatNumber: optionalText(p('sellerVatNumber')),
			country: optionalText(p('sellerCountry'))?.toUpperCase(),
			address: optionalText(p('sellerAddress')),
		},
		destination: {
			name: optionalText(p('destinationName')),
			vatNumber: optionalText(p('destinationVatNumber')),
			country: optionalText(p('destinationCountry'))?.toUpperCase(),
			address: optionalText(p('destinationAddress')),
		},
		plateNumberChangeReason: optionalText(f.plateNumberChangeReason),
		vehicle: vehicle(p('vehiclePlateNumber'), p('vehicleCountry')),
		trailer: vehicle(f.trailerPlateNumber, f.trailerCountry),
		loadDate: loadDate(p('loadDate'), 'Load Date', timeZone),
		deliveryPlans: [
			{
				items,
				loadLocation: location((ctx.getNodeParameter('loadLocation', i, {}) as IDataObject).location),
				unloadLocation: location((ctx.getNodeParameter('unloadLocation', i, {}) as IDataObject).location),
				destinationCompanyIdentical: optionalBoolean(f.destinationCompanyIdentical, 'Additional Fields › Destination Is the Unload Company'),
				saveLoadLocation: optionalBoolean(f.saveLoadLocation, 'Additional Fields › Save Load Location') || undefined,
				saveUnloadLocation: optionalBoolean(f.saveUnloadLocation, 'Additional Fields › Save Unload Location') || undefined,
				externalId: optionalText(f.deliveryPlanExternalId),
			},
		],
	};
}
