/**
 * One Számla Agent call: `send(operation, request)` builds the request XML with this client's login, sends it as a
 * multipart body with the session cookie, and parses the answer into the operation's typed result; errors are mapped
 * and scrubbed of secrets. Document-creating calls are never resent; reads get one more try when the connection
 * failed before or while sending. `prepare` + `sendPrepared` split the build from the send, so a run can check every
 * item's request before sending any.
 */
import { ServiceError, TransportError } from '../../shared/errors';
import { buildMultipart, type FilePart } from '../../shared/multipart';
import { redact } from '../../shared/redact';
import { post, type HttpResponse } from '../../shared/transport';
import { isLoginFailure } from '../protocol/errorCodes';
import { xmlFilePart, type OperationFacts, type PreparedCall, type SzamlaOperation } from '../protocol/operation';
import type { AgentAuth } from '../protocol/types/common';
import { cookieHeader, sessionCookieFrom } from './cookies';
import { DEFAULT_BASE_URL, credentialFingerprint, credentialSecrets, type SzamlaCredentials } from './fingerprint';
import { sealKeyFor, type SealKey } from './seal';
import { sharedSessionStore, type SessionStaticData, type SessionStore } from './session';

export interface SzamlaAgentClientOptions {
	/** The same credentials the request XML carries: they key the session and are scrubbed from errors. */
	credentials: SzamlaCredentials;
	baseUrl?: string;
	/** Per request; creates can take several seconds (one stalled ≥ 57 s in the vendor's service). Default 60 s. */
	timeoutMs?: number;
	/** Defaults to the process-wide store. */
	sessions?: SessionStore;
	/** n8n's `getWorkflowStaticData('global')`, to keep the session between executions. */
	staticData?: object;
	/**
	 * false: never send or keep the session cookie, so every call logs in again (what a plain HTTP Request workflow
	 * does; for troubleshooting and the benchmark's baseline). Default true.
	 */
	reuseSession?: boolean;
	now?: () => number;
}

export interface SendOptions {
	/** Extra file parts (invoice attachments `attachfile1` … `attachfile5`). */
	attachments?: FilePart[];
}

/** Per-client counters, for the benchmark and tests. */
export interface SzamlaClientStats {
	/** HTTP requests sent (retries included). */
	requests: number;
	/** Requests that carried a stored session cookie. */
	cookieReused: number;
	/** Requests that went without a cookie (the server logs in again). */
	withoutCookie: number;
	/** Cookies the server issued that were adopted (first login or an expired session replaced). */
	cookiesAdopted: number;
	retries: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/** The login the request XML carries, from the same credentials that key the session. */
function authOf(credentials: SzamlaCredentials): AgentAuth {
	return credentials.kind === 'agentKey' ? { agentKey: credentials.agentKey } : { username: credentials.username, password: credentials.password };
}

/** Read errors that prove the request never got processed, or lost it mid-way on a call that is safe to repeat. */
function retryableRead(error: unknown): boolean {
	return error instanceof TransportError && (error.failure === 'connect-failed' || error.failure === 'connection-lost');
}

export class SzamlaAgentClient {
	readonly stats: SzamlaClientStats = { requests: 0, cookieReused: 0, withoutCookie: 0, cookiesAdopted: 0, retries: 0 };
	private readonly baseUrl: string;
	private readonly timeoutMs: number;
	private readonly sessions: SessionStore;
	private readonly staticData?: SessionStaticData;
	private readonly fingerprint: string;
	/** Seals the cookie in static data (session.ts); derived from the credential's secret, never stored. */
	private readonly sealKey: SealKey;
	private readonly secrets: string[];
	private readonly reuseSession: boolean;
	private readonly auth: AgentAuth;

	constructor(options: SzamlaAgentClientOptions) {
		this.baseUrl = options.baseUrl || DEFAULT_BASE_URL;
		this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		this.sessions = options.sessions ?? sharedSessionStore;
		this.staticData = options.staticData as SessionStaticData | undefined;
		this.fingerprint = credentialFingerprint(options.credentials, this.baseUrl);
		this.sealKey = sealKeyFor(options.credentials);
		this.secrets = credentialSecrets(options.credentials);
		this.reuseSession = options.reuseSession !== false;
		this.auth = authOf(options.credentials);
	}

