/**
 * Out-of-process simulator for the real-n8n suite:
 *   node -r ts-node/register/transpile-only test/simulators/szamla/cli.ts '{"loginCostMs":50}'
 * prints {"url": "..."} on one stdout line, then serves until SIGTERM/SIGINT. Control it via <url>__admin/.
 */
import { startSzamlaSimulator, type SzamlaSimulatorOptions } from './index';

async function main(): Promise<void> {
	const options = (process.argv[2] ? JSON.parse(process.argv[2]) : {}) as SzamlaSimulatorOptions;
	const sim = await startSzamlaSimulator(options);
	process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
	const stop = () => {
		sim.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}

main().catch((e: Error) => {
	process.stderr.write(`szamla simulator failed to start: ${e.message}\n`);
	process.exit(1);
});
