/**
 * Strict loopback simulator of NAV's EKÁER TradeCardManagementService (manageTradeCards, queryTradeCards), for the
 * EKÁER node's end-to-end tests and benchmarks. Written from ekaer.md and ekaermanagement.xsd 2.1, independently of
 * the client code under nodes/.
 */
export { startEkaerSimulator } from './server';
export { DEFAULT_USER } from './constants';
export type {
	EkaerUser,
	EkaerSimulatorOptions,
	EkaerSimulator,
	EkaerFault,
	EkaerFaultOptions,
	EkaerEndpoint,
	EkaerStats,
	EkaerTradeCard,
	EkaerTradeCardItem,
	EkaerXsdValidation,
	TradeCardStatus,
} from './types';
