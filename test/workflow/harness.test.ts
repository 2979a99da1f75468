import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';

import { NodeOperationError } from 'n8n-workflow';

import { inlineBinary, registerNodeTypes, runWorkflow } from './harness';
import type { HarnessNode } from './harness';
import { HARNESS_PROBE_TYPE, HarnessProbe } from './harness/fixtures/HarnessProbe.node';
import { HarnessProbeApi, HarnessProbeGenericApi } from './harness/fixtures/HarnessProbeApi.credentials';

registerNodeTypes(
	{ [HARNESS_PROBE_TYPE]: new HarnessProbe() },
	{ harnessProbeApi: new HarnessProbeApi(), harnessProbeGenericApi: new HarnessProbeGenericApi() },
);

const probe = (name: string, parameters: Record<string, unknown>, extra: Partial<HarnessNode> = {}): HarnessNode => ({
	name,
	type: HARNESS_PROBE_TYPE,
	parameters,
	...extra,
});

// A tiny but well-formed-looking PDF, with a byte > 0x7f so any accidental utf-8 round trip would show.
const PDF = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

describe('workflow harness on n8n-core WorkflowExecute', () => {
	describe('parameters and execution identity', () => {
		it('resolves expressions per item and follows pairedItem to earlier nodes', async () => {
			const result = await runWorkflow({
				nodes: [
					probe('First', { operation: 'echo', value: '={{ $json.name.toUpperCase() }}-{{ $itemIndex }}' }),
					probe('Second', { operation: 'echo', value: "={{ $('First').item.json.value }}/{{ $json.mode }}" }),
				],
				input: [{ name: 'alpha' }, { name: 'beta' }],
				workflowId: 'wf-42',
			});

			expect(result.error).toBeUndefined();
			expect(result.output('First').map((item) => item.json.value)).toEqual(['ALPHA-0', 'BETA-1']);
			expect(result.output('Second').map((item) => item.json.value)).toEqual(['ALPHA-0/trigger', 'BETA-1/trigger']);
			expect(result.output('Second').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(result.executionOrder).toEqual(['First', 'Second']);
		});

		it('shows the node the run mode, the workflow id and its newest type version', async () => {
			const trigger = await runWorkflow({ nodes: [probe('P', { operation: 'echo' })], workflowId: 'wf-7' });
			const manual = await runWorkflow({ nodes: [probe('P', { operation: 'echo' }, { typeVersion: 1 })], mode: 'manual' });

			expect(trigger.output('P')[0].json).toMatchObject({ mode: 'trigger', workflowId: 'wf-7', typeVersion: 2 });
			expect(manual.output('P')[0].json).toMatchObject({ mode: 'manual', workflowId: 'harness-workflow', typeVersion: 1 });
		});

		it('runs an explicit graph: one node feeding two', async () => {
			const result = await runWorkflow({
				nodes: [
					probe('Source', { operation: 'echo', value: 'src' }),
					probe('Left', { operation: 'echo', value: '={{ $json.value }}-L' }),
					probe('Right', { operation: 'echo', value: '={{ $json.value }}-R' }),
				],
				connections: {
					Source: { main: [[{ node: 'Left', type: 'main', index: 0 }, { node: 'Right', type: 'main', index: 0 }]] },
				},
			});

			expect(result.output('Left')[0].json.value).toBe('src-L');
			expect(result.output('Right')[0].json.value).toBe('src-R');
		});
	});

	describe('errors', () => {
		const input = [{ bad: false }, { bad: true }, { bad: false }];

		it('with onError continueRegularOutput emits a json.error item and still runs the other items', async () => {
			const result = await runWorkflow({
				nodes: [probe('Probe', { operation: 'maybeFail', fail: '={{ $json.bad }}' }, { onError: 'continueRegularOutput' })],
				input,
			});

			expect(result.error).toBeUndefined();
			expect(result.output('Probe').map((item) => item.json)).toEqual([
				{ ok: true, index: 0 },
				{ error: 'Item 1 failed on purpose' },
				{ ok: true, index: 2 },
			]);
			expect(result.output('Probe')[1].pairedItem).toEqual({ item: 1 });
		});

		it('with onError continueErrorOutput routes the json.error item to the error output', async () => {
			const result = await runWorkflow({
				nodes: [probe('Probe', { operation: 'maybeFail', fail: '={{ $json.bad }}' }, { onError: 'continueErrorOutput' })],
				input,
			});

			expect(result.output('Probe', 0).map((item) => item.json.index)).toEqual([0, 2]);
			expect(result.output('Probe', 1).map((item) => item.json.error)).toEqual(['Item 1 failed on purpose']);
		});

		it('stops the workflow with the NodeOperationError and its itemIndex in error.context', async () => {
			const result = await runWorkflow({
				nodes: [probe('Probe', { operation: 'maybeFail', fail: '={{ $json.bad }}' }), probe('After', { operation: 'echo' })],
				input,
			});

			// The engine hands back a plain copy of the error (what n8n stores), so match on `name`, not instanceof.
			expect(result.error).not.toBeInstanceOf(NodeOperationError);
			expect(result.error).toMatchObject({
				name: 'NodeOperationError',
				message: 'Item 1 failed on purpose',
				context: { itemIndex: 1 },
				node: { name: 'Probe' },
			});
			expect(result.run.status).toBe('error');
			expect(() => result.output('After')).toThrow(/did not run/);
			expect(() => result.output('Probe')).toThrow('Node "Probe" failed: Item 1 failed on purpose');
		});

		it('rejects an unregistered node type with a hint', async () => {
			await expect(runWorkflow({ nodes: [{ name: 'X', type: 'nope.nope', parameters: {} }] })).rejects.toThrow(
				/Unknown node type "nope.nope".*registerNodeTypes/,
			);
		});
	});

	describe('static data', () => {
		it('persists across runs when the result is passed back in, without mutating the input', async () => {
			const nodes = [probe('Counter', { operation: 'count' })];
			const first = await runWorkflow({ nodes, input: [{}, {}] });
			const before = { ...first.staticData };
			const second = await runWorkflow({ nodes, staticData: first.staticData });

			expect(first.staticData).toEqual({ global: { counter: 2 } });
			expect(first.staticDataChanged).toBe(true);
			expect(second.output('Counter')[0].json.counter).toBe(3);
			expect(second.staticData).toEqual({ global: { counter: 3 } });
			expect(first.staticData).toEqual(before);
		});

		it('reports unchanged static data as unchanged (n8n would not save it)', async () => {
			const result = await runWorkflow({ nodes: [probe('P', { operation: 'echo' })], staticData: { global: { x: 1 } } });

			expect(result.staticDataChanged).toBe(false);
			expect(result.staticData).toEqual({ global: { x: 1 } });
		});
	});

	describe('binary data', () => {
		const nodes = [probe('Make', { operation: 'makePdf', value: PDF }), probe('Read', { operation: 'readBinary' })];

		it('round-trips a PDF through filesystem storage (n8n 2.x default)', async () => {
			const result = await runWorkflow({ nodes });

			const stored = result.output('Make')[0].binary!.data;
			expect(stored).toMatchObject({ mimeType: 'application/pdf', fileName: 'doc-0.pdf', fileExtension: 'pdf' });
			expect(stored.id).toMatch(/^filesystem-v2:/); // bytes are not inline: nodes must use the helpers
			expect(await result.binary('Make', 0)).toEqual(Buffer.from(PDF, 'latin1'));
			expect(result.output('Read')[0].json).toEqual({
				mimeType: 'application/pdf',
				length: Buffer.byteLength(PDF, 'latin1'),
				text: PDF,
			});
		});

		it('round-trips a PDF through in-memory storage (n8n 1.x default)', async () => {
			const result = await runWorkflow({ nodes, binaryDataMode: 'default' });

			const stored = result.output('Make')[0].binary!.data;
			expect(stored.id).toBeUndefined();
			expect(Buffer.from(stored.data, 'base64')).toEqual(Buffer.from(PDF, 'latin1'));
			expect(await result.binary('Make', 0)).toEqual(Buffer.from(PDF, 'latin1'));
			expect(result.output('Read')[0].json.text).toBe(PDF);
		});

		it('feeds binary input items to the first node', async () => {
			const result = await runWorkflow({
				nodes: [probe('Read', { operation: 'readBinary' })],
				input: [{ json: {}, binary: { data: inlineBinary(Buffer.from(PDF, 'latin1'), 'in.pdf', 'application/pdf') } }],
			});

			expect(result.output('Read')[0].json).toMatchObject({ mimeType: 'application/pdf', text: PDF });
		});

		it('fails assertBinaryData when the item has no binary', async () => {
			const result = await runWorkflow({ nodes: [probe('Read', { operation: 'readBinary' })] });

			expect(result.error?.message).toMatch(/expects the node's input data to contain a binary file 'data'/);
		});
	});

	describe('credentials', () => {
		let server: Server;
		let url: string;
		beforeAll(async () => {
			// Echoes the request headers, so a test can see what authenticate added.
			server = createServer((req, res) => {
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ headers: req.headers }));
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
		});
		afterAll(async () => await new Promise((resolve) => server.close(resolve)));

		const credentials = {
			harnessProbeApi: { user: 'alice', token: 's3cret' },
			harnessProbeGenericApi: { token: 'g3neric' },
		};

		it('gives the node its decrypted credentials by type', async () => {
			const result = await runWorkflow({ nodes: [probe('P', { operation: 'credentials' })], credentials });

			expect(result.output('P')[0].json).toEqual({ user: 'alice' });
		});

		it('fails like n8n when the workflow carries no credentials', async () => {
			const result = await runWorkflow({ nodes: [probe('P', { operation: 'credentials' })] });

			expect(result.error?.message).toBe('Node does not have any credentials set');
		});

		it('fails loudly when a node references credentials the test gave no data for', async () => {
			const ref = { harnessProbeApi: { id: '1', name: 'Probe account' } };
			const result = await runWorkflow({ nodes: [probe('P', { operation: 'credentials' }, { credentials: ref })] });

			expect(result.error?.message).toMatch(/No credential data for type "harnessProbeApi"/);
		});

		it('runs a function-style authenticate for httpRequestWithAuthentication', async () => {
			const result = await runWorkflow({ nodes: [probe('P', { operation: 'authRequest', value: url })], credentials });

			expect(result.error).toBeUndefined();
			expect((result.output('P')[0].json.headers as Record<string, string>)['x-probe-token']).toBe('alice:s3cret');
		});

		it('applies a generic authenticate with $credentials expressions', async () => {
			const result = await runWorkflow({
				nodes: [probe('P', { operation: 'authRequest', value: url, credentialType: 'harnessProbeGenericApi' })],
				credentials,
			});

			expect(result.error).toBeUndefined();
			expect((result.output('P')[0].json.headers as Record<string, string>).authorization).toBe('Bearer g3neric');
		});
	});
});
