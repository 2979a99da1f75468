'use strict';
// Runs `npm start`'s script (scripts/start, the build having run already) as a user would and reads what it prints:
// the editor URL, the login, and where the simulators answer. stop() is Ctrl-C.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { cleanEnv } = require('../lib/env');

const REPO = path.resolve(__dirname, '..', '..', '..');
const START = path.join(REPO, 'scripts', 'start');

class NpmStart {
	/** @param {string[]} args e.g. ['--data', dir, '--port', '15800'] */
	constructor(args) {
		this.args = args;
		this.output = '';
		this.started = Date.now();
		this.child = spawn(process.execPath, [START, ...args], { cwd: REPO, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
		this.child.stdout.on('data', (b) => {
			this.output += b.toString('utf8');
		});
		this.child.stderr.on('data', (b) => {
			this.output += b.toString('utf8');
		});
		this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
	}

	/** Resolves with {url, email, password, credentialUrls, ms} once the banner is printed; rejects if it exits first. */
	async ready(timeoutMs = 15 * 60_000) {
		const deadline = Date.now() + timeoutMs;
		while (!this.output.includes('Ctrl-C stops n8n and the simulators.')) {
			const done = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r(null), 250))]);
			if (done) throw new Error(`npm start exited (code ${done.code}, signal ${done.signal}) before it was ready:\n${this.output.slice(-3000)}`);
			if (Date.now() > deadline) throw new Error(`npm start was not ready after ${timeoutMs / 1000}s:\n${this.output.slice(-3000)}`);
		}
		const url = /^\s*Editor:\s+(\S+)/m.exec(this.output);
		const login = /^\s*Login:\s+(\S+) \/ (\S+)/m.exec(this.output);
		if (!url || !login) throw new Error(`npm start printed no "Editor:" / "Login:" line:\n${this.output}`);
		const credentialUrls = [...this.output.matchAll(/"([^"]+)" → (http\S+)/g)].map((m) => ({ name: m[1], url: m[2] }));
		return { url: url[1], email: login[1], password: login[2], credentialUrls, ms: Date.now() - this.started };
	}

	/** Ctrl-C; resolves with the exit {code, signal} (SIGKILL after timeoutMs). */
	async stop(timeoutMs = 60_000) {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
		const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
		this.child.kill('SIGINT');
		const result = await this.exited;
		clearTimeout(timer);
		return result;
	}
}

/** Runs scripts/start to its end (for the failures that stop it at once) → {code, output}. */
async function runToEnd(args, timeoutMs = 120_000) {
	const run = new NpmStart(args);
	const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
	const { code, signal } = await run.exited;
	clearTimeout(timer);
	return { code, signal, output: run.output };
}

module.exports = { NpmStart, runToEnd };
