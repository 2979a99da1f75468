/**
 * Typed model of the EKÁER TradeCardManagementService, XSD 2.1, in plain English.
 *
 * The wire names (tradeType E/I/D, productVtsz, vehicle2, transportLincense …) are mapped exactly once: in the
 * builders (protocol/build*.ts) and the parser (protocol/parse*.ts). Everything above the protocol layer uses these
 * types only.
 */

/** E = export (HU → EU), I = import (EU → HU), D = domestic first taxable supply. */
export type TradeType = 'export' | 'import' | 'domestic';

/** S = sale/purchase, A = own goods (withdrawn by NAV, still in the schema), W = contract work, O = other. */
export type TradeReason = 'sale' | 'ownGoods' | 'contractWork' | 'other';

/** What to do with one item on modify/correction. NAV requires it on every item since request version 1.9. */
export type ItemOperation = 'create' | 'modify' | 'delete';

/** N = normal (default), S = simplified (no items). */
export type TradeCardKind = 'normal' | 'simplified';

/** P planned → S started (on route) → F finalized; I inactive (not closed in time); D deleted. */
export type TradeCardStatus = 'planned' | 'started' | 'finalized' | 'inactive' | 'deleted';
export type TradeCardStatusCode = 'P' | 'S' | 'F' | 'I' | 'D';

export type OperationName = 'create' | 'modify' | 'delete' | 'finalize' | 'correction';

export type FuncCode = 'OK' | 'WARNING' | 'ERROR';

/** A calendar date, `YYYY-MM-DD` (xs:date). */
export type CalendarDate = string;

/**
 * A point in time (sent as xs:dateTime with an explicit offset) or a date without time (the `…DateOnly` elements).
 * A `Date` instance means date-time; a `YYYY-MM-DD` string means date only.
 */
export type DateOrDateTime = Date | CalendarDate;

/** Seller or destination company as declared on the card (sellerName/sellerVatNumber/… on the wire). */
export interface Party {
	name?: string;
	/** HU: the 8-digit base of the tax number; others: `[0-9A-Z-]{1,15}`. */
	vatNumber?: string;
	/** ISO 3166 alpha-2, e.g. HU, DE. */
	country?: string;
	/** One line, ≤ 200 characters. */
	address?: string;
}

export interface GpsPosition {
	latitude: number;
	longitude: number;
}

/** Load or unload place (LocationType). */
export interface Location {
	name?: string;
	vatNumber?: string;
	/** `+36…` / `0036…` / `06…`, digits only. */
	phone?: string;
	email?: string;
	country?: string;
	postalCode?: string;
	city?: string;
	street?: string;
	/** utca, út, tér … */
	streetType?: string;
	streetNumber?: string;
	/** Land registry lot number (helyrajzi szám), instead of street + number. */
	lotNumber?: string;
	gps?: GpsPosition;
}

export interface Vehicle {
	/** Normalised before sending: upper case, spaces and dashes removed. */
	plateNumber: string;
	/** Nationality sign, 1–3 letters (e.g. H, SK, D). */
	country?: string;
}

/** Reasons NAV asks for when a started card's item is changed. */
export interface ItemChangeReasons {
	value?: string;
	weight?: string;
	status?: string;
	product?: string;
}

export interface TradeCardItem {
	/** Server item id: only on modify/correction for existing items; never on create. */
	id?: string;
	/** Your own key (≤ 50) to match items in the answer. */
	externalId?: string;
	itemOperation?: ItemOperation;
	tradeReason: TradeReason;
	/** VTSZ (customs tariff) code, 8 digits. */
	productCode: string;
	productName: string;
	/** productVtszGroupName: filled by the server, may be sent back. */
	productGroupName?: string;
	/** UN numbers of dangerous goods, digits, commas and dots. */
	adrNumber?: string;
	transportLicense?: string;
	/** Gross weight in kg, up to 3 decimals. */
	weightKg: number;
	/** Value in HUF, positive integer of at most 11 digits (mandatory since 2021). */
	valueHuf?: number;
	reasons?: ItemChangeReasons;
	factoryItemNumber?: string;
	importerItemNumber?: string;
	expirationDate?: CalendarDate;
	batchNumber?: string;
	/** Claim the 5 %-VAT security exemption (2.1). */
	vatRateAssuranceExemption?: boolean;
}

export interface DeliveryPlan {
	/** Server id of an existing plan (modify). */
	id?: string;
	items: TradeCardItem[];
	loadLocation?: Location;
	unloadLocation?: Location;
	destinationCompanyIdentical?: boolean;
	saveLoadLocation?: boolean;
	saveUnloadLocation?: boolean;
	externalId?: string;
}

/** Fields shared by what we send (TradeCard) and what we get back (TradeCardInfo). */
export interface TradeCardFields {
	orderNumber?: string;
	tradeType: TradeType;
	/** false = recipient's declaration (abolished in 2021). Wire default: true. */
	sellerDelivery?: boolean;
	/** Lets the carrier edit vehicle data. Required on the wire. */
	modifiableByCarrier: boolean;
	/** The carrier's EKÁER id; never together with carrierText. */
	carrier?: string;
	carrierText?: string;
	intermodal?: boolean;
	destinationCompanyIdentical?: boolean;
	seller: Party;
	destination: Party;
	loadLocation?: Location;
	saveLoadLocation?: boolean;
	unloadLocation?: Location;
	saveUnloadLocation?: boolean;
	/** Required when changing the vehicle of a started card. */
	plateNumberChangeReason?: string;
	vehicle?: Vehicle;
	trailer?: Vehicle;
	tradeCardType?: TradeCardKind;
	privateDelivery?: boolean;
}

