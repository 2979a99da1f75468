/**
 * The transport decides whether a failed request may have been processed: everything about "never issue a document
 * twice" rests on this classification, so each case is produced for real on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { createServer as createHttpsServer } from 'https';
import { connect, type AddressInfo, type Socket } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { TransportError } from '../../../nodes/shared/errors';
import { closeDispatchers, post } from '../../../nodes/shared/transport';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function serve(handler: Handler): Promise<{ url: string; server: Server; hits: () => number }> {
	let hits = 0;
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			hits++;
			handler(req, res, Buffer.concat(chunks).toString('utf8'));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/szamla/`, server, hits: () => hits };
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof TransportError) return error;
		throw error;
	}
	throw new Error('expected a TransportError');
}

const servers: Server[] = [];
afterEach(async () => {
	await closeDispatchers();
	await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
	delete process.env.HTTP_PROXY;
	delete process.env.NO_PROXY;
});

describe('transport', () => {
	it('returns status, lower-cased headers, Set-Cookie apart, and the body bytes', async () => {
		const s = await serve((_req, res, body) => {
			res.setHeader('Set-Cookie', ['JSESSIONID=abc; Path=/szamla/', 'other=1']);
			res.setHeader('SZLAHU_SZAMLASZAM', 'E-1');
			res.end(`echo:${body}`);
		});
		servers.push(s.server);
		const response = await post({ url: s.url, headers: { 'content-type': 'text/plain' }, body: 'hello', timeoutMs: 5000 });
		expect(response.status).toBe(200);
		expect(response.headers.szlahu_szamlaszam).toBe('E-1');
		expect(response.setCookies).toEqual(['JSESSIONID=abc; Path=/szamla/', 'other=1']);
		expect(response.body.toString()).toBe('echo:hello');
	});

	it('reports a refused connection as nothing sent (safe to send again)', async () => {
		const s = await serve(() => undefined);
		const url = s.url;
		await new Promise((r) => s.server.close(r));
		const error = await failure(post({ url, headers: {}, body: 'x', timeoutMs: 2000 }));
		expect(error.failure).toBe('connect-failed');
		expect(error.outcomeUnknown).toBe(false);
	});

	it('reports a timeout after sending as outcome unknown, and does not send again', async () => {
		const s = await serve(() => undefined); // reads the request, never answers
		servers.push(s.server);
		const error = await failure(post({ url: s.url, headers: {}, body: 'create', timeoutMs: 300 }));
		expect(error.failure).toBe('timeout');
		expect(error.outcomeUnknown).toBe(true);
		expect(s.hits()).toBe(1);
	});

	it('reports a connection reset after the request arrived as outcome unknown, with exactly one request', async () => {
		const s = await serve((req) => req.socket.destroy());
		servers.push(s.server);
		const error = await failure(post({ url: s.url, headers: {}, body: 'create', timeoutMs: 2000 }));
		expect(error.failure).toBe('connection-lost');
		expect(error.outcomeUnknown).toBe(true);
		expect(s.hits()).toBe(1);
	});

	// openssl makes the throw-away certificate; every Debian image has it, but do not fail where it is missing.
	const withOpenssl = spawnSync('openssl', ['version']).status === 0 ? it : it.skip;
	withOpenssl('checks certificates: a self-signed HTTPS server is refused before anything is sent', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'tls-'));
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1',
			'-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
		let hits = 0;
		const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
			hits++;
			res.end('should not be reached');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		servers.push(server);
		const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/szamla/`;
		const error = await failure(post({ url, headers: {}, body: 'create', timeoutMs: 2000 }));
		expect(error.failure).toBe('connect-failed');
		expect(error.outcomeUnknown).toBe(false);
		expect(hits).toBe(0);
	});

	it('keeps connections alive across requests to one origin', async () => {
		const ports = new Set<number>();
		const s = await serve((req, res) => {
			ports.add(req.socket.remotePort!);
			res.end('ok');
		});
		servers.push(s.server);
		for (let i = 0; i < 10; i++) await post({ url: s.url, headers: {}, body: String(i), timeoutMs: 2000 });
		// undici's pool may alternate between two sockets, but never opens one per request.
		expect(ports.size).toBeLessThanOrEqual(2);
	});

	it('tunnels through HTTP_PROXY, and goes around it for hosts in NO_PROXY', async () => {
		const target = await serve((_req, res) => res.end('answer'));
		const tunnels: string[] = [];
		const proxy = createServer();
		proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
			tunnels.push(req.url ?? '');
			const [host, port] = (req.url ?? '').split(':');
			const upstream = connect(Number(port), host, () => {
				client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
				upstream.write(head);
				upstream.pipe(client);
				client.pipe(upstream);
			});
			upstream.on('error', () => client.destroy());
			client.on('error', () => upstream.destroy());
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		servers.push(target.server, proxy);
		const targetHost = new URL(target.url).host;
		process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
		const viaProxy = await post({ url: target.url, headers: {}, body: 'x', timeoutMs: 2000 });
		expect(viaProxy.body.toString()).toBe('answer');
		expect(tunnels).toEqual([targetHost]);
		await closeDispatchers();
		process.env.NO_PROXY = '127.0.0.1';
		const direct = await post({ url: target.url, headers: {}, body: 'x', timeoutMs: 2000 });
		expect(direct.body.toString()).toBe('answer');
		expect(tunnels).toEqual([targetHost]);
	});
});
