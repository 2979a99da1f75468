/**
 * The lock for one n8n process (regular mode): a module-level map of keyed queues, shared by every execution and every
 * item of the process. Waiters are served first come, first served; the lock passes straight from the releasing holder
 * to the next waiter, so nobody can slip in between. A holder that never releases (it cannot, short of a bug) loses
 * the lock after ttlMs, like the Redis lock.
 */
import { randomUUID } from 'crypto';
import { LockWaitTimeoutError, type DocumentLock, type LockHandle, type LockOptions } from './types';

interface Holder {
	token: string;
	ttlMs: number;
	timer: NodeJS.Timeout;
}

interface Waiter {
	token: string;
	ttlMs: number;
	granted: () => void;
}

interface KeyState {
	holder?: Holder;
	queue: Waiter[];
}

export class MemoryLock implements DocumentLock {
	readonly kind = 'process' as const;
	private readonly keys = new Map<string, KeyState>();

	async acquire(key: string, options: LockOptions): Promise<LockHandle> {
		const token = randomUUID();
		let state = this.keys.get(key);
		if (!state) {
			state = { queue: [] };
			this.keys.set(key, state);
		}
		if (state.holder) await this.wait(state, token, options);
		else state.holder = this.hold(key, token, options.ttlMs);
		return {
			release: async () => this.release(key, token),
			renew: async () => {
				const current = this.keys.get(key)?.holder;
				if (current?.token !== token) return false;
				clearTimeout(current.timer);
				current.timer = this.expiry(key, token, current.ttlMs);
				return true;
			},
		};
	}

	/** Keys currently held (tests). */
	get heldKeys(): number {
		return [...this.keys.values()].filter((s) => s.holder).length;
	}

	private wait(state: KeyState, token: string, options: LockOptions): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			const waiter: Waiter = {
				token,
				ttlMs: options.ttlMs,
				granted: () => {
					clearTimeout(timer);
					resolve();
				},
			};
			const timer = setTimeout(() => {
				state.queue.splice(state.queue.indexOf(waiter), 1);
				reject(new LockWaitTimeoutError(options.waitMs));
			}, options.waitMs);
			state.queue.push(waiter);
		});
	}

	private hold(key: string, token: string, ttlMs: number): Holder {
		return { token, ttlMs, timer: this.expiry(key, token, ttlMs) };
	}

	private expiry(key: string, token: string, ttlMs: number): NodeJS.Timeout {
		const timer = setTimeout(() => this.release(key, token), ttlMs);
		// An expiry timer alone must not keep a finished process (e.g. `n8n execute`) alive.
		timer.unref();
		return timer;
	}

	private release(key: string, token: string): void {
		const state = this.keys.get(key);
		if (!state?.holder || state.holder.token !== token) return;
		clearTimeout(state.holder.timer);
		const next = state.queue.shift();
		if (next) {
			state.holder = this.hold(key, next.token, next.ttlMs);
			next.granted();
		} else {
			state.holder = undefined;
			this.keys.delete(key);
		}
	}
}
