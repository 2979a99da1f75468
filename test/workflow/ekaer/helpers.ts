/**
 * Shared pieces of the EKÁER workflow tests: one simulator per test file, the credential pointing at it, node
 * builders, card parameters for the three trade types, and the secret scan every test applies to what it got back.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { EkaerApi } from '../../../credentials/EkaerApi.credentials';
import { Ekaer } from '../../../nodes/Ekaer/Ekaer.node';
import { passwordHash } from '../../../nodes/Ekaer/signature';
import { closeDispatchers } from '../../../nodes/shared/transport';
import { DEFAULT_USER, startEkaerSimulator, type EkaerSimulator, type EkaerSimulatorOptions } from '../../simulators/ekaer';
import { registerNodeTypes, runWorkflow } from '../harness';
import type { HarnessNode, RunOptions, RunResult } from '../harness';

export const EKAER_TYPE = 'n8n-nodes-szamlazz-ekaer.ekaer';
export const NODE = 'EKÁER';

registerNodeTypes({ [EKAER_TYPE]: new Ekaer() }, { ekaerApi: new EkaerApi() });

export const PASSWORD_HASH = passwordHash(DEFAULT_USER.password);
/** Every form of secret that must never surface: the password, its hash (both cases) and the signing key. */
export const SECRETS = [DEFAULT_USER.password, PASSWORD_HASH, PASSWORD_HASH.toLowerCase(), DEFAULT_USER.signingKey];

/** Starts one simulator for the test file and closes it (and the keep-alive dispatchers) afterwards. */
export function useSimulator(options: EkaerSimulatorOptions = {}): { readonly sim: EkaerSimulator } {
	const holder = {} as { sim: EkaerSimulator };
	beforeAll(async () => {
		holder.sim = await startEkaerSimulator({ users: [DEFAULT_USER], ...options });
	});
	afterAll(async () => {
		await holder.sim?.close();
		await closeDispatchers();
	});
	return holder;
}

export function credentialFor(sim: EkaerSimulator, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return {
		user: DEFAULT_USER.user,
		passwordType: 'plain',
		password: DEFAULT_USER.password,
		passwordHash: '',
		signingKey: DEFAULT_USER.signingKey,
		vatNumber: DEFAULT_USER.vatNumber,
		environment: 'custom',
		customBaseUrl: sim.baseUrl,
		...overrides,
	};
}

export function ekaerNode(parameters: Record<string, unknown>, extra: Partial<HarnessNode> = {}): HarnessNode {
	return { name: NODE, type: EKAER_TYPE, parameters: { resource: 'tradeCard', ...parameters }, ...extra };
}

/** Runs a one-node workflow and scans everything it produced for secrets. */
export async function runEkaer(
	sim: EkaerSimulator,
	parameters: Record<string, unknown>,
	options: Partial<RunOptions> & { continueOnFail?: boolean; credential?: ICredentialDataDecryptedObject } = {},
): Promise<RunResult> {
	const { continueOnFail, credential, ...rest } = options;
	const result = await runWorkflow({
		nodes: [ekaerNode(parameters, continueOnFail ? { onError: 'continueRegularOutput' } : {})],
		credentials: { ekaerApi: credential ?? credentialFor(sim) },
		...rest,
	});
	expectNoSecrets(result);
	return result;
}

/** Output items of the node, or [] when it failed. */
export function outputOf(result: RunResult): INodeExecutionData[] {
	return result.runData[NODE]?.[0]?.data?.main?.[0] ?? [];
}

export function jsonOf(result: RunResult): IDataObject[] {
	const error = result.error;
	if (error) throw new Error(`Workflow failed unexpectedly: ${error.message} — ${error.description ?? ''}`);
	return result.output(NODE).map((item) => item.json);
}

/**
 * Scans everything a run produced for every secret form: all nodes' output items and errors (the whole run data) and
 * the workflow error with its message, description and context.
 */
export function expectNoSecrets(result: RunResult): void {
	const error = result.error as (Error & { description?: string; context?: unknown }) | undefined;
	const texts = [JSON.stringify(result.runData)];
	for (const runs of Object.values(result.runData)) {
		for (const run of runs) {
			if (run.error) texts.push(run.error.message, String(run.error.description ?? ''), JSON.stringify(run.error.context ?? {}));
		}
	}
	if (error) {
		texts.push(error.message, String(error.description ?? ''), JSON.stringify(error.context ?? {}), JSON.stringify(error));
		texts.push(String(error.stack ?? ''));
	}
	const all = texts.join('\n');
	for (const secret of SECRETS) expect(all).not.toContain(secret);
}

