/**
 * A real redis-server for tests: its own loopback port, no persistence, stopped by the test. When the binary is missing
 * locally the Redis tests are skipped with a message saying so; on CI (CI=true) a missing redis-server is a failure,
 * because .ci/run installs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

export interface RedisServer {
	port: number;
	stop(): Promise<void>;
}

export function redisServerBinary(): string | undefined {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	const path = found.stdout.trim();
	return found.status === 0 && path ? path : undefined;
}

/** `describe` when redis-server is there (or on CI, where its absence must fail), else `describe.skip` with a note. */
export function describeWithRedis(name: string, body: () => void): void {
	if (redisServerBinary() || process.env.CI) return describe(name, body);
	console.warn(`SKIPPED "${name}": redis-server is not installed here (apt-get install redis-server; CI installs it).`);
	describe.skip(name, body);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServer> {
	const binary = redisServerBinary();
	if (!binary) throw new Error('redis-server is not installed (apt-get install redis-server)');
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
	const child: ChildProcess = spawn(
		binary,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extraArgs],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	await new Promise<void>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output.slice(-500)}`)), 10_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (output.includes('Ready to accept connections')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
		});
	});
	child.removeAllListeners('exit');
	child.stdout!.resume();
	return {
		port,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => {
					rmSync(dir, { recursive: true, force: true });
					resolve();
				});
				child.kill('SIGTERM');
			}),
	};
}
