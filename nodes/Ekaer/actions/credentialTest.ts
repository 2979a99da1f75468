/**
 * Credential test: a query by an EKÁER number that cannot exist. Bad login answers INVALID_USER_OR_PASSWORD; a refusal
 * of the query itself (card not found) proves the login passed. Answers that come before or instead of the login check
 * (technical fault, schema error, temporary errors) prove nothing and are reported as errors.
 */
import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';
import { ServiceError } from '../../shared/errors';
import { clientFrom, type EkaerCredentialData } from './context';

const NOT_PROVEN = new Set([
	'INVALID_USER_OR_PASSWORD',
	'INVALID_REQUEST_HEADERS',
	'ACCESS_DENIED',
	'NO_VALID_MASTER_USER',
	'OPERATION_FAILED',
	'INVALID_REQUEST',
]);

export async function testEkaerCredential(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	try {
		// Inside the try: a malformed credential (empty user, a hash that is not 128 hex digits) must be reported, not thrown.
		const { client } = clientFrom((credential.data ?? {}) as EkaerCredentialData, 30_000);
		await client.query({ tcn: 'N8NCREDENTIALTEST0' });
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		if (error instanceof ServiceError && !NOT_PROVEN.has(error.details.code) && !error.details.retryable) return { status: 'OK', message: 'Connection successful' };
		return { status: 'Error', message: (error as Error).message };
	}
}
