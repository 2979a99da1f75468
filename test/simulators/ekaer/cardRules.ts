/**
 * Business rules on a trade card's content, shared by create and modify (ekaer.md §3–4). The first broken rule wins,
 * as the real service reports one reasonCode per operation.
 */
import { allItems, type CardData, type LocationData } from './cardModel';
import { isVersion2, LOW_TOTAL_VALUE_HUF, UNKNOWN_VTSZ } from './constants';

export interface RuleError {
	reasonCode: string;
	msg: string;
}

export interface NavValidation {
	code: string;
	message: string;
}

const HU = 'HU';
const HU_VAT = /^\d{8}$/;

function fail(reasonCode: string, msg: string): RuleError {
	return { reasonCode, msg };
}

function blank(value: string | undefined): boolean {
	return value === undefined || value.trim() === '';
}

/**
 * name, VATNumber, country, zipCode, city and (street + streetNumber) or lotNumber, for every place: NAV's own 2015
 * TC_LOCATION_NOT_COMPLETE message lists them so, although the XSD text asks for name/VAT only at Hungarian addresses.
 */
function locationGap(location: LocationData): string | undefined {
	const f = location.fields;
	const required = ['name', 'VATNumber', 'country', 'zipCode', 'city'];
	const missing = required.filter((k) => blank(f[k]));
	if (blank(f.lotNumber) && (blank(f.street) || blank(f.streetNumber))) missing.push('street+streetNumber or lotNumber');
	return missing.length ? missing.join(', ') : undefined;
}

export interface CardRuleContext {
	declarantVat: string;
	requestVersion: string;
}

