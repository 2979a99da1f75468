/**
 * A card as the service returned it (Get), turned back into the card to send for a modify or a correction. Every field
 * of the stored card is kept — NAV treats a field left out of a correction as a change of fixed data — except what
 * only explains a change (reasons), what the server sets (ids stay, audit fields go) and the arrival, which belongs to
 * the finalize operation (TC_ARRIVALDATE_TIME_ERROR).
 */
import type { DateOrDateTime, DeliveryPlan, DeliveryPlanInfo, TradeCard, TradeCardInfo, TradeCardItem, TradeCardItemInfo } from './types';

/** The service writes xs:date values with or without a zone ("2015-12-13+01:00"); the request sends the day. */
const day = (text: string | undefined): string | undefined => (text === undefined ? undefined : text.slice(0, 10));

/** loadDate or loadDateOnly as returned: a date-time has a "T", an xs:date never does. */
export function storedDate(text: string | undefined): DateOrDateTime | undefined {
	if (text === undefined) return undefined;
	return text.includes('T') ? new Date(text) : day(text);
}

function compact<T extends object>(value: T): T {
	for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
	return value;
}

export function itemFromStored(item: TradeCardItemInfo): TradeCardItem {
	return compact({
		id: item.id,
		externalId: item.externalId,
		itemOperation: 'modify' as const,
		tradeReason: item.tradeReason,
		productCode: item.productCode,
		productName: item.productName,
		productGroupName: item.productGroupName,
		adrNumber: item.adrNumber,
		transportLicense: item.transportLicense,
		weightKg: item.weightKg,
		valueHuf: item.valueHuf,
		factoryItemNumber: item.factoryItemNumber,
		importerItemNumber: item.importerItemNumber,
		expirationDate: day(item.expirationDate),
		batchNumber: item.batchNumber,
		vatRateAssuranceExemption: item.vatRateAssuranceExemption,
	});
}

function planFromStored(plan: DeliveryPlanInfo): DeliveryPlan {
	return compact({
		id: plan.id,
		items: plan.items.map(itemFromStored),
		loadLocation: plan.loadLocation && { ...plan.loadLocation },
		unloadLocation: plan.unloadLocation && { ...plan.unloadLocation },
		destinationCompanyIdentical: plan.destinationCompanyIdentical,
		saveLoadLocation: plan.saveLoadLocation,
		saveUnloadLocation: plan.saveUnloadLocation,
		externalId: plan.externalId,
	});
}

export function cardFromStored(info: TradeCardInfo): TradeCard & { tcn: string } {
	return compact({
		tcn: info.tcn,
		orderNumber: info.orderNumber,
		tradeType: info.tradeType,
		sellerDelivery: info.sellerDelivery,
		modifiableByCarrier: info.modifiableByCarrier,
		carrier: info.carrier,
		carrierText: info.carrierText,
		intermodal: info.intermodal,
		destinationCompanyIdentical: info.destinationCompanyIdentical,
		seller: { ...info.seller },
		destination: { ...info.destination },
		loadLocation: info.loadLocation && { ...info.loadLocation },
		saveLoadLocation: info.saveLoadLocation,
		unloadLocation: info.unloadLocation && { ...info.unloadLocation },
		saveUnloadLocation: info.saveUnloadLocation,
		vehicle: info.vehicle && { ...info.vehicle },
		trailer: info.trailer && { ...info.trailer },
		loadDate: storedDate(info.loadDate),
		tradeCardType: info.tradeCardType,
		privateDelivery: info.privateDelivery,
		items: info.items.length > 0 ? info.items.map(itemFromStored) : undefined,
		deliveryPlans: info.deliveryPlans.length > 0 ? info.deliveryPlans.map(planFromStored) : undefined,
	});
}
