/**
 * JSESSIONID sessions (szamla-agent.md §4): created on login, dropped after `idleMs` of inactivity. An unknown or
 * expired cookie is not an error; the request simply logs in again and gets a new cookie.
 */
import { randomBytes } from 'crypto';

interface Session {
	accountIndex: number;
	lastUsed: number;
}

export class SessionStore {
	private sessions = new Map<string, Session>();
	/** Every id handed out since start (kept across clear(): the e2e suite checks n8n output never shows one). */
	private readonly issuedIds: string[] = [];

	constructor(private readonly idleMs: number) {}

	/** Live session for this cookie value, touching it; undefined when unknown or idle too long (then it is removed). */
	use(id: string | undefined, now = Date.now()): Session | undefined {
		if (!id) return undefined;
		const s = this.sessions.get(id);
		if (!s) return undefined;
		if (now - s.lastUsed > this.idleMs) {
			this.sessions.delete(id);
			return undefined;
		}
		s.lastUsed = now;
		return s;
	}

	create(accountIndex: number): string {
		// Same look as Tomcat's ids: 32 upper-case hex characters.
		const id = randomBytes(16).toString('hex').toUpperCase();
		this.sessions.set(id, { accountIndex, lastUsed: Date.now() });
		if (this.issuedIds.length < 100_000) this.issuedIds.push(id);
		return id;
	}

	drop(id: string | undefined): void {
		if (id) this.sessions.delete(id);
	}

	clear(): void {
		this.sessions.clear();
	}

	get issued(): readonly string[] {
		return this.issuedIds;
	}

	get size(): number {
		return this.sessions.size;
	}
}

export function readSessionCookie(cookieHeader: string | undefined): string | undefined {
	if (!cookieHeader) return undefined;
	for (const part of cookieHeader.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === 'JSESSIONID') return part.slice(eq + 1).trim();
	}
	return undefined;
}
