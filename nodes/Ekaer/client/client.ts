/**
 * EKÁER client: checks, signs and sends manageTradeCards / queryTradeCards requests and returns typed results. What
 * each endpoint means (check, build, parse, what a failure tells the caller) lives in its protocol descriptor.
 *
 * Write requests are never retried: NAV has no idempotency key, so a lost answer to a create may hide a new card and
 * sending again would declare the goods twice. Queries are retried once when the connection failed, each attempt
 * with a fresh requestId (NAV refuses a requestId it has seen).
 */
import { InputError, TransportError } from '../../shared/errors';
import { redact } from '../../shared/redact';
import { post, type HttpRequest, type HttpResponse } from '../../shared/transport';
import { manageTradeCards } from '../protocol/manageTradeCards';
import type { EkaerOperation, EkaerOperationPath } from '../protocol/operation';
import type { EkaerAnswer } from '../protocol/parse';
import { queryTradeCards } from '../protocol/queryTradeCards';
import type {
	OperationOutcome,
	RequestUser,
	TradeCardInfo,
	TradeCardOperation,
	TradeCardQuery,
	TradeCardQueryFilters,
	TradeCardQueryParams,
} from '../protocol/types';
import { checkVatNumber, validateQuery } from '../protocol/validate';
import { newRequestId } from '../signature';
import { operationUrl } from './endpoints';
import { halve, splitRange, type TimeWindow } from './queryWindows';

export interface EkaerClientOptions {
	/** EKAER_PRODUCTION_URL, EKAER_TEST_URL or a proxy/simulator, ending in /customer/. */
	baseUrl: string;
	user: string;
	/** Uppercase hex SHA-512 of the password (signature.ts passwordHash); the password itself is never needed. */
	passwordHash: string;
	signingKey: string;
	/** The taxpayer's tax number (8-digit base). */
	vatNumber: string;
	/** Per request; default 60 s. */
	timeoutMs?: number;
	/** Clock for the request timestamp and the "arrival in the future" check. */
	now?: () => Date;
	/** Longest insert-date range of one query request; default 30 days. */
	maxQueryRangeDays?: number;
	/** Most operations in one manageTradeCards request; default 100. */
	maxOperationsPerRequest?: number;
	/** Replaceable for tests; defaults to the shared undici transport. */
	send?: (request: HttpRequest) => Promise<HttpResponse>;
}

export interface QueryAllOptions {
	/** Stop after this many cards. */
	limit?: number;
	/** Rows asked per request (maxRowNum, 1–1000); a window returning this many is split in halves. Default 1000. */
	pageSize?: number;
}

export class EkaerClient {
	private readonly options: Required<Omit<EkaerClientOptions, 'send' | 'now'>>;
	private readonly send: (request: HttpRequest) => Promise<HttpResponse>;
	private readonly now: () => Date;
	private readonly requestUser: RequestUser;

	constructor(options: EkaerClientOptions) {
		this.options = {
			baseUrl: options.baseUrl,
			user: options.user,
			passwordHash: options.passwordHash,
			signingKey: options.signingKey,
			vatNumber: options.vatNumber,
			timeoutMs: options.timeoutMs ?? 60_000,
			maxQueryRangeDays: options.maxQueryRangeDays ?? 30,
			maxOperationsPerRequest: options.maxOperationsPerRequest ?? 100,
		};
		this.send = options.send ?? post;
		this.now = options.now ?? (() => new Date());
		this.requestUser = {
			user: options.user,
			passwordHash: options.passwordHash,
			vatNumber: options.vatNumber,
			signingKey: options.signingKey,
		};
		if (!/^[a-zA-Z0-9\-@.]{6,30}$/.test(options.user)) {
			throw new InputError('User', 'must be the EKÁER user name: 6–30 letters, digits, "-", "@" or "."');
		}
		if (!/^[0-9A-Za-z]{128}$/.test(options.passwordHash)) {
			throw new InputError('Password', 'must give a SHA-512 password hash of 128 hexadecimal characters');
		}
		if (!options.signingKey) throw new InputError('Signing Key', 'is required: the signing key set on the EKÁER web interface');
		checkVatNumber('VAT Number', options.vatNumber, true);
	}

