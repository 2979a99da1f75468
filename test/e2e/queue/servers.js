'use strict';
// Long-running n8n processes for the queue-mode suite: `n8n start` (the main, which receives the webhooks) and
// `n8n worker` (runs the executions), each with its own user folder holding a copy of the installed package, all on
// one Postgres and one Redis. Also one regular-mode `n8n start` for the same load without a queue.
const fs = require('node:fs');
const path = require('node:path');
const { n8nEnv } = require('../lib/env');
const { longRunning, stopGroup, waitFor } = require('./services');

const READY_TIMEOUT_MS = 240_000;

/** Environment shared by every process of one installation. */
function installationEnv({ postgres, redis }) {
	const env = {
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL || 'info',
	};
	if (postgres) {
		Object.assign(env, {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
		});
	}
	if (redis) {
		Object.assign(env, {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
		});
	}
	return env;
}

class N8nServer {
	/**
	 * @param {{name: string, role: 'main'|'worker', node24: string, n8nBin: string, userFolder: string, logDir: string,
	 *   env: object, ports: {http?: number, health?: number, broker: number}, concurrency?: number}} opts
	 */
	constructor(opts) {
		Object.assign(this, opts);
		this.logFile = path.join(opts.logDir, `${opts.name}.log`);
		this.restarts = 0;
	}

	get url() {
		return `http://127.0.0.1:${this.ports.http}/`;
	}

	processEnv() {
		const env = n8nEnv(this.userFolder, {
			...this.env,
			N8N_RUNNERS_BROKER_PORT: String(this.ports.broker),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		});
		if (this.role === 'main') {
			Object.assign(env, {
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				N8N_PORT: String(this.ports.http),
				N8N_PROTOCOL: 'http',
				WEBHOOK_URL: this.url,
			});
		} else {
			Object.assign(env, {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(this.ports.health),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			});
		}
		return env;
	}

	async start() {
		const started = Date.now();
		fs.appendFileSync(this.logFile, `\n===== ${new Date().toISOString()} start ${this.role}\n`);
		const args = this.role === 'main' ? ['start'] : ['worker', `--concurrency=${this.concurrency || 5}`];
		this.proc = longRunning(this.node24, [this.n8nBin, ...args], this.logFile, { cwd: path.dirname(this.userFolder), env: this.processEnv() });
		const readyUrl = this.role === 'main' ? `${this.url}healthz/readiness` : `http://127.0.0.1:${this.ports.health}/healthz/readiness`;
		const died = this.proc.exited.then((e) => {
			throw new Error(`${this.name} exited during start-up (code ${e.code}, signal ${e.signal}); log ${this.logFile}:\n${tail(this.logFile)}`);
		});
		await Promise.race([
			waitFor(async () => (await fetch(readyUrl, { signal: AbortSignal.timeout(2000) })).ok, { timeoutMs: READY_TIMEOUT_MS, what: this.name }),
			died,
		]);
		died.catch(() => undefined);
		return Date.now() - started;
	}

	get running() {
		return Boolean(this.proc) && this.proc.child.exitCode === null && this.proc.child.signalCode === null;
	}

	/** SIGKILL, as a crashed machine or the OOM killer would: no shutdown, executions in flight are cut off. */
	async kill() {
		if (!this.running) return;
		await stopGroup(this.proc, 'SIGKILL');
	}

	async stop() {
		if (!this.running) return;
		await stopGroup(this.proc, 'SIGTERM', 20_000);
	}

	/**
	 * Resolves once the published webhook answers POSTs. n8n reports ready before it has registered the production
	 * webhooks; a GET to a POST-only webhook is refused with "Did you mean to make a POST request?" only once it is.
	 */
	async webhookReady(webhookPath) {
		let streak = 0;
		await waitFor(
			async () => {
				const res = await fetch(`${this.url}webhook/${webhookPath}`, { signal: AbortSignal.timeout(2000) });
				const text = await res.text();
				streak = /Did you mean to make a POST request/.test(text) ? streak + 1 : 0;
				return streak >= 3;
			},
			{ timeoutMs: 60_000, what: `${this.name} webhook ${webhookPath}` },
		);
	}

	async restart() {
		await this.stop();
		this.restarts++;
		return this.start();
	}
}

function tail(file, lines = 25) {
	try {
		return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

module.exports = { N8nServer, installationEnv };
