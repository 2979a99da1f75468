import { sessionCookieFrom } from '../../../../nodes/SzamlaAgent/client/cookies';
import { credentialFingerprint, DEFAULT_BASE_URL } from '../../../../nodes/SzamlaAgent/client/fingerprint';
import { SESSION_IDLE_MS, SessionStore } from '../../../../nodes/SzamlaAgent/client/session';

const KEY = 'k'.repeat(20) + 'SECRETPART' + 'k'.repeat(12);

describe('credential fingerprint', () => {
	it('is a short hex hash without the secret, stable, and distinct per kind, identity and base URL', () => {
		const a = credentialFingerprint({ kind: 'agentKey', agentKey: KEY });
		expect(a).toMatch(/^[0-9a-f]{32}$/);
		expect(a).toBe(credentialFingerprint({ kind: 'agentKey', agentKey: KEY }, DEFAULT_BASE_URL));
		expect(a).not.toBe(credentialFingerprint({ kind: 'agentKey', agentKey: KEY + 'x' }));
		expect(a).not.toBe(credentialFingerprint({ kind: 'agentKey', agentKey: KEY }, 'http://127.0.0.1:1/'));
		expect(a).not.toBe(credentialFingerprint({ kind: 'password', username: KEY, password: 'p' }));
		// A changed password is the same account (and the same session key).
		expect(credentialFingerprint({ kind: 'password', username: 'u', password: 'p1' })).toBe(
			credentialFingerprint({ kind: 'password', username: 'u', password: 'p2' }),
		);
	});
});

describe('session cookie header parsing', () => {
	it('finds JSESSIONID among other cookies and ignores empty or expiring ones', () => {
		expect(sessionCookieFrom(['AWSALB=x; Path=/', 'JSESSIONID=ABC123.node1; Path=/szamla; Secure; HttpOnly'])).toBe('ABC123.node1');
		expect(sessionCookieFrom(['jsessionid=lower; Path=/'])).toBe('lower');
		expect(sessionCookieFrom(['JSESSIONID=; Path=/'])).toBeUndefined();
		expect(sessionCookieFrom(['JSESSIONID=old; Max-Age=0'])).toBeUndefined();
		expect(sessionCookieFrom([])).toBeUndefined();
	});
});

describe('SessionStore', () => {
	let now = 0;
	const clock = () => now;
	beforeEach(() => {
		now = 1_700_000_000_000;
	});

	it('keeps the cookie in memory and in the static data, under the fingerprint', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = { other: 1 };
		store.record('fp1', 'COOKIE1', staticData);
		expect(staticData).toEqual({ other: 1, szamlaAgentSessions: { fp1: { cookie: 'COOKIE1', lastUsed: now } } });
		expect(store.get('fp1')).toBe('COOKIE1');
		expect(new SessionStore({ now: clock }).get('fp1', staticData)).toBe('COOKIE1');
		expect(store.get('fp2', staticData)).toBeUndefined();
	});

	it('prefers the more recently used layer', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = {};
		store.record('fp', 'OLD');
		now += 1000;
		new SessionStore({ now: clock }).record('fp', 'NEW', staticData);
		expect(store.get('fp', staticData)).toBe('NEW');
	});

	it('drops sessions idle for 90 minutes from both layers', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = {};
		store.record('fp', 'C', staticData);
		now += SESSION_IDLE_MS - 1;
		expect(store.get('fp', staticData)).toBe('C');
		now += 1;
		expect(store.get('fp', staticData)).toBeUndefined();
		expect(staticData.szamlaAgentSessions).toEqual({});
	});

	it('ignores malformed static data instead of failing', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = { szamlaAgentSessions: { fp: { cookie: 42 } } };
		expect(store.get('fp', staticData)).toBeUndefined();
		expect(staticData.szamlaAgentSessions).toEqual({});
	});

	it('drop forgets the session in both layers', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = {};
		store.record('fp', 'C', staticData);
		store.drop('fp', staticData);
		expect(store.get('fp')).toBeUndefined();
		expect(store.get('fp', staticData)).toBeUndefined();
	});

	it('lets only one caller log in at a time; the others get its cookie', async () => {
		const store = new SessionStore({ now: clock });
		const first = await store.acquire('fp');
		expect(first.finishLogin).toBeDefined();
		const second = store.acquire('fp');
		store.record('fp', 'FROM-LOGIN');
		first.finishLogin!();
		await expect(second).resolves.toEqual({ cookie: 'FROM-LOGIN' });
	});

	it('after a failed login the next waiter takes its turn', async () => {
		const store = new SessionStore({ now: clock });
		const first = await store.acquire('fp');
		const second = store.acquire('fp');
		first.finishLogin!();
		const turn = await second;
		expect(turn.cookie).toBeUndefined();
		expect(turn.finishLogin).toBeDefined();
	});
});
