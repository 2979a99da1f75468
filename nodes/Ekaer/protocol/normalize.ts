/**
 * Normalisation of user-typed values that NAV accepts only in one spelling. Applied by both the validator and the
 * builder, so what is checked is exactly what is sent.
 */

/** "abc-123", "ABC 123" → "ABC123" (the schema allows `[A-Z0-9ÖŐÜŰ]{4,15}` only). */
export function normalizePlate(plate: string): string {
	return plate.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Hungarian tax numbers are often typed in full ("12345678-2-42") or with the EU prefix ("HU12345678"); NAV wants the
 * 8-digit base and warns on the prefix (TC_VAT_NUMBER_WARN). Anything else is only trimmed and upper-cased.
 */
export function normalizeVatNumber(vat: string): string {
	const compact = vat.replace(/\s/g, '').toUpperCase();
	const hungarian = /^(?:HU)?(\d{8})(?:-?\d-?\d{2})?$/.exec(compact);
	return hungarian ? hungarian[1] : compact;
}

/** The phone pattern allows no spaces, dashes, slashes or brackets ("+3620 000 0000" was rejected). */
export function normalizePhone(phone: string): string {
	return phone.replace(/[\s\-/().]/g, '');
}

/** VTSZ codes are often written with spaces ("0201 10 00"). */
export function normalizeProductCode(code: string): string {
	return code.replace(/\s/g, '');
}

/** A weight as sent: whole thousandths of a kilogram (the schema allows 3 decimals), so 0.0004 kg is 0. */
export function weightThousandths(kg: number): number {
	return Math.round(kg * 1000);
}
