'use strict';
// The trigger nodes in a real n8n (see README.md in this folder): the workflows that start with this package's
// triggers (examples/*.json and test/e2e/workflows/*.json without a Manual Trigger) are imported with the example
// hosts pointing at a loopback recorder, published, and `n8n start` serves them. The Számla simulator then posts
// payment notifications the way Számlázz.hu does, and the EKÁER simulator's cards are created, finalized and run out
// while the EKÁER triggers poll every minute.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { killGroup } = require('../lib/proc');
const { freePort } = require('../lib/ports');
const { budapestDay, budapestTime, seedCardXml } = require('../lib/seed');
const { SECRETS } = require('../credentials');
const { Recorder } = require('./recorder');
const { issueInvoice } = require('./agent');

const IPN_TRIGGER = 'n8n-nodes-szamlazz-ekaer.szamlaAgentTrigger';
const EKAER_TRIGGER = 'n8n-nodes-szamlazz-ekaer.ekaerTrigger';
/** The trigger workflows this suite knows how to drive; any other one fails (add its checks here). */
const KNOWN = ['invoice-paid-mark-order-paid.json', 'ekaer-validity-ending-finalize-or-alert.json', 'ekaer-trigger-events.json'];
const READY_TIMEOUT_MS = 120_000;
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, fn, timeoutMs, stepMs = 500) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${secs(timeoutMs)} waiting for ${what}`);
		await sleep(stepMs);
	}
}

function expect(cond, what) {
	if (!cond) throw new Error(`expected ${what}`);
}

/** A copy ready to publish: example hosts → recorder, a fresh random webhook ID, EKÁER polls every minute. */
function prepare(workflow, recorder) {
	const copy = recorder.rewrite(workflow);
	for (const node of copy.nodes) {
		if (node.type === IPN_TRIGGER) node.webhookId = crypto.randomUUID();
		if (node.type === EKAER_TRIGGER) node.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	}
	return copy;
}

/** `n8n start` on a free loopback port; resolves once /healthz/readiness answers. */
async function startServer(n8n, logFile) {
	const port = await freePort();
	const out = fs.openSync(logFile, 'w');
	const child = spawn(n8n.node24, [n8n.n8nBin, 'start'], {
		cwd: n8n.root,
		env: {
			...n8n.env,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			// 2.x only: 1.123 refuses to start on a module name it does not know.
			...(n8n.version.startsWith('1.') ? {} : { N8N_DISABLED_MODULES: 'mcp-registry' }),
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		},
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	const base = `http://127.0.0.1:${port}/`;
	const ready = waitFor(`n8n ${n8n.version} to answer on ${base}`, async () => {
		try {
			return (await fetch(`${base}healthz/readiness`, { signal: AbortSignal.timeout(2000) })).ok;
		} catch {
			return false;
		}
	}, READY_TIMEOUT_MS);
	const result = await Promise.race([ready, exited.then((e) => ({ exited: e }))]);
	if (result && result.exited) throw new Error(`n8n start exited (code ${result.exited.code}): ${tail(logFile)}`);
	return {
		base,
		log: () => fs.readFileSync(logFile, 'utf8'),
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 20_000);
			killGroup(child.pid, 'SIGTERM');
			await exited;
			clearTimeout(timer);
			killGroup(child.pid, 'SIGKILL');
		},
	};
}

