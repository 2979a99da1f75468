/**
 * Operations and queries that passed validateOperation / validateQuery. The node checks every item before it sends any (so bad input in row 7 stops
 * the run before row 1 goes out); the client then sends them without checking again. Only the object is remembered,
 * so an operation must not be changed after it was checked.
 */
import type { TradeCardOperation, TradeCardQuery } from './types';
import { validateOperation, validateQuery } from './validate';

const checked = new WeakSet<TradeCardOperation | TradeCardQuery>();

/** Validates the operation (InputError naming the field) and remembers that it passed. */
export function checkOperation<T extends TradeCardOperation>(operation: T, now: Date = new Date()): T {
	if (!checked.has(operation)) {
		validateOperation(operation, now);
		checked.add(operation);
	}
	return operation;
}

/** The same for a query (Get checks it while reading the items, the client sends it). */
export function checkQuery<T extends TradeCardQuery>(query: T): T {
	if (!checked.has(query)) {
		validateQuery(query);
		checked.add(query);
	}
	return query;
}
