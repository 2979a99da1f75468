/**
 * Invoice › Create with Line Items Source "rows": spreadsheet rows sharing a Group By value become one invoice, its
 * header and buyer read from the group's first row, one line per row.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { InputError } from '../../../../shared/errors';
import { ItemInputError } from '../../../../shared/n8n/nodeErrors';
import { optionalText } from '../../../../shared/n8n/values';
import { readLineItems, type ComputedLine, type LineAmountOptions } from '../../common/lineItems';

export interface RowGroups {
	/** First row of each group → all rows of the group, in input order. */
	groups: Map<number, number[]>;
	/** Rows that belong to no group (empty Group By): each fails on its own. */
	ungrouped: Map<number, ItemInputError>;
}

/** Which rows belong together, in order of first appearance. */
export function groupRows(ctx: IExecuteFunctions): RowGroups {
	const byKey = new Map<string, number[]>();
	const ungrouped = new Map<number, ItemInputError>();
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		const key = optionalText(ctx.getNodeParameter('groupBy', i, ''));
		if (key === undefined) {
			ungrouped.set(i, new ItemInputError(i, undefined, 'Group By', 'is empty; every row needs a group value'));
			continue;
		}
		const rows = byKey.get(key) ?? [];
		rows.push(i);
		byKey.set(key, rows);
	}
	return { groups: new Map([...byKey.values()].map((rows) => [rows[0], rows])), ungrouped };
}

/** The item indexes the runner works on in row mode: one per group (its first row) and every ungrouped row. */
export function groupItemIndexes(rowGroups: RowGroups): number[] {
	return [...rowGroups.groups.keys(), ...rowGroups.ungrouped.keys()].sort((a, b) => a - b);
}

export function groupLabel(ctx: IExecuteFunctions, firstRow: number): string {
	return `group "${String(ctx.getNodeParameter('groupBy', firstRow, ''))}"`;
}

/** Any bad input while reading a group names the row it is in and the group, e.g. `Item 3 (group "A")`. */
export function inGroup(error: unknown, row: number, where: string): unknown {
	if (error instanceof InputError && !(error instanceof ItemInputError)) return new ItemInputError(row, where, error.field, error.message);
	return error;
}

/**
 * The lines of a group: each row's Line Items (usually one entry written with expressions on the row), read by the
 * same reader as a single invoice's, with errors naming the row and the group.
 */
export function readRowLines(
	ctx: IExecuteFunctions,
	rows: number[],
	currency: string,
	where: string,
	options: LineAmountOptions = {},
): ComputedLine[] {
	return rows.flatMap((row) => {
		try {
			return readLineItems(ctx, row, currency, options);
		} catch (error) {
			throw inGroup(error, row, where);
		}
	});
}