	/**
	 * One signed request for the whole batch. Outcomes come back in input order (wire index i+1 ↔ operations[i]).
	 * Operations already checked with checkOperation (the node checks every item first) are not checked again.
	 */
	async manage(operations: TradeCardOperation[]): Promise<OperationOutcome[]> {
		if (operations.length > this.options.maxOperationsPerRequest) {
			throw new InputError('Operations', `at most ${this.options.maxOperationsPerRequest} operations fit in one EKÁER request`);
		}
		return await this.call(manageTradeCards, operations);
	}

	/** One query request (retried once on a failed connection). */
	async query(query: TradeCardQuery): Promise<TradeCardInfo[]> {
		return await this.call(queryTradeCards, query);
	}

	/**
	 * Every card inserted in [from, to] matching `filters`: the range is cut into windows the service accepts, a
	 * window that comes back full (pageSize rows) is split in halves and asked again, results are de-duplicated by
	 * EKÁER number and returned in window order.
	 */
	async queryAll(
		range: { from: Date; to: Date },
		filters: TradeCardQueryFilters = {},
		options: QueryAllOptions = {},
	): Promise<TradeCardInfo[]> {
		const pageSize = options.pageSize ?? 1000;
		const limit = options.limit ?? Number.POSITIVE_INFINITY;
		validateQuery({ ...filters, insertedFrom: range.from, insertedTo: range.to, maxRows: pageSize });
		const found = new Map<string, TradeCardInfo>();
		const pending: TimeWindow[] = splitRange(range.from, range.to, this.options.maxQueryRangeDays);
		while (pending.length > 0 && found.size < limit) {
			const window = pending.shift()!;
			const params: TradeCardQueryParams = { ...filters, insertedFrom: window.from, insertedTo: window.to, maxRows: pageSize };
			const cards = await this.query(params);
			const halves = cards.length >= pageSize ? halve(window) : undefined;
			if (halves) {
				// A full page may hide more cards: ask both halves instead (in order, before the later windows).
				pending.unshift(...halves);
				continue;
			}
			for (const card of cards) if (!found.has(card.tcn)) found.set(card.tcn, card);
		}
		return [...found.values()].slice(0, limit);
	}

	/** Check, then build, sign, send and parse; a read whose connection failed is sent once more with a new id. */
	private async call<Request, Result>(operation: EkaerOperation<Request, Result>, request: Request): Promise<Result> {
		const checked = operation.check(request, this.now());
		for (let attempt = 1; ; attempt++) {
			// A fresh requestId and timestamp per attempt: the service refuses a requestId it has seen.
			const xml = operation.build({ requestId: newRequestId(), timestamp: this.now() }, this.requestUser, checked);
			try {
				const answer = await this.exchange(operation.path, xml);
				return operation.parse(answer, checked, { secrets: this.secrets() });
			} catch (error) {
				const neverArrived = error instanceof TransportError && (error.failure === 'connect-failed' || error.failure === 'connection-lost');
				if (operation.writes || !neverArrived || attempt >= 2) throw operation.explainFailure(error, checked);
			}
		}
	}

	private secrets(): string[] {
		return [this.options.passwordHash, this.options.signingKey];
	}

	private async exchange(path: EkaerOperationPath, xml: string): Promise<EkaerAnswer> {
		let response: HttpResponse;
		try {
			response = await this.send({
				url: operationUrl(this.options.baseUrl, path),
				headers: { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml, application/xml' },
				body: xml,
				timeoutMs: this.options.timeoutMs,
			});
		} catch (error) {
			throw scrubbedTransportError(error, this.secrets());
		}
		return { status: response.status, body: response.body, contentType: response.headers['content-type'] };
	}
}

/** Names the node layer uses for the two NAV environments. */
export { EKAER_PRODUCTION_URL as PRODUCTION_BASE_URL, EKAER_TEST_URL as TEST_BASE_URL } from './endpoints';

/** A transport failure with the secrets taken out of its message; anything else thrown there counts as a lost connection. */
function scrubbedTransportError(error: unknown, secrets: string[]): TransportError {
	if (error instanceof TransportError) return new TransportError(error.failure, redact(error.message, secrets), error.outcomeUnknown, error.httpStatus);
	return new TransportError('connection-lost', redact(String((error as Error)?.message ?? error), secrets), true);
}
