/**
 * Hold a lock around a piece of work: take it, renew it every third of its lifetime while the work runs, give it back
 * when the work is over (successfully or not). The work gets `stillHeld()`, to ask right before an irreversible step
 * (sending a create) whether the lock is still ours — a holder that lost it must not go on.
 */
import type { DocumentLock, LockOptions } from './types';

export type HoldOptions = LockOptions;

export interface Held {
	/** Renews now; false when the lock expired and may belong to someone else. */
	stillHeld(): Promise<boolean>;
}

export async function withLock<T>(lock: DocumentLock, key: string, options: HoldOptions, work: (held: Held) => Promise<T>): Promise<T> {
	const handle = await lock.acquire(key, options);
	let lost = false;
	const renewal = setInterval(() => {
		void handle.renew().then((ok) => {
			if (!ok) lost = true;
		});
	}, Math.max(50, Math.floor(options.ttlMs / 3)));
	renewal.unref();
	try {
		return await work({
			stillHeld: async () => {
				if (lost) return false;
				const ok = await handle.renew();
				if (!ok) lost = true;
				return ok;
			},
		});
	} finally {
		clearInterval(renewal);
		await handle.release();
	}
}
