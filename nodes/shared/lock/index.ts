/**
 * The document lock this process uses: in queue mode (EXECUTIONS_MODE=queue) the Redis lock every worker shares,
 * otherwise the in-process one. One of each per process (kept on globalThis, so even a package loaded twice by the
 * host shares it), created on first use.
 */
import { MemoryLock } from './memoryLock';
import { isQueueMode, redisSettingsFromEnv, type Env } from './redisEnv';
import { connectRedis, RedisLock, type RedisClient } from './redisLock';
import type { DocumentLock } from './types';

export { withLock, type HoldOptions } from './hold';
export { LockUnavailableError, LockWaitTimeoutError, type DocumentLock, type LockHandle, type LockOptions } from './types';
export { MemoryLock } from './memoryLock';
export { RedisLock, connectRedis, redisKey } from './redisLock';
export { isQueueMode, redisSettingsFromEnv } from './redisEnv';

interface ProcessLocks {
	memory?: MemoryLock;
	redis?: RedisLock;
	client?: Promise<RedisClient>;
}

const GLOBAL_KEY = Symbol.for('n8n-nodes-szamlazz-ekaer.documentLocks');

function processLocks(): ProcessLocks {
	const holder = globalThis as unknown as Record<symbol, ProcessLocks | undefined>;
	return (holder[GLOBAL_KEY] ??= {});
}

export function documentLock(env: Env = process.env): DocumentLock {
	const locks = processLocks();
	if (!isQueueMode(env)) return (locks.memory ??= new MemoryLock());
	return (locks.redis ??= new RedisLock(() => {
		// A failed connection is forgotten, so the next item tries again instead of failing forever.
		locks.client ??= connectRedis(redisSettingsFromEnv(env)).catch((error) => {
			locks.client = undefined;
			throw error;
		});
		return locks.client;
	}));
}

/** Close the shared Redis connection and forget the locks (tests; a long-running n8n keeps them). */
export async function closeDocumentLocks(): Promise<void> {
	const locks = processLocks();
	const client = await locks.client?.catch(() => undefined);
	locks.client = undefined;
	locks.redis = undefined;
	locks.memory = undefined;
	await client?.quit().catch(() => undefined);
}
