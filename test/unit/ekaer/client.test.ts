import { InputError, ServiceError, TransportError } from '../../../nodes/shared/errors';
import { closeDispatchers } from '../../../nodes/shared/transport';
import { EkaerClient, type EkaerClientOptions } from '../../../nodes/Ekaer/client/client';
import type { TradeCard, TradeCardOperation } from '../../../nodes/Ekaer/protocol/types';
import { passwordHash } from '../../../nodes/Ekaer/signature';
import { DEFAULT_USER, startEkaerSimulator, type EkaerSimulator } from '../../simulators/ekaer';
import { fullCard } from './helpers/fixtures';

const DAY = 86_400_000;
let clock = new Date('2025-03-10T10:00:00Z');
const now = () => new Date(clock.getTime());
let sim: EkaerSimulator;

function client(overrides: Partial<EkaerClientOptions> = {}): EkaerClient {
	return new EkaerClient({
		baseUrl: sim.baseUrl,
		user: DEFAULT_USER.user,
		passwordHash: passwordHash(DEFAULT_USER.password),
		signingKey: DEFAULT_USER.signingKey,
		vatNumber: DEFAULT_USER.vatNumber,
		timeoutMs: 5_000,
		now,
		...overrides,
	});
}

/** A domestic card declared by the simulator's taxpayer (seller tax number = the declarant's). */
function card(orderNumber: string): TradeCard {
	const c = fullCard('domestic');
	c.orderNumber = orderNumber;
	c.seller = { ...c.seller, vatNumber: DEFAULT_USER.vatNumber };
	c.loadDate = now();
	return c;
}

const create = (orderNumber: string): TradeCardOperation => ({ operation: 'create', card: card(orderNumber) });

async function caught(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a rejection');
}

/** Every secret form that must never surface. */
const SECRETS = [DEFAULT_USER.password, passwordHash(DEFAULT_USER.password), DEFAULT_USER.signingKey];
function expectNoSecrets(error: unknown): void {
	const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
	for (const secret of SECRETS) expect(text).not.toContain(secret);
}

beforeAll(async () => {
	sim = await startEkaerSimulator({ users: [DEFAULT_USER], now });
});
afterAll(async () => {
	await sim.close();
	await closeDispatchers();
});
beforeEach(() => {
	sim.reset();
	clock = new Date('2025-03-10T10:00:00Z');
});

