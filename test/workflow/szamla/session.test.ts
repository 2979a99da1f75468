/**
 * The JSESSIONID session as n8n runs it: one login for a large execution, kept in workflow static data between
 * executions (and across a process restart), replaced when the server drops it, never holding a secret at rest.
 */
import type { IDataObject } from 'n8n-workflow';

import { sharedSessionStore } from '../../../nodes/SzamlaAgent/client/session';
import { DEFAULT_AGENT_KEY } from '../../simulators/szamla';
import { runWorkflow } from '../harness';
import {
	PASSWORD,
	USERNAME,
	createInvoiceParams,
	jsonOf,
	line,
	passwordCredentials,
	runNode,
	sessionCookies,
	szamlaNode,
	useSimulator,
} from './helpers';

const h = useSimulator();

const params = (extra: Record<string, unknown> = {}) =>
	createInvoiceParams([line('={{ "Tétel " + $itemIndex }}', 1, '={{ 100 + $itemIndex }}')], { downloadPdf: false, ...extra });
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ row: i }));

describe('Számla Agent session in a workflow', () => {
	it('500 invoices in one execution log in exactly once', async () => {
		h.sim.reset();
		const result = await runNode(h.sim, params(), { input: items(500) });

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(500);
		expect(new Set(out.map((j) => j.invoiceNumber)).size).toBe(500);
		expect(out[499]).toMatchObject({ netTotal: 599 });
		expect(h.sim.documents.invoices()).toHaveLength(500);
		expect(h.sim.stats.requests).toBe(500);
		expect(h.sim.stats.logins).toBe(1);
	});

	it('a second execution that gets the first one\'s static data, in a new process, does not log in again', async () => {
		const loginsBefore = h.sim.stats.logins;
		const first = await runNode(h.sim, params(), { input: items(3) });
		expect(first.error).toBeUndefined();
		// n8n saves static data only when the engine reports it changed.
		expect(first.staticDataChanged).toBe(true);
		expect(sessionCookies(first.staticData)).toHaveLength(1);

		sharedSessionStore.clear(); // a restarted n8n process: only the database copy survives
		const second = await runNode(h.sim, params(), { input: items(3), staticData: first.staticData });

		expect(second.error).toBeUndefined();
		expect(jsonOf(second)).toHaveLength(3);
		expect(h.sim.stats.logins - loginsBefore).toBe(1);
		expect(sessionCookies(second.staticData)).toEqual(sessionCookies(first.staticData));
	});

	it('static data of an older version (cookie in plain text) is used once, without a login, and rewritten sealed', async () => {
		const first = await runNode(h.sim, params(), { input: items(1) });
		const [cookie] = sessionCookies(first.staticData);
		const sessions = (first.staticData.global as IDataObject).szamlaAgentSessions as Record<string, IDataObject>;
		const [fingerprint] = Object.keys(sessions);
		const legacy = { global: { szamlaAgentSessions: { [fingerprint]: { cookie, lastUsed: Date.now() } } } };
		sharedSessionStore.clear();
		const loginsBefore = h.sim.stats.logins;

		const second = await runNode(h.sim, params(), { input: items(2), staticData: legacy });

		expect(second.error).toBeUndefined();
		expect(h.sim.stats.logins - loginsBefore).toBe(0);
		expect(JSON.stringify(second.staticData)).not.toContain(cookie);
		expect(sessionCookies(second.staticData)).toEqual([cookie]);
	});

	it('a sealed entry that does not open with this credential gives a fresh login, not an error', async () => {
		const first = await runNode(h.sim, params(), { input: items(1) });
		const sessions = (first.staticData.global as IDataObject).szamlaAgentSessions as Record<string, IDataObject>;
		for (const entry of Object.values(sessions)) entry.sealed = `v1.${Buffer.alloc(48, 7).toString('base64url')}`;
		sharedSessionStore.clear();
		const loginsBefore = h.sim.stats.logins;

		const second = await runNode(h.sim, params(), { input: items(2), staticData: first.staticData });

		expect(second.error).toBeUndefined();
		expect(jsonOf(second)).toHaveLength(2);
		expect(h.sim.stats.logins - loginsBefore).toBe(1);
		expect(sessionCookies(second.staticData)).toHaveLength(1);
	});

	it('without the static data, a new process logs in again (the test above is not vacuous)', async () => {
		const loginsBefore = h.sim.stats.logins;
		await runNode(h.sim, params(), { input: items(1) });
		sharedSessionStore.clear();
		await runNode(h.sim, params(), { input: items(1) });

		expect(h.sim.stats.logins - loginsBefore).toBe(2);
	});

	it('manual runs (static data not persisted) share the session through the in-process cache', async () => {
		const loginsBefore = h.sim.stats.logins;
		const first = await runNode(h.sim, params(), { input: items(2), mode: 'manual' });
		const second = await runNode(h.sim, params(), { input: items(2), mode: 'manual' });

		expect(first.error ?? second.error).toBeUndefined();
		expect(h.sim.stats.logins - loginsBefore).toBe(1);
	});

	it('a session the server expired between executions is replaced without failing an item', async () => {
		const first = await runNode(h.sim, params(), { input: items(2) });
		const [oldCookie] = sessionCookies(first.staticData);
		h.sim.expireAllSessions();
		const loginsBefore = h.sim.stats.logins;

		const second = await runNode(h.sim, params(), { input: items(4), staticData: first.staticData });

		expect(second.error).toBeUndefined();
		expect(jsonOf(second).every((j) => typeof j.invoiceNumber === 'string' && j.invoiceNumber !== '')).toBe(true);
		expect(h.sim.stats.logins - loginsBefore).toBe(1);
		const [newCookie] = sessionCookies(second.staticData);
		expect(newCookie).toBeDefined();
		expect(newCookie).not.toBe(oldCookie);
	});

	it('a session that expires in the middle of an execution (fault session-expired) is replaced too', async () => {
		await runNode(h.sim, params(), { input: items(1) }); // warm session
		const loginsBefore = h.sim.stats.logins;
		h.sim.injectFault('session-expired', { times: 1 });

		const result = await runNode(h.sim, params(), { input: items(5) });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(5);
		expect(h.sim.stats.logins - loginsBefore).toBe(1);
	});

	it('turning "Reuse Login Session" off logs in on every request and stores no cookie', async () => {
		const loginsBefore = h.sim.stats.logins;
		const result = await runNode(h.sim, params({ options: { reuseSession: false } }), { input: items(3) });

		expect(result.error).toBeUndefined();
		expect(h.sim.stats.logins - loginsBefore).toBe(3);
		expect(sessionCookies(result.staticData)).toEqual([]);
	});

	it('static data holds only a fingerprint key and the sealed cookie: no agent key, username, password or live cookie', async () => {
		const withKey = await runNode(h.sim, params(), { input: items(1) });
		const withPassword = await runWorkflow({
			nodes: [szamlaNode(params())],
			credentials: passwordCredentials(h.sim),
			staticData: withKey.staticData,
		});
		expect(withPassword.error).toBeUndefined();

		const stored = withPassword.staticData;
		const sessions = (stored.global as IDataObject).szamlaAgentSessions as Record<string, IDataObject>;
		const keys = Object.keys(sessions);
		expect(keys).toHaveLength(2); // one per credential, never shared across accounts
		for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
		for (const session of Object.values(sessions)) expect(Object.keys(session).sort()).toEqual(['lastUsed', 'sealed']);
		const text = JSON.stringify(stored);
		for (const secret of [DEFAULT_AGENT_KEY, PASSWORD, USERNAME]) expect(text).not.toContain(secret);
		// The live cookies themselves are not there either: only ciphertext (issue 10.6)...
		const issued = h.sim.issuedSessionIds!();
		expect(issued.length).toBeGreaterThanOrEqual(2);
		for (const cookie of issued) expect(text).not.toContain(cookie);
		// ...which opens with the right credential only.
		expect(sessionCookies(stored)).toHaveLength(1);
		expect(sessionCookies(stored, { kind: 'password', username: USERNAME, password: PASSWORD })).toHaveLength(1);
		expect(sessionCookies(stored, { kind: 'password', username: USERNAME, password: 'wrong' })).toHaveLength(0);
		expect(h.sim.stats.crossAccountCookies).toBe(0);
	});
});