/** A card as sent on create / modify / correction. Use deliveryPlans and/or items. */
export interface TradeCard extends TradeCardFields {
	/** EKÁER number: never on create, required on modify and correction. */
	tcn?: string;
	loadDate?: DateOrDateTime;
	items?: TradeCardItem[];
	deliveryPlans?: DeliveryPlan[];
}

export type TradeCardOperation =
	| { operation: 'create'; card: TradeCard }
	| { operation: 'modify'; card: TradeCard & { tcn: string } }
	/** Close the card (arrival report). `arrival` goes to the operation-level arrivalDate / arrivalDateOnly. */
	| { operation: 'finalize'; tcn: string; arrival: DateOrDateTime; reason?: string }
	/** `reason` goes to statusChangeModReasonText (required by NAV for started cards; we always require it). */
	| { operation: 'delete'; tcn: string; reason: string }
	/** Post-closing correction (import/domestic only, once): plate number/country, item values and weights. */
	| { operation: 'correction'; card: TradeCard & { tcn: string } };

export interface TradeCardQueryByTcn {
	tcn: string;
}

/** Query by insert (creation) time; the service accepts at most a ~30-day range per request. */
export interface TradeCardQueryParams {
	insertedFrom: Date;
	insertedTo: Date;
	orderNumber?: string;
	tradeType?: TradeType;
	status?: TradeCardStatus;
	plateNumber?: string;
	sellerVatNumber?: string;
	destinationVatNumber?: string;
	/** 1–1000, wire default 1000. */
	maxRows?: number;
}

export type TradeCardQuery = TradeCardQueryByTcn | TradeCardQueryParams;

/** Filters of queryAll (everything of TradeCardQueryParams except the range and the page size). */
export type TradeCardQueryFilters = Omit<TradeCardQueryParams, 'insertedFrom' | 'insertedTo' | 'maxRows'>;

// ---------------------------------------------------------------------------------------------------------------
// Results

export interface TradeCardItemInfo extends TradeCardItem {
	insertedAt?: string;
	insertedBy?: string;
	modifiedAt?: string;
	modifiedBy?: string;
}

export interface DeliveryPlanInfo extends Omit<DeliveryPlan, 'items'> {
	items: TradeCardItemInfo[];
}

export interface Allowance {
	valueHuf: number;
	dueDate: CalendarDate;
}

/** A card as returned by the service. Dates stay as the service wrote them (ISO text). */
export interface TradeCardInfo extends TradeCardFields {
	tcn: string;
	status: TradeCardStatus;
	statusCode: TradeCardStatusCode;
	/** loadDate or loadDateOnly as sent back. */
	loadDate?: string;
	/** arrivalDate or arrivalDateOnly as sent back (set by finalize). */
	arrivalDate?: string;
	statusChangeReason?: string;
	unloadReporter?: 'seller' | 'destination';
	items: TradeCardItemInfo[];
	deliveryPlans: DeliveryPlanInfo[];
	/** The declarant's tax number, set by the server. */
	declarantVatNumber?: string;
	taxIdentifier?: string;
	totalWeightKg?: number;
	totalValueHuf?: number;
	/** HUF risk security locked for this card. */
	totalAssuranceLockedHuf?: number;
	finalizationDate?: CalendarDate;
	insertedAt?: string;
	validityStart?: CalendarDate;
	validityEnd?: CalendarDate;
	insertedBy?: string;
	modifiedBy?: string;
	modifiedAt?: string;
	allowances: Allowance[];
}

export interface NavValidation {
	code: string;
	message?: string;
}

/** One tradeCardOperation's result, matched back to the input by `index`. */
export interface OperationOutcome {
	/** 1-based position in the input array (the wire index). */
	index: number;
	operation: OperationName;
	/** funcCode OK or WARNING. */
	ok: boolean;
	funcCode: FuncCode;
	reasonCode: string;
	/** The service's own text (usually Hungarian), verbatim. */
	message?: string;
	/** English meaning of reasonCode. */
	explanation?: string;
	tradeCard?: TradeCardInfo;
	validations: NavValidation[];
	/** Warning reason codes (e.g. TC_VAT_NUMBER_WARN). */
	warnings: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Request envelope

export interface RequestHeader {
	/** `[+a-zA-Z0-9_/=]{1,50}`, unique per taxpayer forever (see signature.ts newRequestId). */
	requestId: string;
	/** Sent with an explicit offset and signed as UTC yyyyMMddHHmmss; fractional seconds are dropped. */
	timestamp: Date;
}

/** Who sends. The builder signs with signingKey; neither it nor passwordHash may appear in errors or logs. */
export interface RequestUser {
	user: string;
	/** Uppercase hex SHA-512 of the password (signature.ts passwordHash). */
	passwordHash: string;
	/** The taxpayer whose cards are managed (8-digit HU tax number base). */
	vatNumber: string;
	signingKey: string;
}
