/**
 * EKÁER result codes with English explanations.
 *
 * REASON_CODES is the complete enumeration of common:ReasonCodeType in XSD 2.1 (120 values; a test compares it with
 * the schema). The meanings follow the XSD's Hungarian documentation; the service's own `msg` is always kept verbatim
 * beside them because it is often more specific.
 */
import type { FuncCode } from './types';

export const REASON_CODES: Readonly<Record<string, string>> = {
	SUCCESS: 'Success',
	OPERATION_FAILED: 'General processing error at NAV (technical); trying again later may work',
	INVALID_INPUT: 'Invalid data in the request (for example a bad tax number, or card data sent with Finalize)',
	INVALID_REQUEST: 'The request does not match the EKÁER schema; the message lists the schema errors',
	INVALID_REQUEST_HEADERS: 'Request header invalid',
	UNKNOWN_PACKAGE_VERSION: 'Requested package version does not exist (package queries only)',
	CARRIER_NOT_FOUND: 'No validated carrier registration for the given carrier id',
	TC_ITEM_NOT_FOUND: 'At least one item is required per trade card / delivery plan',
	TC_CREATE_ELEMENT_FOUND: 'A new card must not carry an EKÁER number',
	TC_BOTH_CARRIER_FOUND: 'Give either the carrier id or the carrier name, not both',
	TCI_ID_FOUND: 'Items of a new card must not carry server item ids',
	TC_SELLER_NAME_EMPTY: 'Seller name is required for every trade type',
	TC_SELLER_VAT_NUMBER_EMPTY: 'Seller tax number is required for every trade type',
	TC_SELLER_VAT_NUMBER_ERROR: 'Seller tax number is wrong (for export and domestic cards it must be the declarant’s own)',
	TC_SELLER_VAT_NUMBER_CDV_ERROR: 'Seller tax number check-digit error',
	TC_FOREIGN_VAT_NUMBER_COUNTRY_CODE_MISMATCH: 'The foreign tax number does not match its country code',
	TC_SELLER_COUNTRY_EMPTY: 'Seller country is required for export and domestic cards',
	TC_SELLER_ADDRESS_EMPTY: 'Seller address is required for export and domestic cards',
	TC_DESTINATION_NAME_EMPTY: 'Destination (buyer) name is required for every trade type',
	TC_DESTINATION_VAT_NUMBER_EMPTY: 'Destination (buyer) tax number is required for every trade type',
	TC_DESTINATION_VAT_NUMBER_ERROR: 'Destination (buyer) tax number is wrong',
	TC_DESTINATION_VAT_NUMBER_CDV_ERROR: 'Destination tax number check-digit error',
	TC_DESTINATION_COUNTRY_EMPTY: 'Destination country is required for import cards',
	TC_DESTINATION_ADDRESS_EMPTY: 'Destination address is required for import cards',
	TC_LOAD_LOCATION_NOT_FOUND: 'Load location is required for every trade type',
	TC_LOAD_LOCATION_CANT_BE_HUNGARY: 'For import the load location cannot be in Hungary',
	TC_UNLOAD_LOCATION_NOT_FOUND: 'Unload location is required for every trade type',
	TC_UNLOAD_LOCATION_CANT_BE_HUNGARY: 'For export the unload location cannot be in Hungary',
	TC_VEHICLE_NOT_FOUND: 'Vehicle is required for export and domestic cards',
	TC_LOCATION_NOT_HUNGARY: 'Address must be in Hungary',
	TC_LOCATION_NOT_COMPLETE: 'Address incomplete: name, tax number, country, postal code, city and street + number (or lot number) are required',
	TC_DELETE_ONLY_ACTIVE: 'A card can be deleted only while it is still active',
	TC_FINALIZE_VEHICLE_DATA_EMPTY: 'The vehicle plate number must be filled in before closing',
	TC_FINALIZE_ARRIVAL_DATE_EMPTY: 'The arrival date must be given when closing',
	TC_MODIFY_BY_CARRIER_DISABLED: 'Carrier is not allowed to modify this card',
	TCI_DANG_PROD_ADRNUMBER_NOT_FOUND: 'ADR number is required for a dangerous item',
	TCI_DANG_PROD_TRANSLIC_NOT_FOUND: 'Transport licence is required for a dangerous item',
	TC_DESTINATION_MUST_BE_HUNGARY: 'For import the destination country must be HU',
	TC_DESTINATION_CANT_BE_HUNGARY: 'For export the destination country cannot be HU',
	TC_SELLER_MUST_BE_HUNGARY: 'For export the seller country must be HU',
	TC_SELLER_CANT_BE_HUNGARY: 'For import the seller country cannot be HU',
	INVALID_USER_OR_PASSWORD: 'EKÁER user name or password is wrong: check the credentials (the password, not the signing key)',
	ACCESS_DENIED: 'Caller has no right for the operation',
	NO_TAX_DATA: 'Taxpayer data not found',
	USER_TAX_DATA_NOT_VALID: 'User’s taxpayer data not valid',
	TC_VTSZ_TOO_SHORT: 'VTSZ code too short (8 digits are required)',
	TC_VTSZ_UNKNOWN: 'VTSZ code unknown or invalid',
	TC_FELIR_NEBIH_REG_NEEDED: 'NÉBIH FELIR registration number needed for the goods',
	TC_UNLOAD_ADDR_MUST_BE_REG_IN_NEBIH: 'Unload address is not a NÉBIH-approved first storage place',
	TC_INVALID_LOADDATE: 'Invalid load date',
	TC_INVALID_ARRIVALDATE: 'Invalid arrival date',
	TC_VALIDITY_EXCEEDED: 'Validity period exceeded',
	TC_PLATENUMBER_MISSING: 'Plate number mandatory',
	TC_PLATENUMBER_COUNTRY_MISSING: 'Plate number or its country sign missing',
	TC_FUTURE_ARRIVAL_NOT_ALLOWED: 'The arrival time cannot be in the future',
	TC_ARRIVALDATE_MISSING: 'Arrival date required',
	TC_LOADDATE_MISSING: 'Load date required',
	INVALID_REASON_WITH_TRADE_TYPE: 'The item’s trade reason is not allowed for this trade type',
	TC_UPLOAD_ACCESS_DENIED: 'No right to upload',
	TC_OP_INDEX_NOT_UNIQUE: 'Operation index values are not unique within the request',
	TC_MODIFICATION_DISABLED: 'Modification not allowed in deleted / inactive / finalized status',
	TC_PLATE_NUMBER_MOD_NOT_ALLOWED: 'No right to modify the plate number',
	TC_UNLOAD_REPORT_NOT_ALLOWED: 'No right to report arrival',
	CARRIER_NOT_ASSIGNED: 'Declarant did not allow the carrier to handle the card',
	TCI_WEIGHT_MOD_NOT_ALLOWED: 'No right to modify item weight',
	TCI_VALUE_MOD_NOT_ALLOWED: 'No right to modify item value',
	INVALID_VATNUMBER: 'Invalid tax number',
	INVALID_TAXIDENTICATIONNUMBER: 'Invalid tax identification number',
	TCI_MODIFY_PRODUCT_DISABLED: 'Item VTSZ and product name cannot be modified',
	TC_LOAD_VAT_NUMBER_ERROR: 'Load-location tax number wrong',
	TC_UNLOAD_VAT_NUMBER_ERROR: 'Unload-location tax number wrong',
	TCI_VALUE_MISSING: 'Item value missing',
	TC_MOD_REASON_MISSING: 'Modification reason required',
	TCI_MOD_REASON_MISSING: 'Item modification reason required',
	TC_ONLY_SELLER_DELIVERY_ALLOWED_WITH_TRADETYPE: 'Recipient’s declaration is not allowed for this trade type',
	TC_SELLER_VATNUMBER_MUST_BE_CUSTOMERS: 'Seller tax number must be the declarant’s registered tax number',
	TC_DESTINATION_VATNUMBER_MUST_BE_CUSTOMERS: 'Destination tax number must be the declarant’s registered tax number',
	TCI_RISKY_TRADECARD_ITEM_ONLY_ALLOWED_WITH_SELLER_DELIVERY: 'Risky product not allowed (only with seller delivery)',
	TC_SELLER_DELIVERY_MOD_NOT_ALLOWED: 'Seller delivery flag cannot be changed',
	TC_FINALIZE_NOT_ALLOWED: 'Finalize not allowed',
	TC_UNLOAD_LOCATION_COMPANY_INFO_MISSING: 'Unload-location company data incomplete',
	TC_IS_DESTINATION_COMPANY_IDENTICAL_MISSING: 'The "destination company identical" statement is required',
	TC_IS_DESTINATION_COMPANY_REQUIRED: 'Either the "destination company identical" statement or the unload company data is required',
	TC_NOT_ALLOWED_DATA_MODIFICATION: 'Data modification not allowed',
	TC_GPS_DATA_NOT_ALLOWED_WITH_RISKY_ITEM: 'GPS position not allowed when a risky item is present',
	INVALID_TRANSACTION_STATE: 'Request not executable in the current transaction state',
	TC_DELIVERY_PLAN_MISSING: 'The card has no delivery plan',
	TCI_STATUS_MOD_REASON_MISSING: 'Item status-change reason required',
	TCI_PRODUCT_MOD_REASON_MISSING: 'Product modification reason required',
	TC_UNKNOWN_LICENCE_PLATE_COUNTRY_CODE: 'Unknown vehicle nationality sign',
	NO_VALID_MASTER_USER: 'No valid primary user for the registration, login refused',
	TCI_ITEM_OPERATION_MISSING: 'Item operation (create/modify/delete) is required on every item',
	TCI_PRODUCT_MOD_NOT_ALLOWED: 'No right to modify the item’s product',
	TCI_CREATE_NOT_ALLOWED: 'No right to create an item',
	TCI_DELETE_NOT_ALLOWED: 'No right to delete an item',
	LOW_BALANCE: 'Insufficient cover for the risk security',
	TC_INACTIVE_CPA_FOUND: 'Card has an item with an inactive VTSZ',
	TC_LOAD_LOCATION_ERROR: 'The delivery plan’s load address is wrong',
	TC_UNLOAD_LOCATION_ERROR: 'Delivery plan’s unload address wrong',
	TC_LOAD_AND_UNLOAD_LOCATION_ERROR: 'Both addresses of the delivery plan wrong',
	TC_REQUEST_VERSION_ERROR: 'Unsuitable request version',
	TC_TCN_NOT_UNIQUE: 'An EKÁER number may appear only once per request',
	TCI_TRADE_REASON_MISSING: 'Trade reason is required when creating an item',
	TC_CUSTOMER_HIBERNATE_DENIED: 'Cannot be hibernated',
	TC_CARRIER_HIBERNATED: 'Carrier deleted / hibernated',
	TC_LOADDATE_TIME_WARN: 'Load date/time not given (warning)',
	TC_ARRIVALDATE_TIME_ERROR: 'Arrival time may only be given when reporting arrival (closing the EKÁER number)',
	TC_INVALID_COUNTRY_CODE: 'Invalid country code',
	TC_INVALID_VAT_NUMBER_COUNTRY_CODE: 'Invalid country code inside the tax number',
	TC_FINALIZED_MOD_NOT_ALLOWED: 'Closed card cannot be modified under the rules',
	TC_FINALIZED_CARRIER_MOD_NOT_ALLOWED: 'Post-closing modification not allowed for a carrier',
	TC_FINALIZED_EXPORT_MOD_NOT_ALLOWED: 'Export cards cannot be modified after closing',
	TC_FINALIZED_NO_MORE_MOD_ATTEMPTS: 'Closed card can be corrected only once',
	TC_FINALIZED_MOD_INVALID_DATA_CHANGE: 'Only the data listed by the decree may be corrected',
	TC_FINALIZED_ITEM_DELETE_NOT_ALLOWED: 'Items of a closed card cannot be deleted',
	TC_FINALIZED_ITEM_CREATE_NOT_ALLOWED: 'No new item can be added to a closed card',
	TC_FINALIZED_MOD_NO_DATA_CHANGE: 'Correction contains no change',
	TC_VAT_NUMBER_WARN: 'Seller/destination tax number contains the HU prefix (warning)',
	TC_VAT_NUMBER_ERROR: 'Seller and destination tax numbers are identical',
	TCI_INVALID_ASSURANCE_STATEMENT: 'For this VTSZ the VAT-rate-based security exemption may not be claimed',
};

