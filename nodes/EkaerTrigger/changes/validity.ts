/**
 * When a card's validity ends. NAV returns `tcnValidityEnd` as a date (xs:date, Hungarian calendar); the card is valid
 * through that day, so it ends at the following midnight in Budapest.
 */
import { budapestOffsetMinutes } from '../../Ekaer/protocol/budapestTime';
import type { TradeCardInfo } from '../../Ekaer/protocol/types';

/** Epoch ms of the midnight in Budapest that ends `date` (YYYY-MM-DD), or undefined for a malformed date. */
export function validityEndMs(date: string | undefined): number | undefined {
	const m = date === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return undefined;
	const wallMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1);
	// The offset in force at that midnight (it changes only at 02:00/03:00, never at midnight).
	const offset = budapestOffsetMinutes(new Date(wallMidnight - 2 * 3600_000));
	return wallMidnight - offset * 60_000;
}

/** Only planned and started cards can still run out; the others are settled. */
export function isActive(card: Pick<TradeCardInfo, 'statusCode'>): boolean {
	return card.statusCode === 'P' || card.statusCode === 'S';
}

/** Active, not yet ended, and ending within `hours` of `nowMs`. */
export function endsWithin(card: Pick<TradeCardInfo, 'statusCode' | 'validityEnd'>, nowMs: number, hours: number): boolean {
	const end = validityEndMs(card.validityEnd);
	return end !== undefined && isActive(card) && end > nowMs && end - nowMs <= hours * 3600_000;
}
