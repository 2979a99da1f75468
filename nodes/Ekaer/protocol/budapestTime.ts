/**
 * Offset of Hungarian local time at an instant. Timestamps are sent in local time (as NAV's own examples are), so
 * declarations read naturally in the NAV web UI; the instant itself is unambiguous either way because of the offset.
 */
let formatter: Intl.DateTimeFormat | undefined | null;

function getFormatter(): Intl.DateTimeFormat | null {
	if (formatter === undefined) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Budapest', timeZoneName: 'longOffset' });
		} catch {
			formatter = null; // Node built without full ICU: fall back to UTC, still correct.
		}
	}
	return formatter;
}

/** Minutes east of UTC in Budapest at `date` (60 in winter, 120 in summer; 0 if the time-zone data is missing). */
export function budapestOffsetMinutes(date: Date): number {
	const f = getFormatter();
	if (!f) return 0;
	const zone = f.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
	const m = /GMT([+-])(\d{2}):(\d{2})/.exec(zone);
	if (!m) return 0;
	const minutes = Number(m[2]) * 60 + Number(m[3]);
	return m[1] === '-' ? -minutes : minutes;
}

/** The calendar date in Budapest at `date`, `YYYY-MM-DD`. */
export function budapestDate(date: Date): string {
	const shifted = new Date(date.getTime() + budapestOffsetMinutes(date) * 60_000);
	return shifted.toISOString().slice(0, 10);
}
