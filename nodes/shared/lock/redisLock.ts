/**
 * The lock shared by every n8n process of a queue-mode installation, in the Redis queue mode already runs.
 *
 * - Take: `SET key token NX PX ttl` — only one owner, and the key vanishes by itself if the owner dies.
 * - Give back / extend: a Lua script that first compares the owner token, so a slow holder whose lock expired and was
 *   taken by someone else can never delete or extend the new owner's lock.
 * - Wait: poll with a growing, jittered pause until the key is free or waitMs is over.
 * Keys are hashed: order numbers and external IDs never sit in Redis in plain text.
 */
import { createHash, randomUUID } from 'crypto';
import type { Cluster, Redis } from 'ioredis';
import { LockUnavailableError, LockWaitTimeoutError, type DocumentLock, type LockHandle, type LockOptions } from './types';
import type { RedisSettings } from './redisEnv';

const KEY_PREFIX = 'n8n-nodes-szamlazz-ekaer:lock:';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

const FIRST_PAUSE_MS = 20;
const MAX_PAUSE_MS = 250;

export type RedisClient = Redis | Cluster;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function redisKey(key: string): string {
	return KEY_PREFIX + createHash('sha256').update(key, 'utf8').digest('hex');
}

function unavailable(error: unknown): LockUnavailableError {
	return new LockUnavailableError(`Redis: ${error instanceof Error ? error.message : String(error)}`);
}

export class RedisLock implements DocumentLock {
	readonly kind = 'redis' as const;

	constructor(private readonly client: () => Promise<RedisClient>) {}

	async acquire(key: string, options: LockOptions): Promise<LockHandle> {
		const name = redisKey(key);
		const token = randomUUID();
		const client = await this.client().catch((error) => {
			throw unavailable(error);
		});
		const deadline = Date.now() + options.waitMs;
		for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(MAX_PAUSE_MS, pause * 1.5)) {
			let taken: string | null;
			try {
				taken = await client.set(name, token, 'PX', options.ttlMs, 'NX');
			} catch (error) {
				throw unavailable(error);
			}
			if (taken === 'OK') break;
			const left = deadline - Date.now();
			if (left <= 0) throw new LockWaitTimeoutError(options.waitMs);
			await sleep(Math.min(left, pause / 2 + Math.random() * pause));
		}
		return {
			release: async () => {
				// A failed release is harmless: the key expires after ttlMs anyway.
				await client.eval(RELEASE, 1, name, token).catch(() => undefined);
			},
			renew: async () => {
				try {
					return Number(await client.eval(RENEW, 1, name, token, String(options.ttlMs))) === 1;
				} catch {
					return false;
				}
			},
		};
	}
}

/** A client for these settings, connected and ready. Options mirror n8n's own Redis client where they matter. */
export async function connectRedis(settings: RedisSettings): Promise<RedisClient> {
	const ioredis = await import('ioredis');
	const options = {
		username: settings.username,
		password: settings.password,
		db: settings.db,
		tls: settings.tls,
		connectTimeout: 5_000,
		commandTimeout: 5_000,
		maxRetriesPerRequest: 1,
		lazyConnect: true,
		// Our client must never hold a finished process open or hammer an unreachable Redis forever.
		retryStrategy: (times: number) => (times > 5 ? null : Math.min(times * 200, 1_000)),
	};
	const client: RedisClient = settings.clusterNodes.length
		? new ioredis.Cluster(settings.clusterNodes, { redisOptions: options, clusterRetryStrategy: options.retryStrategy, lazyConnect: true })
		: new ioredis.Redis({ ...options, host: settings.host, port: settings.port });
	// Errors surface on the commands; without a listener ioredis would print every reconnect error.
	client.on('error', () => undefined);
	try {
		await client.connect();
	} catch (error) {
		client.disconnect();
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- no n8n imports here: the guard reports "Redis unreachable, nothing was sent" for its item
		throw error;
	}
	return client;
}