describe('EkaerClient against the simulator', () => {
	it('sends a batch of 3 as one signed request and returns outcomes in input order', async () => {
		const outcomes = await client().manage([
			create('ORD-A'),
			{ operation: 'delete', tcn: 'E25010100000000', reason: 'nincs ilyen' },
			create('ORD-C'),
		]);
		expect(sim.stats.requests).toBe(1);
		expect(outcomes.map((o) => [o.index, o.operation, o.ok])).toEqual([
			[1, 'create', true],
			[2, 'delete', false],
			[3, 'create', true],
		]);
		expect(outcomes[1].funcCode).toBe('ERROR');
		expect(outcomes[1].reasonCode).not.toBe('SUCCESS');
		expect(outcomes[0].tradeCard?.orderNumber).toBe('ORD-A');
		expect(outcomes[2].tradeCard?.orderNumber).toBe('ORD-C');
		expect(sim.tradeCards.size).toBe(2);
		expect(sim.tradeCards.get(outcomes[0].tradeCard!.tcn)?.status).toBeDefined();
	});

	it('refuses unusable credentials at construction, without echoing them', () => {
		expect(() => client({ user: 'ab' })).toThrow(/6–30/);
		expect(() => client({ passwordHash: DEFAULT_USER.password })).toThrow(/128 hexadecimal/);
		expect(() => client({ signingKey: '' })).toThrow(/signing key/);
		expect(() => client({ vatNumber: '1234' })).toThrow(/8 digits/);
		try {
			client({ passwordHash: DEFAULT_USER.password });
		} catch (error) {
			expectNoSecrets(error);
		}
	});

	it('creates, finalizes and finds a card by EKÁER number', async () => {
		const c = client();
		const [created] = await c.manage([create('ORD-F')]);
		const tcn = created.tradeCard!.tcn;
		clock = new Date(clock.getTime() + 3_600_000);
		const [closed] = await c.manage([{ operation: 'finalize', tcn, arrival: new Date(clock.getTime() - 60_000) }]);
		expect(closed.ok).toBe(true);
		const [found] = await c.query({ tcn });
		expect(found.tcn).toBe(tcn);
		expect(found.status).toBe('finalized');
	});

	it('rejects invalid input before sending anything', async () => {
		const bad = create('ORD-X');
		if (bad.operation === 'create') bad.card.items![0].productCode = '0201';
		const error = await caught(client().manage([create('ORD-OK'), bad]));
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).field).toBe('Operations[2] › Items[1] › VTSZ Code');
		expect(sim.stats.requests).toBe(0);
	});

	it('splits a 90-day query into three 30-day requests and de-duplicates', async () => {
		const start = clock.getTime();
		const c = client();
		for (const day of [1, 35, 70]) {
			clock = new Date(start + day * DAY);
			await c.manage([create(`ORD-D${day}`)]);
		}
		clock = new Date(start + 91 * DAY);
		const before = sim.stats.byOperation.queryTradeCards ?? 0;
		const cards = await c.queryAll({ from: new Date(start), to: new Date(start + 90 * DAY) });
		expect((sim.stats.byOperation.queryTradeCards ?? 0) - before).toBe(3);
		expect(cards.map((x) => x.orderNumber)).toEqual(['ORD-D1', 'ORD-D35', 'ORD-D70']);
	});

	it('splits a full window in halves until every card is found, honouring the limit', async () => {
		const start = clock.getTime();
		const c = client();
		for (let i = 0; i < 5; i++) {
			clock = new Date(start + i * 3_600_000);
			await c.manage([create(`ORD-P${i}`)]);
		}
		clock = new Date(start + DAY);
		const range = { from: new Date(start - 1000), to: new Date(start + 5 * 3_600_000) };
		const all = await c.queryAll(range, {}, { pageSize: 2 });
		expect(all.map((x) => x.orderNumber).sort()).toEqual(['ORD-P0', 'ORD-P1', 'ORD-P2', 'ORD-P3', 'ORD-P4']);
		expect(sim.stats.byOperation.queryTradeCards).toBeGreaterThan(1);
		expect(await c.queryAll(range, { orderNumber: 'ORD-P3' })).toHaveLength(1);
		expect(await c.queryAll(range, {}, { limit: 3 })).toHaveLength(3);
	});

	it('does not retry a create whose answer was lost, and says how to check', async () => {
		sim.injectFault('reset-after-processing', { operation: 'manageTradeCards' });
		const error = await caught(client().manage([create('ORD-LOST')]));
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).outcomeUnknown).toBe(true);
		expect(error.message).toMatch(/Get Many/);
		expect(error.message).toContain('ORD-LOST');
		expect(sim.stats.requests).toBe(1);
		expect(sim.tradeCards.size).toBe(1);
		expectNoSecrets(error);
	});

	it('retries a query once, with a new request id, after the connection broke', async () => {
		sim.injectFault('reset-before-processing', { operation: 'queryTradeCards' });
		const cards = await client().query({ insertedFrom: new Date(clock.getTime() - DAY), insertedTo: clock });
		expect(cards).toEqual([]);
		expect(sim.stats.requests).toBe(2);
		expect(sim.requestIds.size).toBe(1);
	});

	it('gives up on a query after the second broken connection', async () => {
		sim.injectFault('reset-before-processing', { operation: 'queryTradeCards', times: 2 });
		const error = await caught(client().query({ tcn: 'E25010100000000' }));
		expect(error).toBeInstanceOf(TransportError);
		expect(sim.stats.requests).toBe(2);
	});

	it('reports wrong credentials as a service error without leaking secrets', async () => {
		const error = await caught(client({ passwordHash: passwordHash('wrong-password') }).manage([create('ORD-W')]));
		expect(error).toBeInstanceOf(ServiceError);
		expect((error as ServiceError).details.code).toBe('INVALID_USER_OR_PASSWORD');
		expect(error.message).not.toContain(passwordHash('wrong-password'));
		expectNoSecrets(error);
	});

	it.each([
		['technical-fault-500', ServiceError],
		['html-page', TransportError],
	] as const)('turns a %s answer on a create into a clear outcome-unknown error', async (fault, type) => {
		sim.injectFault(fault, { operation: 'manageTradeCards' });
		const error = await caught(client().manage([create('ORD-500')]));
		expect(error).toBeInstanceOf(type);
		expect(error.message).toMatch(/Get Many/);
		expect(sim.stats.requests).toBe(1);
		expectNoSecrets(error);
	});
});
