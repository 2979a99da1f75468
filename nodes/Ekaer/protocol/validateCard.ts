/**
 * Rules on a trade card's content, from XSD 2.1 patterns and the business rules behind NAV's reason codes
 * (ekaer.md §3–4.5). Numbers are checked as they will be sent (weights rounded to 3 decimals), so a check can never
 * pass a value the builder then writes differently.
 */
import { blank, checkCountry, checkDate, checkPlate, checkTcn, checkVatNumber, fail, maxLength, path, required } from './checks';
import { normalizePhone, normalizeProductCode, weightThousandths } from './normalize';
import type { Location, Party, TradeCard, TradeCardItem, TradeType, Vehicle } from './types';

const VEHICLE_COUNTRY = /^[A-Z]{1,3}$/;
const PHONE = /^(((\+)|(00))[0-9]{8,14})$|^(06[0-9]{1,2}[0-9]{6,7})$/;
const EMAIL = /^[A-Za-z0-9._%-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,4}$/;
const ZIP = /^[A-Z0-9 -]{2,10}$/;
const VTSZ = /^\d{8}$/;
const ADR = /^[0-9,.]{1,200}$/;

/** Which side must / must not be Hungarian, per trade type (reason codes TC_SELLER_*_HUNGARY, TC_DESTINATION_*). */
const HUNGARIAN_SIDES: Record<TradeType, { seller: boolean; destination: boolean }> = {
	export: { seller: true, destination: false },
	import: { seller: false, destination: true },
	domestic: { seller: true, destination: true },
};

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

function checkParty(label: 'Seller' | 'Destination', party: Party | undefined, tradeType: TradeType): void {
	const p = party ?? {};
	const mustBeHungarian = HUNGARIAN_SIDES[tradeType][label === 'Seller' ? 'seller' : 'destination'];
	// Country and address are mandatory where NAV says so: seller for export/domestic, destination for import.
	const addressRequired = label === 'Seller' ? tradeType !== 'import' : tradeType === 'import';
	required(path(label, 'Name'), p.name);
	maxLength(path(label, 'Name'), p.name, 200);
	required(path(label, 'VAT Number'), p.vatNumber);
	if (addressRequired) {
		required(path(label, 'Country'), p.country);
		required(path(label, 'Address'), p.address);
	}
	checkCountry(path(label, 'Country'), p.country);
	maxLength(path(label, 'Address'), p.address, 200);
	const country = p.country?.toUpperCase();
	if (country !== undefined) {
		if (mustBeHungarian && country !== 'HU') fail(path(label, 'Country'), `must be HU for ${article(tradeType)} card`);
		if (!mustBeHungarian && country === 'HU') fail(path(label, 'Country'), `cannot be HU for ${article(tradeType)} card`);
	}
	checkVatNumber(path(label, 'VAT Number'), p.vatNumber!, country === undefined ? mustBeHungarian : country === 'HU');
}

/**
 * Server rule (TC_LOCATION_NOT_COMPLETE, NAV's own 2015 message): name, VAT number, country, postal code, city and
 * street + number or lot number. The XSD text asks for the VAT number only at Hungarian places; NAV's message lists it
 * for every place and no answer shows a foreign place accepted without one, so the stricter rule is checked.
 */
