/**
 * The simple-type facets of ekaermanagement.xsd / common.xsd (version 2.1), checked in JavaScript.
 *
 * Why: xmllint-wasm costs ~200 ms per call, too slow for a benchmark target. In 'new-shapes' mode the structure of a
 * document is validated by libxml2 once per shape, and these rules stand in for libxml2 on the leaf values of later
 * documents with the same shape. A leaf without a rule here makes the gate fall back to libxml2, so a gap in this table
 * costs time, never strictness.
 */
import type { XmlElement } from './tree';

export type ValueKind = 'string' | 'bool' | 'dateTime' | 'date' | 'decimal' | 'int';

export interface ValueRule {
	kind: ValueKind;
	/** Returns a libxml2-style complaint, or undefined when the value is valid. */
	check(value: string): string | undefined;
}

interface StringFacets {
	min?: number;
	max?: number;
	pattern?: string;
	enumeration?: string[];
}

function str(facets: StringFacets): ValueRule {
	const regex = facets.pattern === undefined ? undefined : new RegExp(`^(?:${facets.pattern})$`, 'u');
	return {
		kind: 'string',
		check(value) {
			const length = [...value].length;
			if (facets.enumeration && !facets.enumeration.includes(value))
				return `[facet 'enumeration'] The value '${value}' is not an element of the set {'${facets.enumeration.join("', '")}'}.`;
			if (facets.min !== undefined && length < facets.min)
				return `[facet 'minLength'] The value '${value}' has a length of '${length}'; this underruns the allowed minimum length of '${facets.min}'.`;
			if (facets.max !== undefined && length > facets.max)
				return `[facet 'maxLength'] The value '${value}' has a length of '${length}'; this exceeds the allowed maximum length of '${facets.max}'.`;
			if (regex && !regex.test(value))
				return `[facet 'pattern'] The value '${value}' is not accepted by the pattern '${facets.pattern}'.`;
			return undefined;
		},
	};
}

const DATE_TIME = /^-?(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^-?(\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validZone(zone: string | undefined): boolean {
	if (!zone || zone === 'Z') return true;
	const hours = Number(zone.slice(1, 3));
	const minutes = Number(zone.slice(4, 6));
	return minutes < 60 && hours * 60 + minutes <= 14 * 60;
}

function validDateTimeLexical(value: string): boolean {
	const m = DATE_TIME.exec(value);
	if (!m) return false;
	const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
	if (minute > 59 || second > 59 || hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || (m[7] && /[1-9]/.test(m[7]))))) return false;
	return validZone(m[8]);
}

const dateTimeRule: ValueRule = {
	kind: 'dateTime',
	check: (value) => (validDateTimeLexical(value) ? undefined : `'${value}' is not a valid value of the atomic type 'xs:dateTime'.`),
};

const dateRule: ValueRule = {
	kind: 'date',
	check(value) {
		const m = DATE.exec(value);
		const ok = m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2])) && validZone(m[4]);
		return ok ? undefined : `'${value}' is not a valid value of the atomic type 'xs:date'.`;
	},
};

/** common:TimestampType: dateTime with a mandatory zone, not before 2010-01-01T00:00:00+01:00. */
const timestampRule: ValueRule = {
	kind: 'dateTime',
	check(value) {
		const base = dateTimeRule.check(value);
		if (base) return base;
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.[\d]+)?(([+-]\d{2}:\d{2})|Z)$/.test(value))
			return `[facet 'pattern'] The value '${value}' is not accepted by the pattern '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.[\\d]+)?(([\\+\\-]\\d{2}:\\d{2})|Z)'.`;
		if (Date.parse(value) < Date.parse('2010-01-01T00:00:00+01:00'))
			return `[facet 'minInclusive'] The value '${value}' is less than the minimum value allowed ('2010-01-01T00:00:00+01:00').`;
		return undefined;
	},
};

const boolRule: ValueRule = {
	kind: 'bool',
	check: (value) => (['true', 'false', '1', '0'].includes(value) ? undefined : `'${value}' is not a valid value of the atomic type 'xs:boolean'.`),
};

interface DecimalFacets {
	minInclusive?: number;
	minExclusive?: number;
	maxInclusive?: number;
	maxExclusive?: number;
	totalDigits?: number;
	fractionDigits?: number;
	integer?: boolean;
}

