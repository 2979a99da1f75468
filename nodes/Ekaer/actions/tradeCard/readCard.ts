/**
 * Reading the card of one input item, from the node's fields or from JSON mode, into the protocol's model. This layer
 * only reads and coerces (text, numbers, booleans, dates, the English enum names); the rules are the protocol's
 * (protocol/validate*.ts). Create reads a whole card; Modify reads the changes, where an empty value means "keep".
 * The card is sent with one delivery plan holding the items and both locations, the form NAV expects since request
 * version 1.8.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { optionalBoolean, optionalDate, optionalNumber, optionalText, requiredNumber, requiredText, valueAtPath } from '../../../shared/n8n/values';
import type { CardChanges, ItemChange } from '../../protocol/modification';
import type { DeliveryPlan, Location, Party, TradeCard, TradeCardItem, TradeReason, TradeType, Vehicle } from '../../protocol/types';
import { optionalDateTime } from './dateTimes';

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

/** A vehicle change: either part may be given alone. */
function vehicleChange(plate: unknown, country: unknown): Partial<Vehicle> | undefined {
	const change = { plateNumber: optionalText(plate), country: optionalText(country)?.toUpperCase() };
	return change.plateNumber || change.country ? change : undefined;
}

function party(name: unknown, vatNumber: unknown, country: unknown, address: unknown): Party {
	return { name: optionalText(name), vatNumber: optionalText(vatNumber), country: optionalText(country)?.toUpperCase(), address: optionalText(address) };
}

/**
 * One item. `partial` (Modify, an item with an ID): only what is given changes, and a weight or value of 0 (the
 * field's default) means "keep".
 */
