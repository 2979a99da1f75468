/** Taxpayer query (xmltaxpayer). */

export interface QueryTaxpayerRequest {
	/** Hungarian tax number: its first 8 digits are looked up (12345678, 12345678-1-42 or 12345678142). */
	taxNumber: string;
}
