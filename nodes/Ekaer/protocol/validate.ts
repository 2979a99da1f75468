/**
 * Checks run before anything is sent, so a wrong spreadsheet cell fails with the row's field named in user terms
 * ("Items[2] › VTSZ Code") instead of a Hungarian schema message from NAV. List positions are 1-based, as users count.
 *
 * Rules come from XSD 2.1 patterns and from the business rules behind NAV's reason codes (ekaer.md §3–4.5).
 */
import { InputError } from '../../shared/errors';
import { budapestDate } from './budapestTime';
import { isDate } from './buildDates';
import { normalizePhone, normalizePlate, normalizeProductCode, normalizeVatNumber } from './normalize';
import type {
	DateOrDateTime,
	Location,
	Party,
	TradeCard,
	TradeCardItem,
	TradeCardOperation,
	TradeCardQuery,
	TradeType,
	Vehicle,
} from './types';

const TCN = /^[A-Z0-9]{2,20}$/;
const PLATE = /^[A-Z0-9ÖŐÜŰ]{4,15}$/;
const HU_VAT = /^\d{8}$/;
const OTHER_VAT = /^[0-9A-Z-]{1,15}$/;
const COUNTRY = /^[A-Z]{2}$/;
const VEHICLE_COUNTRY = /^[A-Z]{1,3}$/;
const PHONE = /^(((\+)|(00))[0-9]{8,14})$|^(06[0-9]{1,2}[0-9]{6,7})$/;
const EMAIL = /^[A-Za-z0-9._%-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,4}$/;
const ZIP = /^[A-Z0-9 -]{2,10}$/;
const VTSZ = /^\d{8}$/;
const ADR = /^[0-9,.]{1,200}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MIN_TIMESTAMP = Date.parse('2010-01-01T00:00:00+01:00');

const path = (...parts: string[]) => parts.filter(Boolean).join(' › ');
const fail = (field: string, message: string): never => {
	throw new InputError(field, message);
};
const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

function maxLength(field: string, value: string | undefined, max: number): void {
	if (value !== undefined && value.length > max) fail(field, `${field} is too long (${value.length} characters, at most ${max})`);
}

function required(field: string, value: string | undefined): void {
	if (blank(value)) fail(field, `${field} is required`);
}

export function checkVatNumber(field: string, value: string, hungarian: boolean): void {
	const vat = normalizeVatNumber(value);
	if (hungarian) {
		if (!HU_VAT.test(vat)) fail(field, `${field} must be a Hungarian tax number: 8 digits (e.g. 12345678 or 12345678-2-42), got "${value}"`);
	} else if (!OTHER_VAT.test(vat)) {
		fail(field, `${field} may contain only digits, capital letters and "-", at most 15 characters; got "${value}"`);
	}
}

function checkDate(field: string, value: DateOrDateTime): void {
	if (isDate(value)) {
		if (Number.isNaN(value.getTime())) fail(field, `${field} is not a valid date and time`);
		if (value.getTime() < MIN_TIMESTAMP) fail(field, `${field} must not be before 2010`);
	} else if (!DATE_ONLY.test(value) || Number.isNaN(Date.parse(value))) {
		fail(field, `${field} must be a date-time or a date as YYYY-MM-DD; got "${value}"`);
	}
}

function checkCountry(field: string, value: string | undefined): void {
	if (value !== undefined && !COUNTRY.test(value.toUpperCase())) fail(field, `${field} must be a two-letter country code such as HU or DE`);
}

/** Which side must / must not be Hungarian, per trade type (reason codes TC_SELLER_*_HUNGARY, TC_DESTINATION_*). */
const HUNGARIAN_SIDES: Record<TradeType, { seller: boolean; destination: boolean }> = {
	export: { seller: true, destination: false },
	import: { seller: false, destination: true },
	domestic: { seller: true, destination: true },
};

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
		if (mustBeHungarian && country !== 'HU') {
			fail(path(label, 'Country'), `${label} country must be HU for a ${tradeType} card`);
		}
		if (!mustBeHungarian && country === 'HU') {
			fail(path(label, 'Country'), `${label} country cannot be HU for a ${tradeType} card`);
		}
	}
	checkVatNumber(path(label, 'VAT Number'), p.vatNumber!, country === undefined ? mustBeHungarian : country === 'HU');
}

