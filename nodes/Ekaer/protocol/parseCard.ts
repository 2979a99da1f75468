/** tradeCardInfo (TradeCardInfoType) → TradeCardInfo: the only place reading card wire names. */
import { textOf } from '../../shared/xml';
import type {
	Allowance,
	DeliveryPlanInfo,
	Location,
	Party,
	TradeCardInfo,
	TradeCardItemInfo,
	Vehicle,
} from './types';
import { CARD_KIND_FROM_WIRE, STATUS_FROM_WIRE, TRADE_REASON_FROM_WIRE, TRADE_TYPE_FROM_WIRE } from './wireCodes';

/** Element names the parser must always return as arrays (see createXmlParser). */
export const CARD_ARRAY_ELEMENTS = ['tradeCardItem', 'deliveryPlan', 'allowance'] as const;

type Raw = Record<string, unknown>;

const obj = (value: unknown): Raw | undefined =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
const list = (value: unknown): Raw[] => (Array.isArray(value) ? value.map((v) => obj(v) ?? {}) : []);
const text = (raw: Raw | undefined, name: string): string | undefined => {
	const value = textOf(raw?.[name]);
	return value === '' ? undefined : value;
};
const num = (raw: Raw | undefined, name: string): number | undefined => {
	const value = text(raw, name);
	if (value === undefined) return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
};
const bool = (raw: Raw | undefined, name: string): boolean | undefined => {
	const value = text(raw, name);
	return value === undefined ? undefined : value === 'true' || value === '1';
};

/** Drop undefined properties so output items stay small and `toEqual` comparisons stay meaningful. */
function compact<T extends object>(value: T): T {
	for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
	return value;
}

function location(raw: unknown): Location | undefined {
	const r = obj(raw);
	if (!r) return undefined;
	const gps = obj(r.gpsPosition);
	const latitude = num(gps, 'latitude');
	const longitude = num(gps, 'longitude');
	return compact({
		name: text(r, 'name'),
		vatNumber: text(r, 'VATNumber'),
		phone: text(r, 'phone'),
		email: text(r, 'email'),
		country: text(r, 'country'),
		postalCode: text(r, 'zipCode'),
		city: text(r, 'city'),
		street: text(r, 'street'),
		streetType: text(r, 'streetType'),
		streetNumber: text(r, 'streetNumber'),
		lotNumber: text(r, 'lotNumber'),
		gps: latitude !== undefined && longitude !== undefined ? { latitude, longitude } : undefined,
	});
}

function vehicle(raw: unknown): Vehicle | undefined {
	const r = obj(raw);
	const plateNumber = text(r, 'plateNumber');
	return plateNumber ? compact({ plateNumber, country: text(r, 'country') }) : undefined;
}

function party(raw: Raw, prefix: 'seller' | 'destination'): Party {
	return compact({
		name: text(raw, `${prefix}Name`),
		vatNumber: text(raw, `${prefix}VatNumber`),
		country: text(raw, `${prefix}Country`),
		address: text(raw, `${prefix}Address`),
	});
}

function item(r: Raw): TradeCardItemInfo {
	const reasons = compact({
		value: text(r, 'valueModReasonText'),
		weight: text(r, 'weightModReasonText'),
		status: text(r, 'statusModReasonText'),
		product: text(r, 'productModReasonText'),
	});
	const operation = text(r, 'itemOperation');
	const reason = text(r, 'tradeReason') as keyof typeof TRADE_REASON_FROM_WIRE | undefined;
	return compact({
		id: text(r, '@id'),
		externalId: text(r, 'itemExternalId'),
		itemOperation: operation === 'create' || operation === 'modify' || operation === 'delete' ? operation : undefined,
		tradeReason: (reason && TRADE_REASON_FROM_WIRE[reason]) ?? 'other',
		productCode: text(r, 'productVtsz') ?? '',
		productName: text(r, 'productName') ?? '',
		productGroupName: text(r, 'productVtszGroupName'),
		adrNumber: text(r, 'adrNumber'),
		transportLicense: text(r, 'transportLincense'),
		weightKg: num(r, 'weight') ?? 0,
		valueHuf: num(r, 'value'),
		reasons: Object.keys(reasons).length > 0 ? reasons : undefined,
		factoryItemNumber: text(r, 'factoryItemNumber'),
		importerItemNumber: text(r, 'importerItemNumber'),
		expirationDate: text(r, 'expirationDate'),
		batchNumber: text(r, 'batchNumber'),
		vatRateAssuranceExemption: bool(r, 'vatRateAssuranceExemption'),
		insertedAt: text(r, 'insDate'),
		insertedBy: text(r, 'insUser'),
		modifiedAt: text(r, 'modDate'),
		modifiedBy: text(r, 'modUser'),
	});
}

