/**
 * A trade card's life after Create, through n8n-core's engine against the simulator: Get, Modify (item ids taken from
 * a Get node), Finalize, Delete, Correct and Get Many over a range longer than one query window.
 */
import { setGlobalState } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import {
	cardParams,
	ekaerNode,
	errorOf,
	itemParams,
	jsonOf,
	outputOf,
	runEkaer,
	runScanned,
	useSimulator,
	type Kind,
} from './helpers';

const DAY = 86_400_000;

// What n8n's server does with GENERIC_TIMEZONE=Europe/Budapest; the jest process itself runs in whatever zone it has.
setGlobalState({ defaultTimezone: 'Europe/Budapest' });
/** n8n's date picker value for an instant: Budapest wall time without an offset. */
const budapestWallTime = (ms: number) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Budapest', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(ms)).replace(' ', 'T');
/** The simulator's clock runs `shift` ms off the real one, so cards can be "inserted" weeks ago. */
let shift = 0;
const simulator = useSimulator({ now: () => new Date(Date.now() + shift), maxTimestampSkewMs: 120 * DAY });
const sim = () => simulator.sim;

beforeEach(() => {
	shift = 0;
	sim().reset();
});

async function createCards(kind: Kind, orders: string[], overrides: Record<string, unknown> = {}): Promise<string[]> {
	const result = await runEkaer(
		sim(),
		cardParams(kind, { orderNumber: '={{ $json.order }}', options: { batchSize: 10 }, ...overrides }),
		{ input: orders.map((order) => ({ order })) },
	);
	return jsonOf(result).map((json) => json.tcn as string);
}

const requests = () => sim().stats.requests;

describe('Get', () => {
	it('returns the card with status, validity, items and their server ids', async () => {
		const [tcn] = await createCards('domestic', ['GET-1']);

		const [card] = jsonOf(await runEkaer(sim(), { operation: 'get', tcn: tcn.toLowerCase() }));

		const stored = sim().tradeCards.get(tcn)!;
		expect(card).toMatchObject({ tcn, status: 'started', orderNumber: 'GET-1', tradeType: 'domestic' });
		expect(card.validityEnd).toBe(stored.tcnValidityEnd);
		const items = (card.deliveryPlans as IDataObject[])[0].items as IDataObject[];
		expect(items.map((item) => item.id)).toEqual(stored.items.map((item) => item.id));
		expect((card.deliveryPlans as IDataObject[])[0].id).toBe(stored.deliveryPlanIds[0]);
	});

	it('reports an unknown EKÁER number as the service refuses it, on that item, naming the card', async () => {
		const result = await runEkaer(sim(), { operation: 'get', tcn: '={{ $json.tcn }}' }, {
			input: [{ tcn: 'E26010100000000' }],
			continueOnFail: true,
		});
		const [json] = jsonOf(result);
		expect(json.errorCode).toBe('INVALID_INPUT');
		expect(json.tcn).toBe('E26010100000000');
	});
});

describe('Modify › Clear Fields', () => {
	const withExtras = { additionalFields: { carrierText: 'Fuvar Kft', trailerCountry: 'H', trailerPlateNumber: 'XYZ-987' } };

	it('removes the trailer and the carrier from the stored card and keeps everything else', async () => {
		const [tcn] = await createCards('domestic', ['CLR-1'], withExtras);
		expect(sim().tradeCards.get(tcn)!.trailerPlateNumber).toBe('XYZ987');
		expect(sim().tradeCards.get(tcn)!.fields.carrierText).toBe('Fuvar Kft');

		const [json] = jsonOf(await runEkaer(sim(), { operation: 'modify', inputMode: 'fields', tcn, clearFields: ['trailer', 'carrier'] }));
		expect(json).toMatchObject({ tcn, operation: 'modify', result: 'OK', orderNumber: 'CLR-1' });
		const stored = sim().tradeCards.get(tcn)!;
		expect(stored.trailerPlateNumber).toBeUndefined();
		expect(stored.fields.carrierText).toBeUndefined();
		expect(stored.orderNumber).toBe('CLR-1');
		expect(stored.plateNumber).toBe('ABC123');
	});

	it('refuses to clear a field the same item gives a value, before any request', async () => {
		const [tcn] = await createCards('domestic', ['CLR-2'], withExtras);
		const before = requests();
		const [json] = jsonOf(
			await runEkaer(sim(), { operation: 'modify', inputMode: 'fields', tcn, orderNumber: 'CLR-2B', clearFields: ['orderNumber'] }, { continueOnFail: true }),
		);
		expect(json).toMatchObject({ tcn, errorField: 'Clear Fields' });
		expect(json.error).toMatch(/Order Number/);
		// The card is looked up (Modify needs it) but nothing is sent to change it.
		expect(sim().stats.byOperation.modify ?? 0).toBe(0);
		expect(requests() - before).toBeLessThanOrEqual(1);
		expect(sim().tradeCards.get(tcn)!.orderNumber).toBe('CLR-2');
	});
});

