/** The EKÁER client for one execution, built from the credential; the secrets to scrub from every error. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { InputError } from '../../shared/errors';
import { EkaerClient, PRODUCTION_BASE_URL, TEST_BASE_URL } from '../client/client';
import { passwordHash } from '../signature';

export interface EkaerCredentialData {
	user?: string;
	passwordType?: 'plain' | 'sha512';
	password?: string;
	passwordHash?: string;
	signingKey?: string;
	vatNumber?: string;
	environment?: 'production' | 'test' | 'custom';
	customBaseUrl?: string;
}

export interface EkaerContext {
	client: EkaerClient;
	secrets: string[];
}

export function baseUrlOf(data: EkaerCredentialData): string {
	if (data.environment === 'test') return TEST_BASE_URL;
	if (data.environment === 'custom') {
		const url = String(data.customBaseUrl ?? '').trim();
		let protocol: string | undefined;
		try {
			protocol = new URL(url).protocol;
		} catch {
			protocol = undefined;
		}
		// Caught here, an unusable URL is plain bad input; inside the client it would look like a lost answer.
		if (protocol !== 'http:' && protocol !== 'https:') {
			throw new InputError('Custom Base URL', `must be an http(s) URL such as https://proxy.example/TradeCardManagementService/customer/, got "${url}"`);
		}
		return url.endsWith('/') ? url : `${url}/`;
	}
	return PRODUCTION_BASE_URL;
}

export function clientFrom(data: EkaerCredentialData, timeoutMs?: number): EkaerContext {
	const hash =
		data.passwordType === 'sha512' ? String(data.passwordHash ?? '').trim().toUpperCase() : passwordHash(String(data.password ?? ''));
	const client = new EkaerClient({
		baseUrl: baseUrlOf(data),
		user: String(data.user ?? '').trim(),
		passwordHash: hash,
		signingKey: String(data.signingKey ?? ''),
		vatNumber: String(data.vatNumber ?? '').replace(/\D/g, '').slice(0, 8),
		timeoutMs,
	});
	return { client, secrets: [data.password, data.passwordHash, hash, data.signingKey].filter((s): s is string => Boolean(s)) };
}

export async function createEkaerContext(ctx: IExecuteFunctions, timeoutMs?: number): Promise<EkaerContext> {
	return clientFrom((await ctx.getCredentials('ekaerApi')) as EkaerCredentialData, timeoutMs);
}