export function checkCardContent(card: CardData, ctx: CardRuleContext): RuleError | undefined {
	const f = card.fields;
	const type = f.tradeType;

	if (!blank(f.carrier) && !blank(f.carrierText)) return fail('TC_BOTH_CARRIER_FOUND', 'carrier and carrierText must not both be given');
	if (blank(f.sellerName)) return fail('TC_SELLER_NAME_EMPTY', 'sellerName is mandatory');
	if (blank(f.sellerVatNumber)) return fail('TC_SELLER_VAT_NUMBER_EMPTY', 'sellerVatNumber is mandatory');
	if (blank(f.destinationName)) return fail('TC_DESTINATION_NAME_EMPTY', 'destinationName is mandatory');
	if (blank(f.destinationVatNumber)) return fail('TC_DESTINATION_VAT_NUMBER_EMPTY', 'destinationVatNumber is mandatory');
	if (type === 'E' || type === 'D') {
		if (blank(f.sellerCountry)) return fail('TC_SELLER_COUNTRY_EMPTY', `sellerCountry is mandatory for tradeType ${type}`);
		if (blank(f.sellerAddress)) return fail('TC_SELLER_ADDRESS_EMPTY', `sellerAddress is mandatory for tradeType ${type}`);
	}
	if (type === 'I') {
		if (blank(f.destinationCountry)) return fail('TC_DESTINATION_COUNTRY_EMPTY', 'destinationCountry is mandatory for tradeType I');
		if (blank(f.destinationAddress)) return fail('TC_DESTINATION_ADDRESS_EMPTY', 'destinationAddress is mandatory for tradeType I');
	}

	// Direction rules: E = HU → EU, I = EU → HU, D = HU → HU.
	const sellerHu = type === 'E' || type === 'D';
	const destinationHu = type === 'I' || type === 'D';
	if (sellerHu && f.sellerCountry !== HU) return fail('TC_SELLER_MUST_BE_HUNGARY', `sellerCountry must be HU for tradeType ${type}`);
	if (type === 'I' && f.sellerCountry === HU) return fail('TC_SELLER_CANT_BE_HUNGARY', 'sellerCountry cannot be HU for tradeType I');
	if (destinationHu && f.destinationCountry !== HU)
		return fail('TC_DESTINATION_MUST_BE_HUNGARY', `destinationCountry must be HU for tradeType ${type}`);
	if (type === 'E' && f.destinationCountry === HU) return fail('TC_DESTINATION_CANT_BE_HUNGARY', 'destinationCountry cannot be HU for tradeType E');

	if (sellerHu && !HU_VAT.test(f.sellerVatNumber)) return fail('TC_SELLER_VAT_NUMBER_ERROR', 'Hungarian sellerVatNumber must be 8 digits');
	if (destinationHu && !HU_VAT.test(f.destinationVatNumber))
		return fail('TC_DESTINATION_VAT_NUMBER_ERROR', 'Hungarian destinationVatNumber must be 8 digits');
	// 2015 server message: for E and D the seller's tax number must be the declarant's own.
	if (sellerHu && f.sellerVatNumber !== ctx.declarantVat)
		return fail('TC_SELLER_VAT_NUMBER_ERROR', `sellerVatNumber must be the declarant's tax number for tradeType ${type}`);
	if (f.sellerVatNumber === f.destinationVatNumber) return fail('TC_VAT_NUMBER_ERROR', 'seller and destination tax numbers are identical');

	if ((type === 'E' || type === 'D') && (!card.vehicle || blank(card.vehicle.plateNumber)))
		return fail('TC_VEHICLE_NOT_FOUND', `vehicle is mandatory for tradeType ${type}`);

	// Since 2.0 an arrival time belongs to the finalize operation, not to the card (TC_ARRIVALDATE_TIME_ERROR; an
	// inference from the reason code text, see ekaer.md §3.1).
	if (isVersion2(ctx.requestVersion) && !blank(f.arrivalDate))
		return fail('TC_ARRIVALDATE_TIME_ERROR', 'arrivalDate may only be given when finalizing the trade card');

	const plans = card.deliveryPlans ?? [];
	if (plans.length === 0) return fail('TC_DELIVERY_PLAN_MISSING', 'at least one deliveryPlans/deliveryPlan is required');
	for (const [i, plan] of plans.entries()) {
		const where = `deliveryPlan[${i + 1}]`;
		const load = plan.loadLocation ?? card.loadLocation;
		const unload = plan.unloadLocation ?? card.unloadLocation;
		if (!load) return fail('TC_LOAD_LOCATION_NOT_FOUND', `${where}: loadLocation is mandatory`);
		if (!unload) return fail('TC_UNLOAD_LOCATION_NOT_FOUND', `${where}: unloadLocation is mandatory`);
		const loadGap = locationGap(load);
		if (loadGap) return fail('TC_LOCATION_NOT_COMPLETE', `${where}/loadLocation: missing ${loadGap}`);
		const unloadGap = locationGap(unload);
		if (unloadGap) return fail('TC_LOCATION_NOT_COMPLETE', `${where}/unloadLocation: missing ${unloadGap}`);
		const loadHu = load.fields.country === HU;
		const unloadHu = unload.fields.country === HU;
		if (type === 'I' && loadHu) return fail('TC_LOAD_LOCATION_CANT_BE_HUNGARY', `${where}: loadLocation cannot be in HU for tradeType I`);
		if (type === 'E' && unloadHu) return fail('TC_UNLOAD_LOCATION_CANT_BE_HUNGARY', `${where}: unloadLocation cannot be in HU for tradeType E`);
		if (((type === 'E' || type === 'D') && !loadHu) || ((type === 'I' || type === 'D') && !unloadHu))
			return fail('TC_LOCATION_NOT_HUNGARY', `${where}: the ${type === 'I' ? 'unload' : 'load'} address must be in Hungary`);
		if (f.isIntermodal === 'true' || f.isIntermodal === '1') {
			if (!loadHu || !unloadHu) return fail('TC_LOCATION_NOT_HUNGARY', `${where}: intermodal transport needs both addresses in Hungary`);
		}
		if (f.tradeCardType !== 'S' && plan.items.length === 0) return fail('TC_ITEM_NOT_FOUND', `${where}: at least one tradeCardItem is required`);
	}

	for (const [i, { item }] of allItems(card).entries()) {
		const where = `tradeCardItem[${i + 1}]${item.fields.itemExternalId ? ` (${item.fields.itemExternalId})` : ''}`;
		const vtsz = item.fields.productVtsz ?? '';
		if (vtsz.length !== 8) return fail('TC_VTSZ_TOO_SHORT', `${where}: productVtsz must have 8 digits`);
		if (UNKNOWN_VTSZ.has(vtsz)) return fail('TC_VTSZ_UNKNOWN', `${where}: unknown productVtsz ${vtsz}`);
		if (blank(item.fields.weight)) return fail('TCI_VALUE_MISSING', `${where}: weight is mandatory`);
		if (blank(item.fields.value)) return fail('TCI_VALUE_MISSING', `${where}: value is mandatory`);
	}
	return undefined;
}

const BUDAPEST_ZIP = /^1\d{3}$/;

/** Non-blocking warnings attached to a successful create/modify. */
export function navValidations(card: CardData, totalValue: number): NavValidation[] {
	const out: NavValidation[] = [];
	if (totalValue < LOW_TOTAL_VALUE_HUF)
		out.push({ code: 'TC_LOW_TOTAL_VALUE_WARN', message: 'Figyelem! A bejelentésében irreálisan alacsony értéket jelölt meg!' });
	const locations = [card.loadLocation, card.unloadLocation];
	for (const plan of card.deliveryPlans ?? []) locations.push(plan.loadLocation, plan.unloadLocation);
	const mismatch = locations.some((l) => {
		if (!l || l.fields.country !== HU || !l.fields.zipCode || !l.fields.city) return false;
		return BUDAPEST_ZIP.test(l.fields.zipCode) !== /^budapest/i.test(l.fields.city.trim());
	});
	if (mismatch) out.push({ code: 'TC_WRONG_ZIP_CITY_WARN', message: 'Figyelem! A bejelentésben nem megfelelő zip és város pár található!' });
	return out;
}
