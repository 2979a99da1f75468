/**
 * Every output of Create, Modify, Finalize, Delete and Correct names its card — and so does every error item, server
 * refusals included — so "finalize yesterday's cards → write the result back to the sheet" can match every row:
 * `tcn` (the answer's, else the request's), `orderNumber` where known, and the status the answer gives.
 */
import type { IDataObject } from 'n8n-workflow';

import { cardParams, ekaerNode, itemParams, jsonOf, NODE, outputOf, runEkaer, runScanned, useSimulator } from './helpers';

const simulator = useSimulator();
const sim = () => simulator.sim;

beforeEach(() => sim().reset());

async function createCards(orders: string[], overrides: Record<string, unknown> = {}): Promise<string[]> {
	const result = await runEkaer(sim(), cardParams('domestic', { orderNumber: '={{ $json.order }}', options: { batchSize: 10 }, ...overrides }), {
		input: orders.map((order) => ({ order })),
	});
	return jsonOf(result).map((json) => json.tcn as string);
}

const UNKNOWN_TCN = 'E26010100000000';

describe('outputs name their card', () => {
	it('Create: tcn, order number and status of each card; a refused card keeps its order number', async () => {
		const result = await runEkaer(
			sim(),
			cardParams('domestic', {
				orderNumber: '={{ $json.order }}',
				// 99999999 is a VTSZ the simulator does not know: NAV refuses it (TC_VTSZ_UNKNOWN), after the request went out.
				items: { item: [itemParams({ productCode: '={{ $json.vtsz }}' })] },
				options: { batchSize: 10 },
			}),
			{ input: [{ order: 'OUT-1', vtsz: '22030001' }, { order: 'OUT-2', vtsz: '99999999' }], continueOnFail: true },
		);

		const [ok, refused] = outputOf(result).map((item) => item.json);
		expect(ok).toMatchObject({ tcn: expect.stringMatching(/^E\d{6}/), orderNumber: 'OUT-1', status: 'started', result: 'OK' });
		expect(refused).toMatchObject({ orderNumber: 'OUT-2', errorCode: 'TC_VTSZ_UNKNOWN', outcomeUnknown: false });
		expect(refused.tcn).toBeUndefined();
		expect(sim().tradeCards.get(ok.tcn as string)?.orderNumber).toBe('OUT-1');
	});

	it('Finalize and Delete: the TCN acted on, from the answer or (refused, no card in the answer) from the request', async () => {
		const [finalizeMe, deleteMe] = await createCards(['FIN-A', 'DEL-A']);
		const run = (params: Record<string, unknown>, input: IDataObject[]) => runEkaer(sim(), { ...params, options: { batchSize: 10 } }, { input, continueOnFail: true });

		const finalized = outputOf(await run({ operation: 'finalize', tcn: '={{ $json.tcn }}' }, [{ tcn: finalizeMe }, { tcn: UNKNOWN_TCN }])).map((i) => i.json);
		expect(finalized[0]).toMatchObject({ tcn: finalizeMe, orderNumber: 'FIN-A', status: 'finalized', operation: 'finalize' });
		expect(finalized[1]).toMatchObject({ tcn: UNKNOWN_TCN, errorCode: 'INVALID_INPUT' });

		const deleted = outputOf(
			await run({ operation: 'delete', tcn: '={{ $json.tcn }}', reason: 'Elmaradt' }, [{ tcn: UNKNOWN_TCN }, { tcn: deleteMe.toLowerCase() }]),
		).map((i) => i.json);
		expect(deleted[0]).toMatchObject({ tcn: UNKNOWN_TCN, errorCode: 'INVALID_INPUT' });
		expect(deleted[1]).toMatchObject({ tcn: deleteMe, orderNumber: 'DEL-A', status: 'deleted', operation: 'delete' });
	});

	it('a refusal whose answer carries the card gives its status and order number too', async () => {
		// An import card may be declared without a vehicle; closing it needs one (TC_FINALIZE_VEHICLE_DATA_EMPTY).
		const result = await runEkaer(sim(), cardParams('import', { orderNumber: 'NOVEH-1', vehiclePlateNumber: '', vehicleCountry: '' }));
		const [tcn] = jsonOf(result).map((json) => json.tcn as string);

		const [json] = outputOf(await runEkaer(sim(), { operation: 'finalize', tcn }, { continueOnFail: true })).map((i) => i.json);
		expect(json).toMatchObject({ tcn, orderNumber: 'NOVEH-1', status: 'started', errorCode: 'TC_FINALIZE_VEHICLE_DATA_EMPTY' });
	});

	it('an item refused for bad input before anything was sent names its card as well', async () => {
		const [tcn] = await createCards(['FUT-1']);
		const future = new Date(Date.now() + 86_400_000).toISOString();

		const [json] = outputOf(await runEkaer(sim(), { operation: 'finalize', tcn, arrivalDate: future }, { continueOnFail: true })).map((i) => i.json);
		expect(json).toMatchObject({ tcn, errorField: 'Arrival Date' });
		expect(sim().tradeCards.get(tcn)!.status).toBe('S');
	});

	it('Modify and Correct outputs carry tcn, order number and status', async () => {
		const [tcn] = await createCards(['MOC-1']);
		const itemId = sim().tradeCards.get(tcn)!.items[0].id;
		const [modified] = jsonOf(
			await runEkaer(sim(), { operation: 'modify', tcn, inputMode: 'fields', vehiclePlateNumber: 'NEW-001', additionalFields: { plateNumberChangeReason: 'Csere' } }),
		);
		expect(modified).toMatchObject({ tcn, orderNumber: 'MOC-1', status: 'started', operation: 'modify' });

		jsonOf(await runEkaer(sim(), { operation: 'finalize', tcn }));
		const [corrected] = jsonOf(
			await runEkaer(sim(), { operation: 'correct', tcn, itemCorrections: { item: [{ id: itemId, weightKg: 1100, reason: 'Mérlegjegy' }] } }),
		);
		expect(corrected).toMatchObject({ tcn, orderNumber: 'MOC-1', status: 'finalized', operation: 'correction' });
	});

	it('with the error output, the error item stays `{ error }` so n8n routes it (and merges in the input item)', async () => {
		const result = await runScanned(sim(), {
			nodes: [ekaerNode({ operation: 'finalize', tcn: '={{ $json.tcn }}' }, { onError: 'continueErrorOutput' })],
			input: [{ tcn: UNKNOWN_TCN }],
		});
		expect(result.error).toBeUndefined();
		const [failed] = result.output(NODE, 1);
		expect(Object.keys(failed.json)).toEqual(['error']);
		expect(failed.json.error).toMatch(/^Item 0: EKÁER error INVALID_INPUT/);
	});
});
