import {
	documentLock,
	LockWaitTimeoutError,
	MemoryLock,
	redisSettingsFromEnv,
	withLock,
	closeDocumentLocks,
} from '../../../../nodes/shared/lock';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const OPTS = { ttlMs: 5_000, waitMs: 5_000 };

/** A "look up, then create" against a shared set, slow enough that two unlocked callers would both create. */
async function lookUpThenCreate(issued: string[], key: string): Promise<'created' | 'existed'> {
	await sleep(5);
	if (issued.includes(key)) return 'existed';
	await sleep(10);
	issued.push(key);
	return 'created';
}

describe('MemoryLock (one n8n process)', () => {
	it('lets exactly one of 20 simultaneous callers create, the rest see its document', async () => {
		const lock = new MemoryLock();
		const issued: string[] = [];
		const outcomes = await Promise.all(
			Array.from({ length: 20 }, () => withLock(lock, 'order-1', OPTS, () => lookUpThenCreate(issued, 'order-1'))),
		);
		expect(issued).toEqual(['order-1']);
		expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
		expect(lock.heldKeys).toBe(0);
	});

	it('without the lock the same callers do issue twice (the race the lock closes)', async () => {
		const issued: string[] = [];
		await Promise.all(Array.from({ length: 5 }, () => lookUpThenCreate(issued, 'order-1')));
		expect(issued.length).toBeGreaterThan(1);
	});

	it('serves waiters first come, first served, and runs different keys side by side', async () => {
		const lock = new MemoryLock();
		const order: string[] = [];
		let inFlight = 0;
		let maxInFlight = 0;
		const task = (key: string, name: string) =>
			withLock(lock, key, OPTS, async () => {
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				order.push(name);
				await sleep(20);
				inFlight--;
			});
		await Promise.all([task('a', 'a1'), task('a', 'a2'), task('a', 'a3'), task('b', 'b1')]);
		expect(order.filter((n) => n.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
		// 'b' did not wait for 'a': two ran at once.
		expect(maxInFlight).toBe(2);
	});

	it('gives up after waitMs with a clear error and leaves the queue usable', async () => {
		const lock = new MemoryLock();
		const held = await lock.acquire('k', OPTS);
		const started = Date.now();
		await expect(lock.acquire('k', { ttlMs: 5_000, waitMs: 100 })).rejects.toThrow(LockWaitTimeoutError);
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
		await expect(lock.acquire('k', { ttlMs: 5_000, waitMs: 100 })).rejects.toThrow(/did not finish within 0 s; nothing was sent/);
		await held.release();
		const next = await lock.acquire('k', { ttlMs: 5_000, waitMs: 100 });
		await next.release();
		expect(lock.heldKeys).toBe(0);
	});

	it('a holder whose lock expired can neither release nor renew the next owner\'s lock', async () => {
		const lock = new MemoryLock();
		const slow = await lock.acquire('k', { ttlMs: 50, waitMs: 1_000 });
		const next = await lock.acquire('k', { ttlMs: 5_000, waitMs: 1_000 }); // granted when slow's lock expires
		await slow.release(); // too late: must not free next's lock
		expect(await slow.renew()).toBe(false);
		await expect(lock.acquire('k', { ttlMs: 5_000, waitMs: 100 })).rejects.toThrow(LockWaitTimeoutError);
		expect(await next.renew()).toBe(true);
		await next.release();
	});

	it('withLock renews while the work runs, so work longer than the TTL keeps the lock', async () => {
		const lock = new MemoryLock();
		let second = false;
		const first = withLock(lock, 'k', { ttlMs: 150, waitMs: 2_000 }, async (held) => {
			await sleep(400);
			expect(await held.stillHeld()).toBe(true);
			expect(second).toBe(false);
		});
		await sleep(10);
		const other = withLock(lock, 'k', { ttlMs: 150, waitMs: 2_000 }, async () => {
			second = true;
		});
		await Promise.all([first, other]);
		expect(second).toBe(true);
	});

	it('releases the lock when the work throws', async () => {
		const lock = new MemoryLock();
		await expect(withLock(lock, 'k', OPTS, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(lock.heldKeys).toBe(0);
	});
});

describe('documentLock(): which lock a process uses', () => {
	afterEach(() => closeDocumentLocks());

	it('regular mode: one in-process lock for the whole process', () => {
		const a = documentLock({});
		expect(a.kind).toBe('process');
		expect(documentLock({ EXECUTIONS_MODE: 'regular' })).toBe(a);
	});

	it('queue mode: the Redis lock', () => {
		expect(documentLock({ EXECUTIONS_MODE: 'queue' }).kind).toBe('redis');
	});
});

describe('redisSettingsFromEnv: n8n\'s QUEUE_BULL_REDIS_* settings', () => {
	it('defaults like n8n: localhost:6379, db 0, no TLS', () => {
		expect(redisSettingsFromEnv({})).toEqual({
			host: 'localhost',
			port: 6379,
			username: undefined,
			password: undefined,
			db: 0,
			tls: undefined,
			clusterNodes: [],
		});
	});

	it('reads host, port, user, password, db, TLS options, cluster nodes and *_FILE values', () => {
		const dir = mkdtempSync(join(tmpdir(), 'redis-env-'));
		writeFileSync(join(dir, 'pw'), 's3cret\n');
		const settings = redisSettingsFromEnv({
			QUEUE_BULL_REDIS_HOST: 'redis.internal',
			QUEUE_BULL_REDIS_PORT: '6380',
			QUEUE_BULL_REDIS_USERNAME: '"n8n"',
			QUEUE_BULL_REDIS_PASSWORD_FILE: join(dir, 'pw'),
			QUEUE_BULL_REDIS_DB: '3',
			QUEUE_BULL_REDIS_TLS: 'true',
			QUEUE_BULL_REDIS_TLS_SERVERNAME: 'redis.example',
			QUEUE_BULL_REDIS_TLS_VALIDATE_CERTIFICATE: 'false',
			QUEUE_BULL_REDIS_CLUSTER_NODES: 'r1:7000, r2:7001',
		});
		expect(settings).toEqual({
			host: 'redis.internal',
			port: 6380,
			username: 'n8n',
			password: 's3cret',
			db: 3,
			tls: { servername: 'redis.example', rejectUnauthorized: false },
			clusterNodes: [
				{ host: 'r1', port: 7000 },
				{ host: 'r2', port: 7001 },
			],
		});
	});

	it('a variable set directly wins over its _FILE form; a bad number falls back to the default', () => {
		expect(redisSettingsFromEnv({ QUEUE_BULL_REDIS_PASSWORD: 'direct', QUEUE_BULL_REDIS_PASSWORD_FILE: '/nonexistent' }).password).toBe('direct');
		expect(redisSettingsFromEnv({ QUEUE_BULL_REDIS_PORT: 'abc' }).port).toBe(6379);
	});
});
