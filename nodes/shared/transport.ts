/**
 * HTTP transport for both services: one keep-alive undici dispatcher per origin, a timeout per request, the
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment honoured, certificate checks on and TLS 1.2 as the floor.
 *
 * Nothing here retries. Whether a failed request may be sent again is the caller's decision, and for requests that
 * create documents the answer is "no" unless the request provably never left (see TransportError.outcomeUnknown).
 */
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { TransportError } from './errors';

export interface HttpRequest {
	url: string;
	headers: Record<string, string>;
	body: Buffer | string;
	timeoutMs: number;
}

export interface HttpResponse {
	status: number;
	/** Header names in lower case; repeated headers joined with ", " (Set-Cookie is kept apart in setCookies). */
	headers: Record<string, string>;
	setCookies: string[];
	body: Buffer;
}

const dispatchers = new Map<string, Dispatcher>();
/** The origin of each URL posted to: a node sends thousands of requests to one URL, no need to parse it each time. */
const origins = new Map<string, string>();

function originOf(url: string): string {
	let origin = origins.get(url);
	if (origin === undefined) {
		origin = new URL(url).origin;
		if (origins.size >= 64) origins.clear(); // URLs come from credentials: a handful per process
		origins.set(url, origin);
	}
	return origin;
}

function hasProxyEnvironment(): boolean {
	const env = process.env;
	return Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
}

/** One pooled dispatcher per origin, so a workflow issuing thousands of invoices reuses its TLS connections. */
function dispatcherFor(origin: string): Dispatcher {
	let dispatcher = dispatchers.get(origin);
	if (!dispatcher) {
		const options = {
			keepAliveTimeout: 4_000,
			keepAliveMaxTimeout: 60_000,
			connections: 16,
			connect: { rejectUnauthorized: true, minVersion: 'TLSv1.2' as const },
		};
		dispatcher = hasProxyEnvironment() ? new EnvHttpProxyAgent(options) : new Agent(options);
		dispatchers.set(origin, dispatcher);
	}
	return dispatcher;
}

/** Close pooled connections (tests and benchmarks; n8n itself keeps the process alive). */
export async function closeDispatchers(): Promise<void> {
	const all = [...dispatchers.values()];
	dispatchers.clear();
	await Promise.all(all.map(async (d) => d.close()));
}

/** Errors raised before the request could have been written to the wire: sending again cannot duplicate anything. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'UND_ERR_CONNECT_TIMEOUT',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'ERR_SSL_UNSUPPORTED_PROTOCOL',
]);

function errorCode(error: unknown): string | undefined {
	const e = error as { code?: string; cause?: { code?: string } };
	return e?.code ?? e?.cause?.code;
}

function classify(error: unknown, url: string, timeoutMs: number): TransportError {
	const code = errorCode(error) ?? 'UNKNOWN';
	const host = new URL(url).host;
	if (NOT_SENT_CODES.has(code)) {
		return new TransportError('connect-failed', `Could not connect to ${host} (${code}); nothing was sent`, false);
	}
	if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_ABORTED') {
		return new TransportError('timeout', `No answer from ${host} within ${Math.round(timeoutMs / 1000)} s`, true);
	}
	return new TransportError('connection-lost', `The connection to ${host} broke before the answer arrived (${code})`, true);
}

export async function post(req: HttpRequest): Promise<HttpResponse> {
	const origin = originOf(req.url);
	let response: Dispatcher.ResponseData;
	try {
		response = await request(req.url, {
			method: 'POST',
			headers: req.headers,
			body: req.body,
			dispatcher: dispatcherFor(origin),
			headersTimeout: req.timeoutMs,
			bodyTimeout: req.timeoutMs,
		});
	} catch (error) {
		throw classify(error, req.url, req.timeoutMs);
	}
	let body: Buffer;
	try {
		body = Buffer.from(await response.body.arrayBuffer());
	} catch (error) {
		throw classify(error, req.url, req.timeoutMs);
	}
	const headers: Record<string, string> = {};
	let setCookies: string[] = [];
	for (const [name, value] of Object.entries(response.headers)) {
		if (value === undefined) continue;
		const key = name.toLowerCase();
		if (key === 'set-cookie') setCookies = Array.isArray(value) ? value : [value];
		else headers[key] = Array.isArray(value) ? value.join(', ') : value;
	}
	return { status: response.statusCode, headers, setCookies, body };
}
