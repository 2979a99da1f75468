/** Options with defaults applied, plus the context every operation handler receives. */
import type { SzamlaAccount, SzamlaSimulatorOptions, SzamlaStats, TaxpayerInfo } from './types';
import type { DocumentStore } from './store';
import type { XmlNode } from './xml';

export const DEFAULT_AGENT_KEY = 'test-agent-key-000000000000000000000000000';

export interface SimConfig {
	accounts: SzamlaAccount[];
	port: number;
	loginCostMs: number;
	requestMs: number;
	sessionIdleMs: number;
	xsdValidation: 'all' | 'new-shapes' | 'off';
	forbidOrderNumberRepetition: boolean;
	stallMs: number;
	registeredPrefixes: string[];
	pdfBytes: number;
	taxpayers: Record<string, TaxpayerInfo>;
	receiptMailGapMs: number;
}

export const DEFAULT_TAXPAYERS: Record<string, TaxpayerInfo> = {
	// The vendor sample's company, answered in the sample's own namespace style.
	'13421739': {
		name: 'KBOSS.HU KERESKEDELMI ÉS SZOLGÁLTATÓ KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG',
		vatCode: '2',
		countyCode: '41',
		address: { countryCode: 'HU', postalCode: '1031', city: 'BUDAPEST', streetName: 'ZÁHONY', publicPlaceCategory: 'UTCA', number: '7.' },
		prefixStyle: 'default-ns',
	},
	// A made-up company answered with explicit prefixes everywhere.
	'12345676': {
		name: 'PRÓBA KERESKEDELMI KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG',
		vatCode: '2',
		countyCode: '42',
		address: { countryCode: 'HU', postalCode: '1086', city: 'BUDAPEST', streetName: 'SZERDAHELYI', publicPlaceCategory: 'UTCA', number: '4-8.' },
		prefixStyle: 'prefixed',
	},
	// Known to NAV but no longer valid (e.g. deleted tax number).
	'87654321': { name: 'MEGSZŰNT BETÉTI TÁRSASÁG', vatCode: '1', countyCode: '13', valid: false, prefixStyle: 'default-ns' },
};

export function resolveConfig(o: SzamlaSimulatorOptions = {}): SimConfig {
	return {
		accounts: o.accounts?.length ? o.accounts.map((a) => ({ ...a })) : [{ agentKey: DEFAULT_AGENT_KEY, name: 'Teszt Kft.', taxNumber: '12345676-2-42' }],
		port: o.port ?? 0,
		loginCostMs: o.loginCostMs ?? 0,
		requestMs: o.requestMs ?? 0,
		sessionIdleMs: o.sessionIdleMs ?? 90 * 60 * 1000,
		xsdValidation: o.xsdValidation ?? 'new-shapes',
		forbidOrderNumberRepetition: o.forbidOrderNumberRepetition ?? false,
		stallMs: o.stallMs ?? 57_000,
		registeredPrefixes: o.registeredPrefixes ?? ['TST', 'E2E'],
		pdfBytes: o.pdfBytes ?? 2048,
		taxpayers: { ...DEFAULT_TAXPAYERS, ...(o.taxpayers ?? {}) },
		receiptMailGapMs: o.receiptMailGapMs ?? 15_000,
	};
}

/** What an operation handler gets: the authenticated account, the parsed request and the shared state. */
export interface OpContext {
	config: SimConfig;
	store: DocumentStore;
	accountIndex: number;
	account: SzamlaAccount;
	tree: XmlNode;
	/** sha256 of the raw XML bytes (for the byte-identical resend rule). */
	rawHash: string;
	attachments: number;
	/** Today in Europe/Budapest-agnostic ISO form (the simulator uses the local date). */
	today: string;
	/** Injected 'mail-failed-56' applies to this request. */
	mailFails: boolean;
	stats: SzamlaStats;
}

/** The account's "Disable order number repetition" setting, or the simulator-wide default. */
export function forbidsOrderNumberRepetition(ctx: OpContext): boolean {
	return ctx.account.forbidOrderNumberRepetition ?? ctx.config.forbidOrderNumberRepetition;
}

export function todayIso(d = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