describe('Modify with item ids from a Get', () => {
	it('keeps the existing item (by id), changes its weight with a reason and adds a new item', async () => {
		const [tcn] = await createCards('domestic', ['MOD-1']);
		const itemId = sim().tradeCards.get(tcn)!.items[0].id;

		const result = await runScanned(sim(), {
			nodes: [
				ekaerNode({ operation: 'get', tcn }, { name: 'Get Card' }),
				ekaerNode(
					cardParams('domestic', {
						operation: 'modify',
						tcn: '={{ $json.tcn }}',
						orderNumber: '={{ $json.orderNumber }}',
						items: {
							item: [
								itemParams({
									id: '={{ $json.deliveryPlans[0].items[0].id }}',
									weightKg: 1300,
									changeReason: 'Mérlegelés után',
								}),
								itemParams({ productCode: '22041000', productName: 'Pezsgő', weightKg: 20, valueHuf: 150_000 }),
							],
						},
					}),
					{ name: 'Modify Card' },
				),
			],
		});

		expect(result.error).toBeUndefined();
		const [json] = result.output('Modify Card').map((item) => item.json);
		expect(json).toMatchObject({ tcn, operation: 'modify', result: 'OK', status: 'started', totalWeightKg: 1320 });
		const stored = sim().tradeCards.get(tcn)!;
		expect(stored.deliveryPlanIds).toHaveLength(1);
		expect(stored.items.map((item) => [item.id === itemId, item.productVtsz, item.weight])).toEqual([
			[true, '22030001', '1300'],
			[false, '22041000', '20'],
		]);
	});

	it('JSON mode takes the card straight from a Get: new order number and vehicle, items kept by id', async () => {
		const [tcn] = await createCards('export', ['MOD-J']);
		// Copies: the simulator's record is live.
		const itemsBefore = structuredClone(sim().tradeCards.get(tcn)!.items);
		const plansBefore = [...sim().tradeCards.get(tcn)!.deliveryPlanIds];

		const result = await runScanned(sim(), {
			nodes: [
				ekaerNode({ operation: 'get', tcn }, { name: 'Get Card' }),
				ekaerNode(
					{
						operation: 'modify',
						tcn: '={{ $json.tcn }}',
						inputMode: 'json',
						tradeCardJson:
							"={{ Object.assign({}, $json, { orderNumber: 'MOD-J2', vehicle: { plateNumber: 'NEW-001', country: 'H' }, plateNumberChangeReason: 'Műszaki hiba' }) }}",
					},
					{ name: 'Modify Card' },
				),
			],
		});

		expect(result.error).toBeUndefined();
		expect(result.output('Modify Card')[0].json).toMatchObject({ tcn, result: 'OK', status: 'started' });
		const after = sim().tradeCards.get(tcn)!;
		expect([after.orderNumber, after.plateNumber]).toEqual(['MOD-J2', 'NEW001']);
		expect(after.items).toEqual(itemsBefore);
		expect(after.deliveryPlanIds).toEqual(plansBefore);
	});

	it('refuses a weight change without a reason before sending anything', async () => {
		const [tcn] = await createCards('domestic', ['MOD-2']);
		const itemId = sim().tradeCards.get(tcn)!.items[0].id;
		const before = sim().stats.byOperation.manageTradeCards;

		const result = await runEkaer(
			sim(),
			cardParams('domestic', { operation: 'modify', tcn, orderNumber: 'MOD-2', items: { item: [itemParams({ id: itemId, weightKg: 5 })] } }),
		);

		const error = errorOf(result);
		expect(error.itemIndex).toBe(0);
		expect(error.message).toMatch(/^Item 0, field "Items\[1\] › Change Reason"/);
		expect(sim().stats.byOperation.manageTradeCards).toBe(before);
		expect(sim().tradeCards.get(tcn)!.items[0].weight).toBe('1200.5');
	});
});

