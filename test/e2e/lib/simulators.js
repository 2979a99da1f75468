'use strict';
// Starts the loopback simulators (test/simulators/*/cli.ts, written by the simulator owners) as child processes and
// wraps their admin endpoints. Contract (see README "Contracts"):
//   node -r ts-node/register/transpile-only <cli.ts> '<json options>'
//   first stdout line: {"url": ...} (szamla) / {"baseUrl": ...} (ekaer); serves until SIGTERM.
//   GET <url>__admin/stats, POST <url>__admin/reset, POST <url>__admin/fault {fault, times, operation},
//   GET <url>__admin/documents (szamla), GET <baseUrl>__admin/tradeCards (ekaer); added for the e2e scenarios:
//   GET <url>__admin/sessions (szamla: every JSESSIONID issued), POST <baseUrl>__admin/tradeCards (ekaer: seed cards),
//   POST <url>__admin/account-settings (szamla: {account, forbidOrderNumberRepetition}).
// A simulator whose cli.ts does not exist yet is reported as absent (null) instead of failing the whole run, so
// workflows that don't need it (smoke) still run.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { cleanEnv } = require('./env');
const { killGroup } = require('./proc');

const REPO = path.resolve(__dirname, '..', '..', '..');

const SIMULATORS = {
	szamla: { cli: 'test/simulators/szamla/cli.ts', urlKey: 'url', listPath: '__admin/documents' },
	ekaer: { cli: 'test/simulators/ekaer/cli.ts', urlKey: 'baseUrl', listPath: '__admin/tradeCards' },
};

const START_TIMEOUT_MS = 60_000; // ts-node compiles on the fly; slow on a busy 2-core machine

class Simulator {
	constructor(name, child, url, spec) {
		this.name = name;
		this.child = child;
		this.url = url.endsWith('/') ? url : `${url}/`;
		this.spec = spec;
	}

	async admin(method, suffix, body) {
		const res = await fetch(this.url + suffix, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${this.name} simulator ${method} ${suffix} → HTTP ${res.status}: ${text.slice(0, 300)}`);
		if (!text) return undefined;
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}

	/** szamla: {requests, logins, sessionsCreated, byOperation}; ekaer: {requests, operations, byOperation} */
	stats() {
		return this.admin('GET', '__admin/stats');
	}
	reset() {
		return this.admin('POST', '__admin/reset', {});
	}
	/** e.g. fault({ fault: 'timeout', times: 1, operation: 'action-xmlagentxmlfile' }) */
	fault(spec) {
		return this.admin('POST', '__admin/fault', spec);
	}
	/** szamla: stored documents; ekaer: stored trade cards. */
	list() {
		return this.admin('GET', this.spec.listPath);
	}
	documents() {
		return this.admin('GET', '__admin/documents');
	}
	tradeCards() {
		return this.admin('GET', '__admin/tradeCards');
	}
	/** szamla only: drops every session, so the next request with a stored JSESSIONID is answered as expired. */
	expireSessions() {
		return this.admin('POST', '__admin/expire-sessions', {});
	}
	/** szamla only: an account's settings, e.g. { account: 0, forbidOrderNumberRepetition: true }. */
	accountSettings(settings) {
		return this.admin('POST', '__admin/account-settings', settings);
	}
	/** szamla only: every JSESSIONID value issued since the simulator started → string[]. */
	async sessionIds() {
		return (await this.admin('GET', '__admin/sessions')).issued;
	}
	/**
	 * ekaer only: stores cards as if declared at `insertedAt` (same create rules as the service) → the stored cards.
	 * @param {Array<{tradeCard: string, insertedAt?: string, status?: string, user?: string}>} cards
	 */
	seedTradeCards(cards) {
		return this.admin('POST', '__admin/tradeCards', { cards });
	}

	stop() {
		return new Promise((resolve) => {
			if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
			const timer = setTimeout(() => killGroup(this.child.pid, 'SIGKILL'), 5000);
			this.child.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
			killGroup(this.child.pid, 'SIGTERM');
		});
	}
}

/** Starts one simulator; resolves to a Simulator, or null when its cli.ts is not there yet. */
function startSimulator(name, { logDir, options = {} } = {}) {
	const spec = SIMULATORS[name];
	const cli = path.join(REPO, spec.cli);
	if (!fs.existsSync(cli)) return Promise.resolve(null);
	const logFile = logDir ? path.join(logDir, `simulator-${name}.log`) : null;
	const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;

	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['-r', 'ts-node/register/transpile-only', cli, JSON.stringify(options)],
			{ cwd: REPO, env: cleanEnv({ NO_PROXY: '127.0.0.1,localhost' }), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
		);
		let settled = false;
		const fail = (msg) => {
			if (settled) return;
			settled = true;
			killGroup(child.pid, 'SIGKILL');
			reject(new Error(`${name} simulator: ${msg}${logFile ? ` (log: ${logFile})` : ''}`));
		};
		const timer = setTimeout(() => fail(`no first line within ${START_TIMEOUT_MS / 1000}s`), START_TIMEOUT_MS);
		if (log) child.stderr.pipe(log);
		else child.stderr.resume();
		const lines = readline.createInterface({ input: child.stdout });
		lines.on('line', (line) => {
			if (log) log.write(`[stdout] ${line}\n`);
			if (settled) return;
			clearTimeout(timer);
			let url;
			try {
				url = JSON.parse(line)[spec.urlKey];
			} catch {
				/* handled below */
			}
			if (typeof url !== 'string') return fail(`first stdout line has no "${spec.urlKey}": ${line.slice(0, 200)}`);
			settled = true;
			resolve(new Simulator(name, child, url, spec));
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			fail(`exited before printing its URL (code ${code}, signal ${signal})`);
		});
		child.on('error', (e) => fail(e.message));
	});
}

/**
 * Starts every simulator that exists. Returns { szamla: Simulator|null, ekaer: Simulator|null }.
 * @param {{logDir?: string, options?: Record<string, object>}} opts options per simulator name
 */
async function startAll({ logDir, options = {} } = {}) {
	const names = Object.keys(SIMULATORS);
	// In parallel: each one compiles its TypeScript with ts-node on start-up.
	const sims = await Promise.allSettled(names.map((name) => startSimulator(name, { logDir, options: options[name] || {} })));
	const failed = sims.find((r) => r.status === 'rejected');
	if (failed) {
		await stopAll(Object.fromEntries(sims.map((r, i) => [names[i], r.status === 'fulfilled' ? r.value : null])));
		throw failed.reason;
	}
	return Object.fromEntries(sims.map((r, i) => [names[i], r.value]));
}

async function stopAll(sims) {
	await Promise.all(Object.values(sims).filter(Boolean).map((s) => s.stop()));
}

module.exports = { startSimulator, startAll, stopAll, Simulator };
