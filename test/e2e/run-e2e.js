#!/usr/bin/env node
'use strict';
// End-to-end run against REAL n8n installations (see README.md in this folder).
//   npm run test:e2e                       (builds first, then runs this under the machine's Node 20)
//   E2E_N8N_VERSIONS=2.40.7 node test/e2e/run-e2e.js
//   E2E_KEEP=1  E2E_ONLY=smoke  E2E_N8N_LOG_LEVEL=debug  E2E_TARBALL=/path/pkg.tgz
//   E2E_WORKFLOWS_DIR=/some/dir E2E_SCENARIOS=/some/scenarios.js  (extra workflows + their assertions)
//   E2E_BROWSER=0 (skip the browser suite) / E2E_BROWSER=1 (run it even with E2E_ONLY)
//   E2E_QUEUE=0 (skip the queue-mode suite, test/e2e/queue) / E2E_QUEUE=1 (run it even with E2E_ONLY)
// Steps: install/cache n8n (install-n8n.sh) → npm pack → per n8n version: fresh user folder, install the tarball,
// import credentials + workflows, `execute --id` each workflow, check it with scenarios.js. Ends with the line
// "e2e: N passed, M failed" and a non-zero exit on any failure.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installN8n: installN8nVersions } = require('./lib/install');
const { packRepo } = require('./lib/pack');
const { N8nInstance } = require('./lib/n8n');
const simulatorsLib = require('./lib/simulators');
const { buildCredentials, simulatorOptions } = require('./credentials');
const { collectWorkflows } = require('./lib/workflows');
const { runTriggerSuite } = require('./triggers/run-triggers');

const REPO = path.resolve(__dirname, '..', '..');
const DEFAULT_VERSIONS = ['2.40.7', '1.123.81'];
const versions = (process.env.E2E_N8N_VERSIONS || DEFAULT_VERSIONS.join(','))
	.split(',')
	.map((v) => v.trim())
	.filter(Boolean);
