/** Taxpayer query (xmltaxpayer). */
import type { AgentAuth } from './common';

export interface QueryTaxpayerRequest {
	/** Login for this call. */
	auth: AgentAuth;
	/** Hungarian tax number: its first 8 digits are looked up (12345678, 12345678-1-42 or 12345678142). */
	taxNumber: string;
}
