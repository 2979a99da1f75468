'use strict';
// The local n8n of `npm start`: a data folder outside the repo holding the n8n user folder (database, its own
// encryption key, the installed package), logs and what was imported last; the package, credentials and example
// workflows are (re)installed only when they changed, so a later start is one n8n boot.
//
// <data>/user/.n8n/   N8N_USER_FOLDER: database.sqlite, config (encryption key n8n generated), nodes/ (the package)
// <data>/logs/        n8n.log (the running server), n8n-<version>.log (CLI imports), simulator-*.log, pack.log
// <data>/state.json   hashes of what is installed/imported: {package, credentials, workflows: {id: hash}}
// <data>/start.pid    the running npm start (a second one on the same folder is refused)
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { N8nInstance } = require('../../test/e2e/lib/n8n');
const { killGroup } = require('../../test/e2e/lib/proc');
const { withWebhookIds } = require('./examples');

// The login npm start gives the owner account. n8n applies it from the environment at every start
// (N8N_INSTANCE_OWNER_MANAGED_BY_ENV), so the printed login always works; it guards a local instance only.
const OWNER = { email: 'demo@example.com', password: 'Demo-pass-1', firstName: 'Demo', lastName: 'Owner' };

const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

class LocalN8n {
	/** @param {{dataDir: string, version: string, bins: {node24: string, n8n: Record<string, string>}, ports: object}} opts */
	constructor({ dataDir, version, bins, ports }) {
		this.dataDir = dataDir;
		this.version = version;
		this.ports = ports;
		this.logDir = path.join(dataDir, 'logs');
		this.stateFile = path.join(dataDir, 'state.json');
		this.url = `http://127.0.0.1:${ports.editor}/`;
		fs.mkdirSync(this.logDir, { recursive: true });
		this.n8n = new N8nInstance({
			version,
			node24: bins.node24,
			n8nBin: bins.n8n[version],
			root: dataDir,
			logDir: this.logDir,
			// No fixed key: n8n generates one per data folder, so credentials a user adds here are not encrypted with a
			// key that is public in this repo.
			env: { N8N_ENCRYPTION_KEY: undefined },
		});
		this.state = readJson(this.stateFile) || { workflows: {} };
	}

	saveState() {
		fs.writeFileSync(this.stateFile, JSON.stringify(this.state, null, 2));
	}

