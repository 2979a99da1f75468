import { ServiceError, TransportError } from '../../../../nodes/shared/errors';
import { closeDispatchers } from '../../../../nodes/shared/transport';
import { SzamlaAgentClient } from '../../../../nodes/SzamlaAgent/client/client';
import { credentialFingerprint } from '../../../../nodes/SzamlaAgent/client/fingerprint';
import { seal, sealKeyFor } from '../../../../nodes/SzamlaAgent/client/seal';
import { SessionStore } from '../../../../nodes/SzamlaAgent/client/session';
import { buildMultipart } from '../../../../nodes/shared/multipart';
import { xmlFilePart, type PreparedCall, type SzamlaOperation } from '../../../../nodes/SzamlaAgent/protocol/operation';
import { OPERATIONS, type OperationName } from '../requests/builders';
import { startFakeAgent, type FakeAgent } from './fakeAgent';

const AGENT_KEY = 'agentkey-0123456789abcdefghijklmnopqrstuvw';
const credentials = { kind: 'agentKey' as const, agentKey: AGENT_KEY };
const CREATE_XML = `<?xml version="1.0"?><xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla"><beallitasok><szamlaagentkulcs>${AGENT_KEY}</szamlaagentkulcs></beallitasok></xmlszamla>`;
const PDF_XML = `<?xml version="1.0"?><xmlszamlapdf xmlns="http://www.szamlazz.hu/xmlszamlapdf"><szamlaagentkulcs>${AGENT_KEY}</szamlaagentkulcs><szamlaszam>E-2026-1</szamlaszam></xmlszamlapdf>`;

/**
 * A call with hand-written XML, as the fake agent expects it; parsed as the named operation's answer (an empty request:
 * no preview).
 */
function call<Name extends OperationName>(name: Name, xml: string): PreparedCall<ReturnType<(typeof OPERATIONS)[Name]['parse']>> {
	const operation = OPERATIONS[name] as unknown as SzamlaOperation<object, ReturnType<(typeof OPERATIONS)[Name]['parse']>>;
	const bytes = Buffer.from(xml, 'utf8');
	return { operation, xml, bytes, body: buildMultipart([xmlFilePart(operation, bytes)]), parse: (answer) => operation.parse(answer, {}) };
}

let agent: FakeAgent;

beforeEach(async () => {
	agent = await startFakeAgent();
});
afterEach(async () => {
	await agent.close();
});
afterAll(async () => {
	await closeDispatchers();
});

function client(extra: Partial<ConstructorParameters<typeof SzamlaAgentClient>[0]> = {}): SzamlaAgentClient {
	return new SzamlaAgentClient({ credentials, baseUrl: agent.url, timeoutMs: 5000, sessions: new SessionStore(), ...extra });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a rejection');
}

