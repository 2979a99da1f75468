'use strict';
// The failures `npm start` can meet, each as ONE line saying what went wrong and how to fix it.

class StartError extends Error {
	/** @param {string} what  @param {string} fix */
	constructor(what, fix) {
		super(`${what}. Fix: ${fix}`);
		this.name = 'StartError';
	}
}

const PORT_ROLES = {
	editor: 'the n8n editor',
	broker: "n8n's task broker",
	szamla: 'the Számla Agent simulator',
	ekaer: 'the EKÁER simulator',
};

function portInUse(role, port, editorPort) {
	return new StartError(
		`port ${port} on 127.0.0.1 (${PORT_ROLES[role]}) is in use, probably by another n8n or npm start`,
		`stop that program, or use other ports: npm start -- --port ${editorPort + 10} (uses ${editorPort + 10}–${editorPort + 13})`,
	);
}

function alreadyRunning(pid, dataDir) {
	return new StartError(
		`npm start is already running for ${dataDir} (process ${pid})`,
		'use that one, or stop it with Ctrl-C in its terminal first',
	);
}

/**
 * What install-n8n.sh printed on failure → which step failed. Its own lines start with "[install-n8n]", the last one
 * names the step: "FAILED: npm install node@24 … (full log: /…/node24.log)", "expected Node 24, got 'v20…'",
 * "FAILED: npm rebuild sqlite3 isolated-vm … (full log: …)", "n8n 2.40.7: sqlite3 / isolated-vm do not load … (see …)".
 * (The npm output it appends is not looked at: a log tail can mention anything.)
 */
function installFailure(stderr, version) {
	const ours = String(stderr || '')
		.split('\n')
		.filter((l) => l.startsWith('[install-n8n]'));
	const last = ours[ours.length - 1] || '';
	const logMatch = /\((?:full log: |see )([^)]+)\)/.exec(last);
	const log = logMatch ? logMatch[1] : 'the logs/ folder of the n8n cache';
	const retry = 'then run npm start again (a half-finished install starts over cleanly)';
	if (/node@|Node 24/.test(last)) {
		return new StartError(
			`could not get Node.js 24 from the npm registry (n8n ${version} needs it; log: ${log})`,
			`check that the npm registry answers (npm ping) and your proxy settings, ${retry}`,
		);
	}
	if (/rebuild|sqlite3|isolated-vm/.test(last)) {
		return new StartError(
			`n8n ${version}'s native modules (sqlite3, isolated-vm) did not build under Node 24 (log: ${log})`,
			`install a C++ toolchain (apt-get install build-essential python3), ${retry}`,
		);
	}
	return new StartError(
		`the one-time install of n8n ${version} failed (log: ${log})`,
		`check that the npm registry answers (npm ping) and that 3 GB of disk are free, ${retry}`,
	);
}

module.exports = { StartError, portInUse, alreadyRunning, installFailure };
