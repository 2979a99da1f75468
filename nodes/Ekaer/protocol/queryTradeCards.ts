/** POST queryTradeCards: one card by EKÁER number, or the cards inserted in a time window. Reads only. */
import { ServiceError, TransportError } from '../../shared/errors';
import { buildQueryRequestXml } from './build';
import { checkQuery } from './checked';
import type { EkaerOperation } from './operation';
import { parseQueryResponse } from './parse';
import type { TradeCardInfo, TradeCardQuery } from './types';

/** A query creates nothing: whatever happened to its answer, the outcome is not "unknown" and asking again is safe. */
function readOnly(error: unknown): unknown {
	if (error instanceof TransportError && error.outcomeUnknown) {
		return new TransportError(error.failure, error.message, false, error.httpStatus);
	}
	if (error instanceof ServiceError && error.details.outcomeUnknown) return new ServiceError({ ...error.details, outcomeUnknown: false });
	return error;
}

export const queryTradeCards: EkaerOperation<TradeCardQuery, TradeCardInfo[]> = {
	path: 'queryTradeCards',
	writes: false,
	check: (query) => checkQuery(query),
	build: buildQueryRequestXml,
	parse: (answer, _query, options) => parseQueryResponse(answer, options),
	explainFailure: readOnly,
};
