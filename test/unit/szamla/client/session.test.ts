import { sessionCookieFrom } from '../../../../nodes/SzamlaAgent/client/cookies';
import { credentialFingerprint, DEFAULT_BASE_URL } from '../../../../nodes/SzamlaAgent/client/fingerprint';
import { seal, sealKeyFor, sealKeyFrom, unseal } from '../../../../nodes/SzamlaAgent/client/seal';
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

const KEY_A = sealKeyFor({ kind: 'agentKey', agentKey: KEY });
const KEY_B = sealKeyFor({ kind: 'agentKey', agentKey: KEY + 'x' });

describe('seal (the cookie at rest)', () => {
	it('AES-256-GCM with a fresh IV: the sealed text is not the cookie, differs every time, opens only with key and slot', () => {
		const cookie = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
		const one = seal(cookie, KEY_A, 'fp');
		const two = seal(cookie, KEY_A, 'fp');
		expect(one).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
		expect(one).not.toContain(cookie);
		expect(Buffer.from(one.slice(3), 'base64url').toString('latin1')).not.toContain(cookie);
		expect(one).not.toBe(two);
		expect(unseal(one, KEY_A, 'fp')).toBe(cookie);
		expect(unseal(two, KEY_A, 'fp')).toBe(cookie);
		expect(unseal(one, KEY_B, 'fp')).toBeUndefined();
		expect(unseal(one, KEY_A, 'other-fp')).toBeUndefined();
	});

	it('tampered, truncated or unknown-format values do not open (and do not throw)', () => {
		const sealed = seal('COOKIE', KEY_A, 'fp');
		const raw = Buffer.from(sealed.slice(3), 'base64url');
		raw[raw.length - 1] ^= 1;
		expect(unseal(`v1.${raw.toString('base64url')}`, KEY_A, 'fp')).toBeUndefined();
		expect(unseal(sealed.slice(0, 20), KEY_A, 'fp')).toBeUndefined();
		expect(unseal('COOKIE', KEY_A, 'fp')).toBeUndefined();
		expect(unseal('v2.abc', KEY_A, 'fp')).toBeUndefined();
	});

	it('the key is HKDF-SHA256 of the credential secret: 32 bytes, stable, different per secret, login kind and password', () => {
		expect(sealKeyFrom('s')).toHaveLength(32);
		expect(sealKeyFrom('s').equals(sealKeyFrom('s'))).toBe(true);
		expect(KEY_A.equals(KEY_B)).toBe(false);
		const p1 = sealKeyFor({ kind: 'password', username: 'u', password: 'p1' });
		const p2 = sealKeyFor({ kind: 'password', username: 'u', password: 'p2' });
		expect(p1.equals(p2)).toBe(false);
		expect(KEY_A.toString('hex')).not.toContain(Buffer.from(KEY).toString('hex'));
	});
});