describe('Finalize', () => {
	it('closes cards with the arrival now, and with the arrival day only', async () => {
		const [now, dayOnly] = await createCards('domestic', ['FIN-1', 'FIN-2']);

		const result = await runEkaer(
			sim(),
			{ operation: 'finalize', tcn: '={{ $json.tcn }}', arrivalDateOnly: '={{ $json.dayOnly }}', options: { batchSize: 2 } },
			{ input: [{ tcn: now, dayOnly: false }, { tcn: dayOnly, dayOnly: true }] },
		);

		const out = jsonOf(result);
		expect(out.map((json) => [json.tcn, json.operation, json.status])).toEqual([
			[now, 'finalize', 'finalized'],
			[dayOnly, 'finalize', 'finalized'],
		]);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest' }).format(new Date());
		expect(sim().tradeCards.get(now)!.fields.arrivalDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
		expect(Math.abs(Date.parse(sim().tradeCards.get(now)!.fields.arrivalDate) - Date.now())).toBeLessThan(5 * 60_000);
		expect(sim().tradeCards.get(dayOnly)!.fields.arrivalDateOnly).toBe(today);
		expect(sim().tradeCards.get(dayOnly)!.fields.arrivalDate).toBeUndefined();
	});

	it('reads an arrival without offset (the date picker) in the workflow time zone, not the process one', async () => {
		const [tcn] = await createCards('domestic', ['FIN-TZ']);
		const arrivedMs = Math.floor((Date.now() - 30 * 60_000) / 1000) * 1000;

		const [json] = jsonOf(await runEkaer(sim(), { operation: 'finalize', tcn, arrivalDate: budapestWallTime(arrivedMs) }));

		expect(json.status).toBe('finalized');
		expect(Date.parse(sim().tradeCards.get(tcn)!.fields.arrivalDate)).toBe(arrivedMs);
	});

	it('refuses an arrival in the future before any request', async () => {
		const [tcn] = await createCards('domestic', ['FIN-3']);
		const before = requests();

		const result = await runEkaer(sim(), { operation: 'finalize', tcn, arrivalDate: new Date(Date.now() + DAY).toISOString() });

		const error = errorOf(result);
		expect(error.message).toMatch(/^Item 0, field "Arrival Date": .*future/);
		expect(requests()).toBe(before);
		expect(sim().tradeCards.get(tcn)!.status).toBe('S');
	});

	it('passes on the service refusing a card without a vehicle (TC_FINALIZE_VEHICLE_DATA_EMPTY)', async () => {
		// Import cards may be declared without a vehicle; closing them needs one.
		const [tcn] = await createCards('import', ['FIN-4'], { vehiclePlateNumber: '', vehicleCountry: '' });

		const withCof = await runEkaer(sim(), { operation: 'finalize', tcn }, { continueOnFail: true });
		const [json] = jsonOf(withCof);
		expect(json).toMatchObject({ errorCode: 'TC_FINALIZE_VEHICLE_DATA_EMPTY', retryable: false });

		const without = await runEkaer(sim(), { operation: 'finalize', tcn });
		const error = errorOf(without);
		expect(error.message).toMatch(/^Item 0: .*TC_FINALIZE_VEHICLE_DATA_EMPTY/);
		expect(sim().tradeCards.get(tcn)!.status).toBe('S');
	});
});

describe('Delete', () => {
	it('withdraws a card with the reason given', async () => {
		const [tcn] = await createCards('export', ['DEL-1']);

		const [json] = jsonOf(await runEkaer(sim(), { operation: 'delete', tcn, reason: 'Elmaradt a szállítás' }));

		expect(json).toMatchObject({ tcn, operation: 'delete', result: 'OK', status: 'deleted' });
		expect(sim().tradeCards.get(tcn)!.status).toBe('D');
		expect(sim().tradeCards.get(tcn)!.statusChangeModReasonText).toBe('Elmaradt a szállítás');
	});

	it('refuses a delete without a reason before any request', async () => {
		const [tcn] = await createCards('export', ['DEL-2']);
		const before = requests();

		const error = errorOf(await runEkaer(sim(), { operation: 'delete', tcn, reason: '  ' }));

		expect(error.message).toBe('Item 0, field "Reason": is required but empty');
		expect(error.itemIndex).toBe(0);
		expect(requests()).toBe(before);
		expect(sim().tradeCards.get(tcn)!.status).toBe('S');
	});
});

describe('Correct', () => {
	it('corrects a closed card once (plate, weight, value); a second correction is refused by the service', async () => {
		const [tcn] = await createCards('domestic', ['COR-1']);
		jsonOf(await runEkaer(sim(), { operation: 'finalize', tcn }));
		const itemId = sim().tradeCards.get(tcn)!.items[0].id;
		const correction = {
			operation: 'correct',
			tcn,
			plateNumber: 'XYZ-987',
			plateCountry: 'h',
			plateChangeReason: 'Elírás',
			itemCorrections: { item: [{ id: itemId, weightKg: 1180, valueHuf: 2_400_000, reason: 'Mérlegjegy szerint' }] },
		};

		const [json] = jsonOf(await runEkaer(sim(), correction));

		expect(json).toMatchObject({ tcn, operation: 'correction', result: 'OK', status: 'finalized', totalWeightKg: 1180, totalValueHuf: 2_400_000 });
		const stored = sim().tradeCards.get(tcn)!;
		expect(stored.corrected).toBe(true);
		expect(stored.plateNumber).toBe('XYZ987');
		expect(stored.items[0]).toMatchObject({ weight: '1180', value: '2400000' });

		const again = await runEkaer(sim(), { ...correction, itemCorrections: { item: [{ id: itemId, weightKg: 1100, reason: 'Újra' }] } }, { continueOnFail: true });
		const [refused] = jsonOf(again);
		expect(refused.errorCode).toBe('TC_FINALIZED_NO_MORE_MOD_ATTEMPTS');
		expect(sim().tradeCards.get(tcn)!.items[0].weight).toBe('1180');
	});
});

describe('Get Many over 70 days', () => {
	/** Cards inserted 65, 40 and 10 days ago and today, found by their insert time. */
	async function seed(): Promise<Record<string, string>> {
		const tcns: Record<string, string> = {};
		for (const [order, daysAgo, kind] of [
			['OLD-65', 65, 'import'],
			['OLD-40', 40, 'domestic'],
			['OLD-10', 10, 'export'],
			['NEW-0', 0, 'domestic'],
		] as const) {
			shift = -daysAgo * DAY;
			[tcns[order]] = await createCards(kind, [order]);
		}
		shift = 0;
		return tcns;
	}

	it('splits the range into windows the service accepts and returns every card, or only up to the limit', async () => {
		const tcns = await seed();
		const from = new Date(Date.now() - 70 * DAY).toISOString();
		const before = sim().stats.byOperation.queryTradeCards ?? 0;

		const all = jsonOf(await runEkaer(sim(), { operation: 'getMany', insertedFrom: from, insertedTo: '', returnAll: true }));

		expect(all.map((card) => card.orderNumber)).toEqual(['OLD-65', 'OLD-40', 'OLD-10', 'NEW-0']);
		expect(all.map((card) => card.tcn)).toEqual([tcns['OLD-65'], tcns['OLD-40'], tcns['OLD-10'], tcns['NEW-0']]);
		// 70 days in windows of at most 30: three queries, none refused by the simulator's 30-day rule.
		expect((sim().stats.byOperation.queryTradeCards ?? 0) - before).toBe(3);
		// Cards not closed within their 15-day validity have become inactive.
		expect(all.map((card) => card.status)).toEqual(['inactive', 'inactive', 'started', 'started']);

		const limited = jsonOf(await runEkaer(sim(), { operation: 'getMany', insertedFrom: from, returnAll: false, limit: 2 }));
		expect(limited.map((card) => card.orderNumber)).toEqual(['OLD-65', 'OLD-40']);
	});

	it('applies the filters', async () => {
		await seed();
		const from = new Date(Date.now() - 70 * DAY).toISOString();
		const query = (filters: IDataObject) =>
			runEkaer(sim(), { operation: 'getMany', insertedFrom: from, returnAll: true, filters }).then((r) => jsonOf(r).map((c) => c.orderNumber));

		expect(await query({ orderNumber: 'OLD-40' })).toEqual(['OLD-40']);
		expect(await query({ tradeType: 'domestic' })).toEqual(['OLD-40', 'NEW-0']);
		expect(await query({ status: 'inactive' })).toEqual(['OLD-65', 'OLD-40']);
		expect(await query({ tradeType: 'export', status: 'started' })).toEqual(['OLD-10']);
		expect(await query({ sellerVatNumber: 'DE123456789' })).toEqual(['OLD-65']);
		expect(await query({ orderNumber: 'NOPE' })).toEqual([]);
	});

	it('reads Inserted From without offset in the workflow time zone', async () => {
		await seed();
		// 20 minutes ago in Budapest: read as UTC by a UTC process it would lie 40+ minutes in the future.
		const recent = await runEkaer(sim(), { operation: 'getMany', insertedFrom: budapestWallTime(Date.now() - 20 * 60_000), returnAll: true });
		expect(jsonOf(recent).map((card) => card.orderNumber)).toEqual(['NEW-0']);
	});

	it('returns one item per card, paired with the input item that asked', async () => {
		await seed();
		const result = await runEkaer(
			sim(),
			{ operation: 'getMany', insertedFrom: '={{ $json.from }}', returnAll: true, filters: { orderNumber: '={{ $json.order }}' } },
			{
				input: [
					{ from: new Date(Date.now() - 70 * DAY).toISOString(), order: 'OLD-65' },
					{ from: new Date(Date.now() - DAY).toISOString(), order: 'NEW-0' },
				],
			},
		);
		const out = outputOf(result);
		expect(out.map((item) => [item.json.orderNumber, item.pairedItem])).toEqual([
			['OLD-65', { item: 0 }],
			['NEW-0', { item: 1 }],
		]);
	});
});
