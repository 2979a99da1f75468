#!/usr/bin/env node
'use strict';
// `npm start`: the package in a real n8n on this machine, against the bundled loopback simulators.
//   npm start                 build, install (once) or reuse n8n, start everything, print the editor URL and login
//   npm start -- --reset      start from an empty data folder
// Reuses the real-n8n suite's pieces (test/e2e/): install-n8n.sh (Node 24 + n8n into ~/.cache), npm pack, the
// simulators' cli.ts, the credential definitions. The build runs before this script (package.json "start").
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs, USAGE, N8N_VERSION } = require('./options');
const { StartError, portInUse, alreadyRunning, installFailure } = require('./failures');
const { readExamples, withCredentials } = require('./examples');
const { LocalN8n, OWNER } = require('./instance');
const { installN8n, isInstalled, cacheDir } = require('../../test/e2e/lib/install');
const { packRepo } = require('../../test/e2e/lib/pack');
const { isPortFree } = require('../../test/e2e/lib/ports');
const simulatorsLib = require('../../test/e2e/lib/simulators');
const { killGroup } = require('../../test/e2e/lib/proc');
const { buildCredentials, simulatorOptions, LOCAL_CREDENTIAL_REFS } = require('../../test/e2e/credentials');
const { budapestDay, budapestTime, seedCardXml } = require('../../test/e2e/lib/seed');