describe('SzamlaAgentClient', () => {
	it('sends the XML as a text/xml file part named by the operation and parses the answer', async () => {
		const result = await client().sendPrepared(call('createInvoice', CREATE_XML), {
			attachments: [{ field: 'attachfile1', fileName: 'terms.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') }],
		});
		expect(result).toMatchObject({ invoiceNumber: 'E-2026-1', netTotal: 1000, grossTotal: 1270, documentId: '1' });
		expect(result.pdf!.toString('latin1')).toBe('%PDF-1.4\n');
		const [request] = agent.requests;
		expect(request).toMatchObject({ field: 'action-xmlagentxmlfile', fileName: 'xmlszamla.xml', partContentType: 'text/xml' });
		expect(request.body).toContain(CREATE_XML);
		expect(request.body).toContain('name="attachfile1"; filename="terms.pdf"');
	});

	it('without attachments the body framed ahead (by the warm-up, while an earlier answer is awaited) goes out as it is', async () => {
		const prepared = call('createInvoice', CREATE_XML);
		const framed = prepared.body; // what the runner's warm-up reads
		await client().sendPrepared(prepared);
		const [request] = agent.requests;
		expect(request.body).toBe(framed.body.toString('utf8'));
		expect(request).toMatchObject({ field: 'action-xmlagentxmlfile', fileName: 'xmlszamla.xml', partContentType: 'text/xml' });
		// With attachments the XML is framed again, together with them (first test): the ahead-of-time body has no room for them.
		expect(framed.body.toString('utf8')).not.toContain('attachfile1');
	});

	it('500 sequential requests: exactly one login cookie issued and reused', async () => {
		const c = client();
		for (let i = 0; i < 500; i++) await c.sendPrepared(call('createInvoice', CREATE_XML));
		expect(agent.requests).toHaveLength(500);
		expect(agent.cookiesIssued).toHaveLength(1);
		expect(agent.requests[0].cookie).toBeUndefined();
		expect(agent.requests.slice(1).every((r) => r.cookie === agent.cookiesIssued[0])).toBe(true);
		expect(c.stats).toMatchObject({ requests: 500, cookieReused: 499, withoutCookie: 1, cookiesAdopted: 1 });
	});

	it('two executions sharing workflow static data (separate processes) log in once', async () => {
		const staticData: Record<string, unknown> = {};
		await client({ staticData }).sendPrepared(call('createInvoice', CREATE_XML));
		await client({ staticData }).sendPrepared(call('createInvoice', CREATE_XML));
		expect(agent.cookiesIssued).toHaveLength(1);
		expect(agent.requests[1].cookie).toBe(agent.cookiesIssued[0]);
		const fingerprint = credentialFingerprint(credentials, agent.url);
		expect(staticData).toEqual({ szamlaAgentSessions: { [fingerprint]: { sealed: expect.stringMatching(/^v1\./), lastUsed: expect.any(Number) } } });
		// At rest only ciphertext: neither the agent key nor the live cookie.
		expect(JSON.stringify(staticData)).not.toContain(AGENT_KEY);
		expect(JSON.stringify(staticData)).not.toContain(agent.cookiesIssued[0]);
	});

	it('static data sealed with another key (changed password, other secret) means one fresh login, not an error', async () => {
		const staticData: Record<string, unknown> = {};
		await client({ staticData }).sendPrepared(call('createInvoice', CREATE_XML));
		const fingerprint = credentialFingerprint(credentials, agent.url);
		const sessions = staticData.szamlaAgentSessions as Record<string, { sealed: string }>;
		// As if written with another credential secret under the same fingerprint slot.
		sessions[fingerprint].sealed = seal(agent.cookiesIssued[0], sealKeyFor({ kind: 'agentKey', agentKey: 'another-key' }), fingerprint);
		await expect(client({ staticData }).sendPrepared(call('createInvoice', CREATE_XML))).resolves.toMatchObject({ invoiceNumber: 'E-2026-1' });
		expect(agent.requests[1].cookie).toBeUndefined();
		expect(agent.cookiesIssued).toHaveLength(2);
		// The new session is stored, sealed with this credential's key, and the next process reuses it.
		await client({ staticData }).sendPrepared(call('createInvoice', CREATE_XML));
		expect(agent.requests[2].cookie).toBe(agent.cookiesIssued[1]);
	});

	it('parallel first calls in one process wait for a single login', async () => {
		const sessions = new SessionStore();
		await Promise.all(Array.from({ length: 8 }, () => client({ sessions }).sendPrepared(call('createInvoice', CREATE_XML))));
		expect(agent.requests).toHaveLength(8);
		expect(agent.cookiesIssued).toHaveLength(1);
	});

	it('adopts the new cookie when the server expired the session', async () => {
		const c = client();
		await c.sendPrepared(call('createInvoice', CREATE_XML));
		agent.expireAllSessions();
		await expect(c.sendPrepared(call('createInvoice', CREATE_XML))).resolves.toMatchObject({ invoiceNumber: 'E-2026-1' });
		await c.sendPrepared(call('createInvoice', CREATE_XML));
		expect(agent.cookiesIssued).toHaveLength(2);
		expect(agent.requests.map((r) => r.cookie)).toEqual([undefined, agent.cookiesIssued[0], agent.cookiesIssued[1]]);
	});

	it('does not send a cookie idle for more than 90 minutes', async () => {
		let now = 1_000_000;
		const sessions = new SessionStore({ now: () => now });
		await client({ sessions }).sendPrepared(call('createInvoice', CREATE_XML));
		now += 89 * 60_000;
		await client({ sessions }).sendPrepared(call('createInvoice', CREATE_XML));
		now += 91 * 60_000;
		await client({ sessions }).sendPrepared(call('createInvoice', CREATE_XML));
		expect(agent.requests.map((r) => Boolean(r.cookie))).toEqual([false, true, false]);
	});

	it('a reset after sending a create: outcome unknown, no retry, a message saying how to check', async () => {
		agent.queue.push('reset');
		const error = (await failure(client().sendPrepared(call('createInvoice', CREATE_XML)))) as TransportError;
		expect(error).toBeInstanceOf(TransportError);
		expect(error.outcomeUnknown).toBe(true);
		expect(error.message).toMatch(/may have been created/);
		expect(error.message).toMatch(/external ID/);
		expect(agent.requests).toHaveLength(1);
	});

	it.each(['reverseInvoice', 'registerPayment', 'createReceipt', 'reverseReceipt', 'sendReceipt', 'deleteProforma'] as const)(
		'%s is never retried either',
		async (operation) => {
			agent.queue.push('reset', 'reset');
			const error = (await failure(client().sendPrepared(call(operation, CREATE_XML)))) as TransportError;
			expect(error.outcomeUnknown).toBe(true);
			expect(agent.requests).toHaveLength(1);
		},
	);

	it('a read is retried once after a lost connection', async () => {
		agent.queue.push('reset');
		const c = client();
		await expect(c.sendPrepared(call('getInvoicePdf', PDF_XML))).resolves.toMatchObject({ invoiceNumber: 'E-2026-1' });
		expect(agent.requests).toHaveLength(2);
		expect(c.stats.retries).toBe(1);
	});

	it('a read gives up after the second failure, without claiming a document may exist', async () => {
		agent.queue.push('reset', 'reset', 'reset');
		const error = (await failure(client().sendPrepared(call('getInvoicePdf', PDF_XML)))) as TransportError;
		expect(error).toMatchObject({ failure: 'connection-lost', outcomeUnknown: false });
		expect(agent.requests).toHaveLength(2);
	});

	it('a connection refused on a create says nothing was sent', async () => {
		const url = agent.url;
		await agent.close();
		const error = (await failure(client({ baseUrl: url }).sendPrepared(call('createInvoice', CREATE_XML)))) as TransportError;
		expect(error).toMatchObject({ failure: 'connect-failed', outcomeUnknown: false });
		agent = await startFakeAgent();
	});

	it('a login error drops the stored session', async () => {
		const staticData: Record<string, unknown> = {};
		const c = client({ staticData });
		await c.sendPrepared(call('createInvoice', CREATE_XML));
		agent.queue.push('login-error');
		const error = (await failure(c.sendPrepared(call('createInvoice', CREATE_XML)))) as ServiceError;
		expect(error.details).toMatchObject({ code: '3' });
		expect(staticData.szamlaAgentSessions).toEqual({});
		await c.sendPrepared(call('createInvoice', CREATE_XML));
		expect(agent.requests[2].cookie).toBeUndefined();
	});

	it('keeps agent key, password and session cookie out of every error', async () => {
		const password = 'S3cret-password!';
		const secretsOf = () => [AGENT_KEY, password, ...agent.cookiesIssued];
		const errors: Error[] = [];
		const keyClient = client();
		await keyClient.sendPrepared(call('createInvoice', CREATE_XML));
		agent.queue.push('echo-secrets');
		errors.push(await failure(keyClient.sendPrepared(call('createInvoice', CREATE_XML))));
		const userClient = client({ credentials: { kind: 'password', username: 'user@example.hu', password } });
		const userXml = CREATE_XML.replace(`<szamlaagentkulcs>${AGENT_KEY}</szamlaagentkulcs>`, `<jelszo>${password}</jelszo><szamlaagentkulcs>${password}</szamlaagentkulcs>`);
		await userClient.sendPrepared(call('createInvoice', userXml));
		agent.queue.push('echo-secrets', 'reset');
		errors.push(await failure(userClient.sendPrepared(call('createInvoice', userXml))));
		errors.push(await failure(userClient.sendPrepared(call('createInvoice', userXml))));
		expect(errors.map((e) => e.name)).toEqual(['ServiceError', 'ServiceError', 'TransportError']);
		// The fake agent really echoed the secrets; the client must have scrubbed them.
		expect(agent.requests.some((r) => r.body.includes(password))).toBe(true);
		for (const error of errors) {
			const everything = `${error.message}\n${error.stack}\n${JSON.stringify(error)}`;
			for (const secret of secretsOf()) expect(everything).not.toContain(secret);
		}
		expect((errors[0] as ServiceError).details.vendorMessage).toContain('[redacted]');
	});
});

describe('SzamlaAgentClient outcome flags', () => {
	it('an unknown service error is outcome unknown on a create (with the look-up hint) but not on a read', async () => {
		agent.queue.push('unknown-code', 'unknown-code');
		const onCreate = (await failure(client().sendPrepared(call('createInvoice', CREATE_XML)))) as ServiceError;
		expect(onCreate.details).toMatchObject({ code: '999', outcomeUnknown: true });
		expect(onCreate.message).toMatch(/external ID/);
		const onRead = (await failure(client().sendPrepared(call('getInvoicePdf', PDF_XML)))) as ServiceError;
		expect(onRead.details).toMatchObject({ code: '999', outcomeUnknown: false });
		expect(onRead.message).not.toMatch(/external ID/);
	});
});
