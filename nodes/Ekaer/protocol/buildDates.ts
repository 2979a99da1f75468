/** Date-or-date-time choices (`loadDate` | `loadDateOnly`, `arrivalDate` | `arrivalDateOnly`) on the wire. */
import type { XmlElement } from '../../shared/xml';
import { field } from './buildLeaf';
import { formatTimestamp } from '../signature';
import { budapestOffsetMinutes } from './budapestTime';
import type { DateOrDateTime } from './types';

/** xs:dateTime with the Budapest offset; whole seconds only (see signature.ts formatTimestamp). */
export function wireTimestamp(date: Date): string {
	return formatTimestamp(date, budapestOffsetMinutes(date));
}

/** `<{name}>` for a date-time, `<{name}Only>` for a `YYYY-MM-DD` date. */
export function dateChoice(name: string, value: DateOrDateTime | undefined): XmlElement | undefined {
	if (value === undefined) return undefined;
	if (isDate(value)) return field(name, wireTimestamp(value));
	return field(`${name}Only`, value);
}

/** Date check that also works for Dates made in another realm (vm contexts, jest, n8n sandboxes). */
export function isDate(value: unknown): value is Date {
	return Object.prototype.toString.call(value) === '[object Date]';
}
