/**
 * Admin-only seeding (`POST <baseUrl>__admin/tradeCards`): store trade cards as if they had been declared at another
 * time, e.g. yesterday's started cards for the "finalize yesterday's cards" example. A seeded card goes through the
 * same create rules as a declared one (same parser, content checks, TCN, ids, 15-day validity), only with the
 * simulator clock replaced by `insertedAt`; it does not count in the stats and uses no requestId.
 *
 * Body: `{"cards": [{"tradeCard": "<tradeCard>…</tradeCard>", "insertedAt": "2026-11-22T12:00:00+01:00",
 *         "status": "S", "user": "tesztelek01"}]}` (or the array alone). `tradeCard` is the XML of one card as in a
 * manageTradeCards create (the element itself or only its content); `insertedAt` defaults to now, `status` to S,
 * `user` to the first configured user. Answers the stored cards (as `GET __admin/tradeCards` shows them).
 */
import { createTradeCard } from './operations/create';
import type { CardStore } from './store';
import { budapestDate, budapestDateTime } from './time';
import type { EkaerUser, TradeCardStatus } from './types';
import { parseXml } from './xml/tree';

export interface SeedSpec {
	tradeCard: string;
	insertedAt?: string;
	status?: TradeCardStatus;
	user?: string;
}

const STATUSES = new Set<TradeCardStatus>(['P', 'S', 'F', 'I', 'D']);

export function seedTradeCards(body: unknown, ctx: { users: EkaerUser[]; store: CardStore; now: () => number }): unknown[] {
	const specs = (Array.isArray(body) ? body : (body as { cards?: unknown })?.cards) as SeedSpec[] | undefined;
	if (!Array.isArray(specs) || specs.length === 0) throw new Error('expected {"cards": [{"tradeCard": "<tradeCard>…</tradeCard>", …}]}');
	return specs.map((spec, i) => {
		const where = `cards[${i}]`;
		if (!spec || typeof spec.tradeCard !== 'string') throw new Error(`${where}.tradeCard must be the card XML`);
		const user = spec.user === undefined ? ctx.users[0] : ctx.users.find((u) => u.user === spec.user);
		if (!user) throw new Error(`${where}.user ${spec.user} is not a configured user`);
		const nowMs = spec.insertedAt === undefined ? ctx.now() : Date.parse(spec.insertedAt);
		if (Number.isNaN(nowMs)) throw new Error(`${where}.insertedAt is not a date: ${spec.insertedAt}`);
		const status = spec.status ?? 'S';
		if (!STATUSES.has(status)) throw new Error(`${where}.status must be one of P, S, F, I, D`);

		const xml = spec.tradeCard.trim().startsWith('<tradeCard') ? spec.tradeCard : `<tradeCard>${spec.tradeCard}</tradeCard>`;
		const outcome = createTradeCard(
			{ index: '1', operation: 'create', tradeCard: parseXml(xml) },
			{ user, requestVersion: '2.1', nowMs, store: ctx.store },
		);
		if (outcome.funcCode === 'ERROR' || !outcome.record) throw new Error(`${where}: ${outcome.reasonCode} ${outcome.msg ?? ''}`.trim());
		const record = outcome.record;
		if (status !== 'S') {
			record.status = status;
			record.modDate = budapestDateTime(nowMs);
			record.modUser = user.user;
			if (status === 'F') record.finalizationTime = budapestDate(nowMs);
		}
		return record.toJSON();
	});
}
