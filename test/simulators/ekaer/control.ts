/**
 * Test control of the EKÁER simulator beyond seeding (admin API under `<baseUrl>__admin/`):
 *   GET  clock                        {now}
 *   POST clock      {advanceMs} | {nowIso} | {reset: true}   move the simulator's clock (validity, inactive status,
 *                   TCN dates, the future-arrival rule, and the request timestamp check, which stays honest: a client
 *                   on another clock is refused, so move both, e.g. with faked timers in-process)
 *   POST tradeCards/status {tcn, status: 'F'|'D'|'I'|'S'|'P', reason?, user?}  a status change made elsewhere,
 *                   e.g. the card finalized or deleted on NAV's web interface
 * A card "created on NAV's web interface" is `POST tradeCards` (seed.ts) without `insertedAt`: stored now, through
 * the same create rules, visible to queries like any declared card.
 */
import type { IncomingMessage } from 'node:http';
import type { CardStore } from './store';
import { budapestDate, budapestDateTime } from './time';
import type { EkaerUser, TradeCardStatus } from './types';

export class SimClock {
	private offsetMs = 0;
	private fixedMs?: number;

	constructor(private readonly base?: () => Date) {}

	now(): number {
		if (this.fixedMs !== undefined) return this.fixedMs;
		return (this.base ? this.base() : new Date()).getTime() + this.offsetMs;
	}

	advance(ms: number): void {
		if (this.fixedMs !== undefined) this.fixedMs += ms;
		else this.offsetMs += ms;
	}

	set(ms: number): void {
		this.fixedMs = ms;
	}

	reset(): void {
		this.offsetMs = 0;
		this.fixedMs = undefined;
	}
}

const STATUSES = new Set<TradeCardStatus>(['P', 'S', 'F', 'I', 'D']);

export interface ControlContext {
	clock: SimClock;
	store: CardStore;
	users: EkaerUser[];
	readJson(req: IncomingMessage): Promise<Record<string, unknown>>;
}

/** undefined when `key` ("METHOD action") is not a control command. */
export async function handleControl(key: string, req: IncomingMessage, ctx: ControlContext): Promise<{ status: number; body: unknown } | undefined> {
	if (key === 'GET clock') return { status: 200, body: { now: new Date(ctx.clock.now()).toISOString() } };
	if (key === 'POST clock') {
		const { advanceMs, nowIso, reset } = await ctx.readJson(req);
		if (reset) ctx.clock.reset();
		else if (nowIso !== undefined) {
			const ms = Date.parse(String(nowIso));
			if (Number.isNaN(ms)) return { status: 400, body: { error: `nowIso is not a date: ${String(nowIso)}` } };
			ctx.clock.set(ms);
		} else if (typeof advanceMs === 'number') ctx.clock.advance(advanceMs);
		else return { status: 400, body: { error: 'expected {advanceMs} or {nowIso} or {reset: true}' } };
		return { status: 200, body: { now: new Date(ctx.clock.now()).toISOString() } };
	}
	if (key === 'POST tradeCards/status') {
		const { tcn, status, reason, user } = await ctx.readJson(req);
		const record = ctx.store.cards.get(String(tcn));
		if (!record) return { status: 404, body: { error: `no trade card ${String(tcn)}` } };
		if (!STATUSES.has(status as TradeCardStatus)) return { status: 400, body: { error: 'status must be one of P, S, F, I, D' } };
		const nowMs = ctx.clock.now();
		record.status = status as TradeCardStatus;
		record.modDate = budapestDateTime(nowMs);
		record.modUser = String(user ?? ctx.users[0]?.user ?? 'web');
		if (status === 'F') record.finalizationTime = budapestDate(nowMs);
		if (reason !== undefined) record.card.fields.statusChangeModReasonText = String(reason);
		return { status: 200, body: record.toJSON() };
	}
	return undefined;
}
