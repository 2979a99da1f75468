/**
 * Receipt › Create run again with the same Call ID (a re-delivered order, a re-run workflow): the service refuses the
 * duplicate with 338 but returns neither number nor PDF (szamla-agent.md §4, §7). Like the invoice guard, the item then
 * gets the receipt that call ID made — found by order number and checked against the call ID — as `alreadyExisted`,
 * or an error that says plainly why it cannot be found.
 */
import { ServiceError } from '../../../shared/errors';
import { getReceipt } from '../../protocol/operations/getReceipt';
import type { CreateReceiptRequest } from '../../protocol/types/receiptRequests';
import type { ReceiptResult } from '../../protocol/types/response';
import type { SzamlaContext } from '../context';

export function isCallIdReused(error: unknown): error is ServiceError {
	return error instanceof ServiceError && error.details.code === '338';
}

function cannotFind(refusal: ServiceError, why: string): ServiceError {
	return new ServiceError({ ...refusal.details, explanation: `No second receipt was made: this Call ID was used already. ${why}` });
}

/** The receipt created with this request's call ID, or a ServiceError (the 338, explained) when it cannot be found. */
export async function receiptOfCallId(szamla: SzamlaContext, request: CreateReceiptRequest, refusal: ServiceError): Promise<ReceiptResult> {
	const callId = request.callId!;
	if (!request.orderNumber) {
		throw cannotFind(
			refusal,
			`The service does not say which receipt it made, and without an Order Number the node cannot look it up. Find the receipt with Call ID "${callId}" in Számlázz.hu and use "Get Receipt" by its number; give receipts an Order Number to have this done automatically.`,
		);
	}
	let found: ReceiptResult;
	try {
		found = await szamla.client.send(getReceipt, { downloadPdf: request.downloadPdf, selector: { orderNumber: request.orderNumber } });
	} catch (error) {
		if (error instanceof ServiceError && error.details.code === '339') {
			throw cannotFind(refusal, `No receipt was found under Order Number "${request.orderNumber}", so the one with Call ID "${callId}" was made under another order number. Find it in Számlázz.hu.`);
		}
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the item runner turns it into a NodeApiError/NodeOperationError with the item index (nodes/shared/n8n/nodeErrors.ts)
		throw error;
	}
	if (found.callId !== callId || found.kind !== 'receipt') {
		throw cannotFind(
			refusal,
			`The newest receipt under Order Number "${request.orderNumber}" (${found.receiptNumber}) has ${found.callId ? `Call ID "${found.callId}"` : 'no Call ID'}, not "${callId}", so it is not this one. Find the receipt with Call ID "${callId}" in Számlázz.hu.`,
		);
	}
	return found;
}
