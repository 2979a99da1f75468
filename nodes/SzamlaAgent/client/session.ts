/**
 * JSESSIONID store, keyed by credential fingerprint (see fingerprint.ts).
 *
 * Two layers:
 * - an in-process Map, so manual runs and parallel executions in the same n8n process share one server session;
 * - a caller-supplied plain object (the node passes `getWorkflowStaticData('global')`), which n8n saves with the
 *   workflow after production executions, so the session outlives the process: `szamlaAgentSessions[fingerprint] =
 *   { sealed, lastUsed }`.
 *
 * The cookie authenticates as the account, so it is a secret. Static data leaves n8n with every workflow export and
 * backup, so there it is kept only sealed (AES-256-GCM, key derived from the credential's secret; seal.ts): without
 * the credential nobody gets a live session out of it. An entry that does not open with this credential's key (another
 * key, a changed password, tampering) is dropped and the next call simply logs in. Entries of older versions, with the
 * cookie in plain text, are read once and rewritten sealed. The cookie never goes into results, errors or logs.
 */
import { seal, unseal, type SealKey } from './seal';

interface MemorySession {
	cookie: string;
	/** The cookie as last sealed into static data, so an unchanged cookie is not encrypted again on every answer. */
	sealed?: string;
	/** Epoch milliseconds of the last request that used or issued the cookie. */
	lastUsed: number;
}

/** What static data holds per fingerprint. */
export interface StoredSession {
	/** The cookie, sealed (seal.ts). */
	sealed: string;
	lastUsed: number;
}

export type SessionStaticData = Record<string, unknown>;

/** The server deletes a session after 90 minutes without a call (szamla-agent.md §4). */
export const SESSION_IDLE_MS = 90 * 60 * 1000;
const STATIC_KEY = 'szamlaAgentSessions';

export interface SessionStoreOptions {
	now?: () => number;
	idleMs?: number;
}

function staticSessions(staticData: SessionStaticData | undefined, create: boolean): Record<string, unknown> | undefined {
	if (!staticData) return undefined;
	const existing = staticData[STATIC_KEY];
	if (existing && typeof existing === 'object') return existing as Record<string, unknown>;
	if (!create) return undefined;
	const fresh: Record<string, unknown> = {};
	staticData[STATIC_KEY] = fresh;
	return fresh;
}

function nonEmpty(value: unknown): value is string {
	return typeof value === 'string' && value !== '';
}

export class SessionStore {
	private readonly memory = new Map<string, MemorySession>();
	private readonly logins = new Map<string, Promise<void>>();
	private readonly now: () => number;
	private readonly idleMs: number;

	constructor(options: SessionStoreOptions = {}) {
		this.now = options.now ?? Date.now;
		this.idleMs = options.idleMs ?? SESSION_IDLE_MS;
	}

	/**
	 * The freshest live cookie of either layer, or undefined (idle ones are dropped on the way). The static-data layer
	 * takes part only with the credential's `sealKey`; without it a sealed entry is left alone.
	 */
	get(fingerprint: string, staticData?: SessionStaticData, sealKey?: SealKey): string | undefined {
		const now = this.now();
		let best: MemorySession | undefined;
		const inMemory = this.memory.get(fingerprint);
		if (inMemory) {
			if (now - inMemory.lastUsed < this.idleMs) best = inMemory;
			else this.memory.delete(fingerprint);
		}
		const persisted = staticSessions(staticData, false);
		const stored = persisted?.[fingerprint] as Partial<StoredSession> & { cookie?: unknown } | undefined;
		if (!persisted || stored === undefined) return best?.cookie;
		const lastUsed = typeof stored?.lastUsed === 'number' ? stored.lastUsed : undefined;
		if (lastUsed === undefined || now - lastUsed >= this.idleMs || (!nonEmpty(stored.sealed) && !nonEmpty(stored.cookie))) {
			delete persisted[fingerprint];
			return best?.cookie;
		}
		// The memory copy is at least as fresh: no need to open the stored one.
		if (best && best.lastUsed >= lastUsed) return best.cookie;
		let cookie: string | undefined;
		if (nonEmpty(stored.sealed)) {
			if (!sealKey) return best?.cookie;
			cookie = unseal(stored.sealed, sealKey, fingerprint);
			if (cookie === undefined) {
				delete persisted[fingerprint]; // not ours to open: a fresh login, not an error
				return best?.cookie;
			}
		} else {
			// An entry from before sealing: use it once and never leave it in plain text.
			cookie = stored.cookie as string;
			if (sealKey) persisted[fingerprint] = { sealed: seal(cookie, sealKey, fingerprint), lastUsed } satisfies StoredSession;
			else delete persisted[fingerprint];
		}
		return cookie;
	}

	/**
	 * Record a cookie the server issued or accepted just now in memory and, sealed with `sealKey`, in static data.
	 * Without a key nothing is written to static data (the cookie never rests there in plain text).
	 */
	record(fingerprint: string, cookie: string, staticData?: SessionStaticData, sealKey?: SealKey): void {
		const lastUsed = this.now();
		const before = this.memory.get(fingerprint);
		const entry: MemorySession = { cookie, lastUsed };
		this.memory.set(fingerprint, entry);
		if (!sealKey) return;
		const persisted = staticSessions(staticData, true);
		if (!persisted) return;
		const stored = persisted[fingerprint] as Partial<StoredSession> | undefined;
		// Same cookie, and static data still holds what we sealed for it: only the time moves on.
		const sealed = before?.cookie === cookie && before.sealed !== undefined && stored?.sealed === before.sealed ? before.sealed : seal(cookie, sealKey, fingerprint);
		entry.sealed = sealed;
		persisted[fingerprint] = { sealed, lastUsed } satisfies StoredSession;
	}

	/** Forget the session (login error, or the caller wants a fresh login). */
	drop(fingerprint: string, staticData?: SessionStaticData): void {
		this.memory.delete(fingerprint);
		const persisted = staticSessions(staticData, false);
		if (persisted) delete persisted[fingerprint];
	}

	/**
	 * Parallel executions that start without a session would each make the server log in. The first one becomes the
	 * "login" call (it gets `finishLogin`, to call when its request is over, successfully or not); the others wait for
	 * it and then use the cookie it brought back. Checking and claiming happen in one synchronous step.
	 */
	async acquire(
		fingerprint: string,
		staticData?: SessionStaticData,
		sealKey?: SealKey,
	): Promise<{ cookie?: string; finishLogin?: () => void }> {
		for (;;) {
			const cookie = this.get(fingerprint, staticData, sealKey);
			if (cookie) return { cookie };
			const pending = this.logins.get(fingerprint);
			if (!pending) return { finishLogin: this.beginLogin(fingerprint) };
			await pending;
		}
	}

	private beginLogin(fingerprint: string): () => void {
		let finish!: () => void;
		const pending = new Promise<void>((resolve) => (finish = resolve));
		this.logins.set(fingerprint, pending);
		return () => {
			if (this.logins.get(fingerprint) === pending) this.logins.delete(fingerprint);
			finish();
		};
	}

	/** Forget every in-process session (tests). */
	clear(): void {
		this.memory.clear();
	}
}

/** The process-wide store the node uses, so every execution in this n8n process shares sessions. */
export const sharedSessionStore = new SessionStore();
