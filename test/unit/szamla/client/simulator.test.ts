/** The client against the team's strict simulator (test/simulators/szamla): sessions and faults as the server sees them. */
import { ServiceError, TransportError } from '../../../../nodes/shared/errors';
import { closeDispatchers } from '../../../../nodes/shared/transport';
import { SzamlaAgentClient } from '../../../../nodes/SzamlaAgent/client/client';
import { SessionStore } from '../../../../nodes/SzamlaAgent/client/session';
import { queryTaxpayer } from '../../../../nodes/SzamlaAgent/protocol/operations/queryTaxpayer';
import { DEFAULT_AGENT_KEY, startSzamlaSimulator } from '../../../simulators/szamla';

type Simulator = Awaited<ReturnType<typeof startSzamlaSimulator>>;

let sim: Simulator;
const request = { taxNumber: '13421739' };

beforeAll(async () => {
	sim = await startSzamlaSimulator({
		taxpayers: { '13421739': { name: 'KBOSS.HU KFT', vatCode: '2', countyCode: '41', prefixStyle: 'prefixed', address: { city: 'BUDAPEST' } } },
	});
});
afterAll(async () => {
	await sim.close();
	await closeDispatchers();
});

function client(): SzamlaAgentClient {
	return new SzamlaAgentClient({
		credentials: { kind: 'agentKey', agentKey: DEFAULT_AGENT_KEY },
		baseUrl: sim.url,
		timeoutMs: 5000,
		sessions: new SessionStore(),
	});
}

describe('client against the simulator', () => {
	it('reads a prefixed NAV answer and logs in once for many calls, also across a server-side expiry', async () => {
		const c = client();
		const before = sim.stats.logins;
		const result = await c.send(queryTaxpayer, request);
		expect(result).toMatchObject({ valid: true, name: 'KBOSS.HU KFT', taxNumber: { taxpayerId: '13421739', vatCode: '2', countyCode: '41' } });
		for (let i = 0; i < 20; i++) await c.send(queryTaxpayer, request);
		expect(sim.stats.logins - before).toBe(1);
		sim.expireAllSessions();
		await c.send(queryTaxpayer, request);
		await c.send(queryTaxpayer, request);
		expect(sim.stats.logins - before).toBe(2);
		expect(c.stats.cookiesAdopted).toBe(2);
	});

	it('maintenance is a retryable service error', async () => {
		sim.injectFault('maintenance', { times: 1 });
		const error = await client().send(queryTaxpayer, request).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ServiceError);
		expect((error as ServiceError).details.retryable).toBe(true);
	});

	it('an HTML proxy page is an invalid response', async () => {
		sim.injectFault('html-proxy-page', { times: 1 });
		const error = await client().send(queryTaxpayer, request).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).failure).toBe('invalid-response');
	});
});
