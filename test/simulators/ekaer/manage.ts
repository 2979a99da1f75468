/** manageTradeCards body: a batch of tradeCardOperations, each with its own result; the batch may partly succeed. */
import { child, children, type XmlElement } from './xml/tree';
import { createTradeCard } from './operations/create';
import { modifyTradeCard } from './operations/modify';
import { finalizeTradeCard } from './operations/finalize';
import { deleteTradeCard } from './operations/delete';
import { correctTradeCard } from './operations/correction';
import { failure, type OperationContext, type OperationInput, type OperationOutcome } from './operations/types';
import type { RenderedOperation } from './render';
import { sleep } from './time';

const HANDLERS: Record<string, (op: OperationInput, ctx: OperationContext) => OperationOutcome> = {
	create: createTradeCard,
	modify: modifyTradeCard,
	finalize: finalizeTradeCard,
	delete: deleteTradeCard,
	correction: correctTradeCard,
};

export function operationElements(root: XmlElement): XmlElement[] {
	return children(child(root, 'tradeCardOperations'), 'tradeCardOperation');
}

function readOperation(el: XmlElement): OperationInput {
	const text = (name: string) => child(el, name)?.text;
	return {
		index: text('index')?.trim() ?? '',
		operation: text('operation') ?? '',
		tradeCard: child(el, 'tradeCard'),
		tcn: text('tcn'),
		arrivalDate: text('arrivalDate')?.trim(),
		arrivalDateOnly: text('arrivalDateOnly')?.trim(),
		statusChangeModReasonText: text('statusChangeModReasonText'),
	};
}

export interface ManageHooks {
	perOperationMs: number;
	now: () => number;
	onOperation: (operation: string) => void;
}

export async function runOperations(
	root: XmlElement,
	ctx: Omit<OperationContext, 'nowMs'>,
	hooks: ManageHooks,
): Promise<RenderedOperation[]> {
	const ops = operationElements(root).map(readOperation);
	const indexCount = new Map<number, number>();
	for (const op of ops) indexCount.set(Number(op.index), (indexCount.get(Number(op.index)) ?? 0) + 1);

	const results: RenderedOperation[] = [];
	for (const op of ops) {
		if (hooks.perOperationMs > 0) await sleep(hooks.perOperationMs);
		hooks.onOperation(op.operation);
		let outcome: OperationOutcome;
		// Results are matched by index, so none of the operations sharing one can be trusted to the caller.
		if ((indexCount.get(Number(op.index)) ?? 0) > 1)
			outcome = failure('TC_OP_INDEX_NOT_UNIQUE', `tradeCardOperation/index ${op.index} is not unique in the request`);
		else {
			const handler = HANDLERS[op.operation];
			outcome = handler ? handler(op, { ...ctx, nowMs: hooks.now() }) : failure('INVALID_INPUT', `unknown operation ${op.operation}`);
		}
		results.push({ index: op.index, operation: op.operation, outcome });
	}
	return results;
}