/** Server rule (TC_LOCATION_NOT_COMPLETE): name, country, postal code, city and street + number or lot number. */
export function checkLocation(label: string, location: Location): void {
	const f = (name: string) => path(label, name);
	required(f('Name'), location.name);
	required(f('Country'), location.country);
	checkCountry(f('Country'), location.country);
	const hungarian = location.country?.toUpperCase() === 'HU';
	// The XSD documentation makes the tax number mandatory for Hungarian places only.
	if (hungarian) required(f('VAT Number'), location.vatNumber);
	if (location.vatNumber !== undefined && !blank(location.vatNumber)) checkVatNumber(f('VAT Number'), location.vatNumber, hungarian);
	required(f('Postal Code'), location.postalCode);
	if (!ZIP.test(location.postalCode!.toUpperCase())) fail(f('Postal Code'), `${f('Postal Code')} must be 2–10 letters, digits, spaces or dashes`);
	required(f('City'), location.city);
	maxLength(f('City'), location.city, 50);
	const hasStreet = !blank(location.street) && !blank(location.streetNumber);
	if (!hasStreet && blank(location.lotNumber)) {
		fail(f('Street'), `${label} needs a street and street number, or a lot number`);
	}
	maxLength(f('Street'), location.street, 150);
	maxLength(f('Street Type'), location.streetType, 50);
	maxLength(f('Street Number'), location.streetNumber, 10);
	if (location.lotNumber !== undefined && !blank(location.lotNumber) && (location.lotNumber.length < 3 || location.lotNumber.length > 15)) {
		fail(f('Lot Number'), `${f('Lot Number')} must be 3–15 characters`);
	}
	if (location.phone !== undefined && !blank(location.phone) && !PHONE.test(normalizePhone(location.phone))) {
		fail(f('Phone'), `${f('Phone')} must look like +36201234567, 0036201234567 or 06201234567`);
	}
	if (location.email !== undefined && !blank(location.email) && !EMAIL.test(location.email)) fail(f('Email'), `${f('Email')} is not a valid email address`);
	if (location.gps) {
		const { latitude, longitude } = location.gps;
		if (!Number.isFinite(latitude) || Math.abs(latitude) > 90) fail(f('GPS Latitude'), `${f('GPS Latitude')} must be between -90 and 90`);
		if (!Number.isFinite(longitude) || Math.abs(longitude) > 180) fail(f('GPS Longitude'), `${f('GPS Longitude')} must be between -180 and 180`);
	}
}

export function checkPlate(field: string, plate: string): void {
	if (!PLATE.test(normalizePlate(plate))) {
		fail(field, `${field} must be 4–15 letters or digits (spaces and dashes are removed); got "${plate}"`);
	}
}

function checkVehicle(label: string, vehicle: Vehicle): void {
	required(path(label, 'Plate Number'), vehicle.plateNumber);
	checkPlate(path(label, 'Plate Number'), vehicle.plateNumber);
	if (vehicle.country !== undefined && !VEHICLE_COUNTRY.test(vehicle.country.toUpperCase())) {
		fail(path(label, 'Country'), `${path(label, 'Country')} must be the 1–3 letter nationality sign (e.g. H, SK, D)`);
	}
}

