/**
 * One Számla Agent call: multipart body, session cookie in and out, answer parsed into a typed result, errors mapped
 * and scrubbed of secrets. Document-creating calls are never resent; reads get one more try when the connection
 * failed before or while sending.
 */
import { ServiceError, TransportError } from '../../shared/errors';
import { buildMultipart, type FilePart } from '../../shared/multipart';
import { redact } from '../../shared/redact';
import { post, type HttpResponse } from '../../shared/transport';
import { SZAMLA_OPERATIONS, type SzamlaOperation } from '../protocol/operations';
import { isLoginFailure } from '../protocol/errorCodes';
import { parseResponse, type ParseOptions } from '../protocol/responses';
import type { SzamlaResults } from '../protocol/types/response';
import { cookieHeader, sessionCookieFrom } from './cookies';
import { DEFAULT_BASE_URL, credentialFingerprint, credentialSecrets, type SzamlaCredentials } from './fingerprint';
import { recoveryHint, WRITE_OPERATIONS } from './recovery';
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
	/** The create-invoice XML asks for a preview PDF only (`elonezetpdf`): the answer carries no invoice number. */
	preview?: boolean;
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

	constructor(options: SzamlaAgentClientOptions) {
		this.baseUrl = options.baseUrl || DEFAULT_BASE_URL;
		this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		this.sessions = options.sessions ?? sharedSessionStore;
		this.staticData = options.staticData as SessionStaticData | undefined;
		this.fingerprint = credentialFingerprint(options.credentials, this.baseUrl);
		this.sealKey = sealKeyFor(options.credentials);
		this.secrets = credentialSecrets(options.credentials);
		this.reuseSession = options.reuseSession !== false;
	}

	/** Send one request XML (built by protocol/requests) and return the operation's typed result. */
	async send<Op extends SzamlaOperation>(operation: Op, xml: string, sendOptions: SendOptions = {}): Promise<SzamlaResults[Op]> {
		const info = SZAMLA_OPERATIONS[operation];
		const parts: FilePart[] = [
			{ field: info.fieldName, fileName: `${info.root}.xml`, contentType: 'text/xml', content: xml },
			...(sendOptions.attachments ?? []),
		];
		const multipart = buildMultipart(parts);
		const attempts = WRITE_OPERATIONS.has(operation) ? 1 : 2;
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.sendOnce(operation, multipart.contentType, multipart.body, { preview: sendOptions.preview });
			} catch (error) {
				if (attempt < attempts && retryableRead(error)) {
					this.stats.retries++;
					continue;
				}
				throw this.finalError(operation, error);
			}
		}
	}

	private async sendOnce<Op extends SzamlaOperation>(
		operation: Op,
		contentType: string,
		body: Buffer,
		parseOptions: ParseOptions,
	): Promise<SzamlaResults[Op]> {
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
			return parseResponse(operation, response, parseOptions);
		} catch (error) {
			if (error instanceof ServiceError && isLoginFailure(error.details.code)) {
				this.sessions.drop(this.fingerprint, this.staticData);
			}
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
	private finalError(operation: SzamlaOperation, error: unknown): Error {
		const secrets = [...this.secrets, this.sessions.get(this.fingerprint, this.staticData, this.sealKey)];
		const hint = WRITE_OPERATIONS.has(operation) ? recoveryHint(operation) : undefined;
		if (error instanceof ServiceError) {
			const d = error.details;
			// Codes like 1 or unknown ones may mean "a document exists" only when the call could create one.
			const outcomeUnknown = d.outcomeUnknown && WRITE_OPERATIONS.has(operation);
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
			const outcomeUnknown = error.outcomeUnknown && WRITE_OPERATIONS.has(operation);
			const message = outcomeUnknown && hint ? `${error.message}. ${hint}` : error.message;
			return new TransportError(error.failure, redact(message, secrets), outcomeUnknown, error.httpStatus);
		}
		const message = error instanceof Error ? error.message : String(error);
		return new TransportError('invalid-response', redact(`Unexpected failure: ${message}`, secrets), WRITE_OPERATIONS.has(operation));
	}
}
