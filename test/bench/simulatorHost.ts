/**
 * The simulators of the timed runs live in one worker thread of the bench process (simulatorWorker.ts): still one
 * process and one run, but the simulators' CPU work (parsing multipart and XML, building answers, timers) runs on the
 * other thread instead of competing with the node under test for its event loop. The bench talks to them over HTTP as
 * before and reads their stats, resets them and closes them by message. terminate() ends the worker.
 * With mode 'inline' (BENCH_SIMULATORS=inline) the same service runs in the bench's own thread, for comparison.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EkaerSimulatorOptions, EkaerStats } from '../simulators/ekaer';
import type { SzamlaSimulatorOptions, SzamlaStats } from '../simulators/szamla';
import { simulatorService } from './simulatorWorker';

/** Requests answered by the simulator and the time from request received to response finished, summed. */
export interface ServerTime {
	requests: number;
	totalMs: number;
}

export type HostRequest = { seq: number } & (
	| { op: 'start'; kind: 'szamla' | 'ekaer'; options: SzamlaSimulatorOptions | EkaerSimulatorOptions }
	| { op: 'stats' | 'reset' | 'close'; id: number }
);
export type HostReply = { seq: number; result?: unknown; error?: string };

/** A simulator in the worker. `url`: the Számla Agent URL, or the EKÁER service base URL (append the operation). */
export interface RemoteSimulator<S> {
	url: string;
	/** Forget documents, sessions and stats; zero the server time. */
	reset(): Promise<void>;
	/** Stats and server time since the last reset. */
	stats(): Promise<{ stats: S; server: ServerTime }>;
	close(): Promise<void>;
}
export type RemoteSzamla = RemoteSimulator<SzamlaStats>;
export type RemoteEkaer = RemoteSimulator<EkaerStats>;

export interface SimulatorHost {
	startSzamla(options: SzamlaSimulatorOptions): Promise<RemoteSzamla>;
	startEkaer(options: EkaerSimulatorOptions): Promise<RemoteEkaer>;
	/** Ends the worker (and with it every simulator still open in it); inline: closes the simulators still open. */
	terminate(): Promise<void>;
}

export type SimulatorMode = 'worker' | 'inline';

type Distribute<T> = T extends unknown ? Omit<T, 'seq'> : never;

export async function startSimulatorHost(mode: SimulatorMode = 'worker'): Promise<SimulatorHost> {
	if (mode === 'inline') return inlineHost();
	// The simulators are TypeScript whatever BENCH_SOURCE says; transpile-only, as in the main thread.
	const worker = new Worker(join(__dirname, 'simulatorWorker.ts'), { execArgv: ['-r', 'ts-node/register/transpile-only'] });
	const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	let seq = 0;
	let failure: Error | undefined;
	const failAll = (error: Error) => {
		failure ??= error;
		for (const p of pending.values()) p.reject(error);
		pending.clear();
	};
	worker.on('message', (reply: HostReply) => {
		const p = pending.get(reply.seq);
		if (!p) return;
		pending.delete(reply.seq);
		if (reply.error !== undefined) p.reject(new Error(`simulator worker: ${reply.error}`));
		else p.resolve(reply.result);
	});
	worker.on('error', failAll);
	worker.on('exit', (code) => failAll(new Error(`simulator worker exited with code ${code}`)));

	const call = <T>(request: Distribute<HostRequest>): Promise<T> =>
		new Promise<T>((resolve, reject) => {
			if (failure) return reject(failure);
			const s = ++seq;
			pending.set(s, { resolve: resolve as (value: unknown) => void, reject });
			worker.postMessage({ ...request, seq: s });
		});

	return {
		...clients(call),
		terminate: async () => {
			failure ??= new Error('simulator worker terminated');
			await worker.terminate();
		},
	};
}

/** The same service in this thread: the simulators share the event loop with the node under test. */
function inlineHost(): SimulatorHost {
	const handle = simulatorService();
	const open = new Set<number>();
	const call = async <T>(request: Distribute<HostRequest>): Promise<T> => {
		const result = (await handle({ ...request, seq: 0 } as HostRequest)) as T;
		if (request.op === 'start') open.add((result as { id: number }).id);
		if (request.op === 'close') open.delete(request.id);
		return result;
	};
	return {
		...clients(call),
		terminate: async () => {
			for (const id of [...open]) await call({ op: 'close', id });
		},
	};
}

function clients(call: <T>(request: Distribute<HostRequest>) => Promise<T>): Omit<SimulatorHost, 'terminate'> {
	const start = async <S>(kind: 'szamla' | 'ekaer', options: SzamlaSimulatorOptions | EkaerSimulatorOptions): Promise<RemoteSimulator<S>> => {
		const { id, url } = await call<{ id: number; url: string }>({ op: 'start', kind, options });
		return {
			url,
			reset: () => call<void>({ op: 'reset', id }),
			stats: () => call<{ stats: S; server: ServerTime }>({ op: 'stats', id }),
			close: () => call<void>({ op: 'close', id }),
		};
	};
	return {
		startSzamla: (options) => start<SzamlaStats>('szamla', options),
		startEkaer: (options) => start<EkaerStats>('ekaer', options),
	};
}
