/** Timing helpers: wall and process CPU of a piece of work, the node's first request, the machine. (Server-side time: simulatorWorker.ts.) */
import { execSync } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { cpus, loadavg } from 'node:os';

export interface Timed<T> {
	result: T;
	wallMs: number;
	/** user + system CPU of the whole process (every thread), so the simulator worker thread counts too. */
	cpuMs: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	const result = await work();
	const wallMs = performance.now() - t0;
	const cpu = process.cpuUsage(cpu0);
	return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds from now until our transport (undici) creates its first request: the node's validate-everything phase. */
export function watchFirstRequest(): () => number | undefined {
	const t0 = performance.now();
	let first: number | undefined;
	const onCreate = () => void (first ??= performance.now() - t0);
	diagnostics.subscribe('undici:request:create', onCreate);
	return () => {
		diagnostics.unsubscribe('undici:request:create', onCreate);
		return first;
	};
}

export function uptime(): string {
	try {
		return execSync('uptime', { encoding: 'utf8' }).trim();
	} catch {
		return `load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`;
	}
}

export function machine(): string {
	const cores = cpus();
	return `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores, Node ${process.version}, ${process.platform}/${process.arch}`;
}
