'use strict';
// The ONE place that knows the credential types' field names and the test accounts. When
// credentials/*.credentials.ts change a field, change it here only. The same accounts are handed to the simulators
// as start options, so credentials and simulators cannot drift apart. Workflows (examples/*.json,
// test/e2e/workflows/*.json) refer to the credentials by the fixed ids in CREDENTIAL_REFS.
//
// All values are made-up test data accepted only by the loopback simulators; none is a real secret.

const crypto = require('node:crypto');

// Used when a simulator has not landed: a closed loopback port, so a stray request fails fast and stays local.
const UNREACHABLE = 'http://127.0.0.1:9/';

const CREDENTIAL_REFS = {
	// what examples use: {"szamlaAgentApi": {"id": "szamla-sim", "name": "Számla Agent (simulator)"}}
	szamlaAgentApi: { id: 'szamla-sim', name: 'Számla Agent (simulator)' },
	// the same simulator account through the username + password login
	szamlaAgentApiPassword: { id: 'szamla-sim-password', name: 'Számla Agent (simulator, username + password)' },
	// {"ekaerApi": {"id": "ekaer-sim", "name": "EKÁER (simulator)"}}
	ekaerApi: { id: 'ekaer-sim', name: 'EKÁER (simulator)' },
};

// What `npm start` creates (scripts/start): one credential per type, with names that say where they point. Its example
// workflows are rewritten to refer to these.
const LOCAL_CREDENTIAL_REFS = {
	szamlaAgentApi: { id: 'szamlaLocalSim01', name: 'Számla Agent (local simulator)' },
	ekaerApi: { id: 'ekaerLocalSim001', name: 'EKÁER (local simulator)' },
};

const SZAMLA_ACCOUNT = {
	agentKey: 'e2e-agent-key-000000000000000000000000000',
	username: 'e2e-user@example.com',
	password: 'e2e-Password-1',
	name: 'E2E Teszt Kft.',
	taxNumber: '12345676-2-42',
};

const EKAER_USER = {
	user: 'e2eteszt01',
	password: 'E2eJelszo123',
	signingKey: 'E2eTitkosKulcs',
	vatNumber: '12345678',
};

const sha512 = (text) => crypto.createHash('sha512').update(text, 'utf8').digest('hex');

/** The test accounts' secrets, label → value, for leak checks. Labels (never values) appear in failure messages. */
const SECRETS = {
	'Számla Agent key': SZAMLA_ACCOUNT.agentKey,
	'Számla Agent password': SZAMLA_ACCOUNT.password,
	'EKÁER password': EKAER_USER.password,
	'EKÁER password hash (upper-case hex)': sha512(EKAER_USER.password).toUpperCase(),
	'EKÁER password hash (lower-case hex)': sha512(EKAER_USER.password),
	'EKÁER signing key': EKAER_USER.signingKey,
};

/** Start options for test/simulators/<name>/cli.ts. */
function simulatorOptions() {
	return {
		szamla: { accounts: [{ ...SZAMLA_ACCOUNT }] },
		ekaer: { users: [{ ...EKAER_USER }] },
	};
}

/**
 * @param {{szamla?: {url: string}|null, ekaer?: {url: string}|null}} sims started simulators (null when absent)
 * @param {Partial<typeof CREDENTIAL_REFS>} [refs] ids and names; a credential whose ref is missing is left out
 * @returns {Array<{id: string, name: string, type: string, data: object}>} input for `n8n import:credentials`
 */
function buildCredentials(sims, refs = CREDENTIAL_REFS) {
	const szamlaUrl = sims.szamla ? sims.szamla.url : UNREACHABLE;
	const ekaerUrl = sims.ekaer ? sims.ekaer.url : UNREACHABLE;
	return [
		{
			...refs.szamlaAgentApi,
			type: 'szamlaAgentApi',
			data: { authentication: 'agentKey', agentKey: SZAMLA_ACCOUNT.agentKey, username: '', password: '', baseUrl: szamlaUrl },
		},
		{
			...refs.szamlaAgentApiPassword,
			type: 'szamlaAgentApi',
			data: {
				authentication: 'usernamePassword',
				agentKey: '',
				username: SZAMLA_ACCOUNT.username,
				password: SZAMLA_ACCOUNT.password,
				baseUrl: szamlaUrl,
			},
		},
		{
			...refs.ekaerApi,
			type: 'ekaerApi',
			data: {
				user: EKAER_USER.user,
				passwordType: 'plain',
				password: EKAER_USER.password,
				passwordHash: '',
				signingKey: EKAER_USER.signingKey,
				vatNumber: EKAER_USER.vatNumber,
				environment: 'custom',
				customBaseUrl: ekaerUrl,
			},
		},
	].filter((credential) => credential.id);
}

module.exports = { buildCredentials, simulatorOptions, CREDENTIAL_REFS, LOCAL_CREDENTIAL_REFS, SECRETS, SZAMLA_ACCOUNT, EKAER_USER, UNREACHABLE };
