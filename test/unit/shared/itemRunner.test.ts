/**
 * The item runner against a small fake IExecuteFunctions: validate every item before sending any, Continue On Fail,
 * the error output, concurrency (clamped in one place), input order, batches, and the memory that makes n8n's Retry On
 * Fail safe.
 */
import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { InputError, TransportError } from '../../../nodes/shared/errors';
import { MAX_CONCURRENCY, clampConcurrency, runBatches, runItems } from '../../../nodes/shared/n8n/itemRunner';

interface FakeOptions {
	items?: number;
	continueOnFail?: boolean;
	onError?: INode['onError'];
	/** The execute-data object n8n hands every try of one node run (the retry memory's key). */
	executeData?: object;
}

function fakeContext(options: FakeOptions = {}): IExecuteFunctions {
	const node: INode = {
		id: 'n1',
		name: 'Test Node',
		type: 'test.node',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...(options.onError ? { onError: options.onError } : {}),
	};
	const input = Array.from({ length: options.items ?? 5 }, (_, i) => ({ json: { i } }));
	const executeData = options.executeData ?? {};
	return {
		getInputData: () => input,
		continueOnFail: () => options.continueOnFail === true,
		getNode: () => node,
		getExecuteData: () => executeData,
	} as unknown as IExecuteFunctions;
}

