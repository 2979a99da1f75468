/**
 * Turns protocol and transport errors into n8n errors that name the item and the field, with secrets scrubbed.
 */
import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { InputError, ServiceError, TransportError } from '../errors';
import { redact } from '../redact';

export type NodeError = NodeApiError | NodeOperationError;

/**
 * Bad input found in another input item than the one the runner is working on: a spreadsheet row of an invoice made
 * from several rows. The error names (and n8n's `itemIndex` points at) that row, and `where` says which group it is in.
 */
export class ItemInputError extends InputError {
	constructor(
		readonly itemIndex: number,
		readonly where: string | undefined,
		field: string,
		message: string,
	) {
		super(field, message);
		this.name = 'ItemInputError';
	}
}

function itemLabel(itemIndex: number, error: unknown): string {
	if (error instanceof ItemInputError) return `Item ${error.itemIndex}${error.where ? ` (${error.where})` : ''}`;
	return `Item ${itemIndex}`;
}

/** Extra facts kept on error items under Continue On Fail, so a workflow can branch on them. */
export interface ErrorFacts {
	error: string;
	errorField?: string;
	errorCode?: string;
	explanation?: string;
	retryable?: boolean;
	outcomeUnknown?: boolean;
}

export function errorFacts(error: unknown, secrets: ReadonlyArray<string | undefined>): ErrorFacts {
	const facts = rawFacts(error, secrets);
	for (const key of Object.keys(facts) as Array<keyof ErrorFacts>) if (facts[key] === undefined) delete facts[key];
	return facts;
}

function rawFacts(error: unknown, secrets: ReadonlyArray<string | undefined>): ErrorFacts {
	const clean = (text: string) => redact(text, secrets);
	if (error instanceof ItemInputError) {
		// The error item stands for the whole group, so its message says which row is wrong.
		const message = `${itemLabel(error.itemIndex, error)}: ${error.message}`;
		return { error: clean(message), errorField: error.field, retryable: false, outcomeUnknown: false };
	}
	if (error instanceof InputError) {
		return { error: clean(error.message), errorField: error.field, retryable: false, outcomeUnknown: false };
	}
	if (error instanceof ServiceError) {
		const d = error.details;
		return {
			error: clean(error.message),
			errorCode: d.code,
			explanation: clean(d.explanation),
			retryable: d.retryable,
			outcomeUnknown: d.outcomeUnknown,
		};
	}
	if (error instanceof TransportError) {
		return { error: clean(error.message), retryable: !error.outcomeUnknown, outcomeUnknown: error.outcomeUnknown };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { error: clean(message) };
}

/** n8n error for one item. The message starts with the item number so a 500-row sheet points at its row. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	secrets: ReadonlyArray<string | undefined>,
): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const message = redact(error.message, secrets);
		// An n8n error that already names its item keeps that item.
		const own = (error.context as { itemIndex?: unknown } | undefined)?.itemIndex;
		const index = typeof own === 'number' ? own : itemIndex;
		return new NodeOperationError(node, message, { itemIndex: index, description: redact(error.description ?? '', secrets) });
	}
	const facts = errorFacts(error, secrets);
	const prefix = itemLabel(itemIndex, error);
	if (error instanceof InputError) {
		return new NodeOperationError(node, `${prefix}, field "${error.field}": ${redact(error.message, secrets)}`, {
			itemIndex: error instanceof ItemInputError ? error.itemIndex : itemIndex,
			description: error.hint ?? 'Nothing was sent for this item. Fix the input value and run again.',
		});
	}
	if (error instanceof ServiceError) {
		const d = error.details;
		// Not `code`: NodeApiError reads errorResponse.code as the HTTP status and would show a vendor code as one.
		const response: JsonObject = { serviceCode: d.code, message: redact(d.vendorMessage, secrets), service: d.service };
		return new NodeApiError(node, response, {
			itemIndex,
			message: `${prefix}: ${facts.error}`,
			description: [
				facts.explanation,
				d.outcomeUnknown ? 'The document may have been created anyway: check before sending again.' : '',
				d.retryable ? 'This is temporary; trying again later should work.' : '',
			]
				.filter(Boolean)
				.join(' '),
			httpCode: d.httpStatus ? String(d.httpStatus) : undefined,
		});
	}
	if (error instanceof TransportError) {
		return new NodeApiError(node, { message: facts.error, failure: error.failure } as JsonObject, {
			itemIndex,
			message: `${prefix}: ${facts.error}`,
			description: error.outcomeUnknown
				? 'The answer was lost, so the outcome is unknown. It was not sent again automatically.'
				: 'Nothing was sent; it is safe to run again.',
			httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
		});
	}
	return new NodeOperationError(node, `${prefix}: ${facts.error}`, { itemIndex });
}
