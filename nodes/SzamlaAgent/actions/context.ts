/**
 * What every Számla Agent operation needs for one execution: a client that carries the login and the session cookie,
 * and the secrets to scrub from errors.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { DEFAULT_TIMEOUT_MS, SzamlaAgentClient } from '../client/client';
import { DEFAULT_BASE_URL, credentialFingerprint, credentialSecrets, type SzamlaCredentials } from '../client/fingerprint';

export interface SzamlaContext {
	client: SzamlaAgentClient;
	secrets: string[];
	/** Which account and service this is (credential fingerprint: a hash, no secret); keys the duplicate-guard lock. */
	account: string;
	/** The per-request timeout in force (ms), so a lock can outlive the slowest request. */
	timeoutMs: number;
}

export interface SzamlaCredentialData {
	authentication?: 'agentKey' | 'usernamePassword';
	agentKey?: string;
	username?: string;
	password?: string;
	baseUrl?: string;
}

export function credentialsFrom(data: SzamlaCredentialData): SzamlaCredentials {
	if (data.authentication === 'usernamePassword') {
		return { kind: 'password', username: String(data.username ?? '').trim(), password: String(data.password ?? '') };
	}
	return { kind: 'agentKey', agentKey: String(data.agentKey ?? '').trim() };
}

/** Session reuse can be switched off (node option), e.g. to compare with a plain HTTP Request workflow. */
export async function createSzamlaContext(
	ctx: IExecuteFunctions,
	options: { reuseSession?: boolean; timeoutMs?: number } = {},
): Promise<SzamlaContext> {
	const data = (await ctx.getCredentials('szamlaAgentApi')) as SzamlaCredentialData;
	const credentials = credentialsFrom(data);
	const baseUrl = String(data.baseUrl || DEFAULT_BASE_URL);
	const client = new SzamlaAgentClient({
		credentials,
		baseUrl,
		staticData: options.reuseSession === false ? undefined : ctx.getWorkflowStaticData('global'),
		reuseSession: options.reuseSession,
		timeoutMs: options.timeoutMs,
	});
	return {
		client,
		secrets: credentialSecrets(credentials),
		account: credentialFingerprint(credentials, baseUrl),
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
}