/** NAVValidationCodeType: plausibility warnings attached to an operation result (never a refusal). */
export const NAV_VALIDATION_CODES: Readonly<Record<string, string>> = {
	TC_LOW_TOTAL_VALUE_WARN: 'The total value looks unrealistically low',
	TC_HIGH_TOTAL_VALUE_WARN: 'The total value looks unrealistically high',
	TC_HIGH_TOTAL_WEIGHT_WARN: 'The total weight looks unrealistically high',
	TC_LOW_TOTAL_WEIGHT_WARN: 'The total weight looks unrealistically low',
	TC_WRONG_ZIP_CITY_WARN: 'Postal code and city do not match',
	TC_INACTIVE_CPA_FOUND: 'An item has an inactive (invalid) VTSZ code',
};

/** English explanation of a reason code; unknown (newer) codes are passed through rather than hidden. */
export function explainReasonCode(code: string): string {
	return REASON_CODES[code] ?? `EKÁER result code ${code} (not in schema 2.1)`;
}

export function explainValidationCode(code: string): string {
	return NAV_VALIDATION_CODES[code] ?? REASON_CODES[code] ?? `NAV validation ${code}`;
}

/** OK and WARNING mean the operation was carried out; only ERROR is a refusal. Unknown values count as errors. */
export function isSuccessFuncCode(funcCode: string): boolean {
	return funcCode === 'OK' || funcCode === 'WARNING';
}

export function toFuncCode(text: string | undefined): FuncCode {
	return text === 'OK' || text === 'WARNING' ? text : 'ERROR';
}

/** Request-level codes after which the same request may succeed later without changes. */
const RETRYABLE = new Set(['OPERATION_FAILED', 'INVALID_TRANSACTION_STATE']);

export function isRetryableReasonCode(code: string): boolean {
	return RETRYABLE.has(code);
}
