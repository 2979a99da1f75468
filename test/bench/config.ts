/**
 * Bench settings from the environment or from `--name=value` flags (flags win), e.g.
 *   BENCH_N=50 npm run bench                      (smoke mode)
 *   npm run bench -- --n=2000 --request-ms=30
 */
export interface BenchConfig {
	/** Invoices per HTTP measurement, and trade cards for EKÁER. */
	n: number;
	/** Lines per invoice. */
	lines: number;
	/** Simulated Számla Agent login cost, charged on every request that comes without a live session. */
	loginMs: number;
	/** Simulated time per request (both simulators). */
	requestMs: number;
	/** EKÁER simulator: extra time per operation in a request. */
	ekaerPerOperationMs: number;
	/** EKÁER batch size for the batched run (the service accepts up to 100 operations per request). */
	ekaerBatch: number;
	/** Memory run: executions × n invoices, each with a PDF of pdfBytes, at memParallel requests in flight. */
	memExecutions: number;
	memParallel: number;
	pdfBytes: number;
	/** Binary data modes for the memory run: 'filesystem' (n8n 2.x default) and/or 'default' (in memory, n8n 1.x). */
	binaryModes: Array<'filesystem' | 'default'>;
	/** Where the simulators of the timed runs run: a worker thread (default) or the bench's own thread. */
	simulators: 'worker' | 'inline';
	/** Bare client / node pairs behind each target ratio (measurements 1 and 3); the median pair is reported. */
	repeat: number;
	/** Only these measurements (comma-separated ids, e.g. "sequential,cpu"); default all. */
	only?: string[];
}

function setting(name: string): string | undefined {
	const flag = `--${name.toLowerCase().replace(/_/g, '-')}=`;
	const fromFlag = process.argv.find((arg) => arg.startsWith(flag));
	return fromFlag ? fromFlag.slice(flag.length) : process.env[`BENCH_${name}`];
}

function int(name: string, fallback: number, min = 0): number {
	const raw = setting(name);
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min) throw new Error(`BENCH_${name} must be a whole number ≥ ${min}, got "${raw}"`);
	return value;
}

export function readConfig(): BenchConfig {
	const modes = (setting('BINARY_MODES') ?? 'filesystem,default').split(',').map((m) => m.trim());
	for (const mode of modes) {
		if (mode !== 'filesystem' && mode !== 'default') throw new Error(`BENCH_BINARY_MODES: unknown mode "${mode}"`);
	}
	const simulators = setting('SIMULATORS') ?? 'worker';
	if (simulators !== 'worker' && simulators !== 'inline') throw new Error(`BENCH_SIMULATORS: "worker" or "inline", got "${simulators}"`);
	return {
		simulators,
		n: int('N', 1000, 1),
		lines: int('LINES', 10, 1),
		loginMs: int('LOGIN_MS', 150),
		requestMs: int('REQUEST_MS', 20),
		ekaerPerOperationMs: int('EKAER_PER_OP_MS', 0),
		ekaerBatch: int('EKAER_BATCH', 100, 1),
		memExecutions: int('MEM_EXECUTIONS', 10, 2),
		memParallel: int('MEM_PARALLEL', 8, 1),
		pdfBytes: int('PDF_BYTES', 30 * 1024, 64),
		binaryModes: modes as BenchConfig['binaryModes'],
		repeat: int('REPEAT', 3, 1),
		only: setting('ONLY')?.split(',').map((s) => s.trim()),
	};
}
