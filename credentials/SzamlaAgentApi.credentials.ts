import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Számla Agent (Számlázz.hu) access. The secrets go into the request XML, not into HTTP headers, so there is no
 * `authenticate` block; the node tests the credential with a harmless look-up (see SzamlaAgent.node.ts, testedBy).
 */
export class SzamlaAgentApi implements ICredentialType {
	name = 'szamlaAgentApi';

	displayName = 'Számla Agent API';

	icon: Icon = { light: 'file:../icons/szamlazz.svg', dark: 'file:../icons/szamlazz.dark.svg' };

	documentationUrl = 'https://docs.szamlazz.hu/hu/agent/basics/agent-user';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Agent Key (Recommended)', value: 'agentKey' },
				{ name: 'Username and Password', value: 'usernamePassword' },
			],
			default: 'agentKey',
			description:
				'An Agent key is created in Számlázz.hu under Settings › Agent keys. Username and password suit only invoicing on behalf of others; a user with access to several accounts cannot log in this way.',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- the agent key logs in to the account: a secret, so masked
		{
			displayName: 'Agent Key',
			name: 'agentKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['agentKey'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['usernamePassword'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['usernamePassword'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.szamlazz.hu/szamla/',
			description: 'Change only to go through a proxy or to test against a local simulator',
		},
	];
}