	/** Build (and so check) a request with this client's login, to send later with sendPrepared. */
	prepare<Request, Result>(operation: SzamlaOperation<Request, Result>, request: Request): PreparedCall<Result> {
		return operation.prepare(request, this.auth);
	}

	/** Build, check, send and parse one request, e.g. `client.send(getInvoiceData, { invoiceNumber })`. */
	async send<Request, Result>(operation: SzamlaOperation<Request, Result>, request: Request, sendOptions: SendOptions = {}): Promise<Result> {
		return await this.sendPrepared(this.prepare(operation, request), sendOptions);
	}

	/** Send a prepared request and return the operation's typed result. */
	async sendPrepared<Result>(call: PreparedCall<Result>, sendOptions: SendOptions = {}): Promise<Result> {
		const operation = call.operation;
		const attachments = sendOptions.attachments ?? [];
		const multipart = attachments.length === 0 ? call.body : buildMultipart([xmlFilePart(operation, call.bytes), ...attachments]);
		const attempts = operation.writes ? 1 : 2;
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.sendOnce(call, multipart.contentType, multipart.body);
			} catch (error) {
				if (attempt < attempts && retryableRead(error)) {
					this.stats.retries++;
					continue;
				}
				throw this.finalError(operation, error);
			}
		}
	}

	private async sendOnce<Result>(call: PreparedCall<Result>, contentType: string, body: Buffer): Promise<Result> {
		const { cookie, finishLogin } = this.reuseSession
			? await this.sessions.acquire(this.fingerprint, this.staticData, this.sealKey)
			: { cookie: undefined, finishLogin: undefined };
		const headers: Record<string, string> = { 'content-type': contentType, accept: '*/*' };
		if (cookie) headers.cookie = cookieHeader(cookie);
		this.stats.requests++;
		if (cookie) this.stats.cookieReused++;
		else this.stats.withoutCookie++;
		let response: HttpResponse;
		try {
			response = await post({ url: this.baseUrl, headers, body, timeoutMs: this.timeoutMs });
		} finally {
			finishLogin?.();
		}
		if (this.reuseSession) this.adoptCookie(response, cookie);
		try {
			return call.parse(response);
		} catch (error) {
			if (error instanceof ServiceError && isLoginFailure(error.details.code)) {
				this.sessions.drop(this.fingerprint, this.staticData);
			}
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- protocol layer (no n8n imports): the typed error goes on to the action layer, which converts it
			throw error;
		}
	}

	/** Every answer may carry a new cookie (first login, or the server replaced an expired session). */
	private adoptCookie(response: HttpResponse, sent: string | undefined): void {
		const issued = sessionCookieFrom(response.setCookies);
		if (issued) {
			if (issued !== sent) this.stats.cookiesAdopted++;
			this.sessions.record(this.fingerprint, issued, this.staticData, this.sealKey);
		} else if (sent) {
			// The server accepted the cookie: it stays alive for another 90 minutes.
			this.sessions.record(this.fingerprint, sent, this.staticData, this.sealKey);
		}
	}

	/** Scrub secrets and, for writes with an unknown outcome, say how to find out what happened. */
	private finalError(operation: OperationFacts, error: unknown): Error {
		const secrets = [...this.secrets, this.sessions.get(this.fingerprint, this.staticData, this.sealKey)];
		const hint = operation.writes ? operation.recoveryHint : undefined;
		if (error instanceof ServiceError) {
			const d = error.details;
			// Codes like 1 or unknown ones may mean "a document exists" only when the call could create one.
			const outcomeUnknown = d.outcomeUnknown && operation.writes;
			const explanation = outcomeUnknown && hint ? `${d.explanation} ${hint}` : d.explanation;
			return new ServiceError({
				...d,
				outcomeUnknown,
				explanation: redact(explanation, secrets),
				vendorMessage: redact(d.vendorMessage, secrets),
			});
		}
		if (error instanceof TransportError) {
			// A read cannot have created anything, whatever happened to the connection.
			const outcomeUnknown = error.outcomeUnknown && operation.writes;
			const message = outcomeUnknown && hint ? `${error.message}. ${hint}` : error.message;
			return new TransportError(error.failure, redact(message, secrets), outcomeUnknown, error.httpStatus);
		}
		const message = error instanceof Error ? error.message : String(error);
		return new TransportError('invalid-response', redact(`Unexpected failure: ${message}`, secrets), operation.writes);
	}
}
