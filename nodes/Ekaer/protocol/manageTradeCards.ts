/**
 * POST manageTradeCards: a batch of create / modify / finalize / delete / correction operations in one signed request.
 * Outcomes come back in input order (wire index i+1 ↔ operations[i]).
 */
import { InputError, ServiceError, TransportError } from '../../shared/errors';
import { buildManageRequestXml } from './build';
import { checkOperation } from './checked';
import type { EkaerOperation } from './operation';
import { parseManageResponse } from './parse';
import type { OperationOutcome, TradeCardOperation } from './types';

const NO_ANSWER = 'The EKÁER service may have created the trade card(s) although no answer arrived';
const CHECK_BEFORE_RESENDING = 'Check with Get Many (by order number) before sending the card(s) again';

/**
 * A create whose answer is lost or unusable: say, once, how to find out before sending it again. Such a create is not
 * retryable as it stands: sending it again may declare the goods twice.
 */
function explainLostCreate(error: unknown, operations: TradeCardOperation[]): unknown {
	const orders: string[] = [];
	let creates = 0;
	for (const o of operations) {
		if (o.operation !== 'create') continue;
		creates++;
		if (o.card.orderNumber) orders.push(o.card.orderNumber);
	}
	if (creates === 0) return error;
	const hint = `${CHECK_BEFORE_RESENDING}${orders.length > 0 ? ` (order numbers: ${orders.join(', ')})` : ''}.`;
	if (error instanceof TransportError && error.outcomeUnknown) {
		return new TransportError(error.failure, `${error.message}. ${NO_ANSWER}. ${hint}`, true, error.httpStatus);
	}
	if (error instanceof ServiceError && error.details.outcomeUnknown) {
		return new ServiceError({ ...error.details, explanation: `${error.details.explanation}. ${hint}`, retryable: false });
	}
	return error;
}

/** An input error of the i-th operation of a batch, named so ("Operations[2] › Items[1] › VTSZ Code"). */
function inBatch(error: unknown, i: number): unknown {
	return error instanceof InputError ? new InputError(`Operations[${i + 1}] › ${error.field}`, error.message) : error;
}

export const manageTradeCards: EkaerOperation<TradeCardOperation[], OperationOutcome[]> = {
	path: 'manageTradeCards',
	writes: true,
	/** Input errors name the operation when the batch has more than one ("Operations[2] › Items[1] › VTSZ Code"). */
	check(operations, now) {
		if (operations.length === 0) throw new InputError('Operations', 'at least one operation is required');
		operations.forEach((operation, i) => {
			try {
				checkOperation(operation, now);
			} catch (error) {
				throw operations.length > 1 ? inBatch(error, i) : error;
			}
		});
		return operations;
	},
	build: buildManageRequestXml,
	parse: parseManageResponse,
	explainFailure: explainLostCreate,
};