const tick = async (ms = 1) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('runItems', () => {
	it('prepares every item before sending any; bad input in item 3 stops the node with nothing sent', async () => {
		const sent: number[] = [];
		const run = runItems<number>(fakeContext(), {
			prepare(i) {
				if (i === 3) throw new InputError('Buyer Name', 'is required but empty');
				return i;
			},
			async send(p) {
				sent.push(p);
				return [{ json: { p } }];
			},
		});
		await expect(run).rejects.toThrow('Item 3, field "Buyer Name": is required but empty');
		expect(sent).toEqual([]);
	});

	it('under Continue On Fail the bad item becomes an error item in its place; the others are sent, in input order', async () => {
		const out = await runItems<number>(
			fakeContext({ continueOnFail: true }),
			{
				prepare(i) {
					if (i === 1) throw new InputError('Quantity', 'must be a number, got "sok"');
					return i;
				},
				async send(p) {
					await tick(10 - p * 2); // later items answer first
					return [{ json: { p, unset: undefined } }];
				},
			},
			{ concurrency: 4 },
		);
		expect(out.map((item) => item.json)).toEqual([
			{ p: 0 },
			{ error: 'must be a number, got "sok"', errorField: 'Quantity', retryable: false, outcomeUnknown: false },
			{ p: 2 },
			{ p: 3 },
			{ p: 4 },
		]);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }, { item: 4 }]);
	});

	it('on the error output an error item is `{ error }` alone, with the full message', async () => {
		const out = await runItems<number>(fakeContext({ items: 2, continueOnFail: true, onError: 'continueErrorOutput' }), {
			prepare: (i) => i,
			async send(p) {
				if (p === 1) throw new InputError('Prefix', 'must be 1–5 uppercase letters or digits, got "x"');
				return [{ json: { p } }];
			},
		});
		expect(out[1].json).toEqual({ error: 'Item 1, field "Prefix": must be 1–5 uppercase letters or digits, got "x"' });
	});

	it('keeps at most `concurrency` sends in flight', async () => {
		let inFlight = 0;
		let most = 0;
		await runItems<number>(
			fakeContext({ items: 12 }),
			{
				prepare: (i) => i,
				async send(p) {
					inFlight++;
					most = Math.max(most, inFlight);
					await tick(3);
					inFlight--;
					return [{ json: { p } }];
				},
			},
			{ concurrency: 3 },
		);
		expect(most).toBe(3);
	});

	it('clamps concurrency in one place: a whole number from 1 to 8, 1 when unusable', async () => {
		expect([0, -3, Number.NaN, 'abc', undefined, 2.7, '4', 8, 20].map(clampConcurrency)).toEqual([1, 1, 1, 1, 1, 2, 4, 8, 8]);
		expect(MAX_CONCURRENCY).toBe(8);
		let most = 0;
		let inFlight = 0;
		await runItems<number>(
			fakeContext({ items: 20 }),
			{
				prepare: (i) => i,
				async send(p) {
					most = Math.max(most, ++inFlight);
					await tick(2);
					inFlight--;
					return [{ json: { p } }];
				},
			},
			{ concurrency: 50 },
		);
		expect(most).toBe(MAX_CONCURRENCY);
	});

	it('without Continue On Fail the first failure stops new sends and the error counts what already went through', async () => {
		const sent: number[] = [];
		const run = runItems<number>(fakeContext({ items: 6 }), {
			prepare: (i) => i,
			async send(p) {
				sent.push(p);
				if (p === 2) throw new TransportError('timeout', 'No answer from 127.0.0.1 within 60 s', true);
				return [{ json: { p } }];
			},
		});
		const error = (await run.catch((e: unknown) => e)) as { message: string; description?: string };
		expect(error.message).toBe('Item 2: No answer from 127.0.0.1 within 60 s');
		expect(error.description).toMatch(/outcome is unknown/);
		expect(error.description).toMatch(/2 other item\(s\) of this run had already been processed/);
		expect(sent).toEqual([0, 1, 2]);
	});

	it('a retry of the same node run (Retry On Fail) returns earlier results and reports a lost answer again, never resending', async () => {
		const executeData = {};
		const sent: number[] = [];
		const operation = {
			prepare: (i: number) => i,
			async send(p: number): Promise<INodeExecutionData[]> {
				sent.push(p);
				if (p === 1) throw new TransportError('connection-lost', 'The connection broke', true);
				return [{ json: { p } }];
			},
		};
		await expect(runItems<number>(fakeContext({ items: 3, executeData }), operation)).rejects.toThrow('Item 1: The connection broke');
		await expect(runItems<number>(fakeContext({ items: 3, executeData }), operation)).rejects.toThrow('Item 1: The connection broke');
		expect(sent).toEqual([0, 1]);
		// Another node run (a new execute-data object) starts clean.
		await expect(runItems<number>(fakeContext({ items: 3 }), operation)).rejects.toThrow('Item 1');
		expect(sent).toEqual([0, 1, 0, 1]);
	});

	it('warms the next item while an answer is awaited; a failing warm changes nothing', async () => {
		const events: string[] = [];
		const out = await runItems<number>(fakeContext({ items: 3 }), {
			prepare: (i) => i,
			async send(p) {
				events.push(`send ${p}`);
				await tick(5);
				events.push(`answer ${p}`);
				return [{ json: { p } }];
			},
			warm(p) {
				events.push(`warm ${p}`);
				if (p === 2) throw new Error('not now');
			},
		});
		expect(events).toEqual(['send 0', 'warm 1', 'answer 0', 'send 1', 'warm 2', 'answer 1', 'send 2', 'answer 2']);
		expect(out.map((item) => item.json.p)).toEqual([0, 1, 2]);
	});

	it('runs only the listed items and pairs error items as told (row groups)', async () => {
		const out = await runItems<number>(
			fakeContext({ items: 5, continueOnFail: true }),
			{
				prepare(i) {
					if (i === 2) throw new InputError('Group By', 'is empty; every row needs a group value');
					return i;
				},
				async send(p) {
					return [{ json: { p }, pairedItem: [{ item: p }, { item: p + 1 }] }];
				},
			},
			{ itemIndexes: [0, 2, 3], pairedItems: (i) => [{ item: i }, { item: 4 }] },
		);
		expect(out.map((item) => [item.json.p ?? item.json.errorField, item.pairedItem])).toEqual([
			[0, [{ item: 0 }, { item: 1 }]],
			['Group By', [{ item: 2 }, { item: 4 }]],
			[3, [{ item: 3 }, { item: 4 }]],
		]);
	});
});

describe('runBatches', () => {
	it('sends items in batches; a failed batch call fails each of its items, a per-item error only that item', async () => {
		const batches: number[][] = [];
		const out = await runBatches<number>(
			fakeContext({ items: 5, continueOnFail: true }),
			{
				prepare: (i) => i * 10,
				async sendBatch(batch) {
					batches.push(batch.map((b) => b.prepared));
					if (batch[0].itemIndex === 2) throw new Error('request refused');
					return batch.map((b) => (b.itemIndex === 4 ? { error: new Error('item refused') } : { outputs: [{ json: { v: b.prepared } }] }));
				},
			},
			{ batchSize: 2 },
		);
		expect(batches).toEqual([[0, 10], [20, 30], [40]]);
		expect(out.map((item) => item.json)).toEqual([{ v: 0 }, { v: 10 }, { error: 'request refused' }, { error: 'request refused' }, { error: 'item refused' }]);
	});
});
