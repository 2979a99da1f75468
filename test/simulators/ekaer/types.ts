/** Public types of the EKÁER simulator. */

export interface EkaerUser {
	user: string;
	password: string;
	signingKey: string;
	/** The taxpayer's 8-digit Hungarian tax number (the request's user/VATNumber). */
	vatNumber: string;
}

export type EkaerXsdValidation = 'all' | 'new-shapes' | 'off';

export interface EkaerSimulatorOptions {
	users?: EkaerUser[];
	/** 0 (default) = random free port. */
	port?: number;
	/** Delay per HTTP request to an operation endpoint. */
	requestMs?: number;
	/** Extra delay per tradeCardOperation in a batch. */
	perOperationMs?: number;
	/** Allowed distance between header/timestamp and the clock; default 10 minutes. */
	maxTimestampSkewMs?: number;
	/** Longest insertFromDate..insertToDate window of one query; default 30 days. */
	maxQueryRangeDays?: number;
	/** More tradeCardOperations than this in one request → INVALID_REQUEST; default 100. */
	maxOperationsPerRequest?: number;
	/** Default 'new-shapes': libxml2 once per document shape, JavaScript facet checks for the values otherwise. */
	xsdValidation?: EkaerXsdValidation;
	/** Clock used for signature skew, TCN dates, validity and future-arrival rules. */
	now?: () => Date;
	/** Sees every request body to an operation endpoint as it arrived (tests compare what a client sent). */
	onRequest?: (endpoint: EkaerEndpoint, xml: string) => void;
}

export type EkaerFault =
	/** HTTP 500 technicalFault after processing started (outcome unknown). */
	| 'technical-fault-500'
	/** HTTP 500 technicalFault of a request that could not be unmarshalled (nothing processed). */
	| 'unmarshal-fault-500'
	| 'html-page'
	| 'reset-after-processing'
	| 'reset-before-processing'
	| { slowMs: number };

export type EkaerEndpoint = 'manageTradeCards' | 'queryTradeCards';

export interface EkaerFaultOptions {
	/** How many matching requests the fault hits; default 1. */
	times?: number;
	/** Only requests to this endpoint; default both. */
	operation?: EkaerEndpoint;
}

export type TradeCardStatus = 'P' | 'S' | 'F' | 'I' | 'D';

export interface EkaerTradeCardItem {
	id: string;
	/** Server id of the delivery plan holding the item; undefined for legacy card-level items. */
	planId?: string;
	itemExternalId?: string;
	tradeReason: string;
	productVtsz: string;
	productName: string;
	weight: string;
	value?: string;
}

/** Read-only view of a stored trade card, for assertions. */
export interface EkaerTradeCard {
	readonly tcn: string;
	readonly vatNumber: string;
	readonly status: TradeCardStatus;
	readonly tradeType: string;
	readonly orderNumber?: string;
	readonly plateNumber?: string;
	/** The trailer's (vehicle2) plate number. */
	readonly trailerPlateNumber?: string;
	readonly items: EkaerTradeCardItem[];
	readonly deliveryPlanIds: string[];
	readonly totalWeight: number;
	readonly totalValue: number;
	readonly insDate: string;
	readonly insUser: string;
	readonly modDate?: string;
	readonly modUser?: string;
	readonly tcnValidityStart: string;
	readonly tcnValidityEnd: string;
	readonly finalizationTime?: string;
	readonly arrivalDate?: string;
	readonly corrected: boolean;
	readonly statusChangeModReasonText?: string;
	/** Card-level simple fields as stored (wire names), e.g. sellerVatNumber, loadDate. */
	readonly fields: Readonly<Record<string, string>>;
}

export interface EkaerStats {
	/** HTTP requests to the two operation endpoints (admin and 404 requests not counted). */
	requests: number;
	/** tradeCardOperations processed after the request passed the header checks. */
	operations: number;
	/** Per endpoint ('manageTradeCards', 'queryTradeCards') and per operation ('create', 'modify', ...). */
	byOperation: Record<string, number>;
	rejectedSignatures: number;
	/** libxml2 runs. */
	xsdValidations: number;
}

export interface EkaerSimulator {
	/** http://127.0.0.1:PORT/TradeCardManagementService/customer/ — append the operation name. */
	baseUrl: string;
	stats: EkaerStats;
	tradeCards: ReadonlyMap<string, EkaerTradeCard>;
	/** Every requestId accepted so far (uniqueness is enforced per taxpayer). */
	requestIds: ReadonlySet<string>;
	injectFault(fault: EkaerFault, opts?: EkaerFaultOptions): void;
	/** Forget cards, request ids, stats and pending faults (the schema shape cache survives: it only saves time). */
	reset(): void;
	close(): Promise<void>;
}