const REPO = path.resolve(__dirname, '..', '..');
const say = (msg) => console.log(`[start] ${msg}`);
const secs = (ms) => (ms >= 90_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`);

async function main() {
	const t0 = Date.now();
	let opts;
	try {
		opts = parseArgs(process.argv.slice(2));
	} catch (e) {
		throw new StartError(e.message, `see the usage:\n${USAGE}`);
	}
	if (opts.help) return console.log(USAGE);
	const { dataDir, ports } = opts;

	const pidFile = path.join(dataDir, 'start.pid');
	const otherPid = runningPid(pidFile);
	if (otherPid) throw alreadyRunning(otherPid, dataDir);
	if (opts.reset && fs.existsSync(dataDir)) {
		fs.rmSync(dataDir, { recursive: true, force: true });
		say(`--reset: deleted ${dataDir}`);
	}
	for (const [role, port] of Object.entries(ports)) {
		if (!(await isPortFree(port))) throw portInUse(role, port, ports.editor);
	}
	fs.mkdirSync(dataDir, { recursive: true });
	fs.writeFileSync(pidFile, String(process.pid));
	let local;
	let sims = {};
	// Whatever happens from here on, no n8n or simulator outlives this process.
	process.once('exit', () => {
		if (local) local.killNow();
		for (const sim of Object.values(sims)) if (sim) killGroup(sim.child.pid, 'SIGKILL');
		fs.rmSync(pidFile, { force: true });
	});
	const stopAll = once(async () => {
		if (local) await local.stop();
		await simulatorsLib.stopAll(sims);
	});
	onSignals(stopAll);

	const bins = await ensureN8n();
	local = new LocalN8n({ dataDir, version: N8N_VERSION, bins, ports });

	const tSims = Date.now();
	const [packed] = await Promise.all([
		packRepo(REPO, path.join(dataDir, 'pack'), { logFile: path.join(local.logDir, 'pack.log') }),
		simulatorsLib.startAll({ logDir: local.logDir, options: withPorts(simulatorOptions(), ports) }).then((started) => {
			sims = started;
		}),
	]);
	if (!sims.szamla || !sims.ekaer) throw new Error('a simulator is missing (test/simulators/*/cli.ts)');
	await seedDemoCards(sims.ekaer);
	say(`simulators on 127.0.0.1:${ports.szamla} and :${ports.ekaer} (${secs(Date.now() - tSims)})`);
	if (await local.ensurePackage(packed.tarball)) say(`installed ${packed.filename} into n8n`);

	const credentials = buildCredentials(sims, LOCAL_CREDENTIAL_REFS);
	if (await local.ensureCredentials(credentials)) say(`credentials: ${credentials.map((c) => `"${c.name}"`).join(', ')}`);
	const examples = readExamples(REPO).map(({ file, workflow }) => ({ file, workflow: withCredentials(workflow, LOCAL_CREDENTIAL_REFS, file) }));
	const imported = await local.ensureWorkflows(examples);
	if (imported.length) say(`imported ${imported.length} example workflow(s): ${imported.join('; ')}`);

	say(`starting n8n ${N8N_VERSION} …`);
	const bootMs = await local.start();
	say(`n8n is up after ${secs(bootMs)} (whole start ${secs(Date.now() - t0)})`);
	printBanner({ local, credentials, examples, dataDir });

	const { code, signal } = await local.exited;
	if (!stopAll.called) {
		await simulatorsLib.stopAll(sims);
		throw new StartError(`n8n stopped by itself (code ${code}, signal ${signal}); see ${local.logFile}`, 'read the end of that log, then run npm start again');
	}
}

/** Installs n8n on Node 24 once (minutes), or finds it in the cache (instant). */
async function ensureN8n() {
	const fresh = !isInstalled(N8N_VERSION);
	if (fresh) {
		say(`n8n ${N8N_VERSION} is not installed yet: installing it once, with Node.js 24, into ${cacheDir()}`);
		say('this takes about 5–10 minutes on 2 cores and 2.8 GB of disk; later starts reuse it and take seconds');
	}
	const t = Date.now();
	let partial = '';
	// The script's own progress lines only; the npm output it appends on failure stays in its log.
	const progress = (text) => {
		const lines = (partial + text).split('\n');
		partial = lines.pop();
		for (const line of lines) if (fresh && line.startsWith('[install-n8n] ')) say(`  ${line.slice('[install-n8n] '.length)}`);
	};
	let bins;
	try {
		bins = await installN8n([N8N_VERSION], { onStderr: progress });
	} catch (e) {
		throw installFailure(e.stderr, N8N_VERSION);
	}
	if (fresh) say(`the one-time n8n install took ${secs(Date.now() - t)}`);
	return bins;
}

function withPorts(options, ports) {
	return { szamla: { ...options.szamla, port: ports.szamla }, ekaer: { ...options.ekaer, port: ports.ekaer } };
}

/** "Finalize yesterday's EKÁER numbers" finds started cards declared since yesterday: give it two. */
async function seedDemoCards(ekaer) {
	const day = budapestDay(-1);
	await ekaer.seedTradeCards([
		{ tradeCard: seedCardXml('DEMO-1001', budapestTime(day, '07:00:00')), insertedAt: budapestTime(day, '09:15:00') },
		{ tradeCard: seedCardXml('DEMO-1002', budapestTime(day, '13:00:00')), insertedAt: budapestTime(day, '16:40:00') },
	]);
}

function printBanner({ local, credentials, examples, dataDir }) {
	const urlOf = (c) => c.data.baseUrl || c.data.customBaseUrl;
	console.log(`
  n8n ${N8N_VERSION} with this package is running. Nothing leaves this machine: n8n, Számla Agent and EKÁER
  answer on 127.0.0.1 only (the two services are the repo's simulators; their data is gone when you stop).

  Editor:       ${local.url}
  Login:        ${OWNER.email} / ${OWNER.password}

  Workflows:    ${examples.map((e) => e.workflow.name).join('\n                ')}
                (open one, click "Execute workflow" or, where a schedule or webhook trigger is
                there too, the ▶ beside the manual trigger; then open the last node)
  Credentials:  ${credentials.map((c) => `"${c.name}" → ${urlOf(c)}`).join('\n                ')}
  Data:         ${dataDir} (npm start -- --reset empties it)
  Logs:         ${local.logDir}

  Ctrl-C stops n8n and the simulators.
`);
}

/** The pid in the file when that process is alive, else undefined. */
function runningPid(pidFile) {
	let pid;
	try {
		pid = Number(fs.readFileSync(pidFile, 'utf8'));
	} catch {
		return undefined;
	}
	if (!pid || pid === process.pid) return undefined;
	try {
		process.kill(pid, 0);
		return pid;
	} catch {
		return undefined;
	}
}

function once(fn) {
	const wrapped = async () => {
		if (wrapped.called) return wrapped.promise;
		wrapped.called = true;
		wrapped.promise = fn();
		return wrapped.promise;
	};
	wrapped.called = false;
	return wrapped;
}

/**
 * Ctrl-C (and SIGTERM): stop n8n and the simulators, then exit; a second Ctrl-C exits at once. A first-time n8n
 * install runs in its own process group and is not interrupted: the next npm start waits for it and reuses it.
 */
function onSignals(stopAll) {
	const handler = (signal) => {
		if (stopAll.called) process.exit(130);
		console.log(`\n[start] ${signal}: stopping n8n and the simulators …`);
		stopAll().then(
			() => {
				console.log('[start] stopped');
				process.exit(0);
			},
			(e) => {
				console.error(`[start] stopping failed: ${e.message}`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', handler);
	process.on('SIGTERM', handler);
}

main().catch((e) => {
	const text = e instanceof StartError ? `npm start: ${e.message}` : `npm start failed: ${e.stack || e.message}`;
	process.stderr.write(`${text}\n`, () => process.exit(1)); // a pipe is written asynchronously: exit once it is out
});
