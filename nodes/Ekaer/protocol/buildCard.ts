/**
 * TradeCardType and its parts, in the exact element order of XSD 2.1 (BasicTradeCardDetailsGroup, then items,
 * then deliveryPlans). Optional values that are unset are left out.
 */
import { formatNumber, leaf, node, type XmlChild, type XmlElement } from '../../shared/xml';
import { dateChoice } from './buildDates';
import { normalizePhone, normalizePlate, normalizeProductCode, normalizeVatNumber } from './normalize';
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
		leaf('name', location.name),
		leaf('VATNumber', vat(location.vatNumber)),
		leaf('phone', location.phone === undefined ? undefined : normalizePhone(location.phone)),
		leaf('email', location.email),
		leaf('country', location.country?.toUpperCase()),
		leaf('zipCode', location.postalCode),
		leaf('city', location.city),
		leaf('street', location.street),
		leaf('streetType', location.streetType),
		leaf('streetNumber', location.streetNumber),
		leaf('lotNumber', location.lotNumber),
		// GPSCoordType comes from common.xsd, whose elementFormDefault puts its children in the common namespace.
		location.gps &&
			node('gpsPosition', [
				leaf('common:latitude', location.gps.latitude),
				leaf('common:longitude', location.gps.longitude),
			]),
	]);
}

function vehicleElement(name: string, vehicle: Vehicle | undefined): XmlElement | undefined {
	if (!vehicle) return undefined;
	return node(name, [leaf('plateNumber', normalizePlate(vehicle.plateNumber)), leaf('country', vehicle.country?.toUpperCase())]);
}

/** Weight: xs:decimal with at most 3 fraction digits. */
function weightText(kg: number): string {
	return formatNumber(Math.round(kg * 1000) / 1000);
}

export function itemElement(item: TradeCardItem, mode: CardBuildMode): XmlElement {
	const id = mode.isCreate ? undefined : item.id;
	// itemOperation is mandatory since 1.9: new items are "create", items with a server id default to "modify".
	const operation = mode.isCreate ? 'create' : (item.itemOperation ?? (id ? 'modify' : 'create'));
	return node(
		'tradeCardItem',
		[
			leaf('itemExternalId', item.externalId),
			leaf('itemOperation', operation),
			leaf('tradeReason', TRADE_REASON_TO_WIRE[item.tradeReason]),
			leaf('productVtsz', normalizeProductCode(item.productCode)),
			leaf('productName', item.productName),
			leaf('productVtszGroupName', item.productGroupName),
			leaf('adrNumber', item.adrNumber),
			leaf('transportLincense', item.transportLicense), // sic: the schema's spelling
			leaf('weight', weightText(item.weightKg)),
			leaf('value', item.valueHuf === undefined ? undefined : formatNumber(item.valueHuf)),
			leaf('valueModReasonText', item.reasons?.value),
			leaf('weightModReasonText', item.reasons?.weight),
			leaf('factoryItemNumber', item.factoryItemNumber),
			leaf('importerItemNumber', item.importerItemNumber),
			leaf('expirationDate', item.expirationDate),
			leaf('batchNumber', item.batchNumber),
			leaf('statusModReasonText', item.reasons?.status),
			leaf('productModReasonText', item.reasons?.product),
			leaf('vatRateAssuranceExemption', item.vatRateAssuranceExemption),
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
			leaf('isDestinationCompanyIdentical', plan.destinationCompanyIdentical),
			leaf('saveLoadLocation', plan.saveLoadLocation),
			leaf('saveUnloadLocation', plan.saveUnloadLocation),
			leaf('externalId', plan.externalId),
		],
		{ id: mode.isCreate ? undefined : plan.id },
	);
}

function partyElements(prefix: 'seller' | 'destination', party: Party): XmlChild[] {
	return [
		leaf(`${prefix}Name`, party.name),
		leaf(`${prefix}VatNumber`, vat(party.vatNumber)),
		leaf(`${prefix}Country`, party.country?.toUpperCase()),
		leaf(`${prefix}Address`, party.address),
	];
}

export function tradeCardElement(card: TradeCard, mode: CardBuildMode): XmlElement {
	return node('tradeCard', [
		leaf('tcn', mode.isCreate ? undefined : card.tcn),
		leaf('orderNumber', card.orderNumber),
		leaf('tradeType', TRADE_TYPE_TO_WIRE[card.tradeType]),
		leaf('isSellerDelivery', card.sellerDelivery),
		leaf('modByCarrierEnabled', card.modifiableByCarrier),
		leaf('carrier', card.carrier),
		leaf('carrierText', card.carrierText),
		leaf('isIntermodal', card.intermodal),
		leaf('isDestinationCompanyIdentical', card.destinationCompanyIdentical),
		...partyElements('seller', card.seller),
		...partyElements('destination', card.destination),
		// unloadReporter is not offered: the server always stores S (XSD documentation).
		locationElement('loadLocation', card.loadLocation),
		leaf('saveLoadLocation', card.saveLoadLocation),
		locationElement('unloadLocation', card.unloadLocation),
		leaf('saveUnloadLocation', card.saveUnloadLocation),
		leaf('plateNumberModReasonText', card.plateNumberChangeReason),
		vehicleElement('vehicle', card.vehicle),
		vehicleElement('vehicle2', card.trailer),
		dateChoice('loadDate', card.loadDate),
		// arrivalDate inside the card is deliberately never sent: NAV accepts the arrival only when closing
		// (TC_ARRIVALDATE_TIME_ERROR); finalize carries it at operation level.
		leaf('tradeCardType', card.tradeCardType && CARD_KIND_TO_WIRE[card.tradeCardType]),
		leaf('isPrivateDelivery', card.privateDelivery),
		card.items && card.items.length > 0 && itemsElement(card.items, mode),
		card.deliveryPlans &&
			card.deliveryPlans.length > 0 &&
			node(
				'deliveryPlans',
				card.deliveryPlans.map((plan) => deliveryPlanElement(plan, mode)),
			),
	]);
}
