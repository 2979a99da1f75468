/**
 * One poll: ask NAV for every card in the watch window, compare with what was seen before (node static data), and
 * emit what changed. The first poll after publishing only takes note (unless Include Existing Cards). In a manual
 * "Fetch Test Event" the newest card comes back as a sample and the state is left alone.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions, type JsonObject } from 'n8n-workflow';
import { InputError } from '../shared/errors';
import { redact } from '../shared/redact';
import { optionalText } from '../shared/n8n/values';
import type { TradeCardInfo, TradeCardQueryFilters, TradeType } from '../Ekaer/protocol/types';
import { detectChanges, readState, type CardEvent, type DetectedEvent } from './changes/detect';
import { cardSource } from './queryCards';

const DAY_MS = 86_400_000;
const STATE_KEY = 'ekaerTrigger';

interface Settings {
	events: CardEvent[];
	hours: number;
	filters: TradeCardQueryFilters;
	includeExisting: boolean;
	watchDays: number;
	timeoutMs?: number;
}

function readSettings(ctx: IPollFunctions): Settings {
	const events = ctx.getNodeParameter('events', []) as CardEvent[];
	if (!events.length) throw new InputError('Events', 'choose at least one event');
	const f = ctx.getNodeParameter('filters', {}) as IDataObject;
	const o = ctx.getNodeParameter('options', {}) as IDataObject;
	const filters: TradeCardQueryFilters = {
		orderNumber: optionalText(f.orderNumber),
		tradeType: optionalText(f.tradeType) as TradeType | undefined,
		plateNumber: optionalText(f.plateNumber),
		sellerVatNumber: optionalText(f.sellerVatNumber),
		destinationVatNumber: optionalText(f.destinationVatNumber),
	};
	// Unset filters are left out, so the state's signature only changes when a filter really does.
	for (const key of Object.keys(filters) as Array<keyof TradeCardQueryFilters>) if (filters[key] === undefined) delete filters[key];
	const hours = Number(ctx.getNodeParameter('hours', 24));
	const watchDays = Number(o.watchDays ?? 20);
	return {
		events,
		hours: Number.isFinite(hours) && hours > 0 ? hours : 24,
		filters,
		includeExisting: o.includeExisting === true,
		watchDays: Number.isFinite(watchDays) && watchDays >= 1 ? Math.min(60, watchDays) : 20,
		timeoutMs: o.timeoutSeconds ? Number(o.timeoutSeconds) * 1000 : undefined,
	};
}

function toItem(e: DetectedEvent): INodeExecutionData {
	const extra: IDataObject = { event: e.event };
	if (e.previousStatus) extra.previousStatus = e.previousStatus;
	if (e.validityEndsAt) extra.validityEndsAt = e.validityEndsAt;
	return { json: { ...extra, ...(e.card as unknown as IDataObject) } };
}

function newest(cards: TradeCardInfo[]): TradeCardInfo | undefined {
	return [...cards].sort((a, b) => Date.parse(b.insertedAt ?? '') - Date.parse(a.insertedAt ?? ''))[0];
}

export async function pollCards(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const node = ctx.getNode();
	let settings: Settings;
	try {
		settings = readSettings(ctx);
	} catch (error) {
		const message = error instanceof InputError ? `Field "${error.field}": ${error.message}` : error instanceof Error ? error.message : String(error);
		throw new NodeOperationError(node, message);
	}
	const now = new Date();
	let cards: TradeCardInfo[];
	let secrets: string[] = [];
	try {
		const source = await cardSource(ctx, settings.timeoutMs);
		secrets = source.secrets;
		cards = await source.cards({ from: new Date(now.getTime() - settings.watchDays * DAY_MS), to: now }, settings.filters);
	} catch (error) {
		const message = redact(error instanceof Error ? error.message : String(error), secrets);
		if (error instanceof InputError) throw new NodeOperationError(node, `EKÁER credential or filter, field "${error.field}": ${message}`);
		throw new NodeApiError(node, { message } as JsonObject, {
			message: `Could not read the trade cards from EKÁER: ${message}`,
			description: 'Nothing was emitted and nothing was noted; the next poll asks again.',
		});
	}

	if (ctx.getMode() === 'manual') {
		const sample = newest(cards);
		if (!sample) {
			throw new NodeOperationError(node, `No trade card declared in the last ${settings.watchDays} days matches the filters`, {
				description: 'Declare a card (or widen the filters) to see what this trigger emits. Published, it reports new cards as they come.',
			});
		}
		return [[toItem({ event: 'cardCreated', card: sample })]];
	}

	const data = ctx.getWorkflowStaticData('node');
	const signature = JSON.stringify({ filters: settings.filters, watchDays: settings.watchDays });
	const { events, state, baseline } = detectChanges(readState(data[STATE_KEY]), cards, {
		now,
		events: settings.events,
		hours: settings.hours,
		includeExisting: settings.includeExisting,
		signature,
	});
	data[STATE_KEY] = state as unknown as IDataObject;
	if (baseline) ctx.logger.info(`EKÁER Trigger "${node.name}": noted ${cards.length} existing card(s); changes from now on are reported`);
	return events.length ? [events.map(toItem)] : null;
}
