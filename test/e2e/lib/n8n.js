'use strict';
// One real n8n installation (from the cache, see install-n8n.sh) with a private, throw-away user folder.
// Every method runs one `n8n …` CLI command as a fresh process, as CI and users would.
const fs = require('node:fs');
const path = require('node:path');
const { run } = require('./proc');
const { cleanEnv, n8nEnv } = require('./env');
const { parseExecuteOutput } = require('./parse-output');
const { freePort } = require('./ports');

const EXECUTE_TIMEOUT_MS = Number(process.env.E2E_EXECUTE_TIMEOUT_MS || 180_000);

class N8nInstance {
	/**
	 * @param {{version: string, node24: string, n8nBin: string, root: string, logDir: string}} opts
	 *   root: an empty temp folder for this version; the user folder goes in it.
	 * @param {Record<string, string|undefined>} [opts.env] added to (or, when undefined, removed from) lib/env.js n8nEnv
	 */
	constructor({ version, node24, n8nBin, root, logDir, env }) {
		this.version = version;
		this.node24 = node24;
		this.n8nBin = n8nBin;
		this.root = root;
		this.userFolder = path.join(root, 'user');
		this.nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		this.logFile = path.join(logDir, `n8n-${version}.log`);
		this.env = n8nEnv(this.userFolder, env);
		fs.mkdirSync(this.nodesDir, { recursive: true });
	}

	/** Installs the packed tarball where n8n looks for community packages; returns the time it took (ms). */
	async installPackage(tarball) {
		fs.writeFileSync(
			path.join(this.nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', version: '1.0.0', private: true }, null, 2),
		);
		// --legacy-peer-deps: otherwise npm adds the peer n8n-workflow, whose isolated-vm build fails; n8n provides it.
		const r = await run(
			'npm',
			['install', '--legacy-peer-deps', '--ignore-scripts=true', '--no-audit', '--no-fund', '--loglevel=warn', tarball],
			{ cwd: this.nodesDir, env: cleanEnv(), timeoutMs: 300_000, logFile: this.logFile },
		);
		if (r.code !== 0) throw new Error(`npm install of ${path.basename(tarball)} failed (${this.logFile}):\n${tail(r.stderr)}`);
		const deps = JSON.parse(fs.readFileSync(path.join(this.nodesDir, 'package.json'), 'utf8')).dependencies || {};
		this.packageName = Object.keys(deps)[0];
		return r.ms;
	}

	/**
	 * Runs `n8n <args…>` (Node 24). n8n 2.x starts a task broker on a FIXED port (5679) even with runners disabled, so
	 * each command gets a free one: two e2e runs (or a developer's n8n) on one machine would collide otherwise.
	 */
	async cli(args, { timeoutMs = EXECUTE_TIMEOUT_MS } = {}) {
		const env = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		return run(this.node24, [this.n8nBin, ...args], { cwd: this.root, env, timeoutMs, logFile: this.logFile });
	}

	/**
	 * n8n does not fail when a community package can't be loaded: it prints an error and goes on, and workflows then
	 * fail with "Unrecognized node type". 2.40 prints `Failed to load package "<name>"` + the error; 1.123 prints only
	 * the error (e.g. "Cannot find module '…/.n8n/nodes/node_modules/<name>/dist/…'"). Remember the first such message
	 * so the runner can report the real cause. Only checked on import commands: there no node code runs, whereas an
	 * execute's error stack trace legitimately mentions the package's files.
	 */
	notePackageLoad(r) {
		if (!this.packageName || this.packageLoadError) return;
		const lines = `${r.stdout}\n${r.stderr}`.split('\n');
		const installedPath = `/nodes/node_modules/${this.packageName}/`;
		const at = lines.findIndex(
			(l) =>
				l.includes(`Failed to load package "${this.packageName}"`) ||
				(l.includes(installedPath) && /cannot find module|error|failed/i.test(l)),
		);
		if (at >= 0) this.packageLoadError = lines.slice(at, at + 3).join('\n').slice(0, 800);
	}

	async cliOk(args, what) {
		const r = await this.cli(args);
		this.notePackageLoad(r);
		if (r.code !== 0) {
			throw new Error(`n8n ${this.version}: ${what} failed (exit ${r.code}; log ${this.logFile}):\n${tail(r.stderr || r.stdout)}`);
		}
		return r;
	}

	/** @param {string} file JSON array of {id, name, type, data} */
	importCredentials(file) {
		return this.cliOk(['import:credentials', `--input=${file}`], 'import:credentials');
	}

	/** Imports every *.json in dir (one n8n start for all of them). */
	importWorkflows(dir) {
		return this.cliOk(['import:workflow', '--separate', `--input=${dir}`], 'import:workflow');
	}

	/** `n8n execute --id <id> --rawOutput` → normalised result (see parse-output.js). */
	async execute(id) {
		const r = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		// userFolder: where n8n 2.x keeps binary data (mode filesystem-v2), so a scenario can read a PDF it produced.
		return { ...parseExecuteOutput(r), ms: r.ms, version: this.version, userFolder: this.userFolder };
	}
}

function tail(text, lines = 30) {
	return String(text || '').trim().split('\n').slice(-lines).join('\n');
}

module.exports = { N8nInstance };
