/**
 * Correct and Modify take the stored card as it is and change only what the user gave. Each test captures the card the
 * node sent (the simulator's onRequest hook) and compares it, field by field, with the card the simulator had stored:
 * the only differences are the changed values (plus the reasons that explain them and the server's own bookkeeping).
 */
import { parseCard, type CardData } from '../../simulators/ekaer/cardModel';
import type { EkaerEndpoint } from '../../simulators/ekaer';
import { child, children, parseXml } from '../../simulators/ekaer/xml/tree';
import { cardParams, errorOf, itemParams, jsonOf, runEkaer } from './helpers';
import { useSimulator } from './helpers';

const sent: Array<{ endpoint: EkaerEndpoint; xml: string }> = [];
const simulator = useSimulator({ onRequest: (endpoint, xml) => sent.push({ endpoint, xml }) });
const sim = () => simulator.sim;

beforeEach(() => {
	sim().reset();
	sent.length = 0;
});

/** Values that explain a change or that only the server sets: they differ by nature, not by mistake. */
const BOOKKEEPING = /(^|\.)(tcn|arrivalDate|arrivalDateOnly|unloadReporter|statusChangeModReasonText|plateNumberModReasonText|itemOperation|weightModReasonText|valueModReasonText|insDate|insUser|modDate|modUser)$/;

/** Every leaf of a card as `path → value`, e.g. `deliveryPlans[1].items[1].weight → 1200.5`. */
function flatten(card: CardData): Map<string, string> {
	const out = new Map<string, string>();
	const put = (prefix: string, fields: Record<string, string>) => {
		for (const [key, value] of Object.entries(fields)) out.set(`${prefix}${key}`, value);
	};
	put('', card.fields);
	for (const name of ['loadLocation', 'unloadLocation'] as const) if (card[name]) put(`${name}.`, card[name]!.fields);
	for (const name of ['vehicle', 'vehicle2'] as const) if (card[name]) put(`${name}.`, { ...card[name] } as Record<string, string>);
	(card.deliveryPlans ?? []).forEach((plan, p) => {
		const at = `deliveryPlans[${p + 1}].`;
		if (plan.id) out.set(`${at}id`, plan.id);
		put(at, plan.fields);
		for (const name of ['loadLocation', 'unloadLocation'] as const) if (plan[name]) put(`${at}${name}.`, plan[name]!.fields);
		plan.items.forEach((item, n) => {
			if (item.id) out.set(`${at}items[${n + 1}].id`, item.id);
			put(`${at}items[${n + 1}].`, item.fields);
		});
	});
	return out;
}

/** Paths whose values differ between the two cards (present in one only counts), bookkeeping left out. */
function differences(before: CardData, after: CardData): string[] {
	const a = flatten(before);
	const b = flatten(after);
	const paths = new Set([...a.keys(), ...b.keys()]);
	return [...paths].filter((path) => !BOOKKEEPING.test(path) && a.get(path) !== b.get(path)).sort();
}

/** The card of the last manageTradeCards request the node sent. */
function sentCard(): CardData {
	const last = [...sent].reverse().find((request) => request.endpoint === 'manageTradeCards');
	if (!last) throw new Error('no manageTradeCards request was sent');
	const [operation] = children(child(parseXml(last.xml), 'tradeCardOperations'), 'tradeCardOperation');
	return parseCard(child(operation, 'tradeCard')!);
}

const HOUR = 3_600_000;

/** A domestic card with the optional fields users set most: load date, trailer, plan id, item extras. */
async function createRichCard(order: string): Promise<string> {
	const result = await runEkaer(
		sim(),
		cardParams('domestic', {
			orderNumber: order,
			loadDate: new Date(Math.floor((Date.now() - 2 * HOUR) / 1000) * 1000).toISOString(),
			items: {
				item: [
					itemParams({ externalId: 'row-1', batchNumber: 'B-001', expirationDate: '2027-03-01', factoryItemNumber: 'F-1' }),
					itemParams({ productCode: '22041000', productName: 'Pezsgő', weightKg: 20, valueHuf: 150_000, tradeReason: 'other' }),
				],
			},
			additionalFields: {
				carrierText: 'Fuvar Kft',
				trailerPlateNumber: 'TRL-001',
				trailerCountry: 'H',
				deliveryPlanExternalId: 'DP-7',
				saveLoadLocation: true,
				destinationCompanyIdentical: true,
			},
		}),
	);
	return jsonOf(result)[0].tcn as string;
}

const stored = (tcn: string): CardData => structuredClone((sim().tradeCards.get(tcn) as unknown as { card: CardData }).card);