describe('SessionStore', () => {
	let now = 0;
	const clock = () => now;
	beforeEach(() => {
		now = 1_700_000_000_000;
	});

	it('keeps the cookie in memory and, sealed, in the static data under the fingerprint', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = { other: 1 };
		store.record('fp1', 'COOKIE1', staticData, KEY_A);
		expect(staticData).toEqual({ other: 1, szamlaAgentSessions: { fp1: { sealed: expect.stringMatching(/^v1\./), lastUsed: now } } });
		expect(JSON.stringify(staticData)).not.toContain('COOKIE1');
		expect(store.get('fp1')).toBe('COOKIE1');
		expect(new SessionStore({ now: clock }).get('fp1', staticData, KEY_A)).toBe('COOKIE1');
		expect(store.get('fp2', staticData, KEY_A)).toBeUndefined();
	});

	it('an unchanged cookie is not sealed again on every answer; a new cookie or a replaced entry is', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = {};
		const entry = () => (staticData.szamlaAgentSessions as Record<string, { sealed: string; lastUsed: number }>).fp;
		store.record('fp', 'COOKIE1', staticData, KEY_A);
		const first = entry().sealed;
		now += 1000;
		store.record('fp', 'COOKIE1', staticData, KEY_A);
		expect(entry()).toEqual({ sealed: first, lastUsed: now });
		// Another execution's static data (or an edited one) holds something else: seal it afresh.
		entry().sealed = 'v1.garbage';
		store.record('fp', 'COOKIE1', staticData, KEY_A);
		expect(entry().sealed).not.toBe('v1.garbage');
		expect(new SessionStore({ now: clock }).get('fp', staticData, KEY_A)).toBe('COOKIE1');
		store.record('fp', 'COOKIE2', staticData, KEY_A);
		expect(new SessionStore({ now: clock }).get('fp', staticData, KEY_A)).toBe('COOKIE2');
		// A second static data object (another workflow) gets its own sealed entry.
		const other: Record<string, unknown> = {};
		store.record('fp', 'COOKIE2', other, KEY_A);
		expect(new SessionStore({ now: clock }).get('fp', other, KEY_A)).toBe('COOKIE2');
	});

	it('prefers the more recently used layer', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = {};
		store.record('fp', 'OLD');
		now += 1000;
		new SessionStore({ now: clock }).record('fp', 'NEW', staticData, KEY_A);
		expect(store.get('fp', staticData, KEY_A)).toBe('NEW');
	});

	it('drops sessions idle for 90 minutes from both layers', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = {};
		store.record('fp', 'C', staticData, KEY_A);
		now += SESSION_IDLE_MS - 1;
		expect(store.get('fp', staticData, KEY_A)).toBe('C');
		now += 1;
		expect(store.get('fp', staticData, KEY_A)).toBeUndefined();
		expect(staticData.szamlaAgentSessions).toEqual({});
	});

	it('ignores malformed static data instead of failing', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = { szamlaAgentSessions: { fp: { cookie: 42 } } };
		expect(store.get('fp', staticData, KEY_A)).toBeUndefined();
		expect(staticData.szamlaAgentSessions).toEqual({});
	});

	it('drop forgets the session in both layers', () => {
		const store = new SessionStore({ now: clock });
		const staticData: Record<string, unknown> = {};
		store.record('fp', 'C', staticData, KEY_A);
		store.drop('fp', staticData);
		expect(store.get('fp')).toBeUndefined();
		expect(store.get('fp', staticData, KEY_A)).toBeUndefined();
		expect(staticData.szamlaAgentSessions).toEqual({});
	});

	it('a wrong key (another credential, a changed password) yields no cookie and drops the entry: a fresh login, no error', () => {
		const staticData: Record<string, unknown> = {};
		new SessionStore({ now: clock }).record('fp', 'LIVE', staticData, KEY_A);
		const restarted = new SessionStore({ now: clock });
		expect(restarted.get('fp', staticData, KEY_B)).toBeUndefined();
		expect(staticData.szamlaAgentSessions).toEqual({});
	});

	it('without a key a sealed entry is neither used nor touched, and nothing is written to static data', () => {
		const staticData: Record<string, unknown> = {};
		new SessionStore({ now: clock }).record('fp', 'LIVE', staticData, KEY_A);
		const before = JSON.stringify(staticData);
		expect(new SessionStore({ now: clock }).get('fp', staticData)).toBeUndefined();
		expect(JSON.stringify(staticData)).toBe(before);
		const empty: Record<string, unknown> = {};
		new SessionStore({ now: clock }).record('fp', 'LIVE', empty);
		expect(empty).toEqual({});
	});

	it('an old plain-text entry is read once and rewritten sealed', () => {
		const staticData: Record<string, unknown> = { szamlaAgentSessions: { fp: { cookie: 'PLAIN-OLD', lastUsed: now - 1000 } } };
		const store = new SessionStore({ now: clock });
		expect(store.get('fp', staticData, KEY_A)).toBe('PLAIN-OLD');
		const entry = (staticData.szamlaAgentSessions as Record<string, Record<string, unknown>>).fp;
		expect(Object.keys(entry).sort()).toEqual(['lastUsed', 'sealed']);
		expect(entry.lastUsed).toBe(now - 1000);
		expect(JSON.stringify(staticData)).not.toContain('PLAIN-OLD');
		expect(new SessionStore({ now: clock }).get('fp', staticData, KEY_A)).toBe('PLAIN-OLD');
		// Read without a key, an old plain entry is used once and removed rather than left in plain text.
		const other: Record<string, unknown> = { szamlaAgentSessions: { fp: { cookie: 'PLAIN-OLD', lastUsed: now } } };
		expect(new SessionStore({ now: clock }).get('fp', other)).toBe('PLAIN-OLD');
		expect(other.szamlaAgentSessions).toEqual({});
	});

	it('a sealed value copied under another fingerprint does not open there', () => {
		const staticData: Record<string, unknown> = {};
		new SessionStore({ now: clock }).record('fp1', 'LIVE', staticData, KEY_A);
		const sessions = staticData.szamlaAgentSessions as Record<string, unknown>;
		sessions.fp2 = sessions.fp1;
		expect(new SessionStore({ now: clock }).get('fp2', staticData, KEY_A)).toBeUndefined();
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
