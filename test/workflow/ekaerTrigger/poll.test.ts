/**
 * EKÁER Trigger through n8n-core's PollContext against the EKÁER simulator: cards created (also "on NAV's web
 * interface", i.e. seeded), finalized elsewhere, running out; each reported once over polls and a restart. Time moves
 * with faked Date only (timers stay real), so the trigger and the in-process simulator share one clock.
 */
import type { IDataObject } from 'n8n-workflow';
import { EkaerApi } from '../../../credentials/EkaerApi.credentials';
import { EkaerTrigger } from '../../../nodes/EkaerTrigger/EkaerTrigger.node';
import { DEFAULT_USER } from '../../simulators/ekaer';
import { registerNodeTypes } from '../harness';
import { runPoll } from '../harness/triggers';
import { credentialFor, SECRETS, useSimulator } from '../ekaer/helpers';
const { seedCardXml } = require('../../e2e/lib/seed') as { seedCardXml: (order: string, loadDate: string) => string };

const TYPE = 'n8n-nodes-szamlazz-ekaer.ekaerTrigger';
registerNodeTypes({ [TYPE]: new EkaerTrigger() }, { ekaerApi: new EkaerApi() });

const handle = useSimulator();
const DAY = 86_400_000;
const T0 = Date.parse('2026-12-10T09:00:00Z');

function useClock(): { at(ms: number): void } {
	return {
		at(ms: number) {
			jest.setSystemTime(ms);
		},
	};
}
const clock = useClock();

beforeEach(() => {
	handle.sim.reset();
	jest.useFakeTimers({
		doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
		now: T0,
	});
});
afterEach(() => jest.useRealTimers());

async function seed(order: string, insertedAtMs = Date.now(), plate?: string): Promise<string> {
	let xml = seedCardXml(order, new Date(insertedAtMs - 3600_000).toISOString());
	if (plate) xml = xml.replace('<plateNumber>ABC123</plateNumber>', `<plateNumber>${plate}</plateNumber>`);
	const res = await fetch(`${handle.sim.baseUrl}__admin/tradeCards`, {
		method: 'POST',
		body: JSON.stringify({ cards: [{ tradeCard: xml, insertedAt: new Date(insertedAtMs).toISOString() }] }),
	});
	expect(res.status).toBe(200);
	return ((await res.json()) as Array<{ tcn: string }>)[0].tcn;
}

async function setStatus(tcn: string, status: string): Promise<void> {
	const res = await fetch(`${handle.sim.baseUrl}__admin/tradeCards/status`, { method: 'POST', body: JSON.stringify({ tcn, status }) });
	expect(res.status).toBe(200);
}

function poller(parameters: IDataObject = {}) {
	let staticData: IDataObject = {};
	return {
		get staticData() {
			return staticData;
		},
		set staticData(value: IDataObject) {
			staticData = value;
		},
		async poll(mode: 'trigger' | 'manual' = 'trigger') {
			const result = await runPoll({ node: { name: 'Cards', type: TYPE, parameters }, credentials: { ekaerApi: credentialFor(handle.sim) }, staticData, mode });
			if (mode !== 'manual') staticData = result.staticData;
			return result.items?.map((i) => i.json) ?? null;
		},
	};
}

const brief = (items: IDataObject[] | null) => (items ?? []).map((i) => `${i.event}:${i.orderNumber}${i.previousStatus ? `<${i.previousStatus}` : ''}>${i.status}`);

describe('EKÁER Trigger (engine level)', () => {
	it('created, finalized elsewhere and expiring cards are each emitted exactly once, also after a restart', async () => {
		const oldTcn = await seed('OLD-1', T0 - 2 * DAY);
		const expiring = await seed('EXP-1', T0 - 14 * DAY); // valid through tomorrow
		const p = poller();
		expect(await p.poll()).toBeNull(); // first poll: only noted

		clock.at(T0 + 3600_000);
		await seed('WEB-1'); // declared on NAV's web interface
		const created = await p.poll();
		expect(brief(created)).toEqual(['cardCreated:WEB-1>started']);
		expect(created![0]).toMatchObject({ tcn: expect.stringMatching(/^E\d{6}[0-9A-F]{8}$/), tradeType: 'domestic', validityEnd: expect.any(String), items: expect.any(Array) });

		expect(await p.poll()).toBeNull();
		await setStatus(oldTcn, 'F');
		expect(brief(await p.poll())).toEqual(['cardStatusChanged:OLD-1<started>finalized']);

		// The next day, 10:00 Budapest: EXP-1's validity ends at midnight.
		clock.at(T0 + DAY);
		const ending = await p.poll();
		expect(brief(ending)).toEqual(['validityEndingSoon:EXP-1>started']);
		expect(ending![0]).toMatchObject({ tcn: expiring, validityEndsAt: '2026-12-11T23:00:00.000Z' });

		// A restart: the saved (JSON) static data, polled again and again: nothing is repeated.
		p.staticData = JSON.parse(JSON.stringify(p.staticData));
		for (const hour of [1, 2, 3]) {
			clock.at(T0 + DAY + hour * 3600_000);
			expect(await p.poll()).toBeNull();
		}
		// Past its validity the card turns inactive: a status change, once.
		clock.at(T0 + 2 * DAY);
		expect(brief(await p.poll())).toEqual(['cardStatusChanged:EXP-1<started>inactive']);
		expect(await p.poll()).toBeNull();
	});

	it('Include Existing Cards: the first poll reports the cards already there', async () => {
		await seed('A-1', T0 - DAY);
		await seed('A-2', T0 - 15 * DAY); // valid through today
		const p = poller({ options: { includeExisting: true } });
		expect(brief(await p.poll()).sort()).toEqual(['cardCreated:A-1>started', 'cardCreated:A-2>started', 'validityEndingSoon:A-2>started'].sort());
		expect(await p.poll()).toBeNull();
	});

	it('filters like Get Many (plate number) and chosen events only', async () => {
		const p = poller({ events: ['cardCreated'], filters: { plateNumber: 'XYZ999' } });
		expect(await p.poll()).toBeNull();
		await seed('OTHER-PLATE');
		await seed('MINE', Date.now(), 'XYZ999');
		expect(brief(await p.poll())).toEqual(['cardCreated:MINE>started']);
	});

	it('cards declared 40 days back in a 45-day window are read in 30-day windows, as Get Many does', async () => {
		await seed('FAR-1', T0 - 40 * DAY);
		const p = poller({ options: { includeExisting: true, watchDays: 45 } });
		expect(brief(await p.poll())).toEqual(['cardCreated:FAR-1>inactive']);
		expect(handle.sim.stats.byOperation.queryTradeCards).toBe(2);
	});

	it('Fetch Test Event (manual): the newest card as a sample, state left alone', async () => {
		await seed('S-1', T0 - DAY);
		await seed('S-2', T0 - 3600_000);
		const p = poller();
		expect(brief(await p.poll('manual'))).toEqual(['cardCreated:S-2>started']);
		expect(p.staticData).toEqual({});
	});

	it('a refused login fails the poll with the reason, no secret in it, and notes nothing', async () => {
		const result = runPoll({
			node: { name: 'Cards', type: TYPE, parameters: {} },
			credentials: { ekaerApi: credentialFor(handle.sim, { password: 'Wrong-Password-1' }) },
		});
		await expect(result).rejects.toThrow(/Could not read the trade cards from EKÁER/);
		const message = await result.catch((e: Error) => `${e.message} ${JSON.stringify(e)}`);
		for (const secret of [...SECRETS, 'Wrong-Password-1', DEFAULT_USER.signingKey]) expect(message).not.toContain(secret);
	});
});