export function readItem(raw: IDataObject, field: string, partial = false): TradeCardItem {
	const at = (name: string) => `${field} › ${name}`;
	const keep = partial && optionalText(raw.id) !== undefined;
	const value = optionalNumber(raw.valueHuf ?? raw.value, at('Value (HUF)'));
	let reasonText: string | undefined = String(raw.tradeReason ?? (keep ? 'keep' : 'sale')).trim().toLowerCase();
	if (reasonText === 'keep') reasonText = keep ? undefined : 'sale';
	const reason = reasonText === undefined ? undefined : TRADE_REASONS[reasonText];
	if (reasonText !== undefined && !reason) throw new InputError(at('Trade Reason'), `must be sale, contractWork, other or ownGoods, got "${String(raw.tradeReason)}"`);
	const weight = keep ? optionalNumber(raw.weightKg ?? raw.weight, at('Weight (Kg)')) : requiredNumber(raw.weightKg ?? raw.weight, at('Weight (Kg)'));
	// Modify keeps only the reasons of values that really change (protocol/modification.ts); create drops them.
	const changeReason = optionalText(raw.changeReason);
	return {
		id: optionalText(raw.id),
		externalId: optionalText(raw.externalId),
		itemOperation: optionalText(raw.id) ? 'modify' : 'create',
		tradeReason: reason as TradeReason,
		productCode: keep ? (optionalText(raw.productCode ?? raw.vtsz) as string) : requiredText(raw.productCode ?? raw.vtsz, at('VTSZ Code')),
		productName: keep ? (optionalText(raw.productName ?? raw.name) as string) : requiredText(raw.productName ?? raw.name, at('Product Name')),
		weightKg: (keep && weight === 0 ? undefined : weight) as number,
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

function readItems(raws: unknown, label: string, partial: boolean): TradeCardItem[] {
	if (partial && (raws === undefined || raws === null)) return [];
	if (!Array.isArray(raws)) throw new InputError(label, raws === undefined ? 'is missing' : 'must be an array of items');
	if (raws.length === 0 && !partial) throw new InputError(label, 'at least one item is needed');
	return raws.map((raw, n) => {
		if (!raw || typeof raw !== 'object') throw new InputError(`${label}[${n + 1}]`, 'must be an object');
		return readItem(raw as IDataObject, `${label}[${n + 1}]`, partial);
	});
}

function loadDate(value: unknown, field: string, timeZone: string): Date | string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'string' ? value.trim() : undefined;
	if (text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text; // a date without time: sent as loadDateOnly
	const parsed = attempt(() => optionalDateTime(value, field, timeZone));
	if (!parsed.ok) throw new InputError(field, `must be a date or date-time, got "${String(value)}"`);
	return parsed.value;
}

/** The value, or that it failed (the caller words the error for its field). */
function attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false } {
	try {
		return { ok: true, value: fn() };
	} catch {
		return { ok: false };
	}
}

/** What both modes read: a card whose every part may be missing (Create then requires them, Modify keeps them). */
interface CardParts {
	tcn?: string;
	orderNumber?: string;
	tradeType?: TradeType;
	modifiableByCarrier?: boolean;
	carrier?: string;
	carrierText?: string;
	intermodal?: boolean;
	privateDelivery?: boolean;
	seller: Party;
	destination: Party;
	vehicle?: Partial<Vehicle>;
	trailer?: Partial<Vehicle>;
	loadDate?: Date | string;
	plateNumberChangeReason?: string;
	items: TradeCardItem[];
	plan: Omit<DeliveryPlan, 'items'>;
}

/** JSON mode: the English model of protocol/types.ts, leniently typed; a card as Get returns it is accepted too. */
function partsFromJson(raw: unknown, timeZone: string, partial: boolean): CardParts {
	let json = raw;
	if (typeof json === 'string') {
		const parsed = attempt(() => JSON.parse(json as string) as unknown);
		if (!parsed.ok) throw new InputError('Trade Card (JSON)', 'is not valid JSON');
		json = parsed.value;
	}
	if (!json || typeof json !== 'object' || Array.isArray(json)) throw new InputError('Trade Card (JSON)', 'must be a JSON object');
	const j = json as IDataObject;
	const jsonParty = (p: unknown) => {
		const o = (p ?? {}) as IDataObject;
		return party(o.name, o.vatNumber, o.country, o.address);
	};
	const read = partial ? vehicleChange : vehicle;
	const veh = (v: unknown) => (v && typeof v === 'object' ? read((v as IDataObject).plateNumber, (v as IDataObject).country) : undefined);
	// A card as Get returns it keeps its items and places in deliveryPlans[0]: accept that shape, so Get → Modify works.
	const plans = Array.isArray(j.deliveryPlans) ? (j.deliveryPlans as unknown[]) : [];
	const topItems = Array.isArray(j.items) && j.items.length > 0;
	if (!topItems && plans.length > 1) {
		throw new InputError('Trade Card (JSON) › deliveryPlans', `holds ${plans.length} delivery plans; the node sends one per card`);
	}
	const plan = !topItems && plans[0] && typeof plans[0] === 'object' ? (plans[0] as IDataObject) : undefined;
	const items = plan
		? readItems(plan.items, 'Trade Card (JSON) › deliveryPlans[1] › items', partial)
		: readItems(partial && !topItems ? undefined : j.items, 'Trade Card (JSON) › items', partial);
	const flag = (name: string) => optionalBoolean(j[name], `Trade Card (JSON) › ${name}`);
	return {
		tcn: optionalText(j.tcn),
		orderNumber: optionalText(j.orderNumber),
		tradeType: partial && optionalText(j.tradeType) === undefined ? undefined : tradeType(j.tradeType, 'Trade Card (JSON) › tradeType'),
		modifiableByCarrier: flag('modifiableByCarrier'),
		carrier: optionalText(j.carrier),
		carrierText: optionalText(j.carrierText),
		intermodal: flag('intermodal') || undefined,
		privateDelivery: flag('privateDelivery') || undefined,
		seller: jsonParty(j.seller),
		destination: jsonParty(j.destination),
		vehicle: veh(j.vehicle),
		trailer: veh(j.trailer),
		loadDate: loadDate(j.loadDate, 'Trade Card (JSON) › loadDate', timeZone),
		plateNumberChangeReason: optionalText(j.plateNumberChangeReason),
		items,
		plan: {
			loadLocation: location(j.loadLocation ?? plan?.loadLocation),
			unloadLocation: location(j.unloadLocation ?? plan?.unloadLocation),
			externalId: optionalText(plan?.externalId),
		},
	};
}

function partsFromFields(ctx: IExecuteFunctions, i: number, partial: boolean): CardParts {
	const timeZone = ctx.getTimezone();
	const f = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const p = (name: string) => ctx.getNodeParameter(name, i, '');
	const items =
		ctx.getNodeParameter('itemsSource', i, 'parameters') === 'inputField'
			? readItems(valueAtPath(ctx.getInputData()[i]?.json, String(p('itemsField') || 'items')), String(p('itemsField') || 'items'), partial)
			: readItems(ctx.getNodeParameter('items.item', i, []), 'Items', partial);
	const type = p('tradeType');
	const read = partial ? vehicleChange : vehicle;
	const flag = (name: string, label: string) => optionalBoolean(f[name], `Additional Fields › ${label}`);
	return {
		orderNumber: optionalText(p('orderNumber')),
		tradeType: partial && (type === 'keep' || optionalText(type) === undefined) ? undefined : tradeType(type, 'Trade Type'),
		modifiableByCarrier: flag('modifiableByCarrier', 'Modifiable by Carrier'),
		carrier: optionalText(f.carrier),
		carrierText: optionalText(f.carrierText),
		intermodal: flag('intermodal', 'Intermodal') || undefined,
		privateDelivery: flag('privateDelivery', 'Private Delivery') || undefined,
		seller: party(p('sellerName'), p('sellerVatNumber'), p('sellerCountry'), p('sellerAddress')),
		destination: party(p('destinationName'), p('destinationVatNumber'), p('destinationCountry'), p('destinationAddress')),
		plateNumberChangeReason: optionalText(f.plateNumberChangeReason),
		vehicle: read(p('vehiclePlateNumber'), p('vehicleCountry')),
		trailer: read(f.trailerPlateNumber, f.trailerCountry),
		loadDate: loadDate(p('loadDate'), 'Load Date', timeZone),
		items,
		plan: {
			loadLocation: location((ctx.getNodeParameter('loadLocation', i, {}) as IDataObject).location),
			unloadLocation: location((ctx.getNodeParameter('unloadLocation', i, {}) as IDataObject).location),
			destinationCompanyIdentical: flag('destinationCompanyIdentical', 'Destination Is the Unload Company'),
			saveLoadLocation: flag('saveLoadLocation', 'Save Load Location') || undefined,
			saveUnloadLocation: flag('saveUnloadLocation', 'Save Unload Location') || undefined,
			externalId: optionalText(f.deliveryPlanExternalId),
		},
	};
}

function readParts(ctx: IExecuteFunctions, i: number, partial: boolean): CardParts {
	if (ctx.getNodeParameter('inputMode', i, 'fields') === 'json') return partsFromJson(ctx.getNodeParameter('tradeCardJson', i, {}), ctx.getTimezone(), partial);
	return partsFromFields(ctx, i, partial);
}

/** Create: the whole card of item i, ready for the protocol's checks. */
export function readCard(ctx: IExecuteFunctions, i: number): TradeCard {
	const parts = readParts(ctx, i, false);
	return {
		tcn: parts.tcn,
		orderNumber: parts.orderNumber,
		tradeType: parts.tradeType!,
		modifiableByCarrier: parts.modifiableByCarrier ?? false,
		carrier: parts.carrier,
		carrierText: parts.carrierText,
		intermodal: parts.intermodal,
		privateDelivery: parts.privateDelivery,
		seller: parts.seller,
		destination: parts.destination,
		vehicle: parts.vehicle as Vehicle | undefined,
		trailer: parts.trailer as Vehicle | undefined,
		loadDate: parts.loadDate,
		plateNumberChangeReason: parts.plateNumberChangeReason,
		deliveryPlans: [{ items: parts.items, ...parts.plan }],
	};
}

/** Modify: what item i changes; everything left empty keeps the stored card's value. */
export function readCardChanges(ctx: IExecuteFunctions, i: number): CardChanges {
	const { tcn: _tcn, items, plan, ...rest } = readParts(ctx, i, true);
	const { loadLocation, unloadLocation, ...planFields } = plan;
	return { ...rest, loadLocation, unloadLocation, items: items as ItemChange[], plan: planFields };
}