export function checkLocation(label: string, location: Location): void {
	const f = (name: string) => path(label, name);
	required(f('Name'), location.name);
	maxLength(f('Name'), location.name, 200);
	required(f('Country'), location.country);
	checkCountry(f('Country'), location.country);
	const hungarian = location.country?.toUpperCase() === 'HU';
	required(f('VAT Number'), location.vatNumber);
	checkVatNumber(f('VAT Number'), location.vatNumber!, hungarian);
	required(f('Postal Code'), location.postalCode);
	if (!ZIP.test(location.postalCode!.toUpperCase())) fail(f('Postal Code'), 'must be 2–10 letters, digits, spaces or dashes');
	required(f('City'), location.city);
	maxLength(f('City'), location.city, 50);
	const hasStreet = !blank(location.street) && !blank(location.streetNumber);
	if (!hasStreet && blank(location.lotNumber)) fail(f('Street'), `${label} needs a street and street number, or a lot number`);
	maxLength(f('Street'), location.street, 150);
	maxLength(f('Street Type'), location.streetType, 50);
	maxLength(f('Street Number'), location.streetNumber, 10);
	if (!blank(location.lotNumber) && (location.lotNumber!.trim().length < 3 || location.lotNumber!.trim().length > 15)) {
		fail(f('Lot Number'), 'must be 3–15 characters');
	}
	if (!blank(location.phone) && !PHONE.test(normalizePhone(location.phone!))) {
		fail(f('Phone'), 'must look like +36201234567, 0036201234567 or 06201234567');
	}
	if (!blank(location.email) && !EMAIL.test(location.email!)) fail(f('Email'), 'is not a valid email address');
	if (location.gps) {
		const { latitude, longitude } = location.gps;
		if (!Number.isFinite(latitude) || Math.abs(latitude) > 90) fail(f('GPS Latitude'), 'must be between -90 and 90');
		if (!Number.isFinite(longitude) || Math.abs(longitude) > 180) fail(f('GPS Longitude'), 'must be between -180 and 180');
	}
}

function checkVehicle(label: string, vehicle: Vehicle): void {
	required(path(label, 'Plate Number'), vehicle.plateNumber);
	checkPlate(path(label, 'Plate Number'), vehicle.plateNumber);
	if (vehicle.country !== undefined && !VEHICLE_COUNTRY.test(vehicle.country.toUpperCase())) {
		fail(path(label, 'Country'), 'must be the 1–3 letter nationality sign (e.g. H, SK, D)');
	}
}

export function checkItem(label: string, item: TradeCardItem): void {
	const f = (name: string) => path(label, name);
	if (!['sale', 'ownGoods', 'contractWork', 'other'].includes(item.tradeReason)) {
		fail(f('Trade Reason'), 'must be sale, ownGoods, contractWork or other');
	}
	required(f('VTSZ Code'), item.productCode);
	if (!VTSZ.test(normalizeProductCode(item.productCode))) fail(f('VTSZ Code'), `must be exactly 8 digits; got "${item.productCode}"`);
	required(f('Product Name'), item.productName);
	maxLength(f('Product Name'), item.productName, 200);
	if (typeof item.weightKg !== 'number' || !Number.isFinite(item.weightKg)) fail(f('Weight (kg)'), 'is required');
	// What is sent is the weight rounded to 3 decimals: 0.0004 kg would go out as 0.
	const grams = weightThousandths(item.weightKg);
	if (grams <= 0 || grams >= 1e12) {
		fail(f('Weight (kg)'), `must be greater than 0 and less than 1 000 000 000 once rounded to 3 decimals (as sent); got ${item.weightKg}`);
	}
	if (item.valueHuf === undefined || item.valueHuf === null || (typeof item.valueHuf === 'number' && Number.isNaN(item.valueHuf))) {
		fail(f('Value (HUF)'), 'is required (mandatory since 2021)');
	}
	const value = item.valueHuf!;
	if (!Number.isInteger(value) || value <= 0 || value > 99_999_999_999) {
		fail(f('Value (HUF)'), `must be a whole number of forints above 0 with at most 11 digits; got ${value}`);
	}
	maxLength(f('External ID'), item.externalId, 50);
	if (!blank(item.adrNumber) && !ADR.test(item.adrNumber!)) fail(f('ADR Number'), 'may contain only digits, commas and dots');
	maxLength(f('Transport License'), item.transportLicense, 30);
	if (!blank(item.batchNumber) && (item.batchNumber!.length < 3 || item.batchNumber!.length > 30)) {
		fail(f('Batch Number'), 'must be 3–30 characters');
	}
	if (item.expirationDate !== undefined) checkDate(f('Expiration Date'), item.expirationDate);
}

