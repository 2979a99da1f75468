/** Timing helpers: wall and process CPU of a piece of work, server-side time from Node's HTTP diagnostics, the machine. */
import { execSync } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { cpus, loadavg } from 'node:os';

export interface Timed<T> {
	result: T;
	wallMs: number;
	/** user + system CPU of the whole process (every thread), so in-process simulators count too. */
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

interface ServerMessage {
	request: object;
}

/**
 * Time spent inside in-process HTTP servers (request received → response finished), summed over requests. Minus the
 * simulated delays, that is what the simulator itself adds to every round trip (its parsing, bookkeeping and its share
 * of the event loop), which the floor does not count.
 */
export function watchServers(): () => { requests: number; totalMs: number } {
	const started = new WeakMap<object, number>();
	let requests = 0;
	let totalMs = 0;
	const onStart = (message: unknown) => void started.set((message as ServerMessage).request, performance.now());
	const onFinish = (message: unknown) => {
		const t0 = started.get((message as ServerMessage).request);
		if (t0 === undefined) return;
		requests++;
		totalMs += performance.now() - t0;
	};
	diagnostics.subscribe('http.server.request.start', onStart);
	diagnostics.subscribe('http.server.response.finish', onFinish);
	return () => {
		diagnostics.unsubscribe('http.server.request.start', onStart);
		diagnostics.unsubscribe('http.server.response.finish', onFinish);
		return { requests, totalMs };
	};
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