const items = (raw: unknown): TradeCardItemInfo[] => list(obj(raw)?.tradeCardItem).map(item);

function deliveryPlan(r: Raw): DeliveryPlanInfo {
	return compact({
		id: text(r, '@id'),
		items: items(r.items),
		loadLocation: location(r.loadLocation),
		unloadLocation: location(r.unloadLocation),
		destinationCompanyIdentical: bool(r, 'isDestinationCompanyIdentical'),
		saveLoadLocation: bool(r, 'saveLoadLocation'),
		saveUnloadLocation: bool(r, 'saveUnloadLocation'),
		externalId: text(r, 'externalId'),
	});
}

function allowance(r: Raw): Allowance {
	return { valueHuf: num(r, 'allowanceValue') ?? 0, dueDate: text(r, 'allowanceDueDate') ?? '' };
}

export function parseTradeCardInfo(raw: unknown): TradeCardInfo {
	const r = obj(raw) ?? {};
	const statusCode = (text(r, 'status') ?? '') as keyof typeof STATUS_FROM_WIRE;
	const tradeType = text(r, 'tradeType') as keyof typeof TRADE_TYPE_FROM_WIRE;
	const kind = text(r, 'tradeCardType') as keyof typeof CARD_KIND_FROM_WIRE | undefined;
	const reporter = text(r, 'unloadReporter');
	return compact({
		tcn: text(r, 'tcn') ?? '',
		status: STATUS_FROM_WIRE[statusCode],
		statusCode,
		orderNumber: text(r, 'orderNumber'),
		tradeType: TRADE_TYPE_FROM_WIRE[tradeType],
		sellerDelivery: bool(r, 'isSellerDelivery'),
		modifiableByCarrier: bool(r, 'modByCarrierEnabled') ?? false,
		carrier: text(r, 'carrier'),
		carrierText: text(r, 'carrierText'),
		intermodal: bool(r, 'isIntermodal'),
		destinationCompanyIdentical: bool(r, 'isDestinationCompanyIdentical'),
		seller: party(r, 'seller'),
		destination: party(r, 'destination'),
		unloadReporter: reporter === 'S' ? 'seller' : reporter === 'D' ? 'destination' : undefined,
		loadLocation: location(r.loadLocation),
		saveLoadLocation: bool(r, 'saveLoadLocation'),
		unloadLocation: location(r.unloadLocation),
		saveUnloadLocation: bool(r, 'saveUnloadLocation'),
		plateNumberChangeReason: text(r, 'plateNumberModReasonText'),
		vehicle: vehicle(r.vehicle),
		trailer: vehicle(r.vehicle2),
		loadDate: text(r, 'loadDate') ?? text(r, 'loadDateOnly'),
		arrivalDate: text(r, 'arrivalDate') ?? text(r, 'arrivalDateOnly'),
		tradeCardType: kind ? CARD_KIND_FROM_WIRE[kind] : undefined,
		statusChangeReason: text(r, 'statusChangeModReasonText'),
		privateDelivery: bool(r, 'isPrivateDelivery'),
		items: items(r.items),
		deliveryPlans: list(obj(r.deliveryPlans)?.deliveryPlan).map(deliveryPlan),
		declarantVatNumber: text(r, 'VATNumber'),
		taxIdentifier: text(r, 'taxIdentifier'),
		totalWeightKg: num(r, 'totalWeight'),
		totalValueHuf: num(r, 'totalValue'),
		totalAssuranceLockedHuf: num(r, 'totalAssuranceLocked'),
		finalizationDate: text(r, 'finalizationTime'),
		insertedAt: text(r, 'insDate'),
		validityStart: text(r, 'tcnValidityStart'),
		validityEnd: text(r, 'tcnValidityEnd'),
		insertedBy: text(r, 'insUser'),
		modifiedBy: text(r, 'modUser'),
		modifiedAt: text(r, 'modDate'),
		allowances: list(obj(r.allowances)?.allowance).map(allowance),
	});
}
