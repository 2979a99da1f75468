import type { TradeCardInfo, TradeCardStatusCode } from '../../../nodes/Ekaer/protocol/types';
import { STATUS_FROM_WIRE } from '../../../nodes/Ekaer/protocol/wireCodes';
import { detectChanges, readState, type CardEvent, type DetectOptions, type TriggerState } from '../../../nodes/EkaerTrigger/changes/detect';
import { endsWithin, validityEndMs } from '../../../nodes/EkaerTrigger/changes/validity';

const ALL: CardEvent[] = ['cardCreated', 'cardStatusChanged', 'validityEndingSoon'];

function card(tcn: string, status: TradeCardStatusCode, validityEnd = '2026-12-20'): TradeCardInfo {
	return { tcn, statusCode: status, status: STATUS_FROM_WIRE[status], validityEnd, items: [], deliveryPlans: [], allowances: [] } as unknown as TradeCardInfo;
}

const at = (iso: string): Partial<DetectOptions> => ({ now: new Date(iso) });

function run(previous: TriggerState | undefined, cards: TradeCardInfo[], options: Partial<DetectOptions> = {}) {
	return detectChanges(previous, cards, { now: new Date('2026-12-10T10:00:00Z'), events: ALL, hours: 24, includeExisting: false, signature: 's', ...options });
}

const summary = (r: ReturnType<typeof run>) => r.events.map((e) => `${e.event}:${e.card.tcn}${e.previousStatus ? `<${e.previousStatus}` : ''}`);

describe('validity end', () => {
	it('is the midnight after the last valid day, Budapest time (winter +01:00, summer +02:00)', () => {
		expect(new Date(validityEndMs('2026-12-20')!).toISOString()).toBe('2026-12-20T23:00:00.000Z');
		expect(new Date(validityEndMs('2026-07-20')!).toISOString()).toBe('2026-07-20T22:00:00.000Z');
		// The day before the autumn change: midnight is still summer time.
		expect(new Date(validityEndMs('2026-10-24')!).toISOString()).toBe('2026-10-24T22:00:00.000Z');
		expect(validityEndMs('20-12-2026')).toBeUndefined();
	});

	it('ending soon: active, not yet ended, within the hours', () => {
		const now = Date.parse('2026-12-20T10:00:00Z');
		expect(endsWithin(card('A', 'S', '2026-12-20'), now, 24)).toBe(true);
		expect(endsWithin(card('A', 'P', '2026-12-20'), now, 24)).toBe(true);
		expect(endsWithin(card('A', 'S', '2026-12-21'), now, 24)).toBe(false);
		expect(endsWithin(card('A', 'S', '2026-12-21'), now, 48)).toBe(true);
		expect(endsWithin(card('A', 'F', '2026-12-20'), now, 24)).toBe(false);
		expect(endsWithin(card('A', 'S', '2026-12-19'), now, 24)).toBe(false); // already over
	});
});