	/** Installs the packed tarball unless the same bytes are installed already. @returns {Promise<boolean>} installed now */
	async ensurePackage(tarball) {
		const hash = sha256(fs.readFileSync(tarball));
		this.n8n.packageName = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).name;
		if (this.state.package === hash && fs.existsSync(path.join(this.n8n.nodesDir, 'node_modules', this.n8n.packageName))) return false;
		await this.n8n.installPackage(tarball);
		this.state.package = hash;
		this.saveState();
		return true;
	}

	/** Imports the credentials when they differ from the last import (e.g. other ports). @returns {Promise<boolean>} */
	async ensureCredentials(credentials) {
		const json = JSON.stringify(credentials, null, 2);
		if (this.state.credentials === sha256(json)) return false;
		const file = path.join(this.dataDir, 'credentials.json');
		fs.writeFileSync(file, json);
		try {
			await this.n8n.importCredentials(file);
		} finally {
			fs.rmSync(file, { force: true }); // holds the (simulator) secrets in plain text
		}
		this.state.credentials = sha256(json);
		this.saveState();
		return true;
	}

	/**
	 * Imports the workflows that are new or changed in the repo since the last import (one n8n run for all); a workflow
	 * the user edited in the editor is overwritten only when its file in the repo changed.
	 * @param {Array<{file: string, workflow: object}>} examples
	 * @returns {Promise<string[]>} names of the imported workflows
	 */
	async ensureWorkflows(examples) {
		const changed = examples.filter(({ workflow }) => this.state.workflows[workflow.id] !== sha256(JSON.stringify(workflow)));
		if (!changed.length) return [];
		const dir = fs.mkdtempSync(path.join(this.dataDir, 'import-'));
		try {
			// The state keeps the hash of the file's workflow; the imported copy also gets its webhook IDs.
			for (const { file, workflow } of changed) fs.writeFileSync(path.join(dir, file), JSON.stringify(withWebhookIds(workflow), null, 2));
			await this.n8n.importWorkflows(dir);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
		for (const { workflow } of changed) this.state.workflows[workflow.id] = sha256(JSON.stringify(workflow));
		this.saveState();
		return changed.map(({ workflow }) => workflow.name);
	}

	/** Environment of `n8n start`: loopback only, the owner account, nothing phoning home. */
	serverEnv() {
		const n8nPackageDir = path.resolve(this.n8n.n8nBin, '..', '..');
		// bcryptjs is n8n's own dependency (pure JavaScript): the owner password reaches n8n only as a hash.
		const bcrypt = require(require.resolve('bcryptjs', { paths: [n8nPackageDir] }));
		return {
			...this.n8n.env,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.ports.editor),
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: this.url,
			WEBHOOK_URL: this.url,
			N8N_RUNNERS_BROKER_PORT: String(this.ports.broker),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			// Plain http on loopback: a secure cookie would lock out browsers that do not treat 127.0.0.1 as secure.
			N8N_SECURE_COOKIE: 'false',
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
			// n8n 2.40 otherwise calls api.n8n.io at start: the vetted community nodes list, banners, the MCP registry.
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		};
	}

	/** Starts `n8n start` and resolves once the editor answers; output goes to logs/n8n.log. */
	async start() {
		const logFile = path.join(this.logDir, 'n8n.log');
		const out = fs.openSync(logFile, 'w');
		const started = Date.now();
		this.server = spawn(this.n8n.node24, [this.n8n.n8nBin, 'start'], {
			cwd: this.dataDir,
			env: this.serverEnv(),
			stdio: ['ignore', out, out],
			detached: true, // own process group: stop() takes n8n's task runner down with it
		});
		fs.closeSync(out);
		this.exited = new Promise((resolve) => this.server.once('exit', (code, signal) => resolve({ code, signal })));
		const result = await Promise.race([this.waitReady(), this.exited.then((e) => ({ exited: e }))]);
		if (result && result.exited) {
			throw new Error(`n8n exited during start-up (code ${result.exited.code}, signal ${result.exited.signal}):\n${tail(logFile)}\n(full log: ${logFile})`);
		}
		this.n8n.notePackageLoad({ stdout: fs.readFileSync(logFile, 'utf8'), stderr: '' });
		if (this.n8n.packageLoadError) throw new Error(`n8n could not load the package:\n${this.n8n.packageLoadError}\n(full log: ${logFile})`);
		this.logFile = logFile;
		return Date.now() - started;
	}

	async waitReady() {
		const deadline = Date.now() + READY_TIMEOUT_MS;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null || this.server.signalCode !== null) return undefined; // the race reports it
			try {
				const res = await fetch(`${this.url}healthz/readiness`, { signal: AbortSignal.timeout(2000) });
				if (res.ok) return undefined;
			} catch {
				/* not listening yet */
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n did not answer on ${this.url} within ${READY_TIMEOUT_MS / 1000}s (log: ${path.join(this.logDir, 'n8n.log')})`);
	}

	/** SIGTERM to n8n's process group, SIGKILL if it has not exited after STOP_TIMEOUT_MS. */
	async stop() {
		if (!this.server || this.server.exitCode !== null || this.server.signalCode !== null) return;
		const timer = setTimeout(() => killGroup(this.server.pid, 'SIGKILL'), STOP_TIMEOUT_MS);
		killGroup(this.server.pid, 'SIGTERM');
		await this.exited;
		clearTimeout(timer);
		killGroup(this.server.pid, 'SIGKILL'); // task runner children that outlived their parent
	}

	/** Synchronous last resort on process exit. */
	killNow() {
		if (this.server && this.server.exitCode === null && this.server.signalCode === null) killGroup(this.server.pid, 'SIGKILL');
	}
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

function tail(file, lines = 25) {
	try {
		return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

module.exports = { LocalN8n, OWNER };
