/**
 * A tiny Számla Agent stand-in on 127.0.0.1 for client tests: sessions by JSESSIONID, the operation from the multipart
 * field name, and a few switchable misbehaviours. The full simulator lives in test/simulators/szamla.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

export type FakeMode = 'ok' | 'reset' | 'login-error' | 'echo-secrets' | 'unknown-code';

export interface FakeRequest {
	field?: string;
	fileName?: string;
	partContentType?: string;
	cookie?: string;
	body: string;
}

export interface FakeAgent {
	url: string;
	requests: FakeRequest[];
	cookiesIssued: string[];
	/** Modes consumed one per request; when empty, 'ok'. */
	queue: FakeMode[];
	expireAllSessions(): void;
	close(): Promise<void>;
}

const INVOICE_OK =
	'<?xml version="1.0" encoding="UTF-8"?><xmlszamlavalasz xmlns="http://www.szamlazz.hu/xmlszamlavalasz"><sikeres>true</sikeres>' +
	'<szamlaszam>E-2026-1</szamlaszam><szamlanetto>1000</szamlanetto><szamlabrutto>1270</szamlabrutto><pdf>JVBERi0xLjQK</pdf></xmlszamlavalasz>';

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export async function startFakeAgent(): Promise<FakeAgent> {
	const sessions = new Set<string>();
	let counter = 0;
	const agent: Omit<FakeAgent, 'url' | 'close'> = {
		requests: [],
		cookiesIssued: [],
		queue: [],
		expireAllSessions: () => sessions.clear(),
	};

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const body = await readBody(req);
		const part = /Content-Disposition: form-data; name="([^"]+)"; filename="([^"]+)"\r\nContent-Type: ([^\r]+)/.exec(body);
		const cookie = /JSESSIONID=([^;\s]+)/.exec(req.headers.cookie ?? '')?.[1];
		agent.requests.push({ field: part?.[1], fileName: part?.[2], partContentType: part?.[3], cookie, body });
		const mode = agent.queue.shift() ?? 'ok';
		if (mode === 'reset') {
			req.socket.destroy();
			return;
		}
		const headers: Record<string, string | string[]> = { 'content-type': 'application/octet-stream' };
		if (!cookie || !sessions.has(cookie)) {
			// A "login": the server opens a session and hands out its cookie.
			const fresh = `SESS${++counter}x${Math.random().toString(36).slice(2, 12)}`;
			sessions.add(fresh);
			agent.cookiesIssued.push(fresh);
			headers['set-cookie'] = [`JSESSIONID=${fresh}; Path=/; Secure; HttpOnly`];
		}
		const key = /<szamlaagentkulcs>([^<]*)</.exec(body)?.[1] ?? '';
		if (mode === 'login-error' || mode === 'echo-secrets' || mode === 'unknown-code') {
			const sent = cookie ?? '';
			const message =
				mode === 'echo-secrets'
					? `Hibás kulcs: ${key} (munkamenet JSESSIONID=${sent}, kulcs=${key})`
					: 'Bejelentkezési hiba';
			headers.szlahu_error_code = mode === 'echo-secrets' ? '57' : mode === 'unknown-code' ? '999' : '3';
			headers.szlahu_error = encodeURIComponent(message).replace(/%20/g, '+');
			res.writeHead(200, headers);
			res.end(
				`<?xml version="1.0"?><xmlszamlavalasz><sikeres>false</sikeres><hibakod>${headers.szlahu_error_code}</hibakod><hibauzenet><![CDATA[${message} ${sent}]]></hibauzenet></xmlszamlavalasz>`,
			);
			return;
		}
		headers.szlahu_szamlaszam = 'E-2026-1';
		headers.szlahu_id = String(agent.requests.length);
		res.writeHead(200, headers);
		res.end(INVOICE_OK);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch(() => res.destroy());
	});
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(agent, {
		url: `http://127.0.0.1:${port}/szamla/`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
}