describe('change detection', () => {
	it('first poll: notes the existing cards and reports nothing, not even those already ending soon', () => {
		const r = run(undefined, [card('A', 'S'), card('B', 'S', '2026-12-10')]);
		expect(r.events).toEqual([]);
		expect(r.baseline).toBe(true);
		// B stays unreported later as well: it was old news.
		expect(summary(run(r.state, [card('A', 'S'), card('B', 'S', '2026-12-10')], at('2026-12-10T12:00:00Z')))).toEqual([]);
	});

	it('first poll with Include Existing Cards: every card as created, the ending one as ending soon', () => {
		const r = run(undefined, [card('A', 'S'), card('B', 'S', '2026-12-10')], { includeExisting: true });
		expect(summary(r)).toEqual(['cardCreated:A', 'cardCreated:B', 'validityEndingSoon:B']);
	});

	it('then: new card, status change with previousStatus, validity ending — each exactly once over later polls', () => {
		let state = run(undefined, [card('A', 'S'), card('B', 'S', '2026-12-11')]).state;
		const cards = [card('A', 'F'), card('B', 'S', '2026-12-11'), card('C', 'S', '2026-12-25')];
		const second = run(state, cards, at('2026-12-11T02:00:00Z'));
		expect(summary(second)).toEqual(['cardStatusChanged:A<started', 'validityEndingSoon:B', 'cardCreated:C']);
		expect(second.events[1].validityEndsAt).toBe('2026-12-11T23:00:00.000Z');
		state = second.state;
		for (const hour of ['03', '09', '15']) {
			const again = run(state, cards, at(`2026-12-11T${hour}:00:00Z`));
			expect(again.events).toEqual([]);
			state = again.state;
		}
		// The state survives a restart as JSON (n8n stores static data as JSON).
		const restored = readState(JSON.parse(JSON.stringify(state)));
		expect(run(restored, cards, at('2026-12-11T16:00:00Z')).events).toEqual([]);
		expect(summary(run(restored, [card('A', 'F'), card('B', 'I', '2026-12-11'), card('C', 'D')], at('2026-12-12T01:00:00Z')))).toEqual([
			'cardStatusChanged:B<started',
			'cardStatusChanged:C<started',
		]);
	});

	it('only the chosen events are reported, but everything is noted', () => {
		const state = run(undefined, [card('A', 'S')]).state;
		const r = run(state, [card('A', 'F'), card('C', 'S')], { events: ['cardStatusChanged'] });
		expect(summary(r)).toEqual(['cardStatusChanged:A<started']);
		expect(run(r.state, [card('A', 'F'), card('C', 'S')], { events: ALL }).events).toEqual([]);
	});

	it('an extended validity is reported as ending soon again when it comes near', () => {
		let state = run(undefined, [card('A', 'S', '2026-12-20')], at('2026-12-19T00:00:00Z')).state;
		const first = run(state, [card('A', 'S', '2026-12-20')], at('2026-12-20T01:00:00Z'));
		expect(summary(first)).toEqual(['validityEndingSoon:A']);
		state = first.state;
		expect(run(state, [card('A', 'S', '2026-12-22')], at('2026-12-20T02:00:00Z')).events).toEqual([]);
		state = run(state, [card('A', 'S', '2026-12-22')], at('2026-12-20T02:00:00Z')).state;
		expect(summary(run(state, [card('A', 'S', '2026-12-22')], at('2026-12-22T01:00:00Z')))).toEqual(['validityEndingSoon:A']);
	});

	it('a card that stops matching is remembered for a while, so its return is no new card; then forgotten', () => {
		const state = run(undefined, [card('A', 'S', '2026-12-20')]).state;
		const gone = run(state, [], at('2026-12-15T00:00:00Z'));
		expect(Object.keys(gone.state.cards)).toEqual(['A']);
		expect(run(gone.state, [card('A', 'S', '2026-12-20')], at('2026-12-15T01:00:00Z')).events).toEqual([]);
		const later = run(gone.state, [], at('2027-01-05T00:00:00Z'));
		expect(later.state.cards).toEqual({});
	});

	it('other filters start afresh (the old state described other cards)', () => {
		const state = run(undefined, [card('A', 'S')], { signature: 'plate=ABC123' }).state;
		const r = run(state, [card('B', 'S')], { signature: 'plate=XYZ999' });
		expect(r.baseline).toBe(true);
		expect(r.events).toEqual([]);
	});

	it('keeps the state small: one short string per card', () => {
		const cards = Array.from({ length: 1000 }, (_, i) => card(`E261201${String(i).padStart(8, '0')}`, 'S'));
		const { state } = run(undefined, cards);
		expect(JSON.stringify(state).length).toBeLessThan(45_000);
		expect(readState({ v: 2 })).toBeUndefined();
		expect(readState(undefined)).toBeUndefined();
	});
});
