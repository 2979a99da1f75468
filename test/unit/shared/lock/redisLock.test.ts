/**
 * The queue-mode lock against a real redis-server on a loopback port. Two clients stand for two n8n workers.
 */
import type { Redis } from 'ioredis';
import {
	closeDocumentLocks,
	connectRedis,
	documentLock,
	LockUnavailableError,
	LockWaitTimeoutError,
	RedisLock,
	redisKey,
	redisSettingsFromEnv,
	withLock,
} from '../../../../nodes/shared/lock';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../helpers/redisServer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeWithRedis('RedisLock (queue mode, real redis-server)', () => {
	let server: RedisServer;
	const clients: Redis[] = [];

	async function client(): Promise<Redis> {
		const c = (await connectRedis(redisSettingsFromEnv({ QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(server.port) }))) as Redis;
		clients.push(c);
		return c;
	}

	/** A lock as one worker process would have it: its own connection. */
	async function worker(): Promise<RedisLock> {
		const c = await client();
		return new RedisLock(async () => c);
	}

	beforeAll(async () => {
		server = await startRedisServer();
	});
	afterAll(async () => {
		await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
		await closeDocumentLocks();
		await server?.stop();
	});

	it('two workers, 10 deliveries each of one order: exactly one creates', async () => {
		const [w1, w2] = [await worker(), await worker()];
		const probe = await client();
		const issued: string[] = [];
		const deliver = (lock: RedisLock) =>
			withLock(lock, 'cred|webshop:1001|invoice', { ttlMs: 5_000, waitMs: 10_000 }, async () => {
				// The look-up and the create go through Redis-independent state, as the real service would.
				const existing = await probe.get('issued:1001');
				await sleep(10);
				if (existing) return 'existed';
				await probe.set('issued:1001', 'X');
				issued.push('1001');
				return 'created';
			});
		const outcomes = await Promise.all(Array.from({ length: 20 }, (_, n) => deliver(n % 2 ? w1 : w2)));
		expect(issued).toEqual(['1001']);
		expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
		expect(await probe.exists(redisKey('cred|webshop:1001|invoice'))).toBe(0);
	});

	it('sets the key with NX and a PX expiry, under a hashed name (no order number in Redis)', async () => {
		const lock = await worker();
		const probe = await client();
		const handle = await lock.acquire('cred|ORDER-SECRET-42|invoice', { ttlMs: 7_000, waitMs: 1_000 });
		const name = redisKey('cred|ORDER-SECRET-42|invoice');
		expect(name).not.toContain('ORDER-SECRET-42');
		const ttl = await probe.pttl(name);
		expect(ttl).toBeGreaterThan(6_000);
		expect(ttl).toBeLessThanOrEqual(7_000);
		expect(await probe.keys('*ORDER-SECRET-42*')).toEqual([]);
		await handle.release();
		expect(await probe.exists(name)).toBe(0);
	});

	it('a slow holder whose lock expired cannot release or extend the new owner\'s lock', async () => {
		const [slowWorker, fastWorker] = [await worker(), await worker()];
		const probe = await client();
		const name = redisKey('k-expiry');
		const slow = await slowWorker.acquire('k-expiry', { ttlMs: 150, waitMs: 1_000 });
		await sleep(250); // slow holder stalls past its TTL; the key expires
		const owner = await fastWorker.acquire('k-expiry', { ttlMs: 10_000, waitMs: 1_000 });
		const ownerToken = await probe.get(name);
		await slow.release();
		expect(await slow.renew()).toBe(false);
		expect(await probe.get(name)).toBe(ownerToken);
		expect(await probe.pttl(name)).toBeGreaterThan(9_000);
		await expect(slowWorker.acquire('k-expiry', { ttlMs: 1_000, waitMs: 150 })).rejects.toThrow(LockWaitTimeoutError);
		await owner.release();
		expect(await probe.exists(name)).toBe(0);
	});

	it('withLock renews while held, so work longer than the TTL keeps other workers out', async () => {
		const [w1, w2] = [await worker(), await worker()];
		const events: string[] = [];
		const first = withLock(w1, 'k-renew', { ttlMs: 300, waitMs: 5_000 }, async (held) => {
			events.push('first start');
			await sleep(1_000);
			expect(await held.stillHeld()).toBe(true);
			events.push('first end');
		});
		await sleep(30);
		const second = withLock(w2, 'k-renew', { ttlMs: 300, waitMs: 5_000 }, async () => {
			events.push('second');
		});
		await Promise.all([first, second]);
		expect(events).toEqual(['first start', 'first end', 'second']);
	});

	it('stillHeld() says false once the lock was lost, so the holder does not send', async () => {
		const [w1, w2] = [await worker(), await worker()];
		const probe = await client();
		const result = await withLock(w1, 'k-lost', { ttlMs: 5_000, waitMs: 1_000 }, async (held) => {
			await probe.del(redisKey('k-lost')); // e.g. Redis restarted without persistence
			const other = await w2.acquire('k-lost', { ttlMs: 5_000, waitMs: 1_000 });
			const still = await held.stillHeld();
			await other.release();
			return still;
		});
		expect(result).toBe(false);
	});

	it('documentLock() in queue mode uses the Redis from n8n\'s QUEUE_BULL_REDIS_* settings', async () => {
		const env = { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(server.port) };
		const lock = documentLock(env);
		expect(lock.kind).toBe('redis');
		const probe = await client();
		const handle = await lock.acquire('k-env', { ttlMs: 5_000, waitMs: 1_000 });
		expect(await probe.exists(redisKey('k-env'))).toBe(1);
		await handle.release();
		await closeDocumentLocks();
	});

	it('an unreachable Redis fails fast with a clear error (nothing sent), and the next item tries again', async () => {
		const env = { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: '9' };
		const started = Date.now();
		await expect(documentLock(env).acquire('k', { ttlMs: 1_000, waitMs: 1_000 })).rejects.toThrow(LockUnavailableError);
		await expect(documentLock(env).acquire('k', { ttlMs: 1_000, waitMs: 1_000 })).rejects.toThrow(/could not be taken \(Redis: .*\); nothing was sent/);
		expect(Date.now() - started).toBeLessThan(15_000);
		await closeDocumentLocks();
	});
});