/** runWorkflow with the simulator's credential, scanned for secrets. */
export async function runScanned(sim: EkaerSimulator, options: Omit<RunOptions, 'credentials'>): Promise<RunResult> {
	const result = await runWorkflow({ credentials: { ekaerApi: credentialFor(sim) }, ...options });
	expectNoSecrets(result);
	return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Card parameters (fields mode) for the simulator's taxpayer 12345678

export type Kind = 'import' | 'export' | 'domestic';

const HU_LOAD = {
	name: 'Raktár Kft',
	vatNumber: DEFAULT_USER.vatNumber,
	country: 'HU',
	postalCode: '1111',
	city: 'Budapest',
	street: 'Fő',
	streetType: 'utca',
	streetNumber: '1',
};
const HU_UNLOAD = { ...HU_LOAD, name: 'Vevő Raktár Kft', vatNumber: '87654321', postalCode: '4024', city: 'Debrecen', street: 'Piac' };
const FOREIGN = { name: 'Lager GmbH', vatNumber: 'DE123456789', country: 'DE', postalCode: '80331', city: 'München', street: 'Hauptstraße', streetNumber: '5' };

export function itemParams(overrides: IDataObject = {}): IDataObject {
	return { productCode: '22030001', productName: 'Sör', weightKg: 1200.5, valueHuf: 2_500_000, tradeReason: 'sale', ...overrides };
}

/** Node parameters of a valid create in fields mode (items defined in the node unless overridden). */
export function cardParams(kind: Kind, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const sellerHu = kind !== 'import';
	const destinationHu = kind !== 'export';
	return {
		operation: 'create',
		inputMode: 'fields',
		tradeType: kind,
		orderNumber: `ORD-${kind}`,
		sellerName: sellerHu ? 'Eladó Kft' : 'Verkäufer GmbH',
		sellerVatNumber: sellerHu ? DEFAULT_USER.vatNumber : 'DE123456789',
		sellerCountry: sellerHu ? 'HU' : 'DE',
		sellerAddress: sellerHu ? '1111 Budapest, Fő utca 1' : '80331 München, Hauptstraße 5',
		destinationName: destinationHu ? 'Vevő Kft' : 'Käufer GmbH',
		destinationVatNumber: destinationHu ? '87654321' : 'DE987654321',
		destinationCountry: destinationHu ? 'HU' : 'DE',
		destinationAddress: destinationHu ? '4024 Debrecen, Piac utca 2' : '10115 Berlin, Allee 3',
		loadLocation: { location: sellerHu ? HU_LOAD : FOREIGN },
		unloadLocation: { location: destinationHu ? HU_UNLOAD : { ...FOREIGN, name: 'Käufer Lager GmbH', city: 'Berlin', postalCode: '10115' } },
		vehiclePlateNumber: 'ABC-123',
		vehicleCountry: 'H',
		loadDate: '',
		itemsSource: 'parameters',
		items: { item: [itemParams()] },
		additionalFields: { carrierText: 'Fuvar Kft' },
		...overrides,
	};
}

/** The same card in the English JSON shape of JSON mode (protocol/types.ts, leniently typed). */
export function cardJson(kind: Kind, overrides: IDataObject = {}): IDataObject {
	const p = cardParams(kind);
	return {
		tradeType: kind,
		orderNumber: p.orderNumber as string,
		carrierText: 'Fuvar Kft',
		seller: { name: p.sellerName, vatNumber: p.sellerVatNumber, country: p.sellerCountry, address: p.sellerAddress } as IDataObject,
		destination: {
			name: p.destinationName,
			vatNumber: p.destinationVatNumber,
			country: p.destinationCountry,
			address: p.destinationAddress,
		} as IDataObject,
		loadLocation: (p.loadLocation as IDataObject).location as IDataObject,
		unloadLocation: (p.unloadLocation as IDataObject).location as IDataObject,
		vehicle: { plateNumber: 'ABC-123', country: 'H' },
		items: [itemParams()],
		...overrides,
	};
}

/** The error of the run, with the fields tests look at. */
export function errorOf(result: RunResult): { message: string; description: string; itemIndex?: number } {
	const error = result.error as (Error & { description?: string; context?: { itemIndex?: number } }) | undefined;
	if (!error) throw new Error(`Expected the workflow to fail; it output ${JSON.stringify(outputOf(result).map((i) => i.json))}`);
	return { message: error.message, description: String(error.description ?? ''), itemIndex: error.context?.itemIndex };
}
