/**
 * Bad spreadsheet cells fail before anything reaches EKÁER: each case puts one defect into the second of three rows
 * (by expression on $json.bad). Without Continue On Fail the node stops naming that item and field and the simulator
 * never sees a request; with it, the bad row becomes an error item and the good rows are still declared.
 */
import type { IDataObject } from 'n8n-workflow';

import { cardParams, errorOf, itemParams, outputOf, runEkaer, useSimulator, type Kind } from './helpers';

const simulator = useSimulator();
const sim = () => simulator.sim;

beforeEach(() => sim().reset());

/** `good` for rows 0 and 2, `bad` for row 1. */
const pick = (good: string, bad: string) => `={{ $json.bad ? ${JSON.stringify(bad)} : ${JSON.stringify(good)} }}`;
const ROWS = [{ bad: false }, { bad: true }, { bad: false }];

interface Case {
	name: string;
	kind: Kind;
	params: Record<string, unknown>;
	input?: IDataObject[];
	field: string;
	message: RegExp;
}

const CASES: Case[] = [
	{
		name: 'a VTSZ code that is not 8 digits',
		kind: 'domestic',
		params: { items: { item: [itemParams({ productCode: pick('22030001', '2203') })] } },
		field: 'Items[1] › VTSZ Code',
		message: /8 digits; got "2203"/,
	},
	{
		name: 'an item without weight in the input array',
		kind: 'import',
		params: { itemsSource: 'inputField', itemsField: 'lines' },
		input: ROWS.map((row) => ({
			...row,
			lines: [row.bad ? { vtsz: '22030001', name: 'Sör', value: 10_000 } : { vtsz: '22030001', name: 'Sör', weight: 12, value: 10_000 }],
		})),
		field: 'lines[1] › Weight (Kg)',
		message: /is required but empty/,
	},
	{
		name: 'a Hungarian VAT number in the wrong format',
		kind: 'domestic',
		params: { destinationVatNumber: pick('87654321', '8765-43') },
		field: 'Destination › VAT Number',
		message: /8 digits/,
	},
	{
		name: 'an export with a foreign seller',
		kind: 'export',
		params: { sellerCountry: pick('HU', 'AT'), sellerVatNumber: pick('12345678', 'ATU1234567') },
		field: 'Seller › Country',
		message: /must be HU for an? export card/,
	},
	{
		name: 'an import with a Hungarian seller',
		kind: 'import',
		params: { sellerCountry: pick('DE', 'HU'), sellerVatNumber: pick('DE123456789', '12345678') },
		field: 'Seller › Country',
		message: /cannot be HU for an? import card/,
	},
	{
		name: 'an export without a vehicle',
		kind: 'export',
		params: { vehiclePlateNumber: pick('ABC123', ''), vehicleCountry: pick('H', '') },
		field: 'Vehicle › Plate Number',
		message: /required for an? export card/,
	},
	{
		name: 'a domestic card without a vehicle',
		kind: 'domestic',
		params: { vehiclePlateNumber: pick('ABC123', '') },
		field: 'Vehicle › Plate Number',
		message: /required for an? domestic card/,
	},
];

describe.each(CASES)('$name', ({ kind, params, input, field, message }) => {
	const parameters = cardParams(kind, { orderNumber: '={{ "ROW-" + $itemIndex }}', options: { batchSize: 10 }, ...params });

	it('stops before any request, naming the item and the field', async () => {
		const error = errorOf(await runEkaer(sim(), parameters, { input: input ?? ROWS }));

		expect(error.itemIndex).toBe(1);
		expect(error.message.startsWith(`Item 1, field "${field}": `)).toBe(true);
		expect(error.message).toMatch(message);
		expect(error.description).toContain('Nothing was sent');
		expect(sim().stats.requests).toBe(0);
	});

	it('under Continue On Fail marks that item and still declares the others', async () => {
		const result = await runEkaer(sim(), parameters, { input: input ?? ROWS, continueOnFail: true });

		const out = outputOf(result);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json).toMatchObject({ errorField: field, retryable: false, outcomeUnknown: false });
		expect(out[1].json.error).toMatch(message);
		expect([out[0].json.tcn, out[2].json.tcn].map((tcn) => sim().tradeCards.get(tcn as string)?.orderNumber)).toEqual(['ROW-0', 'ROW-2']);
		// The two good rows went out together, the bad one never.
		expect(sim().stats.byOperation).toMatchObject({ manageTradeCards: 1, create: 2 });
	});
});

describe('other operations', () => {
	it('Delete without a reason stops before any request; under Continue On Fail the other deletes run', async () => {
		const tcns = await runEkaer(sim(), cardParams('domestic', { orderNumber: '={{ "DEL-" + $itemIndex }}', options: { batchSize: 3 } }), {
			input: ROWS,
		}).then((result) => outputOf(result).map((item) => item.json.tcn as string));
		const created = sim().stats.requests;
		const params = { operation: 'delete', tcn: '={{ $json.tcn }}', reason: '={{ $json.bad ? "" : "Meghiúsult" }}', options: { batchSize: 3 } };
		const input = ROWS.map((row, n) => ({ ...row, tcn: tcns[n] }));

		const error = errorOf(await runEkaer(sim(), params, { input }));
		expect(error.itemIndex).toBe(1);
		expect(error.message).toBe('Item 1, field "Reason": is required but empty');
		expect(sim().stats.requests).toBe(created);

		const out = outputOf(await runEkaer(sim(), params, { input, continueOnFail: true }));
		expect(out.map((item) => item.json.status ?? item.json.errorField)).toEqual(['deleted', 'Reason', 'deleted']);
		expect(tcns.map((tcn) => sim().tradeCards.get(tcn)!.status)).toEqual(['D', 'S', 'D']);
	});

	it('JSON mode: a card without items names the JSON field', async () => {
		const error = errorOf(
			await runEkaer(sim(), { operation: 'create', inputMode: 'json', tradeCardJson: '={{ $json }}' }, { input: [{ tradeType: 'import', orderNumber: 'X' }] }),
		);
		expect(error.message).toBe('Item 0, field "Trade Card (JSON) › items": is missing');
		expect(sim().stats.requests).toBe(0);
	});

	it('Finalize of a malformed EKÁER number stops before any request', async () => {
		const error = errorOf(await runEkaer(sim(), { operation: 'finalize', tcn: '={{ $json.tcn }}' }, { input: [{ tcn: 'E-123 456' }] }));
		expect(error.message).toMatch(/^Item 0, field "EKÁER Number": /);
		expect(sim().stats.requests).toBe(0);
	});
});
