/**
 * The EKÁER simulator's test controls (control.ts): a movable clock, status changes made "elsewhere" (NAV's web
 * interface), and cards created there. Queried through the package's client, whose clock follows the simulator's.
 */
import { request } from 'undici';
import { EkaerClient } from '../../nodes/Ekaer/client/client';
import { passwordHash } from '../../nodes/Ekaer/signature';
import { startEkaerSimulator, DEFAULT_USER, type EkaerSimulator } from './ekaer';
const { seedCardXml } = require('../e2e/lib/seed') as { seedCardXml: (order: string, loadDate: string) => string };

async function admin(sim: EkaerSimulator, action: string, body?: unknown): Promise<{ status: number; json: any }> {
	const res = await request(`${sim.baseUrl}__admin/${action}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: res.statusCode, json: await res.body.json() };
}

describe('EKÁER simulator: clock, web-made cards and status changes', () => {
	let sim: EkaerSimulator;
	let simNow: number;
	let client: EkaerClient;

	beforeAll(async () => {
		sim = await startEkaerSimulator();
		client = new EkaerClient({
			baseUrl: sim.baseUrl,
			user: DEFAULT_USER.user,
			passwordHash: passwordHash(DEFAULT_USER.password),
			signingKey: DEFAULT_USER.signingKey,
			vatNumber: DEFAULT_USER.vatNumber,
			now: () => new Date(simNow),
		});
	});
	afterAll(async () => sim.close());
	beforeEach(async () => {
		sim.reset();
		simNow = Date.parse('2026-12-01T09:00:00Z');
		await admin(sim, 'clock', { nowIso: new Date(simNow).toISOString() });
	});

	const all = () => client.queryAll({ from: new Date(simNow - 20 * 86_400_000), to: new Date(simNow) });

	it('a card "created on the web" (seeded now) shows up in queries, dated by the simulator clock', async () => {
		const seeded = await admin(sim, 'tradeCards', { cards: [{ tradeCard: seedCardXml('WEB-1', '2026-12-01T08:00:00+01:00') }] });
		expect(seeded.status).toBe(200);
		const cards = await all();
		expect(cards.map((c) => [c.orderNumber, c.status, c.validityStart, c.validityEnd])).toEqual([['WEB-1', 'started', '2026-12-01', '2026-12-16']]);
	});

	it('moving the clock past the validity makes a started card inactive; the clock can be reset', async () => {
		await admin(sim, 'tradeCards', { cards: [{ tradeCard: seedCardXml('OLD-1', '2026-12-01T08:00:00+01:00') }] });
		const moved = await admin(sim, 'clock', { advanceMs: 16 * 86_400_000 });
		simNow += 16 * 86_400_000;
		expect(moved.json.now).toBe('2026-12-17T09:00:00.000Z');
		expect((await all()).map((c) => c.status)).toEqual(['inactive']);
		await admin(sim, 'clock', { reset: true });
		expect(Math.abs(Date.parse((await admin(sim, 'clock')).json.now) - Date.now())).toBeLessThan(5000);
	});

	it('a status change made elsewhere (finalized or deleted on the web) is what the next query returns', async () => {
		const [card] = (await admin(sim, 'tradeCards', { cards: [{ tradeCard: seedCardXml('WEB-2', '2026-12-01T08:00:00+01:00') }] })).json;
		const changed = await admin(sim, 'tradeCards/status', { tcn: card.tcn, status: 'F' });
		expect(changed.json).toMatchObject({ status: 'F', finalizationTime: '2026-12-01' });
		expect((await all()).map((c) => [c.tcn, c.status, c.finalizationDate])).toEqual([[card.tcn, 'finalized', '2026-12-01']]);
		expect((await admin(sim, 'tradeCards/status', { tcn: 'E000', status: 'F' })).status).toBe(404);
		expect((await admin(sim, 'tradeCards/status', { tcn: card.tcn, status: 'X' })).status).toBe(400);
	});

	it('the request timestamp check follows the simulator clock (a client on another clock is refused)', async () => {
		await admin(sim, 'clock', { advanceMs: 3600_000 });
		await expect(all()).rejects.toThrow();
	});
});
