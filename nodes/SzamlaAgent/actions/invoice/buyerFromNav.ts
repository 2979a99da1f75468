/**
 * "Fill Buyer From NAV": the buyer fields left empty are filled from NAV's taxpayer record before anything is sent.
 *
 * One look-up per tax number and credential per execution (a sheet of 500 rows for 40 buyers makes 40, also when a loop
 * runs the node once per batch): the answers are kept per execution and credential (`lookupsFor`). The look-ups run in
 * the prepare phase, so an unknown tax number fails its item before any invoice is issued.
 */
import { createHash } from 'crypto';
import { InputError } from '../../../shared/errors';
import { buyerFromTaxpayer, taxNumberBase, type BuyerFromNav, type BuyerFromNavField } from '../../protocol/buyerFromTaxpayer';
import type { Buyer } from '../../protocol/types/createInvoice';
import type { TaxpayerResult } from '../../protocol/types/response';

export const BUYER_TAX_NUMBER_FIELD = 'Buyer Tax Number';

/** Queries NAV (through the Számla Agent) for one 8-digit base number. */
export type QueryTaxpayer = (taxNumberBase: string) => Promise<TaxpayerResult>;

/** The buyer as the user gave it, with empty strings where a field was left empty. */
export type BuyerInput = Omit<Buyer, 'name' | 'postalCode' | 'city' | 'address'> & {
	name?: string;
	postalCode?: string;
	city?: string;
	address?: string;
};

export interface FilledBuyer {
	buyer: Buyer;
	/** The buyer fields NAV supplied (the user's own values win), e.g. ['name', 'postalCode', 'city', 'address']. */
	fromNav: BuyerFromNavField[];
}

/** Required by the invoice: filled from NAV when empty, else the user must give them. */
const REQUIRED: Array<{ key: 'name' | 'postalCode' | 'city' | 'address'; field: string }> = [
	{ key: 'name', field: 'Buyer Name' },
	{ key: 'postalCode', field: 'Buyer Postal Code' },
	{ key: 'city', field: 'Buyer City' },
	{ key: 'address', field: 'Buyer Address' },
];

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export type TaxpayerLookups = Map<string, Promise<TaxpayerResult>>;

/** Executions whose answers are kept; an execution runs its node runs close together, so a few suffice. */
const KEPT_EXECUTIONS = 20;
const lookupsByExecution = new Map<string, TaxpayerLookups>();

/**
 * The look-ups of one execution and credential (`who`: the agent key or username, hashed here so no secret is a map
 * key). Without an execution id (some test contexts) every node run starts afresh.
 */
export function lookupsFor(executionId: string | undefined, who: string): TaxpayerLookups {
	if (!executionId) return new Map();
	const key = `${executionId}|${createHash('sha256').update(who, 'utf8').digest('hex')}`;
	let lookups = lookupsByExecution.get(key);
	if (!lookups) {
		lookups = new Map();
		lookupsByExecution.set(key, lookups);
		// Map order is insertion order: drop the oldest execution.
		if (lookupsByExecution.size > KEPT_EXECUTIONS) lookupsByExecution.delete(lookupsByExecution.keys().next().value as string);
	}
	return lookups;
}

/** Fills buyers of one node run from NAV: call `fill` for each item. */
export class NavBuyerFiller {
	constructor(
		private readonly query: QueryTaxpayer,
		private readonly lookups: TaxpayerLookups = new Map(),
	) {}

	/** Number of distinct tax numbers looked up so far. */
	get lookupCount(): number {
		return this.lookups.size;
	}

	async fill(input: BuyerInput, taxNumber: string): Promise<FilledBuyer> {
		const base = taxNumberBase(taxNumber);
		if (!base) throw new InputError(BUYER_TAX_NUMBER_FIELD, `must be 8 digits (or 11, as 12345678-1-42), got "${taxNumber}"`);
		const nav = buyerFromTaxpayer(await this.lookup(base), taxNumber);
		if (!nav) throw new InputError(BUYER_TAX_NUMBER_FIELD, `NAV has no valid taxpayer ${base}`);
		const buyer: Record<string, unknown> = { ...input };
		const fromNav: BuyerFromNavField[] = [];
		for (const key of Object.keys(nav) as Array<keyof BuyerFromNav>) {
			if (!empty(buyer[key])) continue;
			buyer[key] = nav[key];
			fromNav.push(key);
		}
		for (const { key, field } of REQUIRED) {
			if (empty(buyer[key])) throw new InputError(field, `is required: NAV's record of ${base} has none, so give it yourself`);
		}
		return { buyer: buyer as unknown as Buyer, fromNav };
	}

	private lookup(base: string): Promise<TaxpayerResult> {
		let pending = this.lookups.get(base);
		if (!pending) {
			pending = this.query(base);
			// A failed look-up (network, maintenance) is not remembered: the next item with this buyer asks again.
			void pending.catch(() => this.lookups.delete(base));
			this.lookups.set(base, pending);
		}
		return pending;
	}
}