function tail(file, lines = 20) {
	try {
		return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/**
 * @param {{n8n: import('../lib/n8n').N8nInstance, sims: object, triggerWorkflows: Array<{file, workflow}>, tmp: string,
 *          logDir: string, say: (m: string) => void}} opts
 * @returns {Promise<Array<{name: string, ok: boolean, message?: string, ms?: number}>>}
 */
async function runTriggerSuite({ n8n, sims, triggerWorkflows, tmp, logDir, say }) {
	const outcomes = [];
	const label = (name) => `[${n8n.version}] trigger: ${name}`;
	const check = async (name, fn) => {
		const t = Date.now();
		try {
			const note = await fn();
			outcomes.push({ name: `${label(name)}${note ? ` — ${note}` : ''}`, ok: true, ms: Date.now() - t });
		} catch (e) {
			outcomes.push({ name: label(name), ok: false, message: e.message, ms: Date.now() - t });
		}
	};
	if (!triggerWorkflows.length) return outcomes;
	const unknown = triggerWorkflows.filter((w) => !KNOWN.includes(w.file));
	for (const w of unknown) outcomes.push({ name: label(w.file), ok: false, message: `no checks for this trigger workflow in test/e2e/triggers/run-triggers.js` });
	const byFile = Object.fromEntries(triggerWorkflows.map((w) => [w.file, w]));
	const ipnFile = byFile['invoice-paid-mark-order-paid.json'];
	const expiringFile = byFile['ekaer-validity-ending-finalize-or-alert.json'];
	const eventsFile = byFile['ekaer-trigger-events.json'];
	if (!sims.szamla || !sims.ekaer) {
		outcomes.push({ name: label('simulators'), ok: false, message: 'both simulators are needed' });
		return outcomes;
	}

	const recorder = await new Recorder().start();
	let server;
	try {
		// Import and publish (n8n 2.x: publish:workflow; 1.x: update:workflow --active=true).
		const dir = path.join(tmp, `trigger-workflows-${n8n.version}`);
		fs.mkdirSync(dir, { recursive: true });
		const prepared = {};
		for (const w of triggerWorkflows) {
			prepared[w.file] = prepare(w.workflow, recorder);
			fs.writeFileSync(path.join(dir, w.file), JSON.stringify(prepared[w.file], null, 2));
		}
		await n8n.importWorkflows(dir);
		for (const w of triggerWorkflows) {
			const args = n8n.version.startsWith('1.') ? ['update:workflow', `--id=${w.id}`, '--active=true'] : ['publish:workflow', `--id=${w.id}`];
			await n8n.cliOk(args, `publishing ${w.file}`);
		}

		// The scene before start: an empty Számla account, one started card declared two days ago.
		for (const sim of [sims.szamla, sims.ekaer]) await sim.reset();
		const [old] = await sims.ekaer.seedTradeCards([{ tradeCard: seedCardXml('OLD-1', budapestTime(budapestDay(-2), '08:00:00')), insertedAt: budapestTime(budapestDay(-2), '09:00:00') }]);
		const t0 = Date.now();
		server = await startServer(n8n, path.join(logDir, `n8n-start-${n8n.version}.log`));
		const pollers = [expiringFile, eventsFile].filter(Boolean).length;
		const queries = async () => ((await sims.ekaer.stats()).byOperation || {}).queryTradeCards || 0;
		// Published poll triggers poll once on activation: that first poll only notes the cards already there.
		await waitFor('the EKÁER triggers\' first poll', async () => (await queries()) >= pollers, 60_000);
		say(`[${n8n.version}] n8n start with ${triggerWorkflows.length} published trigger workflow(s) ready in ${secs(Date.now() - t0)}`);

		if (ipnFile) await ipnChecks({ check, sims, recorder, server, workflow: prepared[ipnFile.file] });
		if (eventsFile || expiringFile) await ekaerChecks({ check, sims, recorder, old, queries, pollers, events: Boolean(eventsFile), example: Boolean(expiringFile) });

		await check("n8n's server log holds none of the credentials' secrets", () => {
			const log = server.log();
			const leaked = Object.entries(SECRETS).filter(([, v]) => log.includes(v)).map(([k]) => k);
			if (leaked.length) throw new Error(`found in the n8n start log: ${leaked.join(', ')}`);
		});
	} catch (e) {
		outcomes.push({ name: label('suite'), ok: false, message: `${e.stack || e.message}${server ? `\n--- n8n log tail ---\n${server.log().split('\n').slice(-30).join('\n')}` : ''}` });
	} finally {
		if (server) await server.stop().catch(() => {});
		await recorder.close();
		await sims.szamla.admin('POST', '__admin/ipn/config', { url: null }).catch(() => {});
	}
	return outcomes;
}

async function ipnChecks({ check, sims, recorder, server, workflow }) {
	const trigger = workflow.nodes.find((n) => n.type === IPN_TRIGGER);
	const url = `${server.base}webhook/${trigger.webhookId}/szamlazz-ipn`;
	const szamla = sims.szamla;
	await szamla.admin('POST', '__admin/ipn/config', { url, retryMs: 2000, maxAttempts: 10, timeoutMs: 10_000 });
	const idle = () => szamla.admin('POST', '__admin/ipn/idle', {});
	const shopPosts = () => recorder.matching('POST', /^\/api\/orders\/.+\/paid$/);
	const deliveries = () => szamla.admin('GET', '__admin/ipn/deliveries');
	let number;
	let fields;

	await check('a payment → one verified item (the webshop order is marked paid once)', async () => {
		number = await issueInvoice(szamla.url, 'SHOP-1001');
		await szamla.admin('POST', '__admin/payments', { invoiceNumber: number, amount: 12700, method: 'bankkártya', date: '2026-12-01' });
		await idle();
		const [post] = await waitFor('the webshop call', () => shopPosts().length && shopPosts(), 60_000);
		expect(post.path === '/api/orders/SHOP-1001/paid', `the order's URL, got ${post.path}`);
		expect(post.body && post.body.invoiceNumber === number && post.body.paidAmount === 12700 && post.body.verified === true && post.body.paymentMethod === 'Bank Transfer', `the verified invoice data, got ${JSON.stringify(post.body)}`);
		const [delivery] = await deliveries();
		fields = delivery.fields;
		expect(delivery.attempts.length >= 1 && delivery.attempts[delivery.attempts.length - 1].status === 200, `n8n answered the notification 200 (${JSON.stringify(delivery.attempts)})`);
		const stats = await szamla.stats();
		return `${delivery.attempts.length} attempt(s), ${stats.byOperation.xmlszamlaxml} verification(s)`;
	});

	await check("the service's retry of the same notification → 200, no second item", async () => {
		await szamla.admin('POST', '__admin/ipn/forge', { fields });
		await idle();
		await sleep(3000);
		const list = await deliveries();
		expect(list[list.length - 1].attempts.map((a) => a.status).join() === '200', 'answered 200 at once');
		expect(shopPosts().length === 1, `one webshop call in all, got ${shopPosts().length}`);
	});

	await check('forged notifications (unknown invoice; another order number) → 200, nothing emitted, reason logged', async () => {
		await szamla.admin('POST', '__admin/ipn/forge', { fields: { ...fields, szlahu_szamlaszam: `${number}9` }, once: true });
		await szamla.admin('POST', '__admin/ipn/forge', { fields: { ...fields, szlahu_rendelesszam: 'SHOP-EVIL', szlahu_kifizetettbrutto: '0' }, once: true });
		await idle();
		await sleep(3000);
		const list = await deliveries();
		expect(list.slice(-2).every((d) => d.attempts[0].status === 200), 'both answered 200');
		expect(shopPosts().length === 1, `still one webshop call, got ${shopPosts().length}`);
		const log = server.log();
		expect(/not emitted: the Számla Agent knows no invoice/.test(log), 'the unknown invoice is logged');
		expect(/not emitted: the post does not match invoice .*order number "SHOP-EVIL"/.test(log), 'the contradicted order number is logged');
	});

	await check('junk posts → 200, nothing emitted', async () => {
		const answers = [];
		for (const [body, contentType] of [['\u0000garbage', 'application/octet-stream'], ['szlahu_kifizetettbrutto=1', 'application/x-www-form-urlencoded'], ['', 'application/x-www-form-urlencoded']]) {
			answers.push((await szamla.admin('POST', '__admin/ipn/raw', { body, contentType })).status);
		}
		await sleep(2000);
		expect(answers.every((s) => s === 200), `200 for each, got ${answers.join(', ')}`);
		expect(shopPosts().length === 1, `still one webshop call, got ${shopPosts().length}`);
	});
}

async function ekaerChecks({ check, sims, recorder, old, queries, pollers, events, example }) {
	const ekaer = sims.ekaer;
	const now = new Date();
	const stamp = (day, time) => budapestTime(day, time);
	const hourAgo = new Date(now.getTime() - 3600_000).toISOString();
	// After the first poll: a card declared on NAV's web interface just now, two declared 15 days ago (valid through
	// today, so their validity ends within 24 hours) and the old card finalized elsewhere.
	const [web, exp1, exp2] = await ekaer.seedTradeCards([
		{ tradeCard: seedCardXml('WEB-1', hourAgo) },
		{ tradeCard: seedCardXml('EXP-1', stamp(budapestDay(-15), '08:00:00')), insertedAt: stamp(budapestDay(-15), '09:00:00') },
		{ tradeCard: seedCardXml('EXP-2', stamp(budapestDay(-15), '08:00:00')), insertedAt: stamp(budapestDay(-15), '09:00:00') },
	]);
	recorder.deliveries['EXP-1'] = { delivered: true, deliveredAt: new Date(now.getTime() - 3600_000).toISOString() };
	recorder.deliveries['EXP-2'] = { delivered: false };
	await ekaer.admin('POST', '__admin/tradeCards/status', { tcn: old.tcn, status: 'F' });
	const start = await queries();
	const recorded = () => recorder.matching('POST', /^\/ekaer-events$/).map((r) => `${r.body.event}:${r.body.orderNumber}${r.body.previousStatus ? `<${r.body.previousStatus}` : ''}>${r.body.status}`);
	// The example workflow finalizes EXP-1 on its own poll. When that poll comes before this trigger's first poll after
	// the seeding (two published workflows, two schedules), this trigger first sees EXP-1 already finalized: one
	// "created" event with status F, and neither a validity warning nor a status change for it.
	const exp1Events = () =>
		recorded().includes('cardCreated:EXP-1>finalized')
			? ['cardCreated:EXP-1>finalized']
			: ['cardCreated:EXP-1>started', 'validityEndingSoon:EXP-1>started', ...(example ? ['cardStatusChanged:EXP-1<started>finalized'] : [])];
	const expected = () => [
		'cardCreated:WEB-1>started',
		'cardCreated:EXP-2>started',
		'cardStatusChanged:OLD-1<started>finalized',
		'validityEndingSoon:EXP-2>started',
		...exp1Events(),
	];
	const missing = () => expected().filter((e) => !recorded().includes(e));

	if (events) {
		await check('EKÁER Trigger polling every minute: the created, finalized and expiring cards each emitted exactly once', async () => {
			await waitFor(`the events (${expected().length})`, () => missing().length === 0, 200_000, 2000).catch((e) => {
				throw new Error(`${e.message}; missing ${missing().join(', ')}; recorded ${recorded().join(', ')}`);
			});
			// One more poll of every trigger after the last event: nothing may come twice.
			const after = await queries();
			await waitFor('one more poll', async () => (await queries()) >= after + pollers, 90_000, 2000);
			await sleep(5000);
			const got = recorded().slice().sort();
			const counts = got.reduce((m, e) => ((m[e] = (m[e] || 0) + 1), m), {});
			const twice = Object.entries(counts).filter(([, n]) => n > 1).map(([e]) => e);
			expect(twice.length === 0, `no event twice, got ${twice.join(', ')}`);
			expect(JSON.stringify(got) === JSON.stringify(expected().slice().sort()), `exactly ${expected().join(', ')}; got ${got.join(', ')}`);
			return `${got.length} events over ${(await queries()) - start} queries`;
		});
	}
	if (example) {
		await check('example "EKÁER validity ending → finalize or alert": the delivered card is finalized, the other alerted', async () => {
			await waitFor('the example to act on both cards', () => recorder.matching('POST', /^\/hooks\/dispatch$/).length >= 1, 200_000, 2000);
			const cards = await ekaer.tradeCards();
			const byTcn = Object.fromEntries(cards.map((c) => [c.tcn, c]));
			await waitFor('EXP-1 finalized', async () => (await ekaer.tradeCards()).find((c) => c.tcn === exp1.tcn).status === 'F', 30_000);
			expect(byTcn[exp2.tcn].status === 'S', `EXP-2 still started, got ${byTcn[exp2.tcn].status}`);
			expect(byTcn[web.tcn].status === 'S', 'the new card untouched');
			const alerts = recorder.matching('POST', /^\/hooks\/dispatch$/);
			expect(alerts.length === 1 && alerts[0].body.tcn === exp2.tcn, `one alert for EXP-2, got ${JSON.stringify(alerts.map((a) => a.body))}`);
			const asked = recorder.matching('GET', /^\/api\/deliveries\//).map((r) => r.path).sort();
			expect(JSON.stringify(asked) === JSON.stringify(['/api/deliveries/EXP-1', '/api/deliveries/EXP-2']), `the TMS asked once per expiring card, got ${asked.join(', ')}`);
		});
	}
}

module.exports = { runTriggerSuite, KNOWN };