const KEEP = process.env.E2E_KEEP === '1' || process.env.E2E_KEEP === 'true';
const ONLY = process.env.E2E_ONLY || '';

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[e2e] ${msg}`);

async function main() {
	const t0 = Date.now();
	const outcomes = []; // { name, ok, message, ms }
	const crashes = []; // workflows whose n8n process crashed after a complete run (counted, not failed)
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-szamlazz-e2e-'));
	const logDir = path.join(tmp, 'logs');
	fs.mkdirSync(logDir);
	say(`temp folder ${tmp}${KEEP ? ' (kept: E2E_KEEP)' : ' (removed at the end; E2E_KEEP=1 keeps it)'}`);

	let sims = {};
	let bins;
	let tarball;
	try {
		bins = await installN8n(versions);
		tarball = await pack(tmp);

		// E2E_WORKFLOWS_DIR / E2E_SCENARIOS: run extra workflows (e.g. a user's workflow from a bug report) with extra
		// assertions, without touching the repo.
		const scenarios = { ...require('./scenarios') };
		if (process.env.E2E_SCENARIOS) Object.assign(scenarios, require(path.resolve(process.env.E2E_SCENARIOS)));
		const extraDirs = process.env.E2E_WORKFLOWS_DIR ? [process.env.E2E_WORKFLOWS_DIR] : [];
		const { workflows, problems, triggerWorkflows } = collectWorkflows(REPO, { only: ONLY, scenarios, extraDirs });
		for (const p of problems) outcomes.push({ name: p.name, ok: false, message: p.message });
		say(`${workflows.length} workflow(s): ${workflows.map((w) => w.file).join(', ') || '(none)'}`);
		if (triggerWorkflows.length) say(`${triggerWorkflows.length} trigger workflow(s), published and driven by triggers/: ${triggerWorkflows.map((w) => w.file).join(', ')}`);

		const tSims = Date.now();
		sims = await simulatorsLib.startAll({ logDir, options: simulatorOptions() });
		say(`simulators started in ${secs(Date.now() - tSims)}`);
		for (const [name, sim] of Object.entries(sims)) say(`simulator ${name}: ${sim ? sim.url : 'not available (cli.ts missing)'}`);

		for (const version of versions) {
			const n8n = new N8nInstance({
				version,
				node24: bins.node24,
				n8nBin: bins.n8n[version],
				root: fs.mkdtempSync(path.join(tmp, `n8n-${version}-`)),
				logDir,
			});
			let ready = false;
			try {
				await prepareInstance(n8n, tarball, workflows, sims, tmp);
				ready = true;
			} catch (e) {
				outcomes.push({ name: `[${version}] setup`, ok: false, message: e.message });
			}
			if (!ready) continue;
			// Its own line in the summary: while the nodes are missing or broken, every workflow using them fails with a
			// vaguer "Unrecognized node type"; this names the cause. (Core-node smoke workflows still run.)
			outcomes.push({
				name: `[${version}] package ${n8n.packageName} loads`,
				ok: !n8n.packageLoadError,
				message: n8n.packageLoadError,
			});
			for (const wf of workflows) {
				outcomes.push(await runWorkflow(n8n, wf, scenarios[wf.file], sims, crashes));
			}
			// Published trigger workflows under `n8n start` (triggers/README.md); E2E_TRIGGERS=0 skips them.
			if (process.env.E2E_TRIGGERS !== '0') outcomes.push(...(await runTriggerSuite({ n8n, sims, triggerWorkflows, tmp, logDir, say })));
		}
	} catch (e) {
		outcomes.push({ name: 'setup', ok: false, message: e.stack || e.message });
	} finally {
		await simulatorsLib.stopAll(sims).catch(() => {});
	}
	// Exactly once under load: queue mode (Postgres + Redis, main + 2 workers) and regular mode (test/e2e/queue/).
	if (tarball) outcomes.push(...(await require('./queue/run-queue').runQueueSuite({ bins: versions.includes('2.40.7') ? bins : undefined, tarball, logDir })));
	// The editor in a real browser, on npm start's n8n (test/e2e/browser/README.md); its checks join this summary.
	outcomes.push(...(await require('./browser/run-browser').runBrowserSuite()));

	const passed = outcomes.filter((o) => o.ok).length;
	const failed = outcomes.length - passed;
	console.log('');
	for (const o of outcomes) {
		console.log(`${o.ok ? 'PASS' : 'FAIL'} ${o.name}${o.ms !== undefined ? ` (${secs(o.ms)})` : ''}`);
		if (!o.ok) console.log(indent(o.message));
	}
	if (crashes.length) say(`${crashes.length} execution(s) crashed at exit after a complete run: ${crashes.join(', ')}`);
	say(`total time ${secs(Date.now() - t0)}`);
	if (KEEP) say(`kept ${tmp} (logs in ${logDir})`);
	else fs.rmSync(tmp, { recursive: true, force: true });
	if (failed && !KEEP) say('rerun with E2E_KEEP=1 to keep the user folders and logs');
	console.log(`e2e: ${passed} passed, ${failed} failed`);
	process.exitCode = failed || outcomes.length === 0 ? 1 : 0;
}

/** Runs install-n8n.sh (a no-op when cached) and returns the binaries' paths. */
async function installN8n(list) {
	const t = Date.now();
	const bins = await installN8nVersions(list).catch((e) => {
		process.stderr.write(e.stderr || '');
		throw e;
	});
	process.stderr.write(bins.stderr);
	say(`n8n install/cache check: ${secs(Date.now() - t)}`);
	return bins;
}

/** `npm pack` of the already-built repo into tmp; returns the tarball path. */
async function pack(tmp) {
	// E2E_TARBALL: test a given tarball instead (e.g. a published release, or a hand-made one while debugging).
	if (process.env.E2E_TARBALL) {
		say(`using E2E_TARBALL=${process.env.E2E_TARBALL}`);
		return path.resolve(process.env.E2E_TARBALL);
	}
	const info = await packRepo(REPO, path.join(tmp, 'pack'), { logFile: path.join(tmp, 'logs', 'pack.log') });
	say(`packed ${info.filename} (${info.entryCount} files, ${info.size} bytes) in ${secs(info.ms)}`);
	return info.tarball;
}

async function prepareInstance(n8n, tarball, workflows, sims, tmp) {
	say(`n8n ${n8n.version}: user folder ${n8n.userFolder}`);
	const installMs = await n8n.installPackage(tarball);
	say(`n8n ${n8n.version}: package installed in ${secs(installMs)}`);

	const credFile = path.join(tmp, 'credentials.json');
	fs.writeFileSync(credFile, JSON.stringify(buildCredentials(sims), null, 2));
	let r = await n8n.importCredentials(credFile);
	say(`n8n ${n8n.version}: credentials imported in ${secs(r.ms)}`);

	if (!workflows.length) return;
	const wfDir = path.join(tmp, `workflows-${n8n.version}`);
	fs.mkdirSync(wfDir);
	for (const wf of workflows) fs.copyFileSync(wf.path, path.join(wfDir, wf.importName));
	r = await n8n.importWorkflows(wfDir);
	say(`n8n ${n8n.version}: ${workflows.length} workflow(s) imported in ${secs(r.ms)}`);
}

async function runWorkflow(n8n, wf, scenario, sims, crashes) {
	const name = `[${n8n.version}] ${wf.file}`;
	const spec = typeof scenario === 'function' ? { assert: scenario } : scenario;
	const started = Date.now();
	try {
		await resetSimulators(sims);
		if (spec.before) await spec.before({ simulators: sims, n8nVersion: n8n.version });
		const execute = async () => {
			const res = await n8n.execute(wf.id);
			say(`${name}: execute ${res.ok ? 'ok' : 'FAILED'} in ${secs(res.ms)}${res.ok ? '' : ` — ${res.error}`}`);
			if (res.crashedAtExit) {
				say(`${name}: WARNING n8n died with ${res.crashedAtExit} after printing the complete run (known isolated-vm shutdown crash; see README)`);
				crashes.push(name);
			}
			return res;
		};
		const result = await execute();
		await spec.assert({ result, simulators: sims, runAgain: execute, n8nVersion: n8n.version });
		return { name, ok: true, ms: Date.now() - started };
	} catch (e) {
		return { name, ok: false, message: e.message, ms: Date.now() - started };
	}
}

/** Every workflow starts against empty simulators. */
async function resetSimulators(sims) {
	for (const sim of Object.values(sims)) {
		if (sim) await sim.reset();
	}
}

function indent(text) {
	return String(text)
		.split('\n')
		.map((l) => `    ${l}`)
		.join('\n');
}

main().catch((e) => {
	console.error(e);
	console.log('e2e: 0 passed, 1 failed');
	process.exit(1);
});
