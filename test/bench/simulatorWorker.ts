/**
 * The simulators of the timed runs and what the bench asks of them (start, stats, reset, close), plus, per simulator,
 * the time from request received to response finished (Node's HTTP diagnostics, which only see the servers of the
 * thread they are subscribed on). As a worker thread entry (simulatorHost.ts starts it with ts-node's register in its
 * execArgv) it answers the host's messages, so the simulators' parsing, answers and timers run on their own thread;
 * with BENCH_SIMULATORS=inline the host calls simulatorService() in the bench's own thread instead.
 */
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { isMainThread, parentPort } from 'node:worker_threads';
import { startEkaerSimulator, type EkaerSimulator, type EkaerSimulatorOptions } from '../simulators/ekaer';
import { startSzamlaSimulator, type SzamlaSimulator, type SzamlaSimulatorOptions } from '../simulators/szamla';
import type { HostReply, HostRequest, ServerTime } from './simulatorHost';

interface Hosted {
	sim: SzamlaSimulator | EkaerSimulator;
	url: string;
	server: ServerTime;
}

export type SimulatorService = (request: HostRequest) => Promise<unknown>;

export function simulatorService(): SimulatorService {
	const byPort = new Map<number, Hosted>();
	const byId = new Map<number, Hosted>();
	let nextId = 1;

	// request → [simulator, start]: the finish message carries the same request object.
	const started = new WeakMap<object, [Hosted, number]>();
	const portOf = (message: unknown) => (message as { socket?: Socket }).socket?.localPort ?? -1;
	diagnostics.subscribe('http.server.request.start', (message) => {
		const hosted = byPort.get(portOf(message));
		if (hosted) started.set((message as { request: object }).request, [hosted, performance.now()]);
	});
	diagnostics.subscribe('http.server.response.finish', (message) => {
		const entry = started.get((message as { request: object }).request);
		if (!entry) return;
		entry[0].server.requests++;
		entry[0].server.totalMs += performance.now() - entry[1];
	});

	return async (request) => {
		if (request.op === 'start') {
			const sim =
				request.kind === 'szamla'
					? await startSzamlaSimulator(request.options as SzamlaSimulatorOptions)
					: await startEkaerSimulator(request.options as EkaerSimulatorOptions);
			const url = 'baseUrl' in sim ? sim.baseUrl : sim.url;
			const hosted: Hosted = { sim, url, server: { requests: 0, totalMs: 0 } };
			const id = nextId++;
			byId.set(id, hosted);
			byPort.set(Number(new URL(url).port), hosted);
			return { id, url };
		}
		const hosted = byId.get(request.id);
		if (!hosted) throw new Error(`no simulator ${request.id}`);
		switch (request.op) {
			case 'stats':
				// A copy: the simulator keeps counting into its own object.
				return structuredClone({ stats: hosted.sim.stats, server: hosted.server });
			case 'reset':
				hosted.sim.reset();
				hosted.server = { requests: 0, totalMs: 0 };
				return undefined;
			case 'close':
				byId.delete(request.id);
				byPort.delete(Number(new URL(hosted.url).port));
				await hosted.sim.close();
				return undefined;
		}
	};
}

if (!isMainThread && parentPort) {
	const port = parentPort;
	const handle = simulatorService();
	port.on('message', (request: HostRequest) => {
		handle(request).then(
			(result) => port.postMessage({ seq: request.seq, result } satisfies HostReply),
			(error: unknown) => port.postMessage({ seq: request.seq, error: (error as Error).stack ?? String(error) } satisfies HostReply),
		);
	});
}
