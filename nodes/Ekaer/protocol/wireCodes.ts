/** The one place where English enum values meet the single-letter wire codes of XSD 2.1. */
import type { TradeCardKind, TradeCardStatus, TradeCardStatusCode, TradeReason, TradeType } from './types';

export const NS_MANAGEMENT = 'http://schemas.nav.gov.hu/EKAER/1.0/ekaermanagement';
export const NS_COMMON = 'http://schemas.nav.gov.hu/EKAER/1.0/common';
/** NAV keeps "1.0" in the namespaces for every schema version; the version travels in header/requestVersion. */
export const REQUEST_VERSION = '2.1';
export const HEADER_VERSION = '1.0';

export const TRADE_TYPE_TO_WIRE: Record<TradeType, 'E' | 'I' | 'D'> = { export: 'E', import: 'I', domestic: 'D' };
export const TRADE_REASON_TO_WIRE: Record<TradeReason, 'S' | 'A' | 'W' | 'O'> = {
	sale: 'S',
	ownGoods: 'A',
	contractWork: 'W',
	other: 'O',
};
export const CARD_KIND_TO_WIRE: Record<TradeCardKind, 'N' | 'S'> = { normal: 'N', simplified: 'S' };
export const STATUS_TO_WIRE: Record<TradeCardStatus, TradeCardStatusCode> = {
	planned: 'P',
	started: 'S',
	finalized: 'F',
	inactive: 'I',
	deleted: 'D',
};

function invert<K extends string, V extends string>(map: Record<K, V>): Record<V, K> {
	return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<V, K>;
}

export const TRADE_TYPE_FROM_WIRE = invert(TRADE_TYPE_TO_WIRE);
export const TRADE_REASON_FROM_WIRE = invert(TRADE_REASON_TO_WIRE);
export const CARD_KIND_FROM_WIRE = invert(CARD_KIND_TO_WIRE);
export const STATUS_FROM_WIRE = invert(STATUS_TO_WIRE);
