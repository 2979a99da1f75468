/**
 * Trade Card › Create through n8n-core's WorkflowExecute against the strict EKÁER simulator: the three trade types in
 * the three ways a user feeds a card (fields with items in the node, items from an input array, JSON from $json), a
 * 30-row sheet sent 10 per signed request, and a partly refused batch with and without Continue On Fail.
 */
import { setGlobalState } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { cardJson, cardParams, errorOf, itemParams, jsonOf, outputOf, runEkaer, useSimulator, type Kind } from './helpers';

const simulator = useSimulator();
const sim = () => simulator.sim;

beforeEach(() => sim().reset());

// As n8n's server sets it from GENERIC_TIMEZONE; the jest process may run in any zone.
setGlobalState({ defaultTimezone: 'Europe/Budapest' });

const KINDS: Kind[] = ['import', 'export', 'domestic'];
const TRADE_TYPE_WIRE: Record<Kind, string> = { import: 'I', export: 'E', domestic: 'D' };

/** What every successful create must output, checked against what the simulator stored. */
function expectCreated(json: IDataObject, kind: Kind, orderNumber: string): void {
	expect(json).toMatchObject({ operation: 'create', result: 'OK', reasonCode: 'SUCCESS', status: 'started' });
	expect(json.tcn).toMatch(/^E\d{6}[0-9A-F]{8}$/);
	const stored = sim().tradeCards.get(json.tcn as string);
	expect(stored).toBeDefined();
	expect(stored!.tradeType).toBe(TRADE_TYPE_WIRE[kind]);
	expect(stored!.orderNumber).toBe(orderNumber);
	expect(json.validityStart).toBe(stored!.tcnValidityStart);
	expect(json.validityEnd).toBe(stored!.tcnValidityEnd);
	expect(json.validityEnd! > json.validityStart!).toBe(true);
	expect(json.totalWeightKg).toBe(stored!.totalWeight);
	expect(json.totalValueHuf).toBe(stored!.totalValue);
	expect(Array.isArray(json.validations)).toBe(true);
	expect(Array.isArray(json.warnings)).toBe(true);
	expect((json.tradeCard as IDataObject).tradeType).toBe(kind);
}

