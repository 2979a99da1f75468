/** NAV EKÁER base URLs; the operation name (manageTradeCards / queryTradeCards) is appended. */
export const EKAER_PRODUCTION_URL = 'https://import.ekaer.nav.gov.hu/TradeCardManagementService/customer/';
export const EKAER_TEST_URL = 'https://import-test.ekaer.nav.gov.hu/TradeCardManagementService/customer/';

export type { EkaerOperationPath } from '../protocol/operation';
import type { EkaerOperationPath } from '../protocol/operation';

export function operationUrl(baseUrl: string, operation: EkaerOperationPath): string {
	return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${operation}`;
}
