'use strict';
// Environment for every child process the e2e runner starts.

/**
 * The parent environment without npm's exported config. Under `npm run test:e2e` npm exports npm_config_local_prefix
 * (the repo), npm_config_ignore_scripts=true (the repo's .npmrc) and npm_config_nodedir=/usr (Node 20 headers); an
 * npm started in another folder would obey them, e.g. install into the repo. Flags are passed explicitly instead.
 */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key)) continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

// Fixed so that credentials imported by one command can be decrypted by the next (and by a developer re-running
// commands by hand in a kept temp folder). It protects test data only.
const ENCRYPTION_KEY = 'e2e-only-not-a-secret-5b0c1f9d2a7e';

/** Environment for `n8n …` commands: a private user folder, nothing phoning home, community packages allowed. */
function n8nEnv(userFolder, extra = {}) {
	return cleanEnv({
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// Task runners would start a second process per execution; not needed, and slower on 2 cores.
		N8N_RUNNERS_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Nothing to reinstall from the registry: the package was installed by npm, not through the n8n UI.
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		DB_TYPE: 'sqlite',
		// 'info' is needed: on a failed run, `execute` prints the run JSON (with the node's error) at info level only.
		N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL || 'info',
		N8N_LOG_OUTPUT: 'console',
		GENERIC_TIMEZONE: 'Europe/Budapest',
		TZ: 'Europe/Budapest',
		// The simulators listen on loopback; a proxy set on a CI machine must not capture that traffic.
		NO_PROXY: mergeNoProxy(process.env.NO_PROXY),
		no_proxy: mergeNoProxy(process.env.no_proxy),
		...extra,
	});
}

function mergeNoProxy(existing) {
	const parts = new Set((existing || '').split(',').map((s) => s.trim()).filter(Boolean));
	parts.add('127.0.0.1');
	parts.add('localhost');
	return [...parts].join(',');
}

module.exports = { cleanEnv, n8nEnv, ENCRYPTION_KEY };
