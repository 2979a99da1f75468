/**
 * TradeCardType and its parts, in the exact element order of XSD 2.1 (BasicTradeCardDetailsGroup, then items,
 * then deliveryPlans). Optional values that are unset are left out.
 */
import { formatNumber, node, type XmlChild, type XmlElement } from '../../shared/xml';
import { field } from './buildLeaf';
import { dateChoice } from './buildDates';
import { normalizePhone, normalizePlate, normalizeProductCode, normalizeVatNumber, weightThousandths } from './normalize';
import type { DeliveryPlan, Location, Party, TradeCard, TradeCardItem, Vehicle } from './types';
import { CARD_KIND_TO_WIRE, TRADE_REASON_TO_WIRE, TRADE_TYPE_TO_WIRE } from './wireCodes';

/** On create NAV rejects any server id (TC_CREATE_ELEMENT_FOUND, TCI_ID_FOUND), so they are dropped there. */
export interface CardBuildMode {
	isCreate: boolean;
}

const vat = (value: string | undefined) => (value === undefined ? undefined : normalizeVatNumber(value));

export function locationElement(name: string, location: Location | undefined): XmlElement | undefined {
	if (!location) return undefined;
	return node(name, [
		field('name', location.name),
		field('VATNumber', vat(location.vatNumber)),
		field('phone', location.phone === undefined ? undefined : normalizePhone(location.phone)),
		field('email', location.email),
		field('country', location.country?.toUpperCase()),
		field('zipCode', location.postalCode),
		field('city', location.city),
		field('street', location.street),
		field('streetType', location.streetType),
		field('streetNumber', location.streetNumber),
		field('lotNumber', location.lotNumber),
		// GPSCoordType comes from common.xsd, whose elementFormDefault puts its children in the common namespace.
		location.gps &&
			node('gpsPosition', [
				field('common:latitude', location.gps.latitude),
				field('common:longitude', location.gps.longitude),
			]),
	]);
}

function vehicleElement(name: string, vehicle: Vehicle | undefined): XmlElement | undefined {
	if (!vehicle) return undefined;
	return node(name, [field('plateNumber', normalizePlate(vehicle.plateNumber)), field('country', vehicle.country?.toUpperCase())]);
}

/** Weight: xs:decimal with at most 3 fraction digits; validateCard checks this very value. */
function weightText(kg: number): string {
	return formatNumber(weightThousandths(kg) / 1000);
}

export function itemElement(item: TradeCardItem, mode: CardBuildMode): XmlElement {
	const id = mode.isCreate ? undefined : item.id;
	// itemOperation is mandatory since 1.9: new items are "create", items with a server id default to "modify".
	const operation = mode.isCreate ? 'create' : (item.itemOperation ?? (id ? 'modify' : 'create'));
	return node(
		'tradeCardItem',
		[
			field('itemExternalId', item.externalId),
			field('itemOperation', operation),
			field('tradeReason', TRADE_REASON_TO_WIRE[item.tradeReason]),
			field('productVtsz', normalizeProductCode(item.productCode)),
			field('productName', item.productName),
			field('productVtszGroupName', item.productGroupName),
			field('adrNumber', item.adrNumber),
			field('transportLincense', item.transportLicense), // sic: the schema's spelling
			field('weight', weightText(item.weightKg)),
			field('value', item.valueHuf === undefined ? undefined : formatNumber(item.valueHuf)),
			field('valueModReasonText', item.reasons?.value),
			field('weightModReasonText', item.reasons?.weight),
			field('factoryItemNumber', item.factoryItemNumber),
			field('importerItemNumber', item.importerItemNumber),
			field('expirationDate', item.expirationDate),
			field('batchNumber', item.batchNumber),
			field('statusModReasonText', item.reasons?.status),
			field('productModReasonText', item.reasons?.product),
			field('vatRateAssuranceExemption', item.vatRateAssuranceExemption),
		],
		{ id },
	);
}

function itemsElement(items: TradeCardItem[], mode: CardBuildMode): XmlElement {
	return node(
		'items',
		items.map((item) => itemElement(item, mode)),
	);
}

function deliveryPlanElement(plan: DeliveryPlan, mode: CardBuildMode): XmlElement {
	return node(
		'deliveryPlan',
		[
			itemsElement(plan.items, mode),
			locationElement('loadLocation', plan.loadLocation),
			locationElement('unloadLocation', plan.unloadLocation),
			field('isDestinationCompanyIdentical', plan.destinationCompanyIdentical),
			field('saveLoadLocation', plan.saveLoadLocation),
			field('saveUnloadLocation', plan.saveUnloadLocation),
			field('externalId', plan.externalId),
		],
		{ id: mode.isCreate ? undefined : plan.id },
	);
}

function partyElements(prefix: 'seller' | 'destination', party: Party): XmlChild[] {
	return [
		field(`${prefix}Name`, party.name),
		field(`${prefix}VatNumber`, vat(party.vatNumber)),
		field(`${prefix}Country`, party.country?.toUpperCase()),
		field(`${prefix}Address`, party.address),
	];
}

export function tradeCardElement(card: TradeCard, mode: CardBuildMode): XmlElement {
	return node('tradeCard', [
		field('tcn', mode.isCreate ? undefined : card.tcn),
		field('orderNumber', card.orderNumber),
		field('tradeType', TRADE_TYPE_TO_WIRE[card.tradeType]),
		field('isSellerDelivery', card.sellerDelivery),
		field('modByCarrierEnabled', card.modifiableByCarrier),
		field('carrier', card.carrier),
		field('carrierText', card.carrierText),
		field('isIntermodal', card.intermodal),
		field('isDestinationCompanyIdentical', card.destinationCompanyIdentical),
		...partyElements('seller', card.seller),
		...partyElements('destination', card.destination),
		// unloadReporter is not offered: the server always stores S (XSD documentation).
		locationElement('loadLocation', card.loadLocation),
		field('saveLoadLocation', card.saveLoadLocation),
		locationElement('unloadLocation', card.unloadLocation),
		field('saveUnloadLocation', card.saveUnloadLocation),
		field('plateNumberModReasonText', card.plateNumberChangeReason),
		vehicleElement('vehicle', card.vehicle),
		vehicleElement('vehicle2', card.trailer),
		dateChoice('loadDate', card.loadDate),
		// arrivalDate inside the card is deliberately never sent: NAV accepts the arrival only when closing
		// (TC_ARRIVALDATE_TIME_ERROR); finalize carries it at operation level.
		field('tradeCardType', card.tradeCardType && CARD_KIND_TO_WIRE[card.tradeCardType]),
		field('isPrivateDelivery', card.privateDelivery),
		card.items && card.items.length > 0 && itemsElement(card.items, mode),
		card.deliveryPlans &&
			card.deliveryPlans.length > 0 &&
			node(
				'deliveryPlans',
				card.deliveryPlans.map((plan) => deliveryPlanElement(plan, mode)),
			),
	]);
}
