/**
 * Számlázz.hu dates a document without an issue date by its own calendar (Budapest). Defaults that mean "today" (the
 * fulfillment and due dates of an invoice, a payment date) use that calendar too, not the n8n instance's time zone,
 * which is America/New_York unless configured: otherwise an invoice issued at 01:00 in Budapest would be fulfilled
 * "yesterday".
 */
import { todayIn } from '../../../shared/n8n/values';

export const SERVICE_TIME_ZONE = 'Europe/Budapest';

export function serviceToday(now: Date = new Date()): string {
	return todayIn(SERVICE_TIME_ZONE, now);
}
