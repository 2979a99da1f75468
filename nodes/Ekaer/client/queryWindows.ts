/** Splitting an insert-date range into query windows the service accepts. Pure, so it is tested on its own. */

export interface TimeWindow {
	from: Date;
	to: Date;
}

const SECOND = 1000;
const DAY = 86_400_000;

/**
 * Consecutive windows of at most `days` covering [from, to]. Bounds are whole seconds (the wire format has no
 * fractions): `from` rounded down, `to` rounded up, so nothing at the edges is lost. Neighbouring windows share their
 * boundary second; the caller de-duplicates by EKÁER number.
 */
export function splitRange(from: Date, to: Date, days: number): TimeWindow[] {
	const start = Math.floor(from.getTime() / SECOND) * SECOND;
	const end = Math.ceil(to.getTime() / SECOND) * SECOND;
	const step = Math.max(SECOND, Math.floor((days * DAY) / SECOND) * SECOND);
	const windows: TimeWindow[] = [];
	for (let t = start; ; t += step) {
		const windowEnd = Math.min(t + step, end);
		windows.push({ from: new Date(t), to: new Date(windowEnd) });
		if (windowEnd >= end) break;
	}
	return windows;
}

/** Two halves of a window, split at a whole second; undefined when it cannot be split any further. */
export function halve(window: TimeWindow): [TimeWindow, TimeWindow] | undefined {
	const from = window.from.getTime();
	const to = window.to.getTime();
	if (to - from < 2 * SECOND) return undefined;
	const middle = from + Math.floor((to - from) / 2 / SECOND) * SECOND;
	return [
		{ from: window.from, to: new Date(middle) },
		{ from: new Date(middle), to: window.to },
	];
}
