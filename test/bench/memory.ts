/**
 * 6. Peak memory and its growth over executions × N invoices with PDFs as binary data (10 × 1000 by default), per
 * binary data mode. The workflow runs in a child process started with --expose-gc (memoryChild.ts), so the numbers are
 * the n8n side only: the simulator, which keeps every invoice it issued, stays in this process. Growth is measured
 * after forced GC, from after the first execution to after the last.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSzamlaSimulator } from '../simulators/szamla';
import type { MemoryChildResult } from './memoryChild';
import { fmt, type BenchContext, type Section, type Target } from './report';
import { SOURCE } from './code';

const LIMIT_BYTES = 100 * 1024 * 1024;

function runChild(env: Record<string, string>): Promise<MemoryChildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--expose-gc', '-r', 'ts-node/register/transpile-only', join(__dirname, 'memoryChild.ts')], {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code) => {
			const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
			if (code !== 0 || !line) return reject(new Error(`memory child exited with ${code}: ${stdout.slice(-2000)}`));
			resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as MemoryChildResult);
		});
	});
}

/** One binary data mode: its own simulator and temporary n8n user folder, the workflow in a child process. */
async function measureMode(ctx: BenchContext, mode: 'filesystem' | 'default'): Promise<{ row: string[]; target: Target; note: string }> {
	const { n, lines, loginMs, requestMs, pdfBytes, memExecutions, memParallel } = ctx.config;
	const sim = await startSzamlaSimulator({ loginCostMs: loginMs, requestMs, pdfBytes, xsdValidation: 'off' });
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-bench-memory-')); // filesystem mode writes every PDF here
	try {
		const r = await runChild({
			BENCH_MEM_URL: sim.url,
			BENCH_MEM_EXECUTIONS: String(memExecutions),
			BENCH_MEM_ITEMS: String(n),
			BENCH_MEM_PARALLEL: String(memParallel),
			BENCH_MEM_MODE: mode,
			BENCH_LINES: String(lines),
			BENCH_SOURCE: SOURCE,
			N8N_USER_FOLDER: userFolder,
		});
		const first = r.afterEach[0];
		const last = r.afterEach[r.afterEach.length - 1];
		const rssGrowth = last.rss - first.rss;
		const heapGrowth = last.heapUsed - first.heapUsed;
		const pair = (rss: number, heap: number) => `${fmt.mb(rss)} / ${fmt.mb(heap)}`;
		return {
			row: [
				mode === 'filesystem' ? 'filesystem (n8n 2.x default)' : 'default (in memory, n8n 1.x)',
				`${r.invoices} in ${fmt.s(r.wallMs)}`,
				`${sim.stats.logins} / ${sim.stats.requests}`,
				pair(r.beforeFirst.rss, r.beforeFirst.heapUsed),
				pair(r.peakRss, r.peakHeapUsed),
				pair(first.rss, first.heapUsed),
				pair(last.rss, last.heapUsed),
				pair(rssGrowth, heapGrowth),
			],
			target: {
				what: `6. memory growth, ${r.invoices} PDFs, ${mode} mode (RSS / heap)`,
				target: '< 100 MB',
				measured: pair(rssGrowth, heapGrowth),
				met: rssGrowth < LIMIT_BYTES && heapGrowth < LIMIT_BYTES,
			},
			note:
				`${mode}: RSS after each execution ${r.afterEach.map((m) => (m.rss / 1048576).toFixed(0)).join(', ')} MB; ` +
				`external (Buffers) after first / last ${pair(first.external, last.external)}.`,
		};
	} finally {
		await sim.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

export async function memory(ctx: BenchContext): Promise<Section> {
	const { n, pdfBytes, memExecutions, memParallel, binaryModes } = ctx.config;
	// The modes run side by side (separate processes and simulators): memory does not depend on the timing.
	const results = await Promise.all(binaryModes.map((mode) => measureMode(ctx, mode)));
	return {
		title: `6. Memory: ${memExecutions} executions × ${n} invoices with ${Math.round(pdfBytes / 1024)} KB PDFs, ${memParallel} parallel requests (RSS / heap used, after forced GC except peaks)`,
		header: ['binary data mode', 'invoices', 'logins / requests', 'before first', 'peak', 'after first', 'after last', 'growth first → last'],
		rows: results.map((r) => r.row),
		targets: results.map((r) => r.target),
		notes: [
			...results.map((r) => r.note),
			'Each mode runs in its own child process (both at once); the child loads ts-node and TypeScript (part of "before first"), the simulators run in the parent.',
		],
	};
}
