/**
 * Credential test: one harmless authenticated call (invoice data for a number that cannot exist). The service logs in
 * before it looks the number up, so "not found" (7) proves the login worked; 3, 136 and 164 are login failures.
 */
import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';
import { ServiceError } from '../../shared/errors';
import { SzamlaAgentClient } from '../client/client';
import { DEFAULT_BASE_URL } from '../client/fingerprint';
import { isLoginFailure } from '../protocol/errorCodes';
import { getInvoiceData } from '../protocol/operations/getInvoiceData';
import { credentialsFrom, type SzamlaCredentialData } from './context';

export async function testSzamlaAgentCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as SzamlaCredentialData;
	const credentials = credentialsFrom(data);
	const client = new SzamlaAgentClient({ credentials, baseUrl: String(data.baseUrl || DEFAULT_BASE_URL), timeoutMs: 30_000 });
	try {
		await client.send(getInvoiceData, { invoiceNumber: 'N8N-CREDENTIAL-TEST-0' });
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		if (error instanceof ServiceError && isLoginFailure(error.details.code)) {
			return { status: 'Error', message: error.message };
		}
		if (error instanceof ServiceError) return { status: 'OK', message: 'Connection successful' };
		return { status: 'Error', message: (error as Error).message };
	}
}
