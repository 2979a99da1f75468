/**
 * The trigger's one call to Számlázz.hu: get an invoice's data by number with the node's Számla Agent credential,
 * reusing the session the Számla Agent node keeps (same store, same static-data slot, so the trigger and the node
 * share one login). Everything the trigger needs from the existing client lives in this file.
 */
import type { IWebhookFunctions } from 'n8n-workflow';
import { ServiceError } from '../shared/errors';
import { credentialsFrom, type SzamlaCredentialData } from '../SzamlaAgent/actions/context';
import { SzamlaAgentClient } from '../SzamlaAgent/client/client';
import { DEFAULT_BASE_URL, credentialSecrets } from '../SzamlaAgent/client/fingerprint';
import { getInvoiceData, type InvoiceData } from '../SzamlaAgent/protocol/operations/getInvoiceData';

/** Számla Agent code 7: no such document (for the query: unknown number). */
const NOT_FOUND = '7';

/** Found, unknown to the account (code 7), or not answered usefully (service down, timeout, login refused). */
export type InvoiceLookup = { found: true; invoice: InvoiceData } | { found: false } | { failed: unknown };

export interface InvoiceSource {
	lookup(invoiceNumber: string): Promise<InvoiceLookup>;
	/** Credential secrets, to scrub from anything logged. */
	secrets: string[];
}

export async function invoiceSource(ctx: IWebhookFunctions, timeoutMs: number): Promise<InvoiceSource> {
	const data = (await ctx.getCredentials('szamlaAgentApi')) as SzamlaCredentialData;
	const credentials = credentialsFrom(data);
	const client = new SzamlaAgentClient({
		credentials,
		baseUrl: String(data.baseUrl || DEFAULT_BASE_URL),
		staticData: ctx.getWorkflowStaticData('global'),
		timeoutMs,
	});
	return {
		secrets: credentialSecrets(credentials),
		async lookup(invoiceNumber) {
			try {
				const invoice = await client.send(getInvoiceData, { invoiceNumber });
				return { found: true, invoice };
			} catch (error) {
				if (error instanceof ServiceError && error.details.code === NOT_FOUND) return { found: false };
				return { failed: error };
			}
		},
	};
}
