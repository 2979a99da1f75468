/**
 * Recognising the service's repeats: Számlázz.hu sends the same notification again every 3 minutes, 10 times, until it
 * gets HTTP 200, so a slow or lost answer means the same post arrives again (szamla-agent.md §8). A notification is
 * identified by invoice number and paid amount (the amounts are a snapshot: a later payment changes the paid amount).
 *
 * Two layers, both bounded in time and size:
 * - an in-process map per trigger node, which also holds posts still being checked, so two copies arriving together
 *   cannot both pass;
 * - a plain object the node keeps in its workflow static data (n8n saves it after each webhook call), so a restart
 *   inside the retry window does not forget what was emitted.
 * Pure: no n8n imports; the clock is injectable.
 */

export interface RepeatOptions {
	/** How long an emitted notification is remembered. At least the service's retry window (10 × 3 min). */
	windowMs: number;
	/** Most notifications remembered per trigger node; the oldest are forgotten first. */
	maxEntries: number;
	now?: () => number;
}

/** What the node keeps in static data: key → epoch ms of the emit. */
export type PersistedRepeats = Record<string, number>;

export const RETRY_WINDOW_MS = 30 * 60 * 1000;
export const DEFAULT_REPEAT_OPTIONS: RepeatOptions = { windowMs: 2 * RETRY_WINDOW_MS, maxEntries: 1000 };

export function repeatKey(invoiceNumber: string, paidAmount: number | null | undefined): string {
	return `${invoiceNumber}|${paidAmount === null || paidAmount === undefined ? '?' : paidAmount.toFixed(2)}`;
}

export class RepeatMemory {
	/** key → emit time; Map keeps insertion order, so the first entries are the oldest. */
	private readonly emitted = new Map<string, number>();
	private readonly inFlight = new Set<string>();
	private readonly now: () => number;

	constructor(private readonly options: RepeatOptions) {
		this.now = options.now ?? Date.now;
	}

	/** Already emitted (here or, per `persisted`, before a restart) or being checked right now. */
	has(key: string, persisted?: PersistedRepeats): boolean {
		if (this.inFlight.has(key)) return true;
		const cutoff = this.now() - this.options.windowMs;
		const here = this.emitted.get(key);
		if (here !== undefined && here > cutoff) return true;
		const there = persisted?.[key];
		return typeof there === 'number' && there > cutoff;
	}

	/** Claim a key while its post is checked; false when it is a repeat. Synchronous, so concurrent posts cannot both win. */
	claim(key: string, persisted?: PersistedRepeats): boolean {
		if (this.has(key, persisted)) return false;
		this.inFlight.add(key);
		return true;
	}

	/** The check ended without an emit (contradicted, or to be retried): a later copy is judged afresh. */
	release(key: string): void {
		this.inFlight.delete(key);
	}

	/** Emitted: remember the keys in both layers and forget what is too old or too many. */
	remember(keys: string[], persisted?: PersistedRepeats): void {
		const at = this.now();
		for (const key of keys) {
			this.inFlight.delete(key);
			this.emitted.delete(key);
			this.emitted.set(key, at);
			if (persisted) persisted[key] = at;
		}
		this.prune(persisted);
	}

	private prune(persisted?: PersistedRepeats): void {
		const cutoff = this.now() - this.options.windowMs;
		for (const [key, at] of this.emitted) {
			if (at > cutoff && this.emitted.size <= this.options.maxEntries) break;
			this.emitted.delete(key);
		}
		if (!persisted) return;
		const kept = Object.entries(persisted)
			.filter(([, at]) => typeof at === 'number' && at > cutoff)
			.sort((a, b) => a[1] - b[1])
			.slice(-this.options.maxEntries);
		for (const key of Object.keys(persisted)) delete persisted[key];
		for (const [key, at] of kept) persisted[key] = at;
	}

	/** Entries held in memory (tests: the bound holds). */
	get size(): number {
		return this.emitted.size;
	}
}

/** One memory per trigger node in this process (workflow id + node id), created on first use. */
const memories = new Map<string, RepeatMemory>();

export function repeatMemoryFor(scope: string, options: RepeatOptions = DEFAULT_REPEAT_OPTIONS): RepeatMemory {
	let memory = memories.get(scope);
	if (!memory) {
		memory = new RepeatMemory(options);
		memories.set(scope, memory);
	}
	return memory;
}
