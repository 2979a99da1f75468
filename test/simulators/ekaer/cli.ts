/**
 * Runs one EKÁER simulator as its own process (for the real-n8n e2e suite):
 *   node -r ts-node/register/transpile-only test/simulators/ekaer/cli.ts '{"port":0,"requestMs":5}'
 * Prints {"baseUrl": ...} on one stdout line, then serves until SIGTERM/SIGINT. The JSON takes every
 * EkaerSimulatorOptions field except `now`; `nowIso` pins the clock to a fixed instant instead.
 */
import { startEkaerSimulator } from './server';
import type { EkaerSimulatorOptions } from './types';

async function main(): Promise<void> {
	const raw = process.argv[2] ?? '{}';
	const { nowIso, ...options } = JSON.parse(raw) as EkaerSimulatorOptions & { nowIso?: string };
	if (nowIso !== undefined) {
		const fixed = new Date(nowIso);
		if (Number.isNaN(fixed.getTime())) throw new Error(`nowIso is not a date: ${nowIso}`);
		options.now = () => fixed;
	}
	const simulator = await startEkaerSimulator(options);
	process.stdout.write(`${JSON.stringify({ baseUrl: simulator.baseUrl })}\n`);
	const stop = () => {
		simulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}

main().catch((error) => {
	process.stderr.write(`EKÁER simulator failed to start: ${(error as Error).message}\n`);
	process.exit(1);
});
