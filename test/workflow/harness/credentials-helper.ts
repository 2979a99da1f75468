/**
 * Gives nodes their credentials the way n8n's server does, minus the database and encryption: `getDecrypted`
 * returns the test's data for the credential type, and `authenticate` applies the credential type's
 * `authenticate` (function style, and generic `{ type: 'generic' }` with `={{$credentials.x}}` expressions, as
 * n8n's own CredentialsHelper does) so `httpRequestWithAuthentication` sends what production would send.
 *
 * Not modelled: `preAuthentication` (token-exchange credentials), OAuth token refresh, credential inheritance
 * (`extends`), credential-level expressions in the stored data.
 */
import { Credentials } from 'n8n-core';
import { ICredentialsHelper, UserError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import { getCredentialType } from './registry';

export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject | IDataObject>) {
		super();
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		// n8n would fail too (credential not found); failing loudly beats a node silently getting `{}`.
		// A UserError, like n8n's CredentialNotFoundError, so the engine's error reporter logs one line, not a stack.
		if (!data) throw new UserError(`No credential data for type "${type}" in RunOptions.credentials`);
		// A copy, so a node that mutates its credentials cannot leak the change into the next run.
		return structuredClone(data) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = getCredentialType(typeName)?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate?.type !== 'generic') return options;

		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials } as IDataObject,
						undefined,
						'',
					)
				: value;
		const target = options as unknown as Record<string, Record<string, unknown> | undefined>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			const resolved = (target[section] ??= {});
			for (const [key, value] of Object.entries(entries as IDataObject)) {
				resolved[String(resolve(key))] = resolve(value);
			}
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getParentTypes(): string[] {
		return [];
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new Credentials(nodeCredentials, type);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return getCredentialType(type)?.properties ?? [];
	}
}
