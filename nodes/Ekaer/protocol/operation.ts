/**
 * What the client needs to know about one EKÁER endpoint, in one place: its path, whether it may change data, how a
 * request is checked, written and read back, and what a failure means for the caller. See manageTradeCards.ts and
 * queryTradeCards.ts.
 */
import type { EkaerAnswer, ParseOptions } from './parse';
import type { RequestHeader, RequestUser } from './types';

export type EkaerOperationPath = 'manageTradeCards' | 'queryTradeCards';

export interface EkaerOperation<Request, Result> {
	path: EkaerOperationPath;
	/** A write is never sent twice by the client: NAV has no idempotency key. */
	writes: boolean;
	/** Throws an InputError naming the field; returns the request to build (the same object). */
	check(request: Request, now: Date): Request;
	build(header: RequestHeader, user: RequestUser, request: Request): string;
	parse(answer: EkaerAnswer, request: Request, options: ParseOptions): Result;
	/** The error as the caller should see it: what happened, and how to find out before sending again. */
	explainFailure(error: unknown, request: Request): unknown;
}
