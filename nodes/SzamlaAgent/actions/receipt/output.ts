/** Output of the receipt operations: the typed result without the PDF bytes, which go to binary data. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { ReceiptResult } from '../../protocol/types/response';
import { pdfBinary } from '../common/pdf';

export async function receiptOutput(ctx: IExecuteFunctions, i: number, result: ReceiptResult, withPdf: boolean): Promise<INodeExecutionData> {
	const { pdf, ...json } = result;
	return { json: json as unknown as IDataObject, binary: withPdf ? await pdfBinary(ctx, i, pdf, result.receiptNumber) : undefined };
}
