/**
 * The session cookie at rest: workflow static data leaves n8n with the workflow (`n8n export:workflow`, backups,
 * shared exports), so the JSESSIONID is kept there only as AES-256-GCM ciphertext. The key is derived (HKDF-SHA256)
 * from the credential's secret, which n8n itself keeps encrypted: whoever reads static data without the credential
 * gets no live session. The fingerprint (the static-data slot) is bound in as associated data, so a sealed value
 * copied to another slot does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';
import type { SzamlaCredentials } from './fingerprint';

const VERSION = 'v1';
const SALT = 'n8n-nodes-szamlazz-ekaer/session-cookie';
const INFO = 'JSESSIONID at rest v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SealKey = Buffer;

/** 32 bytes from the credential's secret (agent key, or password). Never stored. */
export function sealKeyFrom(secret: string): SealKey {
	return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), SALT, INFO, 32));
}

/** The key for one credential: its login kind, who and secret (a changed password yields another key: fresh login). */
export function sealKeyFor(credentials: SzamlaCredentials): SealKey {
	return credentials.kind === 'agentKey'
		? sealKeyFrom(`agentKey\n${credentials.agentKey}`)
		: sealKeyFrom(`password\n${credentials.username}\n${credentials.password}`);
}

/** `v1.<base64url(iv | tag | ciphertext)>`, a fresh random IV each time. */
export function seal(plain: string, key: SealKey, slot: string): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(slot, 'utf8'));
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The plain value, or undefined when it does not open (another key, another slot, tampered, unknown format). */
export function unseal(sealed: string, key: SealKey, slot: string): string | undefined {
	if (!sealed.startsWith(`${VERSION}.`)) return undefined;
	const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
	if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
		decipher.setAAD(Buffer.from(slot, 'utf8'));
		decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
		return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
	} catch {
		return undefined;
	}
}
