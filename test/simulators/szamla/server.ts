/**
 * The HTTP side: only POST <path> with multipart/form-data is the Agent; faults that act on the socket or on the
 * HTTP layer (maintenance page, 500, proxy 502, resets, delays) are applied here around the pipeline.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { handleAdmin } from './admin';
import { formEncode, HTML_CT, MESSAGES, type Answer } from './answers';
import { resolveConfig } from './config';
import { FaultQueue } from './faults';
import { IpnSender } from './ipn';
import { readAgentForm } from './multipart';
import { runPipeline, type PipelineDeps } from './pipeline';
import { readSessionCookie, SessionStore } from './sessions';
import { DocumentStore } from './store';
import type { FaultOptions, SzamlaFault, SzamlaSimulator, SzamlaSimulatorOptions, SzamlaStats } from './types';
import { XsdGate } from './xsd-gate';

const AGENT_PATH = '/szamla/';
const ADMIN_PREFIX = `${AGENT_PATH}__admin/`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function emptyStats(): SzamlaStats {
	return {
		requests: 0,
		logins: 0,
		sessionsCreated: 0,
		byOperation: {},
		xsdValidations: 0,
		crossAccountCookies: 0,
		failedLogins: 0,
		orderNumberRefusals: 0,
		identicalReplays: 0,
	};
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function write(res: ServerResponse, answer: Answer, extra: Record<string, string> = {}): void {
	const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
	res.writeHead(answer.status, { ...answer.headers, ...extra, 'content-length': String(body.length) });
	res.end(body);
}

const TOMCAT_500 =
	'<!doctype html><html lang="en"><head><title>HTTP Status 500 – Internal Server Error</title></head><body><h1>HTTP Status 500 – Internal Server Error</h1><hr class="line" /><p><b>Type</b> Exception Report</p><p><b>Description</b> The server encountered an unexpected condition that prevented it from fulfilling the request.</p><hr class="line" /><h3>Apache Tomcat</h3></body></html>';
const PROXY_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const MAINTENANCE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Karbantartás</title></head><body><h1>Karbantartás</h1><p>${MESSAGES.maintenance}</p></body></html>`;

/** What something other than the Agent answers with: the maintenance page, Tomcat's 500, a proxy's 502. */
const FAULT_PAGES = {
	maintenance: { status: 200, headers: { 'content-type': HTML_CT, szlahu_down: 'true' }, body: MAINTENANCE_PAGE },
	'http-500': { status: 500, headers: { 'content-type': HTML_CT }, body: TOMCAT_500 },
	'html-proxy-page': { status: 502, headers: { 'content-type': 'text/html', server: 'nginx' }, body: PROXY_502 },
};

