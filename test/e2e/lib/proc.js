'use strict';
// Runs a child process to completion, capturing its output, with a hard time limit (a hung n8n must not eat the
// CI budget). Output is also written to a log file so a failure can be read after the run (see README).
const { spawn } = require('node:child_process');
const fs = require('node:fs');

/**
 * @returns {Promise<{code: number|null, signal: string|null, stdout: string, stderr: string, ms: number, timedOut: boolean}>}
 */
function run(cmd, args, { cwd, env, timeoutMs = 180_000, logFile, input, onStderr } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
		const out = [];
		const err = [];
		let timedOut = false;
		child.stdout.on('data', (b) => out.push(b));
		child.stderr.on('data', (b) => {
			err.push(b);
			if (onStderr) onStderr(b.toString('utf8')); // live progress for long steps (the n8n install)
		});
		// detached → own process group, so the timeout kill also takes down anything the command spawned.
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child.pid, 'SIGKILL');
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const result = {
				code,
				signal,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				ms: Date.now() - started,
				timedOut,
			};
			if (logFile) {
				fs.appendFileSync(
					logFile,
					`\n===== ${new Date().toISOString()} ${cmd} ${args.join(' ')}\n` +
						`===== cwd=${cwd || process.cwd()} exit=${code} signal=${signal} ${result.ms}ms${timedOut ? ' TIMED OUT' : ''}\n` +
						`----- stdout\n${result.stdout}\n----- stderr\n${result.stderr}\n`,
				);
			}
			resolve(result);
		});
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
	});
}

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		try {
			process.kill(pid, signal);
		} catch {
			/* already gone */
		}
	}
}

module.exports = { run, killGroup };
