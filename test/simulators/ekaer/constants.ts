/** Wire constants and defaults of the EKÁER simulator. */
import type { EkaerUser } from './types';

export const MANAGEMENT_NS = 'http://schemas.nav.gov.hu/EKAER/1.0/ekaermanagement';
export const COMMON_NS = 'http://schemas.nav.gov.hu/EKAER/1.0/common';
export const FAULT_NS = 'http://common.types.tracon.hu/commonservice';
export const SERVICE_PATH = '/TradeCardManagementService/customer/';
export const MANAGEMENT_XSD = 'ekaer/ekaermanagement.xsd';

export const DEFAULT_USER: EkaerUser = { user: 'tesztelek01', password: 'Jelszo123', signingKey: 'Elek65Titkos', vatNumber: '12345678' };

export const DEFAULTS = {
	maxTimestampSkewMs: 10 * 60 * 1000,
	maxQueryRangeDays: 30,
	maxOperationsPerRequest: 100,
	maxRowNum: 1000,
	maxBodyBytes: 10 * 1024 * 1024,
};

/** Observed on the test system: validity start/end 15 days apart (ekaer.md §4.3). */
export const VALIDITY_DAYS = 15;

/**
 * Well-formed 8-digit codes the simulator treats as not in the customs nomenclature (TC_VTSZ_UNKNOWN), so tests can
 * provoke the error. The real list is NAV's; this one is made up.
 */
export const UNKNOWN_VTSZ = new Set(['00000000', '99999999', '11111111']);

/** Total value below which TC_LOW_TOTAL_VALUE_WARN is attached (a simulator choice; NAV's threshold is not public). */
export const LOW_TOTAL_VALUE_HUF = 10000;

export type ManagementVersion = string;

/** requestVersion ≥ 2.0 (correction and the stricter arrival-date rules came with 2.0). */
export function isVersion2(version: ManagementVersion): boolean {
	return version.startsWith('2.');
}
