/**
 * EKÁER request authentication: password hash, request signature, timestamp format and request ids.
 *
 * NAV (technical FAQ + XSD documentation): passwordHash = SHA-512 of the password, requestSignature = SHA-512 of
 * requestId + the timestamp's UTC value as yyyyMMddHHmmss + the user's signing key, both as UPPER CASE hex.
 */
import { createHash, randomBytes } from 'crypto';

function sha512Upper(text: string): string {
	return createHash('sha512').update(text, 'utf8').digest('hex').toUpperCase();
}

/** Uppercase hex SHA-512 of the UTF-8 password, as the `user/passwordHash` element wants it. */
export function passwordHash(password: string): string {
	return sha512Upper(password);
}

function toDate(timestamp: Date | string): Date {
	const date = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
	if (Number.isNaN(date.getTime())) throw new RangeError('Invalid request timestamp');
	return date;
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** The signed form of the timestamp: UTC, 14 digits, seconds truncated. */
export function utcSignatureTime(timestamp: Date | string): string {
	const d = toDate(timestamp);
	return (
		pad(d.getUTCFullYear(), 4) +
		pad(d.getUTCMonth() + 1) +
		pad(d.getUTCDate()) +
		pad(d.getUTCHours()) +
		pad(d.getUTCMinutes()) +
		pad(d.getUTCSeconds())
	);
}

export function requestSignature(requestId: string, timestamp: Date | string, signingKey: string): string {
	return sha512Upper(requestId + utcSignatureTime(timestamp) + signingKey);
}

/**
 * xs:dateTime with an explicit offset and no fractional seconds. Without an offset the server would assume its own
 * local time, and with fractions the sent instant could differ from the signed (truncated) one.
 * `offsetMinutes` east of UTC (Budapest: 60 or 120); 0 gives `Z`.
 */
export function formatTimestamp(date: Date, offsetMinutes = 0): string {
	const d = toDate(date);
	const shifted = new Date(Math.floor(d.getTime() / 1000) * 1000 + offsetMinutes * 60_000);
	const base =
		`${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
		`T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
	if (offsetMinutes === 0) return `${base}Z`;
	const sign = offsetMinutes > 0 ? '+' : '-';
	const abs = Math.abs(offsetMinutes);
	return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/*
 * Request ids: `<time><prefix><counter>`, e.g. `mhx3k2a1` + `0f3kq9z1b7xw` + `1z`.
 *
 * Why this cannot collide (NAV requires uniqueness per taxpayer, across items, parallel executions, n8n worker
 * processes and restarts):
 * - time: milliseconds since the epoch in base 36, fixed 9 characters (enough until the year 5188), so the three
 *   fields never run into each other and two ids are equal only if all three fields are equal;
 * - prefix: 12 base-36 characters (~62 bits) from crypto.randomBytes, drawn once per process (module load). Two
 *   processes share it with probability ~ n²/2⁶³ (n = processes ever started by one taxpayer, 1e-7 at a million);
 * - counter: per-process, incremented on every call, so one process never repeats an id even if its clock steps back.
 * Two different processes would need the same random prefix AND the same millisecond AND the same counter value.
 * Only `[0-9a-z]` is used (the schema allows `[+a-zA-Z0-9_/=]{1,50}`); length is 9 + 12 + 1..11 ≤ 32.
 */
const PROCESS_PREFIX = (() => {
	const bytes = randomBytes(8);
	return (bytes.readBigUInt64BE(0) % 36n ** 12n).toString(36).padStart(12, '0');
})();
let counter = 0;

export function newRequestId(now: number = Date.now()): string {
	counter += 1;
	return now.toString(36).padStart(9, '0') + PROCESS_PREFIX + counter.toString(36);
}

export const REQUEST_ID_PATTERN = /^[+a-zA-Z0-9_/=]{1,50}$/;
