/**
 * The request builders as the tests call them: a typed request with its login (`auth`), as the client would pass it
 * to the operation's build. Also every operation, for tests that walk them all.
 */
import type { SzamlaOperation } from '../../../../nodes/SzamlaAgent/protocol/operation';
import { createInvoice } from '../../../../nodes/SzamlaAgent/protocol/operations/createInvoice';
import { createReceipt } from '../../../../nodes/SzamlaAgent/protocol/operations/createReceipt';
import { deleteProforma } from '../../../../nodes/SzamlaAgent/protocol/operations/deleteProforma';
import { getInvoiceData } from '../../../../nodes/SzamlaAgent/protocol/operations/getInvoiceData';
import { getInvoicePdf } from '../../../../nodes/SzamlaAgent/protocol/operations/getInvoicePdf';
import { getReceipt } from '../../../../nodes/SzamlaAgent/protocol/operations/getReceipt';
import { queryTaxpayer } from '../../../../nodes/SzamlaAgent/protocol/operations/queryTaxpayer';
import { registerPayment } from '../../../../nodes/SzamlaAgent/protocol/operations/registerPayment';
import { reverseInvoice } from '../../../../nodes/SzamlaAgent/protocol/operations/reverseInvoice';
import { reverseReceipt } from '../../../../nodes/SzamlaAgent/protocol/operations/reverseReceipt';
import { sendReceipt } from '../../../../nodes/SzamlaAgent/protocol/operations/sendReceipt';
import type { AgentAuth } from '../../../../nodes/SzamlaAgent/protocol/types/common';

export type WithAuth<Request> = Request & { auth: AgentAuth };

function builder<Request>(operation: SzamlaOperation<Request, unknown>): (request: WithAuth<Request>) => string {
	return ({ auth, ...request }) => operation.build(request as unknown as Request, auth);
}

export const buildCreateInvoiceXml = builder(createInvoice);
export const buildReverseInvoiceXml = builder(reverseInvoice);
export const buildRegisterPaymentXml = builder(registerPayment);
export const buildGetInvoicePdfXml = builder(getInvoicePdf);
export const buildGetInvoiceDataXml = builder(getInvoiceData);
export const buildDeleteProformaXml = builder(deleteProforma);
export const buildCreateReceiptXml = builder(createReceipt);
export const buildReverseReceiptXml = builder(reverseReceipt);
export const buildGetReceiptXml = builder(getReceipt);
export const buildSendReceiptXml = builder(sendReceipt);
export const buildQueryTaxpayerXml = builder(queryTaxpayer);

/** Every Számla Agent operation, by name. */
export const OPERATIONS = {
	createInvoice,
	reverseInvoice,
	registerPayment,
	getInvoicePdf,
	getInvoiceData,
	deleteProforma,
	createReceipt,
	reverseReceipt,
	getReceipt,
	sendReceipt,
	queryTaxpayer,
} as const;

export type OperationName = keyof typeof OPERATIONS;
export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];