function checkPlace(label: string, location: Location, tradeType: TradeType, side: 'load' | 'unload'): void {
	checkLocation(label, location);
	const hungarian = location.country?.toUpperCase() === 'HU';
	if (side === 'load' && tradeType === 'import' && hungarian) fail(path(label, 'Country'), 'cannot be in Hungary for an import card (the load location)');
	if (side === 'unload' && tradeType === 'export' && hungarian) fail(path(label, 'Country'), 'cannot be in Hungary for an export card (the unload location)');
}

function checkPlacesAndItems(card: TradeCard): void {
	const plans = card.deliveryPlans ?? [];
	const topItems = card.items ?? [];
	topItems.forEach((item, i) => checkItem(`Items[${i + 1}]`, item));
	plans.forEach((plan, p) => {
		const label = `Delivery Plans[${p + 1}]`;
		plan.items.forEach((item, i) => checkItem(path(label, `Items[${i + 1}]`), item));
		if (!(plan.loadLocation ?? card.loadLocation)) fail(path(label, 'Load Location'), 'is required');
		if (!(plan.unloadLocation ?? card.unloadLocation)) fail(path(label, 'Unload Location'), 'is required');
		if (plan.loadLocation) checkPlace(path(label, 'Load Location'), plan.loadLocation, card.tradeType, 'load');
		if (plan.unloadLocation) checkPlace(path(label, 'Unload Location'), plan.unloadLocation, card.tradeType, 'unload');
		maxLength(path(label, 'External ID'), plan.externalId, 50);
	});
	if (plans.length === 0) {
		if (!card.loadLocation) fail('Load Location', 'is required');
		if (!card.unloadLocation) fail('Unload Location', 'is required');
	}
	if (card.loadLocation) checkPlace('Load Location', card.loadLocation, card.tradeType, 'load');
	if (card.unloadLocation) checkPlace('Unload Location', card.unloadLocation, card.tradeType, 'unload');
	const itemCount = topItems.length + plans.reduce((n, plan) => n + plan.items.length, 0);
	if (itemCount === 0 && card.tradeCardType !== 'simplified') fail('Items', 'At least one item is required');
}

export function checkCard(card: TradeCard, needsTcn: boolean): void {
	if (needsTcn) checkTcn('EKÁER Number', card.tcn);
	if (!['export', 'import', 'domestic'].includes(card.tradeType)) fail('Trade Type', 'must be export, import or domestic');
	maxLength('Order Number', card.orderNumber, 50);
	if (typeof card.modifiableByCarrier !== 'boolean') fail('Modifiable by Carrier', 'must be true or false');
	const hasCarrier = !blank(card.carrier);
	const hasCarrierText = !blank(card.carrierText);
	if (hasCarrier && hasCarrierText) fail('Carrier', 'Give either the Carrier (EKÁER id) or the Carrier Name, not both');
	if (card.modifiableByCarrier && !hasCarrier) fail('Carrier', 'Letting the carrier modify the card needs the Carrier (EKÁER id)');
	maxLength('Carrier', card.carrier, 30);
	maxLength('Carrier Name', card.carrierText, 200);
	checkParty('Seller', card.seller, card.tradeType);
	checkParty('Destination', card.destination, card.tradeType);
	if (card.tradeType !== 'import' && !card.vehicle) fail(path('Vehicle', 'Plate Number'), `is required for ${article(card.tradeType)} card`);
	if (card.vehicle) checkVehicle('Vehicle', card.vehicle);
	if (card.trailer) checkVehicle('Trailer', card.trailer);
	if (card.loadDate !== undefined) checkDate('Load Date', card.loadDate);
	maxLength('Plate Number Change Reason', card.plateNumberChangeReason, 200);
	checkPlacesAndItems(card);
}
