/**
 * Invoice › Create: every document kind, line items from the node, from an input array or from spreadsheet rows
 * grouped into invoices; an optional duplicate guard, attachments, preview, PDF as binary data.
 *
 * execute: read (create/read.ts, create/rows.ts) → prepare the XML → guard (create/duplicateGuard.ts) → send → output
 * (create/output.ts). The UI is create.description.ts.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runItems } from '../../../shared/n8n/itemRunner';
import type { SzamlaContext } from '../context';
import { readExecutionOptions } from '../common/execution';
import { readLineItems } from '../common/lineItems';
import { queryTaxpayer } from '../../protocol/operations/queryTaxpayer';
import { NavBuyerFiller, lookupsFor } from './buyerFromNav';
import { DuplicateGuard } from './create/duplicateGuard';
import { invoiceOutput, type InvoiceOutputFlags } from './create/output';
import { readAmountOptions, readInvoice, type PreparedInvoice } from './create/read';
import { groupItemIndexes, groupLabel, groupRows, inGroup, readRowLines } from './create/rows';

export { createInvoiceDescription as description } from './create.description';

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	const rowGroups = ctx.getNodeParameter('lineItemsSource', 0, 'parameters') === 'rows' ? groupRows(ctx) : undefined;
	const rowsOf = (i: number): number[] => rowGroups?.groups.get(i) ?? [i];
	const execution = readExecutionOptions(ctx);
	const guard = new DuplicateGuard(szamla, { recoveryWaitMs: execution.recoveryWaitMs });
	const nav = new NavBuyerFiller(
		async (taxNumber) => await szamla.client.send(queryTaxpayer, { taxNumber }),
		lookupsFor(ctx.getExecutionId(), szamla.account),
	);
	const navFor = (i: number) => (ctx.getNodeParameter('buyerFromNav', i, false) === true ? nav : undefined);

	async function prepare(i: number): Promise<PreparedInvoice> {
		const currency = ctx.getNodeParameter('currency', i, 'HUF') as string;
		if (!rowGroups) return await readInvoice(ctx, szamla, i, readLineItems(ctx, i, currency, readAmountOptions(ctx, i)), navFor(i));
		const ungrouped = rowGroups.ungrouped.get(i);
		if (ungrouped) throw ungrouped;
		const rows = rowsOf(i);
		const where = groupLabel(ctx, i);
		try {
			// Header, buyer and the amount options come from the group's first row.
			const lines = readRowLines(ctx, rows, currency, where, readAmountOptions(ctx, i));
			return { ...(await readInvoice(ctx, szamla, i, lines, navFor(i))), rows };
		} catch (error) {
			throw inGroup(error, i, where);
		}
	}

	/** Output flags every result of this run carries, so a guard-returned invoice looks like a fresh one. */
	const flagsOf = (prepared: PreparedInvoice, extra: InvoiceOutputFlags): InvoiceOutputFlags =>
		rowGroups ? { ...extra, rowCount: prepared.rows.length } : extra;

	async function issue(prepared: PreparedInvoice, i: number): Promise<INodeExecutionData[]> {
		const preview = prepared.request.header.previewPdf === true;
		const result = await szamla.client.sendPrepared(prepared.call, { attachments: prepared.attachments });
		return [await invoiceOutput(ctx, i, result, prepared, flagsOf(prepared, preview ? { preview: true } : {}))];
	}

	return await runItems<PreparedInvoice>(
		ctx,
		{
			prepare,
			async send(prepared, i) {
				if (!prepared.guard) return await issue(prepared, i);
				return await guard.run(prepared.guard, prepared.request.header.kind, {
					issue: async () => await issue(prepared, i),
					existing: async (found) => [await invoiceOutput(ctx, i, found.result, prepared, flagsOf(prepared, { alreadyExisted: true }))],
					recovered: async (found) => [await invoiceOutput(ctx, i, found.result, prepared, flagsOf(prepared, { recovered: true }))],
				});
			},
			// Serialise, encode and frame while an earlier answer is awaited (with attachments, sending frames them together).
			warm: (prepared) => void (prepared.attachments?.length ? prepared.call.bytes : prepared.call.body),
		},
		{
			concurrency: execution.parallelRequests,
			secrets: szamla.secrets,
			itemIndexes: rowGroups ? groupItemIndexes(rowGroups) : undefined,
			pairedItems: rowGroups ? (i) => rowsOf(i).map((item) => ({ item })) : undefined,
		},
	);
}