export function checkItem(label: string, item: TradeCardItem): void {
	const f = (name: string) => path(label, name);
	if (!['sale', 'ownGoods', 'contractWork', 'other'].includes(item.tradeReason)) {
		fail(f('Trade Reason'), `${f('Trade Reason')} must be sale, ownGoods, contractWork or other`);
	}
	required(f('VTSZ Code'), item.productCode);
	if (!VTSZ.test(normalizeProductCode(item.productCode))) fail(f('VTSZ Code'), `${f('VTSZ Code')} must be exactly 8 digits; got "${item.productCode}"`);
	required(f('Product Name'), item.productName);
	maxLength(f('Product Name'), item.productName, 200);
	if (typeof item.weightKg !== 'number' || !Number.isFinite(item.weightKg)) fail(f('Weight (kg)'), `${f('Weight (kg)')} is required`);
	if (item.weightKg <= 0 || item.weightKg >= 1e9) fail(f('Weight (kg)'), `${f('Weight (kg)')} must be greater than 0 and less than 1 000 000 000`);
	if (item.valueHuf === undefined || item.valueHuf === null || (typeof item.valueHuf === 'number' && Number.isNaN(item.valueHuf))) {
		fail(f('Value (HUF)'), `${f('Value (HUF)')} is required (mandatory since 2021)`);
	}
	const value = item.valueHuf!;
	if (!Number.isInteger(value) || value <= 0 || value > 99_999_999_999) {
		fail(f('Value (HUF)'), `${f('Value (HUF)')} must be a whole number of forints above 0 with at most 11 digits; got ${value}`);
	}
	maxLength(f('External ID'), item.externalId, 50);
	if (item.adrNumber !== undefined && !ADR.test(item.adrNumber)) fail(f('ADR Number'), `${f('ADR Number')} may contain only digits, commas and dots`);
	maxLength(f('Transport License'), item.transportLicense, 30);
	if (item.batchNumber !== undefined && (item.batchNumber.length < 3 || item.batchNumber.length > 30)) {
		fail(f('Batch Number'), `${f('Batch Number')} must be 3–30 characters`);
	}
	if (item.expirationDate !== undefined) checkDate(f('Expiration Date'), item.expirationDate);
}

function checkTcn(field: string, tcn: string | undefined): void {
	required(field, tcn);
	if (!TCN.test(tcn!)) fail(field, `${field} must be 2–20 capital letters or digits (e.g. E25011500012345); got "${tcn}"`);
}

export function checkCard(card: TradeCard, needsTcn: boolean): void {
	if (needsTcn) checkTcn('EKÁER Number', card.tcn);
	if (!['export', 'import', 'domestic'].includes(card.tradeType)) fail('Trade Type', 'Trade Type must be export, import or domestic');
	maxLength('Order Number', card.orderNumber, 50);
	if (typeof card.modifiableByCarrier !== 'boolean') fail('Modifiable by Carrier', 'Modifiable by Carrier must be true or false');
	const hasCarrier = !blank(card.carrier);
	const hasCarrierText = !blank(card.carrierText);
	if (hasCarrier && hasCarrierText) fail('Carrier', 'Give either the Carrier (EKÁER id) or the Carrier Name, not both');
	if (card.modifiableByCarrier && !hasCarrier) fail('Carrier', 'Letting the carrier modify the card needs the Carrier (EKÁER id)');
	maxLength('Carrier', card.carrier, 30);
	maxLength('Carrier Name', card.carrierText, 200);
	checkParty('Seller', card.seller, card.tradeType);
	checkParty('Destination', card.destination, card.tradeType);
	if (card.tradeType !== 'import' && !card.vehicle) fail(path('Vehicle', 'Plate Number'), `Vehicle › Plate Number is required for a ${card.tradeType} card`);
	if (card.vehicle) checkVehicle('Vehicle', card.vehicle);
	if (card.trailer) checkVehicle('Trailer', card.trailer);
	if (card.loadDate !== undefined) checkDate('Load Date', card.loadDate);
	maxLength('Plate Number Change Reason', card.plateNumberChangeReason, 200);
	checkPlacesAndItems(card);
}

