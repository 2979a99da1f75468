/** Operation → answer parser. `parseResponse` is the one entry point the client uses. */
import type { SzamlaOperation } from '../operations';
import type { RawResponse, SzamlaResults } from '../types/response';
import { parseInvoiceResponse, parsePaymentResponse } from './invoice';
import { parseInvoiceDataResponse } from './invoiceData';
import { parseDeleteProformaResponse } from './proforma';
import { parseReceiptResponse, parseSendReceiptResponse } from './receipt';
import { parseTaxpayerResponse } from './taxpayer';

/** What the caller knows about the request that the answer alone cannot tell. */
export interface ParseOptions {
	/** Create invoice with `elonezetpdf`: the answer is a PDF only, with no invoice number (nothing was issued). */
	preview?: boolean;
}

type Parsers = { [Op in SzamlaOperation]: (operation: Op, raw: RawResponse, options?: ParseOptions) => SzamlaResults[Op] };

export const RESPONSE_PARSERS: Readonly<Parsers> = Object.freeze({
	createInvoice: parseInvoiceResponse,
	reverseInvoice: parseInvoiceResponse,
	registerPayment: parsePaymentResponse,
	getInvoicePdf: parseInvoiceResponse,
	getInvoiceData: parseInvoiceDataResponse,
	deleteProforma: parseDeleteProformaResponse,
	createReceipt: parseReceiptResponse,
	reverseReceipt: parseReceiptResponse,
	getReceipt: parseReceiptResponse,
	sendReceipt: parseSendReceiptResponse,
	queryTaxpayer: parseTaxpayerResponse,
});

/** Parse one answer; throws ServiceError (the service refused) or TransportError (not a usable answer). */
export function parseResponse<Op extends SzamlaOperation>(operation: Op, raw: RawResponse, options: ParseOptions = {}): SzamlaResults[Op] {
	const parse = RESPONSE_PARSERS[operation] as (operation: Op, raw: RawResponse, options?: ParseOptions) => SzamlaResults[Op];
	return parse(operation, raw, options);
}

export { isWriteOperation, WRITE_OPERATIONS } from './outcome';
