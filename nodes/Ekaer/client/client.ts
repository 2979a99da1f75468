/**
 * EKÁER client: validates, signs and sends manageTradeCards / queryTradeCards requests and returns typed results.
 *
 * Write requests are never retried: NAV has no idempotency key, so a lost answer to a create may hide a new card and
 * sending again would declare the goods twice. Queries are retried once when the connection failed, each attempt
 * with a fresh requestId (NAV refuses a requestId it has seen).
 */
import { InputError, ServiceError, TransportError } from '../../shared/errors';
import { redact } from '../../shared/redact';
import { post, type HttpRequest, type HttpResponse } from '../../shared/transport';
import { buildManageRequestXml, buildQueryRequestXml } from '../protocol/build';
import { parseManageResponse, parseQueryResponse, type EkaerAnswer } from '../protocol/parse';
import type {
	OperationOutcome,
	RequestUser,
	TradeCardInfo,
	TradeCardOperation,
	TradeCardQuery,
	TradeCardQueryFilters,
	TradeCardQueryParams,
} from '../protocol/types';
import { checkVatNumber, validateOperation, validateQuery } from '../protocol/validate';
import { newRequestId } from '../signature';
import { operationUrl, type EkaerOperationPath } from './endpoints';
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

const NO_ANSWER = 'The EKÁER service may have created the trade card(s) although no answer arrived';
const CHECK_BEFORE_RESENDING = 'Check with Get Many (by order number) before sending the card(s) again';

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
			throw new InputError('User', 'The EKÁER user name must be 6–30 letters, digits, "-", "@" or "."');
		}
		if (!/^[0-9A-Za-z]{128}$/.test(options.passwordHash)) {
			throw new InputError('Password', 'The password hash must be 128 hexadecimal characters (SHA-512)');
		}
		if (!options.signingKey) throw new InputError('Signing Key', 'The EKÁER signing key is required');
		checkVatNumber('VAT Number', options.vatNumber, true);
	}

	/**
	 * One signed request for the whole batch. Outcomes come back in input order (wire index i+1 ↔ operations[i]).
	 * Input errors name the operation when the batch has more than one ("Operations[2] › Items[1] › VTSZ Code").
	 */
	async manage(operations: TradeCardOperation[]): Promise<OperationOutcome[]> {
		if (operations.length === 0) throw new InputError('Operations', 'At least one operation is required');
		if (operations.length > this.options.maxOperationsPerRequest) {
			throw new InputError('Operations', `At most ${this.options.maxOperationsPerRequest} operations fit in one EKÁER request`);
		}
		const now = this.now();
		operations.forEach((operation, i) => {
			try {
				validateOperation(operation, now);
			} catch (error) {
				if (error instanceof InputError && operations.length > 1) {
					throw new InputError(`Operations[${i + 1}] › ${error.field}`, error.message);
				}
				throw error;
			}
		});
		const xml = buildManageRequestXml({ requestId: newRequestId(), timestamp: now }, this.requestUser, operations);
		const creates = operations.filter((o) => o.operation === 'create');
		try {
			const answer = await this.exchange('manageTradeCards', xml);
			return parseManageResponse(answer, operations, { secrets: this.secrets() });
		} catch (error) {
			throw this.explainLostCreate(error, creates);
		}
	}

	/** One query request (retried once on a failed connection). */
	async query(query: TradeCardQuery): Promise<TradeCardInfo[]> {
		validateQuery(query);
		for (let attempt = 1; ; attempt++) {
			// A fresh requestId and timestamp per attempt: the service refuses a requestId it has seen.
			const xml = buildQueryRequestXml({ requestId: newRequestId(), timestamp: this.now() }, this.requestUser, query);
			try {
				const answer = await this.exchange('queryTradeCards', xml);
				return parseQueryResponse(answer, { secrets: this.secrets() });
			} catch (error) {
				const retryable =
					error instanceof TransportError && (error.failure === 'connect-failed' || error.failure === 'connection-lost');
				if (!retryable || attempt >= 2) throw readOnly(error);
			}
		}
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

	private secrets(): string[] {
		return [this.options.passwordHash, this.options.signingKey];
	}

	private async exchange(operation: EkaerOperationPath, xml: string): Promise<EkaerAnswer> {
		let response: HttpResponse;
		try {
			response = await this.send({
				url: operationUrl(this.options.baseUrl, operation),
				headers: { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml, application/xml' },
				body: xml,
				timeoutMs: this.options.timeoutMs,
			});
		} catch (error) {
			if (error instanceof TransportError) {
				throw new TransportError(error.failure, redact(error.message, this.secrets()), error.outcomeUnknown, error.httpStatus);
			}
			throw new TransportError('connection-lost', redact(String((error as Error)?.message ?? error), this.secrets()), true);
		}
		return { status: response.status, body: response.body, contentType: response.headers['content-type'] };
	}

	/**
	 * A create whose answer is lost or unusable: tell the user, once, how to find out before sending it again. Such a
	 * create is not retryable as it stands: sending it again may declare the goods twice.
	 */
	private explainLostCreate(error: unknown, creates: TradeCardOperation[]): unknown {
		if (creates.length === 0) return error;
		const orders = creates
			.map((o) => (o.operation === 'create' ? o.card.orderNumber : undefined))
			.filter((n): n is string => Boolean(n));
		const hint = `${CHECK_BEFORE_RESENDING}${orders.length > 0 ? ` (order numbers: ${orders.join(', ')})` : ''}.`;
		if (error instanceof TransportError && error.outcomeUnknown) {
			return new TransportError(error.failure, `${error.message}. ${NO_ANSWER}. ${hint}`, true, error.httpStatus);
		}
		if (error instanceof ServiceError && error.details.outcomeUnknown) {
			return new ServiceError({ ...error.details, explanation: `${error.details.explanation}. ${hint}`, retryable: false });
		}
		return error;
	}
}

/** A query creates nothing: whatever happened to its answer, the outcome is not "unknown" and asking again is safe. */
function readOnly(error: unknown): unknown {
	if (error instanceof TransportError && error.outcomeUnknown) {
		return new TransportError(error.failure, error.message, false, error.httpStatus);
	}
	if (error instanceof ServiceError && error.details.outcomeUnknown) return new ServiceError({ ...error.details, outcomeUnknown: false });
	return error;
}

/** Names the node layer uses for the two NAV environments. */
export { EKAER_PRODUCTION_URL as PRODUCTION_BASE_URL, EKAER_TEST_URL as TEST_BASE_URL } from './endpoints';
