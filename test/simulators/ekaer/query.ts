/** queryTradeCards body: one card by tcn, or a filtered list by insert time. */
import { child, type XmlElement } from './xml/tree';
import type { CardStore, TradeCardRecord } from './store';
import type { ResultCode } from './render';
import { parseDateTime } from './time';

export interface QueryContext {
	vatNumber: string;
	nowMs: number;
	store: CardStore;
	maxQueryRangeDays: number;
	maxRowNum: number;
}

export interface QueryOutcome {
	result: ResultCode;
	records: TradeCardRecord[];
}

const invalid = (msg: string): QueryOutcome => ({ result: { funcCode: 'ERROR', reasonCode: 'INVALID_INPUT', msg }, records: [] });
// The 2015 test-system log shows this text on successful queries.
const ok = (records: TradeCardRecord[]): QueryOutcome => ({ result: { funcCode: 'OK', reasonCode: 'SUCCESS', msg: 'successful query' }, records });

export function runQuery(root: XmlElement, ctx: QueryContext): QueryOutcome {
	const tcn = child(root, 'tcn')?.text;
	if (tcn !== undefined) {
		// Not documented what NAV answers for an unknown EKÁER number; the simulator treats it like manage does.
		const record = ctx.store.find(tcn, ctx.vatNumber, ctx.nowMs);
		return record ? ok([record]) : invalid(`trade card ${tcn} not found for this taxpayer`);
	}
	const params = child(root, 'queryParams');
	if (!params) return invalid('tcn or queryParams is mandatory');
	const value = (name: string) => child(params, name)?.text;
	const from = parseDateTime(value('insertFromDate') ?? '');
	const to = parseDateTime(value('insertToDate') ?? '');
	if (!from || !to) return invalid('insertFromDate and insertToDate are mandatory');
	if (from.ms > to.ms) return invalid('insertFromDate is later than insertToDate');
	if (to.ms - from.ms > ctx.maxQueryRangeDays * 86400000)
		return invalid(`the insert date range may be at most ${ctx.maxQueryRangeDays} days`);

	const filters: Array<(r: TradeCardRecord) => boolean> = [(r) => r.insMs >= from.ms && r.insMs <= to.ms];
	const exact = (name: string, get: (r: TradeCardRecord) => string | undefined) => {
		const wanted = value(name);
		if (wanted !== undefined) filters.push((r) => get(r) === (name === 'orderNumber' ? wanted : wanted.trim()));
	};
	exact('orderNumber', (r) => r.orderNumber);
	exact('tradeType', (r) => r.tradeType);
	exact('status', (r) => r.status);
	exact('sellerVatNumber', (r) => r.fields.sellerVatNumber);
	exact('destinationVatNumber', (r) => r.fields.destinationVatNumber);
	const plate = value('plateNumber');
	if (plate !== undefined) filters.push((r) => r.card.vehicle?.plateNumber === plate || r.card.vehicle2?.plateNumber === plate);
	const maxRowNum = value('maxRowNum') === undefined ? ctx.maxRowNum : Number(value('maxRowNum'));

	const records: TradeCardRecord[] = [];
	for (const record of ctx.store.cards.values()) {
		if (record.vatNumber !== ctx.vatNumber) continue;
		record.refreshStatus(ctx.nowMs);
		if (filters.every((f) => f(record))) records.push(record);
	}
	records.sort((a, b) => a.insMs - b.insMs);
	return ok(records.slice(0, maxRowNum));
}
