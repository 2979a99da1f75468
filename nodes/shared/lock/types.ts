/**
 * A lock around "look up, then create" of one document, so two executions (or two queue-mode workers) that get the
 * same order at the same moment cannot both see "not found" and both issue it. No n8n imports here.
 */

export interface LockOptions {
	/**
	 * How long the lock lives without a renewal. Longer than the slowest request the holder makes, so a holder that is
	 * merely slow (and misses a renewal) still owns it; a holder that died lets it go after this long.
	 */
	ttlMs: number;
	/** How long to wait for another holder before giving up with LockWaitTimeoutError. */
	waitMs: number;
}

export interface LockHandle {
	/** Give the lock back. A no-op when it already expired or was taken over: it never frees someone else's lock. */
	release(): Promise<void>;
	/** Push the expiry out by ttlMs again. False when the lock is no longer ours (expired and taken by another). */
	renew(): Promise<boolean>;
}

export interface DocumentLock {
	/** Which mechanism this is, for messages and tests: 'process' or 'redis'. */
	readonly kind: 'process' | 'redis';
	/** Wait until the key is free (at most waitMs), then hold it. */
	acquire(key: string, options: LockOptions): Promise<LockHandle>;
}

/** Nothing was sent: another holder kept the key longer than we were willing to wait. */
export class LockWaitTimeoutError extends Error {
	constructor(readonly waitedMs: number) {
		super(
			`another execution is still issuing this document and did not finish within ${Math.round(waitedMs / 1000)} s; nothing was sent for this item — run it again later`,
		);
		this.name = 'LockWaitTimeoutError';
	}
}

/** Nothing was sent: the shared lock store (Redis) could not be reached, so it is not safe to go ahead alone. */
export class LockUnavailableError extends Error {
	constructor(reason: string) {
		super(`the duplicate-guard lock could not be taken (${reason}); nothing was sent for this item`);
		this.name = 'LockUnavailableError';
	}
}