describe('create, one card per trade type', () => {
	it.each(KINDS)('%s: fields mode with the items defined in the node', async (kind) => {
		const result = await runEkaer(
			sim(),
			cardParams(kind, { items: { item: [itemParams(), itemParams({ productCode: '22041000', productName: 'Pezsgő', weightKg: 10.25, valueHuf: 90_000 })] } }),
		);

		const [json] = jsonOf(result);
		expectCreated(json, kind, `ORD-${kind}`);
		expect(json.totalWeightKg).toBe(1210.75);
		expect(json.totalValueHuf).toBe(2_590_000);
		expect(sim().tradeCards.get(json.tcn as string)!.items.map((i) => i.productVtsz)).toEqual(['22030001', '22041000']);
		expect(sim().stats.byOperation.manageTradeCards).toBe(1);
	});

	it.each(KINDS)('%s: items from an array field of the input item, order number by expression', async (kind) => {
		const input = [
			{ order: `SHEET-${kind}-1`, lines: [{ vtsz: '22030001', name: 'Sör', weight: '1 200,5', value: '5000' }] },
			{ order: `SHEET-${kind}-2`, lines: [{ productCode: '2204 10 00', productName: 'Bor', weightKg: 80, valueHuf: 400_000, externalId: 'L-2' }] },
		];
		const result = await runEkaer(
			sim(),
			cardParams(kind, { orderNumber: '={{ $json.order }}', itemsSource: 'inputField', itemsField: 'lines' }),
			{ input },
		);

		const out = jsonOf(result);
		expect(out).toHaveLength(2);
		expectCreated(out[0], kind, `SHEET-${kind}-1`);
		expectCreated(out[1], kind, `SHEET-${kind}-2`);
		// "1 200,5" (a Hungarian spreadsheet cell) arrived as 1200.5 kg.
		expect(out[0].totalWeightKg).toBe(1200.5);
		// 5000 HUF is below the simulator's threshold: the service's non-blocking validation comes through.
		expect((out[0].validations as IDataObject[]).map((v) => v.code)).toContain('TC_LOW_TOTAL_VALUE_WARN');
		expect(out[1].validations).toEqual([]);
		expect(sim().tradeCards.get(out[1].tcn as string)!.items[0]).toMatchObject({ productVtsz: '22041000', itemExternalId: 'L-2' });
		expect(outputOf(result).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it.each(KINDS)('%s: JSON mode reading the card from $json', async (kind) => {
		const result = await runEkaer(sim(), { operation: 'create', inputMode: 'json', tradeCardJson: '={{ $json }}' }, {
			input: [cardJson(kind, { orderNumber: `JSON-${kind}`, loadDate: '2026-01-02' })],
		});

		const [json] = jsonOf(result);
		expectCreated(json, kind, `JSON-${kind}`);
		// A date without time goes out as loadDateOnly.
		expect(sim().tradeCards.get(json.tcn as string)!.fields.loadDateOnly).toBe('2026-01-02');
	});

	it('reads a load date-time without offset in the workflow time zone', async () => {
		const result = await runEkaer(sim(), cardParams('export', { loadDate: '2026-11-20T08:00:00' }));

		const [json] = jsonOf(result);
		expect(Date.parse(sim().tradeCards.get(json.tcn as string)!.fields.loadDate)).toBe(Date.parse('2026-11-20T08:00:00+01:00'));
	});

	it('reports the TC_WRONG_ZIP_CITY_WARN validation of a Budapest postal code outside Budapest', async () => {
		const params = cardParams('domestic');
		const unload = { ...(params.unloadLocation as IDataObject).location as IDataObject, postalCode: '1111' };
		const result = await runEkaer(sim(), { ...params, unloadLocation: { location: unload } });

		const [json] = jsonOf(result);
		expect(json.result).toBe('OK');
		expect(json.validations).toEqual([expect.objectContaining({ code: 'TC_WRONG_ZIP_CITY_WARN' })]);
	});
});

describe('a 30-row sheet sent 10 operations per request', () => {
	const rows = Array.from({ length: 30 }, (_, n) => ({
		order: `BULK-${String(n + 1).padStart(2, '0')}`,
		plate: `ABC${String(100 + n)}`,
		lines: Array.from({ length: 1 + (n % 3) }, (_, k) => ({ vtsz: '22030001', name: `Sör ${k + 1}`, weight: 100 + n, value: 1_000_000 + n })),
	}));

	it('creates 30 cards in exactly 3 manage requests, each result on its own input item', async () => {
		const result = await runEkaer(
			sim(),
			cardParams('domestic', {
				orderNumber: '={{ $json.order }}',
				vehiclePlateNumber: '={{ $json.plate }}',
				itemsSource: 'inputField',
				itemsField: 'lines',
				options: { batchSize: 10, parallelRequests: 3 },
			}),
			{ input: rows },
		);

		const out = outputOf(result);
		expect(result.error).toBeUndefined();
		expect(out).toHaveLength(30);
		expect(sim().stats.byOperation.manageTradeCards).toBe(3);
		expect(sim().stats.requests).toBe(3);
		expect(sim().tradeCards.size).toBe(30);
		expect(new Set(out.map((item) => item.json.tcn)).size).toBe(30);
		out.forEach((item, n) => {
			expect(item.pairedItem).toEqual({ item: n });
			const stored = sim().tradeCards.get(item.json.tcn as string)!;
			// The card behind each output item is the one built from the same input row.
			expect(stored.orderNumber).toBe(rows[n].order);
			expect(stored.plateNumber).toBe(rows[n].plate);
			expect(stored.items).toHaveLength(rows[n].lines.length);
			expect(item.json.totalWeightKg).toBe((100 + n) * rows[n].lines.length);
			expect((item.json.tradeCard as IDataObject).orderNumber).toBe(rows[n].order);
		});
	});
});

describe('a batch the service refuses in part', () => {
	const rows = ['P-1', 'P-2', 'P-3', 'P-4'].map((order) => ({ order, vtsz: order === 'P-3' ? '99999999' : '22030001' }));
	// 99999999 is well-formed (8 digits) so only the service can tell it is not in the nomenclature.
	const params = cardParams('import', {
		orderNumber: '={{ $json.order }}',
		items: { item: [itemParams({ productCode: '={{ $json.vtsz }}' })] },
		options: { batchSize: 4 },
	});

	it('under Continue On Fail: the refused row carries the error and reason code, the others their TCNs', async () => {
		const result = await runEkaer(sim(), params, { input: rows, continueOnFail: true });

		expect(result.error).toBeUndefined();
		const out = outputOf(result);
		expect(sim().stats.byOperation.manageTradeCards).toBe(1);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out[2].json).toMatchObject({ errorCode: 'TC_VTSZ_UNKNOWN', retryable: false, outcomeUnknown: false });
		expect(out[2].json.error).toEqual(expect.stringContaining('TC_VTSZ_UNKNOWN'));
		expect(out[2].json.tcn).toBeUndefined();
		for (const n of [0, 1, 3]) {
			expect(out[n].json.error).toBeUndefined();
			expect(sim().tradeCards.get(out[n].json.tcn as string)?.orderNumber).toBe(rows[n].order);
		}
		expect(sim().tradeCards.size).toBe(3);
	});

	it('without Continue On Fail: the node fails naming the refused item and says the others went through', async () => {
		const result = await runEkaer(sim(), params, { input: rows });

		const error = errorOf(result);
		expect(error.itemIndex).toBe(2);
		expect(error.message).toMatch(/^Item 2: .*TC_VTSZ_UNKNOWN/);
		// The other three were in the same signed request and were created: the user must be told.
		expect(error.description).toContain('3 other item(s)');
		expect(sim().tradeCards.size).toBe(3);
	});
});
