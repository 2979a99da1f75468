/**
 * Shared set-up for the Számla Agent workflow tests: the node and credential types registered with the harness, a
 * simulator per test file, node/credential builders and a secret scanner.
 *
 * Every test file calls `useSimulator()` once at top level; it starts a fresh simulator before the file's tests and
 * closes it (and the node's pooled connections) afterwards.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SzamlaAgentApi } from '../../../credentials/SzamlaAgentApi.credentials';
import { closeDispatchers } from '../../../nodes/shared/transport';
import type { SzamlaCredentials } from '../../../nodes/SzamlaAgent/client/fingerprint';
import { sealKeyFor, unseal } from '../../../nodes/SzamlaAgent/client/seal';
import { sharedSessionStore } from '../../../nodes/SzamlaAgent/client/session';
import { SzamlaAgent } from '../../../nodes/SzamlaAgent/SzamlaAgent.node';
import { DEFAULT_AGENT_KEY, startSzamlaSimulator } from '../../simulators/szamla';
import type { SzamlaSimulator, SzamlaSimulatorOptions } from '../../simulators/szamla';
import { registerNodeTypes, runWorkflow } from '../harness';
import type { HarnessNode, RunOptions, RunResult } from '../harness';

export const SZAMLA_TYPE = 'n8n-nodes-szamlazz-ekaer.szamlaAgent';
export const NODE = 'Számla Agent';

registerNodeTypes({ [SZAMLA_TYPE]: new SzamlaAgent() }, { szamlaAgentApi: new SzamlaAgentApi() });

export const USERNAME = 'konyvelo@example.hu';
export const PASSWORD = 'Pw-9f3b7c1e5a';

/** The simulator's accounts: the default agent key, and a username/password login of a second account. */
export const ACCOUNTS = [
	{ agentKey: DEFAULT_AGENT_KEY, name: 'Teszt Kft.', taxNumber: '12345676-2-42' },
	{ username: USERNAME, password: PASSWORD, name: 'Jelszavas Bt.', taxNumber: '87654321-1-13' },
];

export interface SimHandle {
	/** The running simulator (set in beforeAll). */
	readonly sim: SzamlaSimulator;
}

/** Start one simulator for this test file; in-process sessions are cleared before each test. */
export function useSimulator(options: SzamlaSimulatorOptions = {}): SimHandle {
	const handle = { sim: undefined as unknown as SzamlaSimulator };
	beforeAll(async () => {
		handle.sim = await startSzamlaSimulator({ accounts: ACCOUNTS, xsdValidation: 'new-shapes', receiptMailGapMs: 0, ...options });
	});
	beforeEach(() => sharedSessionStore.clear());
	afterAll(async () => {
		await handle.sim?.close();
		await closeDispatchers();
	});
	return handle;
}

export function agentKeyCredentials(sim: SzamlaSimulator, agentKey = DEFAULT_AGENT_KEY): RunOptions['credentials'] {
	return { szamlaAgentApi: { authentication: 'agentKey', agentKey, baseUrl: sim.url } };
}

export function passwordCredentials(sim: SzamlaSimulator, password = PASSWORD): RunOptions['credentials'] {
	return { szamlaAgentApi: { authentication: 'usernamePassword', username: USERNAME, password, baseUrl: sim.url } };
}

export function szamlaNode(parameters: Record<string, unknown>, extra: Partial<HarnessNode> = {}): HarnessNode {
	return { name: NODE, type: SZAMLA_TYPE, parameters, ...extra };
}

/** Buyer fields every invoice needs, as a user would type them. */
export const BUYER = {
	buyerName: 'Minta Vevő Kft.',
	buyerPostalCode: '1051',
	buyerCity: 'Budapest',
	buyerAddress: 'Példa utca 1.',
};

/** A line item in the node's fixed collection. */
export function line(name: string, quantity: string | number, unitPrice: string | number, vatKey = '27', extra: IDataObject = {}): IDataObject {
	return { name, quantity, unit: 'db', unitPrice, priceType: 'net', vatKey, ...extra };
}

/** Invoice › Create parameters with a buyer and the given lines (node fields). */
export function createInvoiceParams(lines: IDataObject[], extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		resource: 'invoice',
		operation: 'create',
		...BUYER,
		lineItemsSource: 'parameters',
		lineItems: { item: lines },
		...extra,
	};
}

/** Run one Számla Agent node with agent-key credentials against the simulator. */
export async function runNode(
	sim: SzamlaSimulator,
	parameters: Record<string, unknown>,
	options: Partial<RunOptions> & { node?: Partial<HarnessNode> } = {},
): Promise<RunResult> {
	const { node, ...rest } = options;
	return await runWorkflow({ nodes: [szamlaNode(parameters, node)], credentials: agentKeyCredentials(sim), ...rest });
}

export function jsonOf(result: RunResult, name = NODE): IDataObject[] {
	return result.output(name).map((item) => item.json);
}

/** Everything a user or a log could see of a run: output items (JSON, binary metadata, pairing) and the error. */
export function visibleText(result: RunResult): string {
	const parts: string[] = [];
	for (const runs of Object.values(result.runData)) {
		for (const run of runs) {
			for (const output of run.data?.main ?? []) {
				for (const item of (output ?? []) as INodeExecutionData[]) parts.push(JSON.stringify(item));
			}
			if (run.error) parts.push(errorText(run.error));
		}
	}
	if (result.error) parts.push(errorText(result.error));
	return parts.join('\n');
}

export function errorText(error: unknown): string {
	const e = error as { message?: string; description?: string | null; context?: unknown; stack?: string; cause?: unknown };
	return [e.message, e.description, JSON.stringify(e.context ?? {}), JSON.stringify(e), e.stack, String(e.cause ?? '')].join('\n');
}

/** The JSESSIONID values a run left in static data (the cookie the simulator issued). */
/**
 * The session cookies kept in static data, opened with the credential's key (by default the simulator's agent key):
 * at rest they are sealed (client/seal.ts), so this is what a holder of the credential could read back.
 */
export function sessionCookies(staticData: IDataObject, credentials: SzamlaCredentials = { kind: 'agentKey', agentKey: DEFAULT_AGENT_KEY }): string[] {
	const sessions = ((staticData.global as IDataObject | undefined)?.szamlaAgentSessions ?? {}) as Record<string, { sealed?: string }>;
	const key = sealKeyFor(credentials);
	return Object.entries(sessions)
		.map(([fingerprint, s]) => (typeof s.sealed === 'string' ? unseal(s.sealed, key, fingerprint) : undefined))
		.filter((c): c is string => typeof c === 'string');
}

/** A simulator-side request counter for one root element (e.g. 'xmlszamla'). */
export function requestsOf(sim: SzamlaSimulator, root: string): number {
	return sim.stats.byOperation[root] ?? 0;
}
