/**
 * Admin surface for the out-of-process (real n8n) suite, under `<url>__admin/`: stats, reset, fault, documents,
 * expire-sessions, sessions (every JSESSIONID issued), account-settings ({account, forbidOrderNumberRepetition}).
 * Documents are served without request hashes; no secrets are ever stored in them.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { handleIpnAdmin } from './ipn-admin';
import type { DocumentStore } from './store';
import type { SimDocument, SzamlaFault, SzamlaSimulator, FaultOptions } from './types';

function send(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

function publicDocument(doc: SimDocument): Record<string, unknown> {
	const { requestHash: _omit, ...rest } = doc as SimDocument & { requestHash?: string };
	return rest;
}

export async function handleAdmin(sim: SzamlaSimulator, command: string, req: IncomingMessage, body: Buffer, res: ServerResponse, store?: DocumentStore): Promise<void> {
	try {
		const ipn = store ? await handleIpnAdmin(sim.ipn, store, command, req, body) : undefined;
		if (ipn) return send(res, ipn.status, ipn.body);
		if (req.method === 'GET' && command === 'stats') return send(res, 200, sim.stats);
		if (req.method === 'GET' && command === 'documents') return send(res, 200, sim.documents.all().map(publicDocument));
		// Session ids are test data of this process only; the e2e suite checks that n8n never prints one.
		if (req.method === 'GET' && command === 'sessions') return send(res, 200, { issued: sim.issuedSessionIds ? sim.issuedSessionIds() : [] });
		if (req.method === 'POST' && command === 'reset') {
			sim.reset();
			return send(res, 200, { ok: true });
		}
		if (req.method === 'POST' && command === 'expire-sessions') {
			sim.expireAllSessions();
			return send(res, 200, { ok: true });
		}
		if (req.method === 'POST' && command === 'account-settings') {
			const parsed = JSON.parse(body.toString('utf8') || '{}') as { account?: number; forbidOrderNumberRepetition?: boolean };
			sim.setAccountSettings(parsed.account ?? 0, { forbidOrderNumberRepetition: parsed.forbidOrderNumberRepetition });
			return send(res, 200, { ok: true });
		}
		if (req.method === 'POST' && command === 'fault') {
			const parsed = JSON.parse(body.toString('utf8') || '{}') as { fault: SzamlaFault } & FaultOptions;
			sim.injectFault(parsed.fault, { times: parsed.times, operation: parsed.operation });
			return send(res, 200, { ok: true });
		}
		return send(res, 404, { error: `unknown admin command ${req.method} ${command}` });
	} catch (e) {
		return send(res, 400, { error: (e as Error).message });
	}
}
