'use strict';
// The ONE place that knows the credential types' field names. When credentials/*.credentials.ts change a field,
// change it here only. Workflows (examples/*.json, test/e2e/workflows/*.json) refer to these credentials by the fixed
// ids below.

// Used when a simulator has not landed yet: a closed loopback port, so a stray request fails fast and never leaves
// the machine.
const UNREACHABLE = 'http://127.0.0.1:9/';

const CREDENTIAL_REFS = {
	szamlaAgentApi: { id: 'szamla-sim', name: 'Számla Agent (simulator)' },
	ekaerApi: { id: 'ekaer-sim', name: 'EKÁER (simulator)' },
};

/**
 * @param {{szamla?: {url: string}|null, ekaer?: {url: string}|null}} sims started simulators (null when absent)
 * @returns {Array<{id: string, name: string, type: string, data: object}>} input for `n8n import:credentials`
 */
function buildCredentials(sims) {
	const szamlaUrl = sims.szamla ? sims.szamla.url : UNREACHABLE;
	const ekaerUrl = sims.ekaer ? sims.ekaer.url : UNREACHABLE;
	return [
		{
			...CREDENTIAL_REFS.szamlaAgentApi,
			type: 'szamlaAgentApi',
			data: {
				authentication: 'agentKey',
				// Test values the simulator accepts; not real secrets.
				agentKey: 'e2e-agent-key-0123456789abcdef',
				username: '',
				password: '',
				baseUrl: szamlaUrl,
			},
		},
		{
			...CREDENTIAL_REFS.ekaerApi,
			type: 'ekaerApi',
			data: {
				user: 'E2EUSER1',
				passwordType: 'plain',
				password: 'e2e-password',
				passwordHash: '',
				signingKey: 'e2e-signing-key',
				vatNumber: '12345678',
				environment: 'custom',
				customBaseUrl: ekaerUrl,
			},
		},
	];
}

module.exports = { buildCredentials, CREDENTIAL_REFS, UNREACHABLE };