function decimal(facets: DecimalFacets): ValueRule {
	return {
		kind: facets.integer ? 'int' : 'decimal',
		check(value) {
			const lexical = facets.integer ? /^[+-]?\d+$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
			if (!lexical.test(value)) return `'${value}' is not a valid value of the atomic type '${facets.integer ? 'xs:integer' : 'xs:decimal'}'.`;
			const unsigned = value.replace(/^[+-]/, '');
			const [intPart, fracPart = ''] = unsigned.split('.');
			const fraction = fracPart.replace(/0+$/, '');
			const integerDigits = intPart.replace(/^0+/, '').length;
			const n = Number(value);
			if (facets.fractionDigits !== undefined && fraction.length > facets.fractionDigits)
				return `[facet 'fractionDigits'] The value '${value}' has more fractional digits than are allowed ('${facets.fractionDigits}').`;
			if (facets.totalDigits !== undefined && integerDigits + fraction.length > facets.totalDigits)
				return `[facet 'totalDigits'] The value '${value}' has more digits than are allowed ('${facets.totalDigits}').`;
			if (facets.minInclusive !== undefined && n < facets.minInclusive)
				return `[facet 'minInclusive'] The value '${value}' is less than the minimum value allowed ('${facets.minInclusive}').`;
			if (facets.minExclusive !== undefined && n <= facets.minExclusive)
				return `[facet 'minExclusive'] The value '${value}' must be greater than '${facets.minExclusive}'.`;
			if (facets.maxInclusive !== undefined && n > facets.maxInclusive)
				return `[facet 'maxInclusive'] The value '${value}' is greater than the maximum value allowed ('${facets.maxInclusive}').`;
			if (facets.maxExclusive !== undefined && n >= facets.maxExclusive)
				return `[facet 'maxExclusive'] The value '${value}' must be less than '${facets.maxExclusive}'.`;
			return undefined;
		},
	};
}

// common.xsd simple types
const TCN = str({ pattern: '[A-Z0-9]{2,20}' });
const VAT = str({ pattern: '[0-9A-Z\\-]{1,15}' });
const COUNTRY = str({ min: 1, max: 2, pattern: '[A-Z]{1,2}' });
const LOCATION_COUNTRY = str({ min: 2, max: 2, pattern: '[A-Z]{1,2}' });
const VEHICLE_COUNTRY = str({ min: 1, max: 3, pattern: '[A-Z]{1,3}' });
const PLATE = str({ min: 4, pattern: '[A-Z0-9ÖŐÜŰ]{4,15}' });
const USER_NAME = str({ max: 30, pattern: '[a-zA-Z0-9\\-@\\.]{6,30}' });
const HASH = str({ min: 128, max: 128, pattern: '[0-9A-Za-z]{128}' });
const text = (max: number, min?: number) => str({ max, min });
const TRADE_TYPE = str({ enumeration: ['E', 'D', 'I'] });
const GPS = decimal({ totalDigits: 18, fractionDigits: 14, maxExclusive: 10_000 }) // the XSD's 9999.99999999999999, which a double reads as 10000;

const LOCATION_FIELDS: Record<string, ValueRule> = {
	name: text(200),
	VATNumber: VAT,
	phone: str({ pattern: '(((\\+)|(00))[0-9]{8,14})|(06[0-9]{1,2}[0-9]{6,7})' }),
	email: str({ max: 100, pattern: '[A-Za-z0-9._%\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,4}' }),
	country: LOCATION_COUNTRY,
	zipCode: str({ min: 2, max: 10, pattern: '([A-Z0-9 \\-]{2,10})|()' }),
	city: text(50, 1),
	street: text(150, 1),
	streetType: text(50),
	streetNumber: text(10),
	lotNumber: str({ min: 3, max: 15 }),
};

