/**
 * What to tell the user when a document-creating call ended without a clear answer. The client never resends these
 * (the vendor warns about duplicates, szamla-agent.md §4 and §7); the message names the look-up that settles it.
 */
import type { SzamlaOperation } from '../protocol/operations';

export { WRITE_OPERATIONS } from '../protocol/responses/outcome';

const HINTS: Partial<Record<SzamlaOperation, string>> = {
	createInvoice:
		'The invoice may have been created. Do not send it again blindly: look it up first with "Get Invoice Data" or "Get Invoice PDF" by its external ID (or order number). The service can take a minute to finish, so a "not found" right away does not prove nothing was issued.',
	reverseInvoice:
		'The reversal may have been issued. Check the original invoice with "Get Invoice Data" (it shows as reversed) before sending again.',
	registerPayment:
		'The payment may have been recorded. Check the invoice\'s payments with "Get Invoice Data" before sending again; an additive payment sent twice is recorded twice.',
	deleteProforma:
		'The proforma may have been deleted. Check with "Get Invoice Data" (not found means it is gone) before sending again.',
	createReceipt:
		'The receipt may have been created. Look it up with "Get Receipt" by its order number and compare the call ID; resend only with the same call ID (the service then refuses a duplicate with code 338).',
	reverseReceipt:
		'The receipt reversal may have been issued. Check the receipt with "Get Receipt" (reversed) before sending again.',
	sendReceipt: 'The e-mail may have been sent already; sending again may deliver it twice.',
};

export function recoveryHint(operation: SzamlaOperation): string | undefined {
	return HINTS[operation];
}
