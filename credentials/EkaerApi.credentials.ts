import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * NAV EKÁER access. Every request is signed with these values (see nodes/Ekaer/signature.ts); they never travel in
 * HTTP headers, so there is no `authenticate` block. The node tests the credential with a harmless query (testedBy).
 */
export class EkaerApi implements ICredentialType {
	name = 'ekaerApi';

	displayName = 'EKÁER API';

	icon: Icon = { light: 'file:../icons/ekaer.svg', dark: 'file:../icons/ekaer.dark.svg' };

	documentationUrl = 'https://ekaer.nav.gov.hu/faq';

	properties: INodeProperties[] = [
		{
			displayName: 'User Name',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			description: 'The EKÁER technical user name (6–30 characters), the same as on the EKÁER web interface',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- a choice (plain or hashed), not a secret; the rule goes by the name
		{
			displayName: 'Password Type',
			name: 'passwordType',
			type: 'options',
			options: [
				{ name: 'Plain Password', value: 'plain', description: 'The node sends its SHA-512 hash' },
				{ name: 'SHA-512 Hash', value: 'sha512', description: 'A ready 128-character hash of the password' },
			],
			default: 'plain',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { passwordType: ['plain'] } },
		},
		{
			displayName: 'Password Hash',
			name: 'passwordHash',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { passwordType: ['sha512'] } },
			description: 'Uppercase or lowercase hex SHA-512 of the password (128 characters)',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- the signing key (aláírókulcs) signs every request: a secret, so masked
		{
			displayName: 'Signing Key',
			name: 'signingKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret signing key ("aláíró kulcs") set for the user on the EKÁER web interface',
		},
		{
			displayName: 'VAT Number',
			name: 'vatNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: '12345678',
			description: 'The first 8 digits of the Hungarian tax number of the taxpayer whose declarations are managed',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production' },
				{ name: 'Test System', value: 'test' },
				{ name: 'Custom URL', value: 'custom' },
			],
			default: 'production',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://proxy.example.com/TradeCardManagementService/customer/',
			displayOptions: { show: { environment: ['custom'] } },
			description: 'The URL that operation names are appended to; for a proxy or a local simulator',
		},
	];
}
