/** Header and user block checks (ekaer.md §2): password hash, request signature, timestamp, requestId reuse, taxpayer. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { child, type XmlElement } from './xml/tree';
import { parseDateTime, utcStamp14 } from './time';
import type { EkaerUser } from './types';

export interface RequestEnvelope {
	requestId: string;
	timestamp: string;
	requestVersion: string;
	headerVersion?: string;
	user: string;
	passwordHash: string;
	vatNumber: string;
	requestSignature: string;
}

export function readEnvelope(root: XmlElement): RequestEnvelope {
	const header = child(root, 'header');
	const user = child(root, 'user');
	const leaf = (parent: XmlElement | undefined, name: string) => child(parent, name)?.text.trim();
	return {
		requestId: leaf(header, 'requestId') ?? '',
		timestamp: leaf(header, 'timestamp') ?? '',
		requestVersion: leaf(header, 'requestVersion') ?? '',
		headerVersion: leaf(header, 'headerVersion'),
		user: leaf(user, 'user') ?? '',
		passwordHash: leaf(user, 'passwordHash') ?? '',
		vatNumber: leaf(user, 'VATNumber') ?? '',
		requestSignature: leaf(user, 'requestSignature') ?? '',
	};
}

export function sha512Upper(input: string): string {
	return createHash('sha512').update(input, 'utf8').digest('hex').toUpperCase();
}

export type AuthOutcome =
	| { ok: true; user: EkaerUser }
	| { ok: false; reasonCode: 'INVALID_USER_OR_PASSWORD' | 'INVALID_REQUEST_HEADERS' | 'ACCESS_DENIED'; msg: string; badSignature?: boolean };

interface RegisteredUser {
	user: EkaerUser;
	passwordHash: string;
}

function sameText(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks one request's header and user block. Keeps the registered users (with precomputed password hashes) and the
 * requestIds already used per taxpayer. Messages never contain the password, hashes, signature or signing key.
 */
export class Authenticator {
	private readonly users = new Map<string, RegisteredUser>();
	private readonly usedIds = new Set<string>();
	readonly requestIds = new Set<string>();

	constructor(users: EkaerUser[], private readonly maxSkewMs: number) {
		for (const user of users) this.users.set(user.user, { user, passwordHash: sha512Upper(user.password) });
	}

	reset(): void {
		this.usedIds.clear();
		this.requestIds.clear();
	}

	check(env: RequestEnvelope, nowMs: number): AuthOutcome {
		const registered = this.users.get(env.user);
		// Uppercase is demanded by the XSD documentation ("UPPER CASE!"); whether NAV accepts lowercase is not known,
		// the simulator does not.
		if (!registered || !sameText(env.passwordHash, registered.passwordHash))
			return { ok: false, reasonCode: 'INVALID_USER_OR_PASSWORD', msg: 'Hibás felhasználónév vagy jelszó! (invalid user name or password)' };

		const ts = parseDateTime(env.timestamp);
		// The real server would read a zone-less timestamp as its local time; the simulator is stricter on purpose,
		// because a client that omits the offset signs a different instant than it means.
		if (!ts || !ts.hasZone)
			return { ok: false, reasonCode: 'INVALID_REQUEST_HEADERS', msg: 'header/timestamp must carry a UTC offset or Z' };

		// NAV does not document which reasonCode a wrong signature gets; INVALID_REQUEST_HEADERS is our assumption.
		const expected = sha512Upper(env.requestId + utcStamp14(ts.ms) + registered.user.signingKey);
		if (!sameText(env.requestSignature, expected))
			return { ok: false, reasonCode: 'INVALID_REQUEST_HEADERS', msg: 'requestSignature is invalid', badSignature: true };

		if (Math.abs(nowMs - ts.ms) > this.maxSkewMs)
			return { ok: false, reasonCode: 'INVALID_REQUEST_HEADERS', msg: `header/timestamp is more than ${Math.round(this.maxSkewMs / 1000)} s away from the server time` };

		if (env.vatNumber !== registered.user.vatNumber)
			return { ok: false, reasonCode: 'ACCESS_DENIED', msg: `user may not act for taxpayer ${env.vatNumber}` };

		const key = `${registered.user.vatNumber}\u0000${env.requestId}`;
		if (this.usedIds.has(key))
			return { ok: false, reasonCode: 'INVALID_REQUEST_HEADERS', msg: `requestId ${env.requestId} was already used by this taxpayer` };
		this.usedIds.add(key);
		this.requestIds.add(env.requestId);
		return { ok: true, user: registered.user };
	}
}
