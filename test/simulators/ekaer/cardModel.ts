/** Trade card data as the simulator keeps it: wire field names, values as sent (whitespace-collapsed for typed fields). */
import { attr, type XmlElement } from './xml/tree';
import { normalizeLeaf } from './xml/valueRules';

export type Fields = Record<string, string>;

export interface LocationData {
	fields: Fields;
	gps?: { latitude: string; longitude: string };
}

export interface VehicleData {
	plateNumber: string;
	country?: string;
}

export interface ItemData {
	id?: string;
	fields: Fields;
}

export interface PlanData {
	id?: string;
	items: ItemData[];
	loadLocation?: LocationData;
	unloadLocation?: LocationData;
	fields: Fields;
}

export interface CardData {
	fields: Fields;
	loadLocation?: LocationData;
	unloadLocation?: LocationData;
	vehicle?: VehicleData;
	vehicle2?: VehicleData;
	/** Legacy card-level items (before delivery plans existed). */
	items?: ItemData[];
	deliveryPlans?: PlanData[];
}

/** XSD element order of TradeCardType (BasicTradeCardDetailsGroup + items + deliveryPlans). */
export const CARD_ORDER = [
	'tcn', 'orderNumber', 'tradeType', 'isSellerDelivery', 'modByCarrierEnabled', 'carrier', 'carrierText', 'isIntermodal',
	'isDestinationCompanyIdentical', 'sellerName', 'sellerVatNumber', 'sellerCountry', 'sellerAddress', 'destinationName',
	'destinationVatNumber', 'destinationCountry', 'destinationAddress', 'unloadReporter', 'loadLocation', 'saveLoadLocation',
	'unloadLocation', 'saveUnloadLocation', 'plateNumberModReasonText', 'vehicle', 'vehicle2', 'loadDate', 'loadDateOnly',
	'arrivalDate', 'arrivalDateOnly', 'tradeCardType', 'statusChangeModReasonText', 'isPrivateDelivery', 'items', 'deliveryPlans',
] as const;

/** TradeCardItemType order (itemExternalId, itemOperation, TradeCardItemGroup, server audit fields). */
export const ITEM_ORDER = [
	'itemExternalId', 'itemOperation', 'tradeReason', 'productVtsz', 'productName', 'productVtszGroupName', 'adrNumber',
	'transportLincense', 'weight', 'value', 'valueModReasonText', 'weightModReasonText', 'factoryItemNumber',
	'importerItemNumber', 'expirationDate', 'batchNumber', 'statusModReasonText', 'productModReasonText',
	'vatRateAssuranceExemption', 'insDate', 'insUser', 'modDate', 'modUser',
] as const;

/** DeliveryPlanType order after items. */
export const PLAN_ORDER = ['loadLocation', 'unloadLocation', 'isDestinationCompanyIdentical', 'saveLoadLocation', 'saveUnloadLocation', 'externalId'] as const;

export const LOCATION_ORDER = ['name', 'VATNumber', 'phone', 'email', 'country', 'zipCode', 'city', 'street', 'streetType', 'streetNumber', 'lotNumber'] as const;

function leaf(parent: XmlElement, el: XmlElement): string {
	return normalizeLeaf(parent.local, el.local, el.text);
}

function parseLocation(el: XmlElement): LocationData {
	const location: LocationData = { fields: {} };
	for (const c of el.children) {
		if (c.local === 'gpsPosition') {
			const lat = c.children.find((g) => g.local === 'latitude');
			const lon = c.children.find((g) => g.local === 'longitude');
			location.gps = { latitude: lat?.text.trim() ?? '', longitude: lon?.text.trim() ?? '' };
		} else location.fields[c.local] = leaf(el, c);
	}
	return location;
}

function parseVehicle(el: XmlElement): VehicleData {
	const vehicle: VehicleData = { plateNumber: '' };
	for (const c of el.children) {
		if (c.local === 'plateNumber') vehicle.plateNumber = c.text;
		else if (c.local === 'country') vehicle.country = c.text;
	}
	return vehicle;
}

function parseItem(el: XmlElement): ItemData {
	const item: ItemData = { id: attr(el, 'id'), fields: {} };
	for (const c of el.children) item.fields[c.local] = leaf(el, c);
	return item;
}

function parseItems(el: XmlElement): ItemData[] {
	return el.children.filter((c) => c.local === 'tradeCardItem').map(parseItem);
}

function parsePlan(el: XmlElement): PlanData {
	const plan: PlanData = { id: attr(el, 'id'), items: [], fields: {} };
	for (const c of el.children) {
		if (c.local === 'items') plan.items = parseItems(c);
		else if (c.local === 'loadLocation') plan.loadLocation = parseLocation(c);
		else if (c.local === 'unloadLocation') plan.unloadLocation = parseLocation(c);
		else plan.fields[c.local] = leaf(el, c);
	}
	return plan;
}

export function parseCard(el: XmlElement): CardData {
	const card: CardData = { fields: {} };
	for (const c of el.children) {
		switch (c.local) {
			case 'loadLocation':
			case 'unloadLocation':
				card[c.local] = parseLocation(c);
				break;
			case 'vehicle':
			case 'vehicle2':
				card[c.local] = parseVehicle(c);
				break;
			case 'items':
				card.items = parseItems(c);
				break;
			case 'deliveryPlans':
				card.deliveryPlans = c.children.filter((p) => p.local === 'deliveryPlan').map(parsePlan);
				break;
			default:
				card.fields[c.local] = leaf(el, c);
		}
	}
	return card;
}

/** Every item of a card with the plan it sits in (undefined = card level). */
export function allItems(card: CardData): Array<{ item: ItemData; plan?: PlanData }> {
	const out: Array<{ item: ItemData; plan?: PlanData }> = (card.items ?? []).map((item) => ({ item }));
	for (const plan of card.deliveryPlans ?? []) for (const item of plan.items) out.push({ item, plan });
	return out;
}

export function cloneCard(card: CardData): CardData {
	return structuredClone(card);
}
