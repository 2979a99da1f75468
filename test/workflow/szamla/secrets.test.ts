/**
 * Secrets never reach what n8n shows or stores about an execution: a mix of succeeding and failing workflows, then
 * every output item, every error (message, description, context, stack) and the whole run record are scanned for the
 * agent key, the password and every JSESSIONID the simulator issued.
 */
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { SzamlaAgent } from '../../../nodes/SzamlaAgent/SzamlaAgent.node';
import { DEFAULT_AGENT_KEY } from '../../simulators/szamla';
import { inlineBinary, runWorkflow } from '../harness';
import type { RunOptions, RunResult } from '../harness';
import {
	PASSWORD,
	USERNAME,
	agentKeyCredentials,
	createInvoiceParams,
	errorText,
	jsonOf,
	line,
	passwordCredentials,
	sessionCookies,
	szamlaNode,
	useSimulator,
	visibleText,
} from './helpers';

const h = useSimulator();

const WRONG_KEY = 'wrong-agent-key-1234567890abcdefghijklmnop';
const WRONG_PASSWORD = 'Wrong-Pw-77aa21';

const seen: Array<{ name: string; result: RunResult }> = [];
const cookies = new Set<string>();

async function run(name: string, parameters: Record<string, unknown>, options: Partial<RunOptions> & { onError?: 'continueRegularOutput' | 'continueErrorOutput' } = {}): Promise<RunResult> {
	const { onError, ...rest } = options;
	const result = await runWorkflow({
		nodes: [szamlaNode(parameters, onError ? { onError } : {})],
		credentials: agentKeyCredentials(h.sim),
		...rest,
	});
	seen.push({ name, result });
	for (const cookie of sessionCookies(result.staticData)) cookies.add(cookie);
	return result;
}

const invoice = (extra: Record<string, unknown> = {}) => createInvoiceParams([line('Tétel', 1, 1000)], extra);

describe('no secret in outputs, errors or the run record', () => {
	beforeAll(async () => {
		// Succeeding runs, both login methods, with PDFs in both storage modes and a session carried over.
		const first = await run('create', invoice({ additionalFields: { externalId: 'sec-1', orderNumber: 'SEC-1' } }));
		await run('create again (guard)', invoice({ additionalFields: { externalId: 'sec-1' } }), { staticData: first.staticData, binaryDataMode: 'default' });
		await run('get with PDF', { resource: 'invoice', operation: 'get', lookupBy: 'externalId', lookupValue: 'sec-1', includePdf: true });
		await run('password login', invoice(), { credentials: passwordCredentials(h.sim) });
		await run('taxpayer', { resource: 'taxpayer', operation: 'get', taxNumber: '13421739' });
		await run('receipt', { resource: 'receipt', operation: 'create', prefix: 'NYGT', lineItems: { item: [line('Kávé', 1, 500)] }, additionalFields: { callId: 'sec-call' } });
		h.sim.injectFault('mail-failed-56');
		await run('mail failed', invoice());
		h.sim.expireAllSessions(); // the next runs get new JSESSIONIDs: those must stay hidden too
		await run('after expiry', invoice(), { staticData: first.staticData });

		// Failing runs: login errors, service refusals, transport faults, input errors, all error-handling modes.
		await run('wrong agent key', invoice(), { credentials: agentKeyCredentials(h.sim, WRONG_KEY) });
		await run('wrong password', invoice(), { credentials: passwordCredentials(h.sim, WRONG_PASSWORD) });
		await run('wrong password, continue', invoice(), { credentials: passwordCredentials(h.sim, WRONG_PASSWORD), onError: 'continueRegularOutput' });
		await run('duplicate call id', { resource: 'receipt', operation: 'create', prefix: 'NYGT', lineItems: { item: [line('Kávé', 1, 500)] }, additionalFields: { callId: 'sec-call' } }, { onError: 'continueRegularOutput' });
		await run('unknown proforma', { resource: 'invoice', operation: 'deleteProforma', lookupBy: 'number', lookupValue: 'D-TST-404' });
		await run('guard fail', invoice({ additionalFields: { externalId: 'sec-1' }, ifExists: 'fail' }));
		await run('bad input', invoice({ buyerName: '={{ $json.nope }}' }), { onError: 'continueErrorOutput' });
		await run('missing attachment', invoice({ additionalFields: { attachments: 'x' } }), {
			input: [{ json: {}, binary: { y: inlineBinary(Buffer.from('y'), 'y.txt', 'text/plain') } }],
		});
		for (const fault of ['maintenance', 'reset-after-create', 'reset-before-processing', 'http-500', 'html-proxy-page'] as const) {
			h.sim.injectFault(fault);
			await run(`fault ${fault}`, invoice());
			h.sim.injectFault(fault);
			await run(`fault ${fault}, continue`, invoice(), { onError: 'continueRegularOutput' });
		}
	});

	it('ran what it meant to run: successes, failures and JSESSIONIDs to look for', () => {
		const failed = seen.filter(({ result }) => result.error !== undefined || jsonOf(result).some((j) => j.error !== undefined));
		expect(failed.length).toBeGreaterThanOrEqual(15);
		expect(seen.length - failed.length).toBeGreaterThanOrEqual(8);
		expect(cookies.size).toBeGreaterThanOrEqual(2);
		expect(h.sim.stats.failedLogins).toBeGreaterThanOrEqual(3);
		// Positive controls: the scanned texts hold the outputs, and the cookies are the real ones (static data has them,
		// sealed: opened with the credential they are the cookies looked for, and the sealed text is not one of them).
		const create = seen[0].result;
		expect(JSON.stringify(create.run)).toContain(String(jsonOf(create)[0].invoiceNumber));
		expect(sessionCookies(create.staticData)).toEqual([[...cookies][0]]);
		expect(JSON.stringify(create.staticData)).not.toContain([...cookies][0]);
	});

	it('no output item, error or run record contains the agent key, a password or a session id', () => {
		const secrets = [DEFAULT_AGENT_KEY, WRONG_KEY, PASSWORD, WRONG_PASSWORD, ...cookies];
		for (const { name, result } of seen) {
			const texts = [visibleText(result), JSON.stringify(result.run), result.error ? errorText(result.error) : ''];
			for (const text of texts) {
				for (const secret of secrets) {
					if (text.includes(secret)) throw new Error(`"${name}" exposes a secret (${secret.slice(0, 4)}…)`);
				}
				expect(text).not.toMatch(/JSESSIONID=(?!\[redacted\])/i);
			}
		}
	});

	it('the username is not a secret but a login error does not echo it either', () => {
		const wrong = seen.find(({ name }) => name === 'wrong password')!.result;
		expect(wrong.error?.message).toMatch(/^Item 0: Számla Agent error 3\b/);
		expect(errorText(wrong.error)).not.toContain(USERNAME);
	});

	it('the credential test answers without the secret, for a good and a bad key', async () => {
		const test = new SzamlaAgent().methods.credentialTest.testSzamlaAgentCredential;
		const ctx = {} as ICredentialTestFunctions;
		const good = await test.call(ctx, { id: '1', name: 'c', type: 'szamlaAgentApi', data: { authentication: 'agentKey', agentKey: DEFAULT_AGENT_KEY, baseUrl: h.sim.url } });
		const bad = await test.call(ctx, { id: '1', name: 'c', type: 'szamlaAgentApi', data: { authentication: 'agentKey', agentKey: WRONG_KEY, baseUrl: h.sim.url } });

		expect(good).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/3/);
		expect(JSON.stringify([good, bad])).not.toContain(WRONG_KEY);
	});
});
