/**
 * JSESSIONID store, keyed by credential fingerprint (see fingerprint.ts).
 *
 * Two layers:
 * - an in-process Map, so manual runs and parallel executions in the same n8n process share one server session;
 * - a caller-supplied plain object (the node passes `getWorkflowStaticData('global')`), which n8n saves with the
 *   workflow after production executions, so the session outlives the process: `szamlaAgentSessions[fingerprint] =
 *   { cookie, lastUsed }`.
 *
 * The cookie authenticates as the account, so it is a secret. The static-data copy is the one place it is kept at rest
 * (n8n stores static data in its database like other workflow data); it never goes into results, errors or logs.
 */

export interface StoredSession {
	cookie: string;
	/** Epoch milliseconds of the last request that used or issued the cookie. */
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

function staticSessions(staticData: SessionStaticData | undefined, create: boolean): Record<string, StoredSession> | undefined {
	if (!staticData) return undefined;
	const existing = staticData[STATIC_KEY];
	if (existing && typeof existing === 'object') return existing as Record<string, StoredSession>;
	if (!create) return undefined;
	const fresh: Record<string, StoredSession> = {};
	staticData[STATIC_KEY] = fresh;
	return fresh;
}

function isSession(value: unknown): value is StoredSession {
	const v = value as StoredSession | undefined;
	return Boolean(v) && typeof v!.cookie === 'string' && v!.cookie !== '' && typeof v!.lastUsed === 'number';
}

export class SessionStore {
	private readonly memory = new Map<string, StoredSession>();
	private readonly logins = new Map<string, Promise<void>>();
	private readonly now: () => number;
	private readonly idleMs: number;

	constructor(options: SessionStoreOptions = {}) {
		this.now = options.now ?? Date.now;
		this.idleMs = options.idleMs ?? SESSION_IDLE_MS;
	}

	/** The freshest live cookie of either layer, or undefined (idle ones are dropped on the way). */
	get(fingerprint: string, staticData?: SessionStaticData): string | undefined {
		const now = this.now();
		let best: StoredSession | undefined;
		const inMemory = this.memory.get(fingerprint);
		if (inMemory) {
			if (now - inMemory.lastUsed < this.idleMs) best = inMemory;
			else this.memory.delete(fingerprint);
		}
		const persisted = staticSessions(staticData, false);
		const stored = persisted?.[fingerprint];
		if (persisted && stored !== undefined) {
			if (isSession(stored) && now - stored.lastUsed < this.idleMs) {
				if (!best || stored.lastUsed > best.lastUsed) best = stored;
			} else {
				delete persisted[fingerprint];
			}
		}
		return best?.cookie;
	}

	/** Record a cookie the server issued or accepted just now; both layers end up with the same value. */
	record(fingerprint: string, cookie: string, staticData?: SessionStaticData): void {
		const session: StoredSession = { cookie, lastUsed: this.now() };
		this.memory.set(fingerprint, session);
		const persisted = staticSessions(staticData, true);
		if (persisted) persisted[fingerprint] = { ...session };
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
	async acquire(fingerprint: string, staticData?: SessionStaticData): Promise<{ cookie?: string; finishLogin?: () => void }> {
		for (;;) {
			const cookie = this.get(fingerprint, staticData);
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
