/**
 * Child process of measurement 6 (started by memory.ts with --expose-gc): runs the invoice workflow EXECUTIONS times
 * over ITEMS orders with PDFs, the way a production n8n process runs one execution after another, drops each result,
 * forces GC and records memory. Prints one `BENCH_RESULT {json}` line.
 */
import './env'; // before n8n-core is loaded
import type { IDataObject } from 'n8n-workflow';
import { registerNodeTypes, runWorkflow } from '../workflow/harness';
import { closeDispatchers, SzamlaAgent, SzamlaAgentApi } from './code';
import { invoiceParameters, orders, szamlaCredentials, SZAMLA_TYPE } from './fixtures';

export interface MemorySnapshot {
	rss: number;
	heapUsed: number;
	external: number;
}

export interface MemoryChildResult {
	mode: string;
	beforeFirst: MemorySnapshot;
	afterEach: MemorySnapshot[];
	peakRss: number;
	peakHeapUsed: number;
	wallMs: number;
	invoices: number;
}

const env = (name: string) => {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set (memoryChild.ts is started by memory.ts)`);
	return value;
};

function snapshot(): MemorySnapshot {
	const m = process.memoryUsage();
	return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

function collect(): MemorySnapshot {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run with --expose-gc');
	gc(); // a full, synchronous mark-compact
	return snapshot();
}

async function main(): Promise<void> {
	const url = env('BENCH_MEM_URL');
	const executions = Number(env('BENCH_MEM_EXECUTIONS'));
	const items = Number(env('BENCH_MEM_ITEMS'));
	const parallel = Number(env('BENCH_MEM_PARALLEL'));
	const lines = Number(env('BENCH_LINES'));
	const mode = env('BENCH_MEM_MODE') as 'filesystem' | 'default';

	registerNodeTypes({ [SZAMLA_TYPE]: new SzamlaAgent() }, { szamlaAgentApi: new SzamlaAgentApi() });
	const input = orders(items, lines) as unknown as IDataObject[];
	let peakRss = 0;
	let peakHeapUsed = 0;
	const sample = () => {
		const m = process.memoryUsage();
		peakRss = Math.max(peakRss, m.rss);
		peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
	};
	const sampler = setInterval(sample, 25); // process.memoryUsage() reads /proc: not free

	const beforeFirst = collect();
	const afterEach: MemorySnapshot[] = [];
	let staticData: IDataObject = {};
	let invoices = 0;
	/** One execution; nothing of its run data outlives this function (n8n drops it once the execution is saved). */
	const execute = async (e: number): Promise<void> => {
		const result = await runWorkflow({
			nodes: [{ name: 'Invoice', type: SZAMLA_TYPE, parameters: invoiceParameters({ parallelRequests: parallel }, true) }],
			input,
			credentials: szamlaCredentials(url),
			staticData, // persisted between executions as n8n does, so the session carries over
			binaryDataMode: mode,
		});
		sample();
		if (result.error) throw result.error;
		const withPdf = result.output('Invoice').filter((item) => item.binary?.data?.mimeType === 'application/pdf').length;
		if (withPdf !== items) throw new Error(`execution ${e + 1}: ${withPdf} of ${items} items have a PDF`);
		invoices += withPdf;
		staticData = result.staticData;
	};
	const t0 = performance.now();
	for (let e = 0; e < executions; e++) {
		await execute(e);
		afterEach.push(collect());
	}
	const wallMs = performance.now() - t0;
	clearInterval(sampler);
	await closeDispatchers();
	const result: MemoryChildResult = { mode, beforeFirst, afterEach, peakRss, peakHeapUsed, wallMs, invoices };
	process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
