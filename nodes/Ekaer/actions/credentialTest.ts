/** Credential test: a query by an EKÁER number that cannot exist. Bad login answers INVALID_USER_OR_PASSWORD. */
import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';
import { ServiceError } from '../../shared/errors';
import { clientFrom, type EkaerCredentialData } from './context';

const LOGIN_FAILURES = new Set(['INVALID_USER_OR_PASSWORD', 'INVALID_REQUEST_HEADERS', 'ACCESS_DENIED', 'NO_VALID_MASTER_USER']);

export async function testEkaerCredential(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const { client } = clientFrom((credential.data ?? {}) as EkaerCredentialData, 30_000);
	try {
		await client.query({ tcn: 'N8NCREDENTIALTEST0' });
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		if (error instanceof ServiceError && !LOGIN_FAILURES.has(error.details.code)) return { status: 'OK', message: 'Connection successful' };
		return { status: 'Error', message: (error as Error).message };
	}
}
