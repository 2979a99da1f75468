/**
 * Date-time parameters as n8n means them: a value with an offset or Z is that instant; a value without one (what
 * n8n's date picker produces, "2026-11-23T10:30:00") is wall time in the workflow's time zone (Settings → Timezone,
 * default GENERIC_TIMEZONE), not in the time zone the n8n process happens to run in (often UTC in Docker).
 */
import { InputError } from '../../../shared/errors';

const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
			});
		} catch {
			formatter = null; // unknown zone name or no ICU data
		}
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Milliseconds the zone's wall clock is ahead of UTC at the instant `ms`. */
function offsetMs(ms: number, formatter: Intl.DateTimeFormat): number {
	const parts = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
	const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
	return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant of a zone-less wall time in `timeZone` (the later one in the autumn hour that happens twice). */
export function wallTimeToDate(text: string, timeZone: string): Date | undefined {
	const m = ZONELESS.exec(text);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, fraction] = m;
	const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0), fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0);
	const formatter = formatterFor(timeZone);
	if (!formatter) return new Date(wall);
	// Two passes: the offset at the guessed instant may differ from the one at the real instant around DST changes.
	const first = wall - offsetMs(wall, formatter);
	return new Date(wall - offsetMs(first, formatter));
}

/** A date-time parameter (text, Date or Luxon DateTime) as an instant; undefined when empty. */
export function optionalDateTime(value: unknown, field: string, timeZone: string): Date | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new InputError(field, 'must be a date and time');
		return value;
	}
	if (typeof value === 'object' && typeof (value as { toJSDate?: unknown }).toJSDate === 'function') {
		return optionalDateTime((value as { toJSDate: () => Date }).toJSDate(), field, timeZone);
	}
	const text = String(value).trim();
	if (text === '') return undefined;
	// A bare date is midnight at the start of that day, in the same zone.
	const wallText = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text;
	const date = wallTimeToDate(wallText, timeZone) ?? new Date(text);
	if (Number.isNaN(date.getTime())) throw new InputError(field, `must be a date and time, got "${text}"`);
	return date;
}
