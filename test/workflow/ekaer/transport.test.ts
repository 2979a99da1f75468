/**
 * Signing, faults and the credential test through n8n-core's engine: both password forms, a wrong password, request
 * ids across parallel executions, the service's technical fault, a proxy's HTML page, an answer lost after the card
 * was stored, and testEkaerCredential. Every run is scanned for the password, its hash and the signing key.
 */
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions, ICredentialsDecrypted, IDataObject } from 'n8n-workflow';

import { testEkaerCredential } from '../../../nodes/Ekaer/actions/credentialTest';
import { DEFAULT_USER } from '../../simulators/ekaer';
import type { RunResult } from '../harness';
import {
	cardParams,
	credentialFor,
	errorOf,
	expectNoSecrets,
	jsonOf,
	outputOf,
	PASSWORD_HASH,
	runEkaer,
	SECRETS,
	useSimulator,
} from './helpers';

const simulator = useSimulator();
const sim = () => simulator.sim;

beforeEach(() => sim().reset());

const create = (orderNumber = 'SIGN-1', options: IDataObject = {}) =>
	cardParams('domestic', { orderNumber, options });

describe('signing', () => {
	it('works with the password entered as plain text', async () => {
		const [json] = jsonOf(await runEkaer(sim(), create(), { credential: credentialFor(sim(), { passwordType: 'plain' }) }));
		expect(sim().tradeCards.get(json.tcn as string)?.orderNumber).toBe('SIGN-1');
		expect(sim().stats.rejectedSignatures).toBe(0);
	});

	it('works with a ready SHA-512 hash (lower case, with stray spaces) instead of the password', async () => {
		const credential = credentialFor(sim(), { passwordType: 'sha512', password: '', passwordHash: ` ${PASSWORD_HASH.toLowerCase()} ` });
		const [json] = jsonOf(await runEkaer(sim(), create('SIGN-2'), { credential }));
		expect(sim().tradeCards.get(json.tcn as string)?.orderNumber).toBe('SIGN-2');
	});

	it('reports a wrong password as INVALID_USER_OR_PASSWORD, and nothing is declared', async () => {
		const result = await runEkaer(sim(), create('SIGN-3'), { credential: credentialFor(sim(), { password: 'RosszJelszo1' }) });

		const error = errorOf(result);
		expect(error.message).toMatch(/^Item 0: EKÁER error INVALID_USER_OR_PASSWORD/);
		expect(error.description).not.toContain('may have been created');
		expect(sim().tradeCards.size).toBe(0);
		expect(sim().stats.requests).toBe(1);
		expect(JSON.stringify(result.runData)).not.toContain('RosszJelszo1');
	});

	it.each([
		['a hash that is not SHA-512', { passwordType: 'sha512', password: '', passwordHash: 'abc123' }, 'Password'],
		['an empty custom URL', { customBaseUrl: '' }, 'Custom Base URL'],
		['a user name too short', { user: 'abc' }, 'User'],
	])('a credential with %s fails clearly before any request, never as "outcome unknown"', async (_what, overrides, field) => {
		const result = await runEkaer(sim(), create('CRED-1'), { credential: credentialFor(sim(), overrides as ICredentialDataDecryptedObject) });

		const error = errorOf(result);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(error.message.startsWith(`EKÁER credential, field "${field}": `)).toBe(true);
		expect(error.description).toContain('Nothing was sent');
		expect(error.message + error.description).not.toMatch(/outcome is unknown|may have created/);
		expect(sim().stats.requests).toBe(0);
	});

	it('uses a fresh request id for every request of 3 parallel 50-row executions', async () => {
		const rows = (run: number) => Array.from({ length: 50 }, (_, n) => ({ order: `PAR-${run}-${n}` }));
		const params = cardParams('domestic', { orderNumber: '={{ $json.order }}', options: { parallelRequests: 4 } });

		const results = await Promise.all([0, 1, 2].map((run) => runEkaer(sim(), params, { input: rows(run), workflowId: `wf-${run}` })));

		for (const result of results) expect(outputOf(result).filter((item) => item.json.tcn)).toHaveLength(50);
		expect(sim().stats.requests).toBe(150);
		expect(sim().requestIds.size).toBe(150);
		expect(sim().tradeCards.size).toBe(150);
		expect(sim().stats.rejectedSignatures).toBe(0);
	});
});

