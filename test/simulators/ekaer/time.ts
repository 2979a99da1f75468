/** Date handling: xs:dateTime instants, the signature's UTC stamp, and Budapest calendar dates. */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

export interface ParsedDateTime {
	/** Epoch milliseconds. Without a zone the value is read as Budapest local time (what the real server assumes). */
	ms: number;
	hasZone: boolean;
}

export function parseDateTime(value: string): ParsedDateTime | undefined {
	const m = DATE_TIME.exec(value.trim());
	if (!m) return undefined;
	const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
	const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
	const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
	const zone = m[8];
	if (zone === undefined) return { ms: wallMs - budapestOffsetMinutes(wallMs) * 60000, hasZone: false };
	if (zone === 'Z') return { ms: wallMs, hasZone: true };
	const sign = zone[0] === '-' ? -1 : 1;
	const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
	return { ms: wallMs - offset * 60000, hasZone: true };
}

/** The 14 digits NAV hashes: UTC yyyyMMddHHmmss, fractional seconds dropped. */
export function utcStamp14(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-T:]/g, '').slice(0, 14);
}

const budapestParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Budapest',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
});

function budapestWall(ms: number): { date: string; time: string; wallMs: number } {
	const parts: Record<string, string> = {};
	for (const p of budapestParts.formatToParts(new Date(ms))) parts[p.type] = p.value;
	const date = `${parts.year}-${parts.month}-${parts.day}`;
	const time = `${parts.hour}:${parts.minute}:${parts.second}`;
	return { date, time, wallMs: Date.parse(`${date}T${time}Z`) };
}

export function budapestOffsetMinutes(ms: number): number {
	return Math.round((budapestWall(ms).wallMs - Math.floor(ms / 1000) * 1000) / 60000);
}

/** xs:date of the Budapest calendar day containing the instant. */
export function budapestDate(ms: number): string {
	return budapestWall(ms).date;
}

/** xs:dateTime in Budapest local time with its offset, as the service's own timestamps look. */
export function budapestDateTime(ms: number): string {
	const wall = budapestWall(ms);
	const offset = Math.round((wall.wallMs - Math.floor(ms / 1000) * 1000) / 60000);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return `${wall.date}T${wall.time}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
