'use strict';
// Redis and Postgres from the Debian packages, each on its own loopback port with its own data folder, for the
// queue-mode suite. Installed with apt-get when missing (CI runs as root); Postgres refuses to run as root, so as
// root it runs as the `postgres` user the package creates.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { freePort } = require('../lib/ports');
const { killGroup } = require('../lib/proc');

const PACKAGES = ['postgresql', 'redis-server'];

function which(cmd) {
	const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Debian's Postgres keeps its programs in /usr/lib/postgresql/<major>/bin; the newest one wins. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

/** Installs what is missing (root only) and returns {redisServer, pgBin, installedMs}. */
function ensureServices(say) {
	const missing = [];
	if (!postgresBin()) missing.push('postgresql');
	if (!which('redis-server')) missing.push('redis-server');
	let installedMs = 0;
	if (missing.length) {
		if (process.getuid && process.getuid() !== 0) {
			throw new Error(`${missing.join(' and ')} missing and not root: apt-get install -y ${PACKAGES.join(' ')} (CI installs them)`);
		}
		const t = Date.now();
		say(`installing ${missing.join(', ')} with apt-get`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
			const r = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 600_000 });
			if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${(r.stderr || r.stdout || '').slice(-2000)}`);
		}
		installedMs = Date.now() - t;
	}
	const redisServer = which('redis-server');
	const pgBin = postgresBin();
	if (!redisServer || !pgBin) throw new Error('redis-server or Postgres still missing after apt-get');
	return { redisServer, pgBin, installedMs };
}

function waitFor(check, { timeoutMs, what }) {
	const deadline = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		const tick = async () => {
			try {
				if (await check()) return resolve();
			} catch {
				/* not yet */
			}
			if (Date.now() > deadline) return reject(new Error(`${what} not ready within ${timeoutMs / 1000}s`));
			setTimeout(tick, 200);
		};
		tick();
	});
}

function longRunning(cmd, args, logFile, opts = {}) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { stdio: ['ignore', out, out], detached: true, ...opts });
	fs.closeSync(out);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	return { child, exited };
}

async function stopGroup({ child, exited }, signal, timeoutMs = 15_000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
	killGroup(child.pid, signal);
	await exited;
	clearTimeout(timer);
}

/** redis-server on 127.0.0.1:<free port>, no persistence. */
async function startRedis({ redisServer, dir, logDir }) {
	const port = await freePort();
	fs.mkdirSync(dir, { recursive: true });
	const proc = longRunning(
		redisServer,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'],
		path.join(logDir, 'redis.log'),
	);
	await waitFor(() => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG', {
		timeoutMs: 20_000,
		what: 'redis-server',
	});
	return { port, stop: () => stopGroup(proc, 'SIGTERM') };
}

/**
 * A throw-away Postgres cluster: initdb into `dir` (trust auth, loopback only, durability off: test data), then
 * `postgres` on a free port and a database `n8n`.
 */
async function startPostgres({ pgBin, dir, logDir }) {
	const port = await freePort();
	const asRoot = process.getuid && process.getuid() === 0;
	// As root everything runs as `postgres`, which must be able to reach and own the folder.
	const as = (cmd, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
	fs.mkdirSync(dir, { recursive: true });
	const data = path.join(dir, 'data');
	const socketDir = path.join(dir, 'socket');
	fs.mkdirSync(socketDir);
	if (asRoot) {
		for (let d = dir; d !== path.dirname(d) && d.startsWith(require('node:os').tmpdir()); d = path.dirname(d)) fs.chmodSync(d, 0o755);
		spawnSync('chown', ['-R', 'postgres:postgres', dir]);
	}
	const [initCmd, initArgs] = as(path.join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8', timeout: 120_000 });
	if (init.status !== 0) throw new Error(`initdb failed:\n${(init.stderr || init.stdout).slice(-2000)}`);
	const [cmd, args] = as(path.join(pgBin, 'postgres'), [
		'-D', data, '-p', String(port), '-k', socketDir,
		'-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
		'-c', 'max_connections=200',
	]);
	const proc = longRunning(cmd, args, path.join(logDir, 'postgres.log'));
	const psql = (sql) => spawnSync(path.join(pgBin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-tAc', sql], { encoding: 'utf8' });
	await waitFor(() => psql('select 1').status === 0, { timeoutMs: 60_000, what: 'Postgres' });
	const created = psql('CREATE DATABASE n8n');
	if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
	// SIGINT = Postgres' "fast" shutdown.
	return { port, database: 'n8n', user: 'postgres', stop: () => stopGroup(proc, 'SIGINT') };
}

module.exports = { ensureServices, startRedis, startPostgres, longRunning, stopGroup, waitFor };