describe('faults', () => {
	it('technical fault (HTTP 500): a clear error, the create not repeated', async () => {
		sim().injectFault('technical-fault-500', { operation: 'manageTradeCards' });

		const error = errorOf(await runEkaer(sim(), create('FAULT-1')));

		expect(error.message).toMatch(/^Item 0: EKÁER error OPERATION_FAILED/);
		expect(error.message).toContain('Simulated technical fault');
		expect(error.message).not.toMatch(/javax|at com\.sun/);
		expect(sim().stats.byOperation.manageTradeCards).toBe(1);
	});

	it('an unmarshalling fault (HTTP 500): a request error with the outcome known, not retryable, no "check before resending"', async () => {
		sim().injectFault('unmarshal-fault-500', { operation: 'manageTradeCards' });

		const [json] = outputOf(await runEkaer(sim(), create('UNREAD-1'), { continueOnFail: true })).map((item) => item.json);
		expect(json).toMatchObject({ errorCode: 'OPERATION_FAILED', retryable: false, outcomeUnknown: false });
		expect(json.explanation).toMatch(/nothing was processed/);
		expect(json.error).not.toMatch(/Get Many|may have/);

		sim().injectFault('unmarshal-fault-500', { operation: 'manageTradeCards' });
		const error = errorOf(await runEkaer(sim(), create('UNREAD-2')));
		expect(error.description).not.toMatch(/may have been created|temporary/);
		expect(sim().tradeCards.size).toBe(0);
	});

	it('a processing fault (HTTP 500) on a create: outcome unknown, not retryable, and the check is said once', async () => {
		sim().injectFault('technical-fault-500', { operation: 'manageTradeCards' });

		const [json] = outputOf(await runEkaer(sim(), create('FAULT-3'), { continueOnFail: true })).map((item) => item.json);
		expect(json).toMatchObject({ errorCode: 'OPERATION_FAILED', retryable: false, outcomeUnknown: true });
		const message = json.error as string;
		expect(message.match(/Get Many/g)).toHaveLength(1);
		expect(message.match(/may have been processed/g)).toHaveLength(1);
		expect(message).toContain('FAULT-3');
		expect(message).not.toMatch(/no answer arrived|[Tt]ry again/);
	});

	it('an HTML page instead of an answer: says so, with the page title', async () => {
		sim().injectFault('html-page', { operation: 'manageTradeCards' });

		const error = errorOf(await runEkaer(sim(), create('FAULT-2')));

		expect(error.message).toMatch(/^Item 0: The EKÁER endpoint answered with something that is not an EKÁER response \(HTTP 503/);
		expect(error.message).toContain('Service Temporarily Unavailable');
		expect(error.message).not.toContain('<html');
		expect(sim().stats.byOperation.manageTradeCards).toBe(1);
	});

	it('an answer lost after the card was stored: outcome unknown, check with Get Many by order number, no retry', async () => {
		sim().injectFault('reset-after-processing', { operation: 'manageTradeCards' });

		const error = errorOf(await runEkaer(sim(), create('LOST-1')));

		expect(error.message).toMatch(/^Item 0: /);
		expect(error.message).toContain('Get Many');
		expect(error.message).toContain('LOST-1');
		expect(error.description).toMatch(/outcome is unknown/i);
		expect(sim().stats.byOperation.manageTradeCards).toBe(1);
		// The simulator did store it: exactly the situation the message warns about.
		expect([...sim().tradeCards.values()].map((card) => card.orderNumber)).toEqual(['LOST-1']);
	});

	it('an answer lost under Continue On Fail: the item says outcome unknown and not retryable', async () => {
		sim().injectFault('reset-after-processing', { operation: 'manageTradeCards' });

		const [json] = outputOf(await runEkaer(sim(), create('LOST-2'), { continueOnFail: true })).map((item) => item.json);

		expect(json).toMatchObject({ outcomeUnknown: true, retryable: false });
		expect(json.error).toContain('Get Many');
		expect(sim().stats.byOperation.manageTradeCards).toBe(1);
	});

	it('a lost answer to one batch of a 30-row sheet: its 10 items are outcome-unknown, the other 20 have TCNs', async () => {
		sim().injectFault('reset-after-processing', { operation: 'manageTradeCards' });
		const rows = Array.from({ length: 30 }, (_, n) => ({ order: `B-${n}` }));
		const params = cardParams('domestic', { orderNumber: '={{ $json.order }}', options: { batchSize: 10 } });

		const out = outputOf(await runEkaer(sim(), params, { input: rows, continueOnFail: true })).map((item) => item.json);

		expect(out.map((json) => (json.outcomeUnknown ? 'unknown' : json.tcn ? 'tcn' : 'other'))).toEqual([
			...Array(10).fill('unknown'),
			...Array(20).fill('tcn'),
		]);
		expect(out[0].error).toContain('B-0, B-1');
		expect(sim().stats.byOperation.manageTradeCards).toBe(3);
		// The lost batch was stored anyway: 30 cards, of which the workflow knows 20.
		expect(sim().tradeCards.size).toBe(30);
	});

	it.each(['html-page', 'technical-fault-500'] as const)('a Get hit by %s: retryable, and no "outcome unknown" for a read', async (fault) => {
		sim().injectFault(fault, { operation: 'queryTradeCards' });

		const [json] = outputOf(await runEkaer(sim(), { operation: 'get', tcn: 'E26010100000000' }, { continueOnFail: true })).map((i) => i.json);
		expect(json).toMatchObject({ tcn: 'E26010100000000', retryable: true, outcomeUnknown: false });

		sim().injectFault(fault, { operation: 'queryTradeCards' });
		const error = errorOf(await runEkaer(sim(), { operation: 'get', tcn: 'E26010100000000' }));
		expect(error.description).not.toMatch(/outcome is unknown|may have been created/);
	});

	it('a Get whose connection broke before the service read it is retried once and succeeds', async () => {
		const [tcn] = jsonOf(await runEkaer(sim(), create('RETRY-1'))).map((json) => json.tcn as string);
		sim().injectFault('reset-before-processing', { operation: 'queryTradeCards' });

		const [card] = jsonOf(await runEkaer(sim(), { operation: 'get', tcn }));

		expect(card.orderNumber).toBe('RETRY-1');
		expect(sim().stats.byOperation.queryTradeCards).toBe(2);
	});
});

describe('credential test', () => {
	const fakeThis = {} as ICredentialTestFunctions;
	const credential = (data: ICredentialDataDecryptedObject): ICredentialsDecrypted => ({ id: 'c1', name: 'EKÁER', type: 'ekaerApi', data });

	it('reports OK for good credentials (plain and hash)', async () => {
		const plain = await testEkaerCredential.call(fakeThis, credential(credentialFor(sim())));
		const hashed = await testEkaerCredential.call(
			fakeThis,
			credential(credentialFor(sim(), { passwordType: 'sha512', password: '', passwordHash: PASSWORD_HASH })),
		);
		expect(plain).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(hashed.status).toBe('OK');
		expect(sim().stats.byOperation.queryTradeCards).toBe(2);
	});

	it('reports Error for a bad password or signing key, without the secrets', async () => {
		const badPassword = await testEkaerCredential.call(fakeThis, credential(credentialFor(sim(), { password: 'RosszJelszo1' })));
		const badKey = await testEkaerCredential.call(fakeThis, credential(credentialFor(sim(), { signingKey: 'RosszKulcs99' })));

		expect(badPassword.status).toBe('Error');
		expect(badPassword.message).toContain('INVALID_USER_OR_PASSWORD');
		expect(badKey.status).toBe('Error');
		expect(sim().stats.rejectedSignatures).toBe(1);
		const text = JSON.stringify([badPassword, badKey]);
		for (const secret of [...SECRETS, 'RosszJelszo1', 'RosszKulcs99']) expect(text).not.toContain(secret);
	});

	it('reports Error when the service answers with a technical fault (the login was never checked)', async () => {
		sim().injectFault('technical-fault-500', { operation: 'queryTradeCards' });
		const result = await testEkaerCredential.call(fakeThis, credential(credentialFor(sim())));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('OPERATION_FAILED');
	});

	it('reports Error, not a crash, for an unreachable URL and for a malformed credential', async () => {
		const closedPort = await testEkaerCredential.call(fakeThis, credential(credentialFor(sim(), { customBaseUrl: 'http://127.0.0.1:9/TradeCardManagementService/customer/' })));
		const noUser = await testEkaerCredential.call(fakeThis, credential(credentialFor(sim(), { user: '' })));
		expect(closedPort.status).toBe('Error');
		expect(noUser.status).toBe('Error');
		expect(noUser.message).toMatch(/user name/i);
		expect(JSON.stringify([closedPort, noUser])).not.toContain(DEFAULT_USER.password);
	});
});

describe('secrets', () => {
	it('the scan every run goes through does catch a leaked secret, in output items and in errors', () => {
		const leak = (where: 'item' | 'error', secret: string) =>
			({
				runData: where === 'item' ? { EKÁER: [{ data: { main: [[{ json: { note: `x${secret}x` } }]] } }] } : {},
				error: where === 'error' ? Object.assign(new Error('failed'), { description: `key ${secret}` }) : undefined,
			}) as unknown as RunResult;
		for (const secret of SECRETS) {
			expect(() => expectNoSecrets(leak('item', secret))).toThrow();
			expect(() => expectNoSecrets(leak('error', secret))).toThrow();
		}
		expect(() => expectNoSecrets(leak('item', 'harmless'))).not.toThrow();
	});

	it('a wrong signing key fails every item without showing the key, the password or its hash', async () => {
		const credential = credentialFor(sim(), { signingKey: 'RosszKulcs99' });
		const params = cardParams('domestic', { orderNumber: '={{ $json.order }}', options: { batchSize: 2 } });

		const result = await runEkaer(sim(), params, { credential, continueOnFail: true, input: [{ order: 'K-1' }, { order: 'K-2' }] });

		const out = outputOf(result).map((item) => item.json);
		expect(out.map((json) => json.errorCode)).toEqual(['INVALID_REQUEST_HEADERS', 'INVALID_REQUEST_HEADERS']);
		expect(JSON.stringify(result.runData)).not.toContain('RosszKulcs99');
		expect(sim().stats.rejectedSignatures).toBe(1);
		expect(sim().tradeCards.size).toBe(0);
	});
});
