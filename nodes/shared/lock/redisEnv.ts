/**
 * n8n's Redis settings for queue mode, read from the environment the way n8n 1.x/2.x reads them (@n8n/config's
 * scaling-mode config): QUEUE_BULL_REDIS_HOST/PORT/USERNAME/PASSWORD/DB/TLS, the TLS server name and certificate check,
 * cluster nodes, and the `<NAME>_FILE` form for values kept in files (Docker secrets). So the lock uses the very Redis
 * the workers already share, with nothing for the user to set up.
 */
import { readFileSync } from 'fs';

export type Env = Record<string, string | undefined>;

export interface RedisSettings {
	host: string;
	port: number;
	username?: string;
	password?: string;
	db: number;
	tls?: { servername?: string; rejectUnauthorized: boolean };
	/** host:port pairs when QUEUE_BULL_REDIS_CLUSTER_NODES is set. */
	clusterNodes: Array<{ host: string; port: number }>;
}

function read(env: Env, name: string): string | undefined {
	if (name in env) return unquote(env[name]);
	const file = env[`${name}_FILE`];
	return file ? readFileSync(file, 'utf8').trim() : undefined;
}

function unquote(value: string | undefined): string | undefined {
	return value?.trim().replace(/^(['"])(.*)\1$/, '$2');
}

function number(env: Env, name: string, fallback: number): number {
	const raw = read(env, name);
	const parsed = raw === undefined || raw === '' ? NaN : Number(raw);
	return Number.isFinite(parsed) ? parsed : fallback;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
	const raw = read(env, name)?.toLowerCase();
	if (raw === 'true' || raw === '1') return true;
	if (raw === 'false' || raw === '0') return false;
	return fallback;
}

/** True when this n8n process runs in queue mode (main or worker): then the lock must live in Redis. */
export function isQueueMode(env: Env = process.env): boolean {
	return read(env, 'EXECUTIONS_MODE') === 'queue';
}

export function redisSettingsFromEnv(env: Env = process.env): RedisSettings {
	const tls = flag(env, 'QUEUE_BULL_REDIS_TLS', false);
	return {
		host: read(env, 'QUEUE_BULL_REDIS_HOST') || 'localhost',
		port: number(env, 'QUEUE_BULL_REDIS_PORT', 6379),
		username: read(env, 'QUEUE_BULL_REDIS_USERNAME') || undefined,
		password: read(env, 'QUEUE_BULL_REDIS_PASSWORD') || undefined,
		db: number(env, 'QUEUE_BULL_REDIS_DB', 0),
		tls: tls
			? {
					servername: read(env, 'QUEUE_BULL_REDIS_TLS_SERVERNAME') || undefined,
					rejectUnauthorized: flag(env, 'QUEUE_BULL_REDIS_TLS_VALIDATE_CERTIFICATE', true),
				}
			: undefined,
		clusterNodes: (read(env, 'QUEUE_BULL_REDIS_CLUSTER_NODES') ?? '')
			.split(',')
			.map((pair) => pair.trim())
			.filter(Boolean)
			.map((pair) => {
				const [host, port] = pair.split(':');
				return { host, port: Number(port) || 6379 };
			}),
	};
}