export async function startServer(options: SzamlaSimulatorOptions = {}): Promise<SzamlaSimulator> {
	const config = resolveConfig(options);
	const stats = emptyStats();
	const store = new DocumentStore();
	const sessions = new SessionStore(config.sessionIdleMs);
	const gate = new XsdGate(config.xsdValidation);
	const faults = new FaultQueue();
	const deps: PipelineDeps = { config, store, sessions, gate, stats };
	const ipn = new IpnSender();
	store.onPaymentChange = (doc) => void ipn.paymentChanged(doc);
	/** Creates still "in the works" under the 'lost-answer-stalled' fault; cancelled by reset and close. */
	const stalled = new Set<NodeJS.Timeout>();
	const cancelStalled = () => {
		for (const timer of stalled) clearTimeout(timer);
		stalled.clear();
	};

	const sim: SzamlaSimulator = {
		url: '',
		stats,
		documents: store,
		ipn,
		injectFault: (fault: SzamlaFault, opts?: FaultOptions) => faults.add(fault, opts),
		expireAllSessions: () => sessions.clear(),
		setAccountSettings: (accountIndex, settings) => {
			const account = config.accounts[accountIndex];
			if (!account) throw new Error(`no account ${accountIndex}`);
			if (settings.forbidOrderNumberRepetition !== undefined) account.forbidOrderNumberRepetition = settings.forbidOrderNumberRepetition;
		},
		issuedSessionIds: () => sessions.issued,
		reset: () => {
			// Mutate in place: callers may hold a reference to `stats`. Known XSD shapes stay known (they are still valid).
			Object.assign(stats, emptyStats());
			gate.validations = 0;
			cancelStalled();
			store.reset();
			faults.clear();
			sessions.clear();
			ipn.reset();
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				ipn.reset();
				cancelStalled();
				server.closeAllConnections();
				server.close((e) => (e ? reject(e) : resolve()));
			}),
	};

	async function handleAgent(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
		stats.requests++;
		// The simulated request time is the service's time from arrival to answer, its own work included (as on the real
		// service, where parsing and issuing are part of the time a call takes); a login adds its cost on top.
		const arrived = performance.now();
		const serviceTime = async (loggedIn = false) => {
			const left = config.requestMs + (loggedIn ? config.loginCostMs : 0) - (performance.now() - arrived);
			if (left > 0) await sleep(left);
		};
		const form = await readAgentForm(req.headers['content-type'], body);
		if (form.action) stats.byOperation[form.action.root] = (stats.byOperation[form.action.root] ?? 0) + 1;
		const fault = faults.take(form.action);
		const sessionId = readSessionCookie(req.headers.cookie);

		if (fault === 'reset-before-processing') return void req.socket.destroy();
		const page = fault === 'maintenance' || fault === 'http-500' || fault === 'html-proxy-page' ? FAULT_PAGES[fault] : undefined;
		if (page) {
			await serviceTime();
			return write(res, page);
		}
		if (fault === 'session-expired') sessions.drop(sessionId);
		if (fault === 'lost-answer-stalled') {
			// The answer is lost at once (a proxy or the network drops the connection), but the service keeps working on
			// the create (a lost connection or a client timeout cancels nothing, §7): the document appears only when the
			// stall ends, so a look-up in between finds nothing.
			req.socket.destroy();
			const timer = setTimeout(() => {
				stalled.delete(timer);
				runPipeline(deps, form, sessionId, false).catch(() => undefined);
			}, config.stallMs);
			stalled.add(timer);
			return;
		}

		const result = await runPipeline(deps, form, sessionId, fault === 'mail-failed-56');
		// The document exists now; the client never hears about it.
		if (fault === 'reset-after-create') return void req.socket.destroy();
		await serviceTime(Boolean(result.newSession));
		if (typeof fault === 'object') await sleep(fault.slowMs);
		const extra: Record<string, string> = {};
		if (result.newSession) extra['set-cookie'] = `JSESSIONID=${result.newSession}; Path=${AGENT_PATH}; HttpOnly`;
		write(res, result.answer, extra);
	}

	async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = (req.url ?? '/').split('?')[0];
		const body = await readBody(req);
		if (path.startsWith(ADMIN_PREFIX)) return handleAdmin(sim, path.slice(ADMIN_PREFIX.length), req, body, res, store);
		if (path !== AGENT_PATH) {
			return write(res, { status: 404, headers: { 'content-type': HTML_CT }, body: '<html><body><h1>404 Not Found</h1></body></html>' });
		}
		if (req.method !== 'POST') {
			return write(res, { status: 405, headers: { 'content-type': HTML_CT, allow: 'POST' }, body: '<html><body><h1>405 Method Not Allowed</h1></body></html>' });
		}
		return handleAgent(req, res, body);
	}

	const server: Server = createServer((req, res) => {
		onRequest(req, res).catch((e: Error) => {
			// A simulator bug must be loud in tests, but never leak request contents (they hold the agent key).
			if (!res.headersSent) write(res, { status: 500, headers: { 'content-type': 'text/plain', 'x-simulator-error': formEncode(e.message) }, body: `simulator error: ${e.message}` });
			else res.destroy();
		});
	});
	server.keepAliveTimeout = 65_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, '127.0.0.1', () => resolve());
	});
	sim.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${AGENT_PATH}`;
	return sim;
}
