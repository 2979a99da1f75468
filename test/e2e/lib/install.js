'use strict';
// Runs install-n8n.sh (Node 24 + the given n8n versions into the cache; a no-op when cached) and returns the paths it
// printed. Shared by the e2e runner and `npm start`.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run } = require('./proc');
const { cleanEnv } = require('./env');

const SCRIPT = path.join(__dirname, '..', 'install-n8n.sh');

/** The cache folder install-n8n.sh uses. */
function cacheDir() {
	return process.env.N8N_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-szamlazz-ekaer-e2e');
}

/** True when `version` is installed and checked (install-n8n.sh writes the marker last). */
function isInstalled(version) {
	try {
		return fs.readFileSync(path.join(cacheDir(), `n8n-${version}`, '.installed'), 'utf8').trim() === version;
	} catch {
		return false;
	}
}

/**
 * @param {string[]} versions
 * @param {{onStderr?: (text: string) => void}} opts onStderr receives the script's progress lines as they come
 * @returns {Promise<{node24: string, n8n: Record<string, string>, ms: number}>}
 *   throws an Error whose `stderr` holds what the script printed when it fails
 */
async function installN8n(versions, { onStderr } = {}) {
	const r = await run('bash', [SCRIPT, ...versions], { env: cleanEnv(), timeoutMs: 40 * 60_000, onStderr });
	if (r.code !== 0) {
		const e = new Error(`install-n8n.sh failed (exit ${r.code}${r.timedOut ? ', timed out' : ''})`);
		e.stderr = r.stderr;
		throw e;
	}
	const vars = Object.fromEntries(
		r.stdout
			.split('\n')
			.filter((l) => l.includes('='))
			.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
	);
	const bins = { node24: vars.NODE24, n8n: {}, ms: r.ms, stderr: r.stderr };
	for (const v of versions) bins.n8n[v] = vars[`N8N_${v}`];
	return bins;
}

module.exports = { installN8n, isInstalled, cacheDir };