function checkPlacesAndItems(card: TradeCard): void {
	const plans = card.deliveryPlans ?? [];
	const topItems = card.items ?? [];
	topItems.forEach((item, i) => checkItem(`Items[${i + 1}]`, item));
	plans.forEach((plan, p) => {
		const label = `Delivery Plans[${p + 1}]`;
		plan.items.forEach((item, i) => checkItem(path(label, `Items[${i + 1}]`), item));
		const load = plan.loadLocation ?? card.loadLocation;
		const unload = plan.unloadLocation ?? card.unloadLocation;
		if (!load) fail(path(label, 'Load Location'), `${path(label, 'Load Location')} is required`);
		if (!unload) fail(path(label, 'Unload Location'), `${path(label, 'Unload Location')} is required`);
		if (plan.loadLocation) checkPlace(path(label, 'Load Location'), plan.loadLocation, card.tradeType, 'load');
		if (plan.unloadLocation) checkPlace(path(label, 'Unload Location'), plan.unloadLocation, card.tradeType, 'unload');
		maxLength(path(label, 'External ID'), plan.externalId, 50);
	});
	if (plans.length === 0) {
		if (!card.loadLocation) fail('Load Location', 'Load Location is required');
		if (!card.unloadLocation) fail('Unload Location', 'Unload Location is required');
	}
	if (card.loadLocation) checkPlace('Load Location', card.loadLocation, card.tradeType, 'load');
	if (card.unloadLocation) checkPlace('Unload Location', card.unloadLocation, card.tradeType, 'unload');
	const itemCount = topItems.length + plans.reduce((n, plan) => n + plan.items.length, 0);
	if (itemCount === 0 && card.tradeCardType !== 'simplified') fail('Items', 'At least one item is required');
}

function checkPlace(label: string, location: Location, tradeType: TradeType, side: 'load' | 'unload'): void {
	checkLocation(label, location);
	const hungarian = location.country?.toUpperCase() === 'HU';
	if (side === 'load' && tradeType === 'import' && hungarian) fail(path(label, 'Country'), 'The load location of an import card cannot be in Hungary');
	if (side === 'unload' && tradeType === 'export' && hungarian) fail(path(label, 'Country'), 'The unload location of an export card cannot be in Hungary');
}

/** Validate one operation; `now` is injected so "arrival in the future" is testable. */
export function validateOperation(operation: TradeCardOperation, now: Date = new Date()): void {
	switch (operation.operation) {
		case 'create':
			return checkCard(operation.card, false);
		case 'modify':
		case 'correction':
			return checkCard(operation.card, true);
		case 'finalize': {
			checkTcn('EKÁER Number', operation.tcn);
			if (operation.arrival === undefined || operation.arrival === null || operation.arrival === '') fail('Arrival Date', 'Arrival Date is required to close a card');
			checkDate('Arrival Date', operation.arrival);
			// NAV refuses future arrivals (TC_FUTURE_ARRIVAL_NOT_ALLOWED); a date-only arrival is compared with today in Hungary.
			const future =
				isDate(operation.arrival) ? operation.arrival.getTime() > now.getTime() : operation.arrival > budapestDate(now);
			if (future) fail('Arrival Date', 'Arrival Date cannot be in the future');
			maxLength('Reason', operation.reason, 200);
			return;
		}
		case 'delete':
			checkTcn('EKÁER Number', operation.tcn);
			required('Delete Reason', operation.reason);
			maxLength('Delete Reason', operation.reason, 200);
			return;
		default:
			fail('Operation', `Unknown operation "${(operation as { operation: string }).operation}"`);
	}
}

export function validateQuery(query: TradeCardQuery): void {
	if ('tcn' in query) return checkTcn('EKÁER Number', query.tcn);
	const from = query.insertedFrom;
	const to = query.insertedTo;
	if (!isDate(from) || Number.isNaN(from.getTime())) fail('Inserted From', 'Inserted From must be a valid date and time');
	if (!isDate(to) || Number.isNaN(to.getTime())) fail('Inserted To', 'Inserted To must be a valid date and time');
	if (from.getTime() > to.getTime()) fail('Inserted To', 'Inserted To must not be before Inserted From');
	if (query.maxRows !== undefined && (!Number.isInteger(query.maxRows) || query.maxRows < 1 || query.maxRows > 1000)) {
		fail('Max Rows', 'Max Rows must be a whole number from 1 to 1000');
	}
	maxLength('Order Number', query.orderNumber, 50);
	if (query.plateNumber !== undefined) checkPlate('Plate Number', query.plateNumber);
	if (query.sellerVatNumber !== undefined) checkVatNumber('Seller VAT Number', query.sellerVatNumber, false);
	if (query.destinationVatNumber !== undefined) checkVatNumber('Destination VAT Number', query.destinationVatNumber, false);
}
