/**
 * Who is calling, as far as the session store is concerned. The fingerprint is a hash so the store (which n8n persists
 * with the workflow) never holds the agent key, username or password.
 */
import { createHash } from 'crypto';

export type SzamlaCredentials =
	| { kind: 'agentKey'; agentKey: string }
	| { kind: 'password'; username: string; password: string };

export const DEFAULT_BASE_URL = 'https://www.szamlazz.hu/szamla/';

/**
 * SHA-256 of auth kind + key or username + base URL, hex, first 32 characters (128 bits: no collisions in practice,
 * short enough to be a readable object key). The password is left out on purpose: a changed password is the same
 * account, and a stale cookie is simply replaced by the server or dropped on a login error.
 */
export function credentialFingerprint(credentials: SzamlaCredentials, baseUrl: string = DEFAULT_BASE_URL): string {
	const who = credentials.kind === 'agentKey' ? credentials.agentKey : credentials.username;
	return createHash('sha256').update(`${credentials.kind}\n${who}\n${baseUrl}`, 'utf8').digest('hex').slice(0, 32);
}

/** The values that must never appear in an error, result or log line. */
export function credentialSecrets(credentials: SzamlaCredentials): string[] {
	return credentials.kind === 'agentKey' ? [credentials.agentKey] : [credentials.password];
}
