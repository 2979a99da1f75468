/**
 * `npm run bench`: every measurement of issue #6 in one process and one run, against the loopback simulators, through
 * n8n-core's engine (test/workflow/harness). Prints markdown on stdout (progress goes to stderr). Targets are reported,
 * not asserted: the exit code is non-zero only when something failed. Settings: see config.ts.
 */
import { ownUserFolder } from './env'; // first: before n8n-core is loaded
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { registerNodeTypes } from '../workflow/harness';
import { closeDispatchers, Ekaer, EkaerApi, SOURCE, SzamlaAgent, SzamlaAgentApi } from './code';
import { readConfig } from './config';
import { ekaer } from './ekaer';
import { EKAER_TYPE, orders, SZAMLA_TYPE } from './fixtures';
import { machine, uptime } from './measure';
import { memory } from './memory';
import { noSessionReuse } from './noSessionReuse';
import { parallel } from './parallel';
import { preflight, warmUp } from './preflight';
import { protocolCpu } from './protocolCpu';
import { fmt, markdownTable, type BenchContext, type Section } from './report';
import { sequential } from './sequential';
import { startSimulatorHost } from './simulatorHost';
import { szamlazzJs } from './szamlazzJs';

const MEASUREMENTS: Array<[id: string, run: (ctx: BenchContext) => Promise<Section>]> = [
	['sequential', sequential],
	['noreuse', noSessionReuse],
	['parallel', parallel],
	['szamlazzjs', szamlazzJs],
	['cpu', protocolCpu],
	['memory', memory],
	['ekaer', ekaer],
];

const load1 = () => loadavg()[0].toFixed(2);

async function main(): Promise<number> {
	const config = readConfig();
	registerNodeTypes({ [SZAMLA_TYPE]: new SzamlaAgent(), [EKAER_TYPE]: new Ekaer() }, { szamlaAgentApi: new SzamlaAgentApi(), ekaerApi: new EkaerApi() });
	const out: string[] = [];
	const print = (text = '') => out.push(text);
	const started = performance.now();
	print(`## Benchmark (issue #6)\n`);
	print(`- Machine: ${machine()}`);
	print(`- Load at start: \`${uptime()}\``);
	print(
		`- Settings: N = ${config.n} invoices × ${config.lines} lines, login ${config.loginMs} ms, request ${config.requestMs} ms, ` +
			`EKÁER ${config.ekaerPerOperationMs} ms per operation, memory ${config.memExecutions} × ${config.n} PDFs of ${config.pdfBytes} B; code from ${SOURCE}/`,
	);

	process.stderr.write('bench: preflight (XSD-checked requests, warm-up)\n');
	print(`- ${await preflight(config.lines)}`);
	// The simulators of the timed runs (and of the warm-up) run in a worker thread unless inline: see simulatorHost.ts.
	const host = await startSimulatorHost(config.simulators);
	const sections: Section[] = [];
	const failures: string[] = [];
	try {
		process.stderr.write('bench: warm-up\n');
		print(`- ${await warmUp(host, config.lines, Math.min(config.n, 200))}`);
		const szamla = await host.startSzamla({ loginCostMs: config.loginMs, requestMs: config.requestMs, xsdValidation: 'off' });
		const ekaerSim = await host.startEkaer({ requestMs: config.requestMs, perOperationMs: config.ekaerPerOperationMs, xsdValidation: 'off' });
		print(
			config.simulators === 'worker'
				? '- Simulators: in a worker thread of this process (their CPU work does not share the node\'s thread); process CPU counts both threads.'
				: '- Simulators: inline, in the node\'s own thread (BENCH_SIMULATORS=inline).',
		);
		const ctx: BenchContext = { config, szamla, ekaer: ekaerSim, orders: orders(config.n, config.lines) };
		for (const [id, run] of MEASUREMENTS) {
			if (config.only && !config.only.includes(id)) continue;
			process.stderr.write(`bench: ${id} (load ${load1()})\n`);
			const loadBefore = load1();
			const t0 = performance.now();
			try {
				const section = await run(ctx);
				section.notes = [...(section.notes ?? []), `Took ${fmt.s(performance.now() - t0)}; 1-min load ${loadBefore} → ${load1()}.`];
				sections.push(section);
			} catch (error) {
				failures.push(`${id}: ${(error as Error).stack ?? String(error)}`);
			}
		}
	} finally {
		await host.terminate(); // closes the simulators with the worker
		await closeDispatchers();
		if (ownUserFolder) rmSync(ownUserFolder, { recursive: true, force: true });
	}

	for (const section of sections) {
		print(`\n### ${section.title}\n`);
		print(markdownTable(section.header, section.rows));
		for (const note of section.notes ?? []) print(`\n${note}`);
	}
	const targets = sections.flatMap((s) => s.targets);
	if (targets.length > 0) {
		print('\n### Targets (reported, not asserted)\n');
		print(markdownTable(['what', 'target', 'measured', 'met'], targets.map((t) => [t.what, t.target, t.measured, t.met ? 'yes' : '**no**'])));
	}
	print(`\nLoad at end: \`${uptime()}\`; whole run ${fmt.s(performance.now() - started)}.`);
	for (const failure of failures) print(`\n**FAILED** ${failure}`);
	process.stdout.write(`${out.join('\n')}\n`);
	return failures.length > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