describe('Correct', () => {
	it('sends the stored card with only the plate, the weight and the value changed (load date kept)', async () => {
		const tcn = await createRichCard('COR-F');
		jsonOf(await runEkaer(sim(), { operation: 'finalize', tcn }));
		const before = stored(tcn);
		const [first] = sim().tradeCards.get(tcn)!.items;

		const [json] = jsonOf(
			await runEkaer(sim(), {
				operation: 'correct',
				tcn,
				plateNumber: 'XYZ-987',
				plateChangeReason: 'Elírás',
				itemCorrections: { item: [{ id: first.id, weightKg: 1180, valueHuf: 2_400_000, reason: 'Mérlegjegy szerint' }] },
			}),
		);

		expect(json).toMatchObject({ tcn, result: 'OK', status: 'finalized' });
		const card = sentCard();
		expect(differences(before, card)).toEqual(['deliveryPlans[1].items[1].value', 'deliveryPlans[1].items[1].weight', 'vehicle.plateNumber']);
		expect(card.fields.loadDate).toBe(before.fields.loadDate);
		expect(card.deliveryPlans![0].items[0].fields).toMatchObject({ weightModReasonText: 'Mérlegjegy szerint', valueModReasonText: 'Mérlegjegy szerint' });
		expect(card.deliveryPlans![0].items[1].fields.weightModReasonText).toBeUndefined();
		expect(card.fields.plateNumberModReasonText).toBe('Elírás');
		// The simulator now refuses a correction that leaves out a stored field, so the OK above proves completeness.
		expect(sim().tradeCards.get(tcn)).toMatchObject({ corrected: true, plateNumber: 'XYZ987' });
	});

	it('a weight given equal to the stored one is no change and needs no reason', async () => {
		const tcn = await createRichCard('COR-S');
		jsonOf(await runEkaer(sim(), { operation: 'finalize', tcn }));
		const before = stored(tcn);
		const [first, second] = sim().tradeCards.get(tcn)!.items;

		jsonOf(
			await runEkaer(sim(), {
				operation: 'correct',
				tcn,
				itemCorrections: { item: [{ id: first.id, weightKg: 1200.5 }, { id: second.id, valueHuf: 160_000, reason: 'Számla' }] },
			}),
		);

		expect(differences(before, sentCard())).toEqual(['deliveryPlans[1].items[2].value']);
	});
});

describe('Modify: only what changes', () => {
	it('fields mode: a new plate and one item weight; everything else is sent as stored', async () => {
		const tcn = await createRichCard('MOD-F');
		const before = stored(tcn);
		const [first] = sim().tradeCards.get(tcn)!.items;

		const [json] = jsonOf(
			await runEkaer(sim(), {
				operation: 'modify',
				tcn,
				inputMode: 'fields',
				vehiclePlateNumber: 'NEW-001',
				items: { item: [{ id: first.id, weightKg: 1250, changeReason: 'Mérlegelés' }] },
				additionalFields: { plateNumberChangeReason: 'Műszaki hiba' },
			}),
		);

		expect(json).toMatchObject({ tcn, orderNumber: 'MOD-F', result: 'OK', status: 'started' });
		expect(differences(before, sentCard())).toEqual(['deliveryPlans[1].items[1].weight', 'vehicle.plateNumber']);
		const after = sim().tradeCards.get(tcn)!;
		expect(after.fields.loadDate).toBe(before.fields.loadDate);
		expect(after.items.map((item) => [item.productVtsz, item.weight, item.tradeReason])).toEqual([
			['22030001', '1250', 'S'],
			['22041000', '20', 'O'],
		]);
		expect(differences(before, stored(tcn))).toEqual(['deliveryPlans[1].items[1].weight', 'vehicle.plateNumber']);
	});

	it('JSON mode: only the keys given change; a new item is added beside the stored ones', async () => {
		const tcn = await createRichCard('MOD-J');
		const before = stored(tcn);

		jsonOf(
			await runEkaer(sim(), {
				operation: 'modify',
				tcn,
				inputMode: 'json',
				tradeCardJson: JSON.stringify({
					orderNumber: 'MOD-J2',
					unloadLocation: { city: 'Debrecen-Józsa' },
					items: [{ productCode: '22042100', productName: 'Bor', weightKg: 5, valueHuf: 40_000 }],
				}),
			}),
		);

		const diff = differences(before, sentCard());
		expect(diff).toEqual(['deliveryPlans[1].items[3].productName', 'deliveryPlans[1].items[3].productVtsz', 'deliveryPlans[1].items[3].tradeReason', 'deliveryPlans[1].items[3].value', 'deliveryPlans[1].items[3].weight', 'deliveryPlans[1].unloadLocation.city', 'orderNumber']);
		expect(sim().tradeCards.get(tcn)!.items).toHaveLength(3);
		expect(sim().tradeCards.get(tcn)!.orderNumber).toBe('MOD-J2');
	});

	it('refuses a changed weight without a reason, and an unknown item ID, before sending anything', async () => {
		const tcn = await createRichCard('MOD-R');
		const [first] = sim().tradeCards.get(tcn)!.items;
		const writes = () => sent.filter((request) => request.endpoint === 'manageTradeCards').length;
		const before = writes();

		const noReason = errorOf(await runEkaer(sim(), { operation: 'modify', tcn, items: { item: [{ id: first.id, weightKg: 5 }] } }));
		expect(noReason.message).toBe(`Item 0, field "Items[1] › Change Reason": is required because the weight of item ${first.id} changes`);
		const unknown = errorOf(await runEkaer(sim(), { operation: 'modify', tcn, items: { item: [{ id: 'NOSUCHITEM', weightKg: 5, changeReason: 'x' }] } }));
		expect(unknown.message).toBe(`Item 0, field "Items[1] › Item ID": the card ${tcn} has no item with ID "NOSUCHITEM"`);
		const tradeType = errorOf(await runEkaer(sim(), { operation: 'modify', tcn, tradeType: 'import' }));
		expect(tradeType.message).toMatch(/^Item 0, field "Trade Type": cannot be changed/);
		expect(writes()).toBe(before);
	});
});
