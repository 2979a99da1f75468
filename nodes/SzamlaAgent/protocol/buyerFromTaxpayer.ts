/**
 * The buyer block of an invoice filled from NAV's taxpayer record (Invoice › Create, "Fill Buyer From NAV").
 *
 * Pure: takes the parsed `QueryTaxpayerResponse` and says which buyer fields NAV can supply. The caller decides which
 * of them to use (fields the user set win).
 */
import type { TaxpayerAddress, TaxpayerResult } from './types/response';

/** The buyer fields NAV's record can fill, under the names of the invoice request's buyer. */
export interface BuyerFromNav {
	name?: string;
	postalCode?: string;
	city?: string;
	address?: string;
	/** Hungarian tax number as printed: 12345678-2-42 when NAV gives the VAT and county codes, else the 8 digits. */
	taxNumber?: string;
	/** `adoalany` 1: the buyer has a Hungarian tax number (the only status a valid NAV record proves). */
	taxpayerStatus?: 1;
}

export type BuyerFromNavField = keyof BuyerFromNav;

/**
 * The 8-digit base number (törzsszám) of a Hungarian tax number written as 12345678 or 12345678-1-42 (spaces and
 * dashes ignored); undefined when it is neither.
 */
export function taxNumberBase(input: string): string | undefined {
	const digits = input.replace(/[\s-]/g, '');
	return /^\d{8}(\d{3})?$/.test(digits) ? digits.slice(0, 8) : undefined;
}

/** NAV lists the registered seat as HQ; a taxpayer without one (rare) gets its first address. */
function registeredAddress(addresses: TaxpayerAddress[]): TaxpayerAddress | undefined {
	return addresses.find((a) => a.type === 'HQ') ?? addresses[0];
}

/**
 * One address line the way Hungarian invoices print it: "ZÁHONY UTCA 7. A ép. 2. lph. 3. em. 12. ajtó". NAV writes
 * street names in capitals; they are passed on unchanged. Without a street, the lot number (helyrajzi szám) is the
 * address.
 */
export function addressLine(a: TaxpayerAddress): string | undefined {
	const parts = [
		a.streetName,
		a.publicPlaceCategory,
		a.number,
		a.building && `${a.building} ép.`,
		a.staircase && `${a.staircase} lph.`,
		a.floor && `${a.floor} em.`,
		a.door && `${a.door} ajtó`,
	].filter((p): p is string => !!p && p.trim() !== '');
	if (parts.length === 0 && a.lotNumber) parts.push(`hrsz. ${a.lotNumber}`);
	if (a.additionalAddressDetail) parts.push(a.additionalAddressDetail);
	return parts.length ? parts.join(' ') : undefined;
}

/** 12345678-2-42 from NAV's codes; else the full number the user asked with (same base); else the 8 digits. */
function fullTaxNumber(tax: NonNullable<TaxpayerResult['taxNumber']>, requested: string): string {
	if (tax.vatCode && tax.countyCode) return `${tax.taxpayerId}-${tax.vatCode}-${tax.countyCode}`;
	const digits = requested.replace(/[\s-]/g, '');
	if (digits.length === 11 && digits.startsWith(tax.taxpayerId)) return `${digits.slice(0, 8)}-${digits[8]}-${digits.slice(9)}`;
	return tax.taxpayerId;
}

/**
 * What NAV's record says about the buyer; an invalid or unknown taxpayer gives undefined. `requested` is the tax
 * number as the user wrote it (used for the full number when NAV's record lacks the county code).
 */
export function buyerFromTaxpayer(taxpayer: TaxpayerResult, requested = ''): BuyerFromNav | undefined {
	if (!taxpayer.valid) return undefined;
	const address = registeredAddress(taxpayer.addresses);
	const tax = taxpayer.taxNumber;
	const fields: BuyerFromNav = {
		name: taxpayer.name,
		postalCode: address?.postalCode,
		city: address?.city,
		address: address && addressLine(address),
		taxNumber: tax && fullTaxNumber(tax, requested),
		taxpayerStatus: 1,
	};
	for (const key of Object.keys(fields) as BuyerFromNavField[]) if (fields[key] === undefined) delete fields[key];
	return fields;
}
