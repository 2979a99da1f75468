/**
 * What changed since the last poll, from the full list of cards declared in the watch window (NAV's query filters by
 * insert time only, so status changes are found by asking for every card that can still change and comparing with
 * what was seen before). Pure: no n8n, no I/O, the clock is a parameter.
 *
 * The state is a compact map EKÁER number → "status|validity end|validity end already reported", small enough for
 * n8n's workflow static data (the watch window bounds it: cards leave it some days after their validity ended).
 */
import { STATUS_FROM_WIRE } from '../../Ekaer/protocol/wireCodes';
import type { TradeCardInfo, TradeCardStatus, TradeCardStatusCode } from '../../Ekaer/protocol/types';
import { endsWithin, validityEndMs } from './validity';

export type CardEvent = 'cardCreated' | 'cardStatusChanged' | 'validityEndingSoon';

export interface DetectOptions {
	now: Date;
	events: readonly CardEvent[];
	/** Validity Ending Soon: within this many hours. */
	hours: number;
	/** First poll: report the cards already there (created, and those already ending soon) instead of only noting them. */
	includeExisting: boolean;
	/** Filters and window as one string: when it changes, the old state describes other cards and is started afresh. */
	signature: string;
}

export interface TriggerState {
	v: 1;
	signature: string;
	/** When the state was started (the first poll after activation or after a filter change). */
	since: string;
	cards: Record<string, string>;
}

export interface DetectedEvent {
	event: CardEvent;
	card: TradeCardInfo;
	previousStatus?: TradeCardStatus;
	/** Validity Ending Soon: the instant the validity ends (midnight after tcnValidityEnd, Budapest). */
	validityEndsAt?: string;
}

interface Memo {
	status: TradeCardStatusCode;
	validityEnd: string;
	/** The validity end that was reported as ending soon ('' = none): a later extension is reported again. */
	reported: string;
}

/** How long a card that no longer shows up is remembered after its validity ended (it may show up again). */
const KEEP_VANISHED_MS = 10 * 86_400_000;

function encode(m: Memo): string {
	return `${m.status}|${m.validityEnd}|${m.reported}`;
}

function decode(text: unknown): Memo | undefined {
	if (typeof text !== 'string') return undefined;
	const [status, validityEnd = '', reported = ''] = text.split('|');
	return status && status in STATUS_FROM_WIRE ? { status: status as TradeCardStatusCode, validityEnd, reported } : undefined;
}

export function readState(value: unknown): TriggerState | undefined {
	const s = value as TriggerState | undefined;
	if (!s || s.v !== 1 || typeof s.signature !== 'string' || !s.cards || typeof s.cards !== 'object') return undefined;
	return s;
}

export function detectChanges(
	previous: TriggerState | undefined,
	cards: readonly TradeCardInfo[],
	options: DetectOptions,
): { events: DetectedEvent[]; state: TriggerState; baseline: boolean } {
	const nowMs = options.now.getTime();
	const wanted = new Set(options.events);
	const baseline = !previous || previous.signature !== options.signature;
	const report = !baseline || options.includeExisting;
	const before = baseline ? {} : previous!.cards;
	const next: Record<string, string> = {};
	const events: DetectedEvent[] = [];
	const emit = (event: DetectedEvent) => {
		if (report && wanted.has(event.event)) events.push(event);
	};

	for (const card of cards) {
		const memo = decode(before[card.tcn]);
		const validityEnd = card.validityEnd ?? '';
		if (!memo) emit({ event: 'cardCreated', card });
		else if (memo.status !== card.statusCode) {
			emit({ event: 'cardStatusChanged', card, previousStatus: STATUS_FROM_WIRE[memo.status] });
		}
		let reported = memo?.reported ?? '';
		if (reported !== validityEnd && endsWithin(card, nowMs, options.hours)) {
			emit({ event: 'validityEndingSoon', card, validityEndsAt: new Date(validityEndMs(validityEnd)!).toISOString() });
			// Noted even when not reported (event off, or the first poll): "ending soon" is about the moment it starts.
			reported = validityEnd;
		}
		next[card.tcn] = encode({ status: card.statusCode, validityEnd, reported });
	}
	// A card that no longer matches (e.g. its plate number was changed) is kept a while, so its return is no "new card".
	for (const [tcn, text] of Object.entries(before)) {
		if (tcn in next) continue;
		const memo = decode(text);
		const end = memo && validityEndMs(memo.validityEnd);
		if (memo && end !== undefined && nowMs - end < KEEP_VANISHED_MS) next[tcn] = text;
	}
	const since = baseline ? options.now.toISOString() : previous!.since;
	return { events, state: { v: 1, signature: options.signature, since, cards: next }, baseline };
}
