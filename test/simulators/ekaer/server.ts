/** HTTP front of the EKÁER simulator: routing, content type, delays, injected faults and the admin surface. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Authenticator } from './auth';
import { DEFAULT_USER, DEFAULTS, SERVICE_PATH } from './constants';
import { FaultQueue } from './faults';
import { SchemaGate } from './schemaGate';
import { seedTradeCards } from './seed';
import { EkaerService, technicalFault, type ServiceResponse } from './service';
import { CardStore } from './store';
import { sleep } from './time';
import type { EkaerEndpoint, EkaerSimulator, EkaerSimulatorOptions, EkaerStats } from './types';

const ENDPOINTS = new Set<string>(['manageTradeCards', 'queryTradeCards']);
/** What the 2015 test system said to a request it could not unmarshal (ekaer.log 2015-03-17). */
const UNMARSHAL_MSG =
	'unexpected element (uri:"http://schemas.nav.gov.hu/EKAER/1.6/ekaermanagement", local:"manageTradeCardsRequest"). Expected elements are <{http://schemas.nav.gov.hu/EKAER/1.0/ekaermanagement}manageTradeCardsRequest>';
const XML_TYPES = /^(text|application)\/xml\s*(;|$)/i;

const HTML_PAGE =
	'<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head>' +
	'<body><h1>Service Temporarily Unavailable</h1><p>The server is temporarily unable to service your request due to ' +
	'maintenance downtime or capacity problems. Please try again later.</p></body></html>';

function emptyStats(stats?: EkaerStats): EkaerStats {
	const fresh: EkaerStats = { requests: 0, operations: 0, byOperation: {}, rejectedSignatures: 0, xsdValidations: 0 };
	return stats ? Object.assign(stats, fresh) : fresh;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) reject(new BodyTooLarge());
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function send(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
	if (res.destroyed) return;
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
	res.end(body);
}

const sendXml = (res: ServerResponse, r: ServiceResponse) => send(res, r.status, 'text/xml;charset=UTF-8', r.body);
const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json', JSON.stringify(value));

export async function startEkaerSimulator(options: EkaerSimulatorOptions = {}): Promise<EkaerSimulator> {
	const now = () => (options.now ? options.now() : new Date()).getTime();
	const stats = emptyStats();
	const store = new CardStore();
	const faults = new FaultQueue();
	const users = options.users ?? [DEFAULT_USER];
	const auth = new Authenticator(users, options.maxTimestampSkewMs ?? DEFAULTS.maxTimestampSkewMs);
	const gate = new SchemaGate(options.xsdValidation ?? 'new-shapes', () => stats.xsdValidations++);
	const service = new EkaerService(
		{
			now,
			perOperationMs: options.perOperationMs ?? 0,
			maxOperationsPerRequest: options.maxOperationsPerRequest ?? DEFAULTS.maxOperationsPerRequest,
			maxQueryRangeDays: options.maxQueryRangeDays ?? DEFAULTS.maxQueryRangeDays,
			maxRowNum: DEFAULTS.maxRowNum,
		},
		stats,
		store,
		auth,
		gate,
	);
	const requestMs = options.requestMs ?? 0;

	const reset = () => {
		store.reset();
		auth.reset();
		faults.clear();
		emptyStats(stats);
	};

	async function handleEndpoint(endpoint: EkaerEndpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
		stats.requests++;
		stats.byOperation[endpoint] = (stats.byOperation[endpoint] ?? 0) + 1;
		if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method Not Allowed', { Allow: 'POST' });
		let body: Buffer;
		try {
			body = await readBody(req, DEFAULTS.maxBodyBytes);
		} catch (error) {
			if (error instanceof BodyTooLarge) {
				send(res, 413, 'text/plain', 'Request Entity Too Large', { Connection: 'close' });
				return;
			}
			throw error;
		}

		options.onRequest?.(endpoint, body.toString('utf8'));
		const fault = faults.take(endpoint);
		if (fault === 'reset-before-processing') {
			req.socket.destroy();
			return;
		}
		if (fault === 'technical-fault-500') return sendXml(res, technicalFault('Simulated technical fault (injected)', 'processing'));
		if (fault === 'unmarshal-fault-500') return sendXml(res, technicalFault(UNMARSHAL_MSG, 'unmarshal'));
		if (fault === 'html-page') return send(res, 503, 'text/html; charset=UTF-8', HTML_PAGE);

		if (!XML_TYPES.test(req.headers['content-type'] ?? ''))
			return send(res, 415, 'text/plain', 'Unsupported Media Type: send text/xml or application/xml');
		if (requestMs > 0) await sleep(requestMs);

		let response: ServiceResponse;
		try {
			response = await service.handle(endpoint, body.toString('utf8').replace(/^\uFEFF/, ''));
		} catch (error) {
			response = technicalFault(`java.lang.RuntimeException: ${(error as Error).message}`, 'processing');
		}
		// The work is done (cards stored, requestId used); the caller just never hears about it.
		if (fault === 'reset-after-processing') {
			req.socket.destroy();
			return;
		}
		if (typeof fault === 'object') await sleep(fault.slowMs);
		sendXml(res, response);
	}

	async function handleAdmin(action: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
		const key = `${req.method} ${action}`;
		if (key === 'GET stats') return sendJson(res, 200, stats);
		if (key === 'GET tradeCards') return sendJson(res, 200, [...store.cards.values()]);
		if (key === 'POST tradeCards') {
			try {
				const body = JSON.parse((await readBody(req, DEFAULTS.maxBodyBytes)).toString('utf8'));
				return sendJson(res, 200, seedTradeCards(body, { users, store, now }));
			} catch (error) {
				return sendJson(res, 400, { error: (error as Error).message });
			}
		}
		if (key === 'POST reset') {
			await readBody(req, 1024 * 1024);
			reset();
			return sendJson(res, 200, { ok: true });
		}
		if (key === 'POST fault') {
			try {
				const { fault, times, operation } = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8'));
				faults.add(fault, { times, operation });
				return sendJson(res, 200, { ok: true });
			} catch (error) {
				return sendJson(res, 400, { error: (error as Error).message });
			}
		}
		return sendJson(res, 404, { error: `unknown admin action ${key}` });
	}

	const server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		const name = path.startsWith(SERVICE_PATH) ? path.slice(SERVICE_PATH.length) : undefined;
		let work: Promise<void>;
		if (name !== undefined && ENDPOINTS.has(name)) work = handleEndpoint(name as EkaerEndpoint, req, res);
		else if (name !== undefined && name.startsWith('__admin/')) work = handleAdmin(name.slice('__admin/'.length), req, res);
		else {
			req.resume();
			work = Promise.resolve(send(res, 404, 'text/plain', 'Not Found'));
		}
		work.catch((error) => {
			if (!res.headersSent) sendXml(res, technicalFault(`java.lang.RuntimeException: ${(error as Error).message}`, 'processing'));
			else res.destroy();
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		baseUrl: `http://127.0.0.1:${port}${SERVICE_PATH}`,
		stats,
		tradeCards: store.cards,
		requestIds: auth.requestIds,
		injectFault: (fault, opts) => faults.add(fault, opts),
		reset,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