/** Keyed by local name, or `parent/local` where the same name has different types in different places. */
const RULES: Record<string, ValueRule> = {
	// header / user
	requestId: str({ max: 50, pattern: '[+a-zA-Z0-9_/=]{1,50}' }),
	timestamp: dateTimeRule,
	requestVersion: str({ enumeration: ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '2.0', '2.1'] }),
	headerVersion: str({ min: 3, max: 6, pattern: '[0-9]{1,2}\\.[0-9]{1,3}' }),
	'user/user': USER_NAME,
	passwordHash: HASH,
	'user/VATNumber': VAT,
	requestSignature: HASH,
	// tradeCardOperation
	index: decimal({ integer: true, minInclusive: -2147483648, maxInclusive: 2147483647 }),
	operation: str({ enumeration: ['create', 'modify', 'delete', 'finalize', 'correction'] }),
	tcn: TCN,
	arrivalDate: timestampRule,
	arrivalDateOnly: dateRule,
	statusChangeModReasonText: text(200),
	// trade card
	orderNumber: text(50),
	tradeType: TRADE_TYPE,
	isSellerDelivery: boolRule,
	modByCarrierEnabled: boolRule,
	carrier: text(30),
	carrierText: text(200),
	isIntermodal: boolRule,
	isDestinationCompanyIdentical: boolRule,
	sellerName: text(200),
	sellerVatNumber: VAT,
	sellerCountry: COUNTRY,
	sellerAddress: text(200),
	destinationName: text(200),
	destinationVatNumber: VAT,
	destinationCountry: COUNTRY,
	destinationAddress: text(200),
	unloadReporter: str({ enumeration: ['S', 'D'] }),
	saveLoadLocation: boolRule,
	saveUnloadLocation: boolRule,
	plateNumberModReasonText: text(200),
	plateNumber: PLATE,
	'vehicle/country': VEHICLE_COUNTRY,
	'vehicle2/country': VEHICLE_COUNTRY,
	loadDate: timestampRule,
	loadDateOnly: dateRule,
	tradeCardType: str({ enumeration: ['S', 'N'] }),
	isPrivateDelivery: boolRule,
	externalId: text(50),
	latitude: GPS,
	longitude: GPS,
	// items
	itemExternalId: text(50),
	itemOperation: str({ enumeration: ['create', 'modify', 'delete'] }),
	tradeReason: str({ enumeration: ['S', 'A', 'W', 'O'] }),
	productVtsz: str({ pattern: '[0-9]{4,8}' }),
	productName: str({ min: 1, max: 200 }),
	productVtszGroupName: text(1000),
	adrNumber: str({ pattern: '[0-9,\\.]{1,200}' }),
	transportLincense: text(30),
	weight: decimal({ minInclusive: 0, maxExclusive: 1000000000, totalDigits: 12, fractionDigits: 3 }),
	value: decimal({ minExclusive: 0, fractionDigits: 0, totalDigits: 11 }),
	valueModReasonText: text(200),
	weightModReasonText: text(200),
	factoryItemNumber: text(200),
	importerItemNumber: text(200),
	expirationDate: dateRule,
	batchNumber: str({ min: 3, max: 30 }),
	statusModReasonText: text(200),
	productModReasonText: text(200),
	vatRateAssuranceExemption: boolRule,
	insDate: dateTimeRule,
	insUser: USER_NAME,
	modDate: dateTimeRule,
	modUser: USER_NAME,
	// queryParams
	insertFromDate: dateTimeRule,
	insertToDate: dateTimeRule,
	status: str({ enumeration: ['P', 'S', 'F', 'I', 'D'] }),
	maxRowNum: decimal({ integer: true, minInclusive: 1, maxInclusive: 1000 }),
};
for (const [name, rule] of Object.entries(LOCATION_FIELDS)) {
	RULES[`loadLocation/${name}`] = rule;
	RULES[`unloadLocation/${name}`] = rule;
}

/** Attribute rules: item and delivery plan @id are common:CommonIdType. */
const ATTRIBUTE_RULES: Record<string, ValueRule> = { id: text(30) };

export function ruleFor(parent: string, local: string): ValueRule | undefined {
	return RULES[`${parent}/${local}`] ?? (local === 'country' || local in LOCATION_FIELDS ? undefined : RULES[local]);
}

/** xs:string keeps whitespace; every other built-in type collapses it before checking. */
export function normalizeLeaf(parent: string, local: string, raw: string): string {
	const rule = ruleFor(parent, local);
	return rule && rule.kind !== 'string' ? raw.trim() : raw;
}

export interface ValueCheckResult {
	/** false when some leaf or attribute has no rule: the caller must ask libxml2 instead. */
	complete: boolean;
	errors: string[];
}

export function checkLeafValues(root: XmlElement): ValueCheckResult {
	const result: ValueCheckResult = { complete: true, errors: [] };
	const visit = (el: XmlElement, parent: string) => {
		for (const a of el.attrs) {
			const rule = a.ns === '' ? ATTRIBUTE_RULES[a.local] : undefined;
			if (!rule) {
				result.complete = false;
				return;
			}
			const complaint = rule.check(a.value);
			if (complaint) result.errors.push(`Element '${el.local}', attribute '${a.local}': ${complaint}`);
		}
		if (el.children.length) {
			for (const c of el.children) {
				visit(c, el.local);
				if (!result.complete) return;
			}
			return;
		}
		const rule = ruleFor(parent, el.local);
		if (!rule) {
			// Empty complex elements (e.g. <items/>) are covered by the shape; unknown text is not.
			if (el.text !== '') result.complete = false;
			return;
		}
		const value = rule.kind === 'string' ? el.text : el.text.trim();
		const complaint = rule.check(value);
		if (complaint) result.errors.push(`Element '{${el.ns}}${el.local}': ${complaint}`);
	};
	visit(root, '');
	return result;
}
