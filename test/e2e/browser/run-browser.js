#!/usr/bin/env node
'use strict';
// The editor in a real browser (see README.md in this folder): `npm start`'s n8n, driven by headless Chromium.
//   node test/e2e/browser/run-browser.js      (after npm run build; ends with "browser: N passed, M failed")
//   called by run-e2e.js after the CLI suite, its checks joining that summary
//   E2E_SCREENSHOTS=/dir (default $TMPDIR/n8n-szamlazz-ekaer-screenshots)  E2E_KEEP=1  E2E_CHROMIUM=/path
//   E2E_BROWSER=0 skips it; with E2E_ONLY set it is skipped unless E2E_BROWSER=1
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { NpmStart, runToEnd } = require('./npm-start');
const { ensureChromium, launch, chromiumVersion } = require('./chromium');
const { Editor, prepareShotsDir } = require('./editor');
const { packagePanels } = require('./panels');
const { EXAMPLE_CHECKS, issuedNumbers } = require('./example-checks');
const { freePort, isPortFree } = require('../lib/ports');
const { buildCredentials, LOCAL_CREDENTIAL_REFS, SECRETS } = require('../credentials');
const { N8N_VERSION } = require('../../../scripts/start/options');
const { readExamples } = require('../../../scripts/start/examples');

const REPO = path.resolve(__dirname, '..', '..', '..');
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'n8n-szamlazz-ekaer-screenshots');
const KEEP = process.env.E2E_KEEP === '1' || process.env.E2E_KEEP === 'true';
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** @returns {Promise<Array<{name: string, ok: boolean, message?: string, ms?: number}>>} */
async function runBrowserSuite({ say = (m) => console.log(`[browser] ${m}`) } = {}) {
	const outcomes = [];
	if (process.env.E2E_BROWSER === '0' || (process.env.E2E_ONLY && process.env.E2E_BROWSER !== '1')) {
		say(`skipped (${process.env.E2E_BROWSER === '0' ? 'E2E_BROWSER=0' : 'E2E_ONLY narrows the run; E2E_BROWSER=1 adds it'})`);
		return outcomes;
	}
	const check = async (name, fn) => {
		const t = Date.now();
		try {
			const note = await fn();
			outcomes.push({ name: `[browser] ${name}${note ? ` — ${note}` : ''}`, ok: true, ms: Date.now() - t });
			return true;
		} catch (e) {
			outcomes.push({ name: `[browser] ${name}`, ok: false, message: e.message, ms: Date.now() - t });
			return false;
		}
	};
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-szamlazz-browser-'));
	const dataDir = path.join(tmp, 'data');
	let start;
	let browser;
	try {
		const panels = packagePanels(REPO);
		let chromium;
		if (!(await check('Chromium is available', () => {
			chromium = ensureChromium(say);
			return chromiumVersion(chromium);
		}))) return outcomes;

		const base = await freePortBlock(4);
		const args = ['--data', dataDir, '--port', String(base)];
		let info;
		start = new NpmStart(args);
		if (!(await check('npm start on an empty data folder prints the editor URL and the login', async () => {
			info = await start.ready();
			expectEq(info.url, `http://127.0.0.1:${base}/`, 'editor URL');
			const names = Object.values(LOCAL_CREDENTIAL_REFS).map((r) => r.name);
			expectEq(info.credentialUrls.map((c) => c.name).sort(), [...names].sort(), 'credentials listed');
			for (const c of info.credentialUrls) expect(c.url.startsWith('http://127.0.0.1:'), `credential "${c.name}" points at loopback (${c.url})`);
			expect(/imported \d+ example workflow/.test(start.output), 'imports the example workflows');
			return `ready in ${secs(info.ms)}`;
		}))) return outcomes;
		say(`npm start (fresh): ready in ${secs(info.ms)}; screenshots go to ${prepareShotsDir(SHOTS)}`);

		await check('a second npm start on the same data folder is refused in one line', async () => {
			const r = await runToEnd(args);
			expectEq(r.code, 1, 'exit code');
			expectOneLine(r.output, /already running/);
		});

		const launched = await launch(chromium);
		browser = launched;
		const editor = await new Editor(launched.context, { baseUrl: info.url, shotsDir: SHOTS }).open();
		if (!(await check(`logs in as ${info.email} and finds every example workflow in the list`, async () => {
			editor.phase = 'login';
			await editor.login(info.email, info.password);
			const expected = readExamples(REPO).map((e) => e.workflow.name);
			const listed = await editor.workflowNames(expected);
			await editor.screenshot('workflows');
			const missing = expected.filter((name) => !listed.includes(name));
			if (missing.length) {
				// Say whether n8n has them at all (an import problem) or only the page does not show them (a UI problem).
				const stored = await editor.api('GET', '/rest/workflows').then((d) => (Array.isArray(d) ? d : d?.data ?? []).map((w) => w.name), (e) => [`(REST failed: ${e.message})`]);
				throw new Error(`not in the workflow list: ${missing.join('; ')} (listed: ${listed.join('; ')}; n8n's REST API has: ${stored.join('; ')})`);
			}
		}))) return outcomes;

		await checkPanels(check, editor, panels);
		await checkExamples(check, editor, info);
		await checkCredentials(check, editor, panels); // last: it saves a wrong secret for a moment

		// n8n asks for /schemas/<node type>/<version>/<resource>/<operation>.json (an output schema shipped beside the
		// node as __schema__/v1.0.0/…, for mapping before the node ran) and falls back silently on 404: not an error of
		// the nodes, counted in the note instead.
		const isSchemaMiss = (url) => new RegExp(`/schemas/${panels.packageName}\\.[^/]+/`).test(url || '');
		const schemaMisses = new Set(editor.failedResponses.filter((r) => r.status === 404 && isSchemaMiss(r.url)).map((r) => r.url));
		await check(`no console errors while the package's panels were open`, () => {
			// Before login the sign-in page's session probe answers 401: n8n's own, expected.
			const expected = (e) => (e.phase === 'login' && e.text.includes('status of 401')) || (isSchemaMiss(e.url) && e.text.includes('404'));
			const ours = editor.consoleErrors.filter((e) => !expected(e));
			if (ours.length) throw new Error(ours.map((e) => `${e.phase}: ${e.text.slice(0, 400)}${e.url ? ` (${e.url})` : ''}`).join('\n'));
		});
		await check(`no failed request for the package's files (icons, node types)`, () => {
			const bad = editor.failedResponses.filter((r) => r.url.includes(panels.packageName) && !(r.status === 404 && isSchemaMiss(r.url)));
			if (bad.length) throw new Error(bad.map((r) => `${r.status} ${r.url} (${r.phase})`).join('\n'));
			return schemaMisses.size ? `n8n asked for ${schemaMisses.size} output schema(s) the package does not ship: ${[...schemaMisses].map((u) => u.replace(/^.*\/schemas\//, '')).join(', ')}` : '';
		});
		await check(`n8n serves the package's output schemas, for mapping before a node has run`, async () => {
			const expected = [
				{ path: `/schemas/${panels.packageName}.szamlaAgent/1.0.0/invoice/create.json`, field: 'invoiceNumber' },
				{ path: `/schemas/${panels.packageName}.ekaer/1.0.0/tradeCard/getMany.json`, field: 'tcn' },
			];
			const got = await editor.page.evaluate(
				async (list) => Promise.all(list.map(async (entry) => {
					const res = await fetch(entry.path);
					return { ...entry, status: res.status, schema: res.ok ? await res.json() : undefined };
				})),
				expected,
			);
			for (const { path, field, status, schema } of got) {
				if (status !== 200) throw new Error(`${path} → HTTP ${status}`);
				if (schema?.type !== 'object' || !schema.properties?.[field]) throw new Error(`${path}: no "${field}" field in ${JSON.stringify(schema).slice(0, 200)}`);
			}
			return got.map((g) => `${g.path.replace(/^.*\/schemas\//, '')}: ${Object.keys(g.schema.properties).length} fields`).join('; ');
		});
		await check('the editor requested nothing outside 127.0.0.1', () => {
			if (editor.outsideRequests.length) throw new Error([...new Set(editor.outsideRequests)].join('\n'));
		});
		await launched.close();
		browser = undefined;
		say(`${editor.screenshots.length} screenshots in ${SHOTS}`);

		await check('Ctrl-C stops n8n and both simulators', async () => {
			const r = await start.stop();
			expectEq(r.code, 0, `exit code (output: ${start.output.slice(-500)})`);
			await expectPortsFree(base);
		});
		await check('n8n tried to reach no host outside the machine', () => {
			const log = fs.readFileSync(path.join(dataDir, 'logs', 'n8n.log'), 'utf8');
			const lookups = log.split('\n').filter((l) => /ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(l));
			if (lookups.length) throw new Error([...new Set(lookups)].slice(0, 10).join('\n'));
		});

		await check("n8n's logs hold none of the credentials' secrets", () => {
			const logs = ['n8n.log', `n8n-${N8N_VERSION}.log`].map((f) => path.join(dataDir, 'logs', f)).filter((f) => fs.existsSync(f));
			const text = logs.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
			expect(text.length > 0, `n8n logs in ${path.join(dataDir, 'logs')}`);
			const leaked = Object.entries(SECRETS).filter(([, value]) => text.includes(value)).map(([label]) => label);
			if (leaked.length) throw new Error(`found in ${logs.join(', ')}: ${leaked.join(', ')}`);
		});

		start = new NpmStart(args);
		await check('a later npm start reuses the data folder (nothing reinstalled or reimported)', async () => {
			const again = await start.ready();
			expect(!/imported \d+ example|installed .* into n8n|credentials:/.test(start.output), `nothing re-imported:\n${start.output}`);
			const r = await start.stop();
			expectEq(r.code, 0, 'exit code after Ctrl-C');
			return `ready in ${secs(again.ms)}`;
		});

		start = new NpmStart([...args, '--reset']);
		await check('npm start -- --reset starts from an empty data folder', async () => {
			const fresh = await start.ready();
			expect(start.output.includes(`--reset: deleted ${dataDir}`), `says what it deleted:\n${start.output}`);
			expect(/imported \d+ example workflow/.test(start.output), 'imports the examples again');
			const r = await start.stop();
			expectEq(r.code, 0, 'exit code after Ctrl-C');
			return `ready in ${secs(fresh.ms)}`;
		});

		await check('a port in use stops npm start with one line naming it', async () => {
			const blocker = net.createServer().listen(base + 2, '127.0.0.1');
			await new Promise((r) => blocker.once('listening', r));
			try {
				const r = await runToEnd(args);
				expectEq(r.code, 1, 'exit code');
				expectOneLine(r.output, new RegExp(`port ${base + 2} on 127\\.0\\.0\\.1 \\(the Számla Agent simulator\\) is in use.*Fix: `));
			} finally {
				blocker.close();
			}
		});
	} catch (e) {
		outcomes.push({ name: '[browser] suite', ok: false, message: e.stack || e.message });
	} finally {
		if (browser) await browser.close();
		if (start) await start.stop().catch(() => {});
		if (KEEP) say(`kept ${tmp}`);
		else fs.rmSync(tmp, { recursive: true, force: true });
	}
	return outcomes;
}

/** Every panel case: the node opens, shows its resource and operation, and renders the operation's required fields. */
async function checkPanels(check, editor, panels) {
	for (const { description, cases } of panels.nodes) {
		const workflow = panelWorkflow(description, cases);
		let id;
		if (!(await check(`${description.displayName}: a workflow with one node per panel (${cases.length}) is created`, async () => {
			id = (await editor.api('POST', '/rest/workflows', workflow)).id;
			await editor.openWorkflow(id);
		}))) continue;
		for (const c of cases) {
			await check(`panel ${c.title} renders ${c.required.map((r) => r.displayName).join(', ') || 'no required field'}`, async () => {
				editor.phase = `panel ${c.title}`;
				const ndv = await editor.openNode(c.title);
				for (const [name, value] of Object.entries(c.parameters)) {
					const shown = await editor.testId(`parameter-input-${name}`, ndv).locator('input').first().inputValue();
					const label = selectorLabel(description, name, value, c.parameters);
					expectEq(shown, label, `the "${name}" selector`);
				}
				const missing = [];
				for (const field of c.required) {
					const label = await editor.parameterLabel(ndv, field.name);
					if (label === null || !label.includes(field.displayName)) missing.push(`${field.displayName} (${field.name}): ${label === null ? 'not shown' : `label "${label}"`}`);
				}
				await editor.screenshot(c.title);
				await editor.closeNode();
				if (missing.length) throw new Error(`required fields not rendered: ${missing.join('; ')}`);
			});
		}
	}
}

/** Both credential forms: fields shown, Test succeeds against the simulator, a wrong secret fails, the right one heals. */
async function checkCredentials(check, editor, panels) {
	const stored = buildCredentials({}, LOCAL_CREDENTIAL_REFS);
	for (const form of panels.credentials) {
		const ref = LOCAL_CREDENTIAL_REFS[form.type];
		const good = stored.find((c) => c.type === form.type);
		if (!ref || !good) {
			await check(`credential form ${form.displayName}`, () => {
				throw new Error(`npm start creates no "${form.type}" credential (test/e2e/credentials.js LOCAL_CREDENTIAL_REFS)`);
			});
			continue;
		}
		editor.phase = `credential ${form.displayName}`;
		let modal;
		await check(`credential form ${form.displayName} ("${ref.name}") renders ${form.required.map((r) => r.displayName).join(', ')} and tests OK against the simulator`, async () => {
			const opened = await editor.credentialTest(() => modal, async () => {
				modal = await editor.openCredential(ref.id);
			});
			const missing = [];
			for (const field of form.required) {
				const label = await editor.parameterLabel(modal, field.name);
				if (label === null || !label.includes(field.displayName)) missing.push(`${field.displayName} (${field.name})`);
			}
			await editor.screenshot(`credential ${form.displayName} tested`);
			if (missing.length) throw new Error(`fields not rendered: ${missing.join(', ')}`);
			expectTest(opened, true, 'test when the form opens');
			const retried = await editor.credentialTest(modal, () => modal.getByRole('button', { name: 'Retry' }).click());
			expectTest(retried, true, 'the Retry (test) button');
		});
		if (!modal || !form.secretField) continue;
		await check(`credential ${form.displayName}: a wrong ${form.secretField} fails the test, the right one passes again`, async () => {
			const secret = editor.testId(`parameter-input-${form.secretField}`, modal).locator('input').first();
			const save = () => editor.testId('credential-save-button', modal).click();
			let wrong;
			let right;
			await secret.fill('wrong-secret-123');
			try {
				wrong = await editor.credentialTest(modal, save);
				await editor.screenshot(`credential ${form.displayName} wrong ${form.secretField}`);
			} finally {
				await secret.fill(good.data[form.secretField]);
				right = await editor.credentialTest(modal, save);
			}
			expectTest(wrong, false, `test with a wrong ${form.secretField}`);
			expectTest(right, true, `test after restoring ${form.secretField}`);
			return `wrong: "${wrong.message}"`;
		});
		await editor.page.keyboard.press('Escape');
	}
}

/** Every example runs from the editor (its manual trigger's Execute workflow) and shows numbers the simulator issued. */
async function checkExamples(check, editor, info) {
	const urlOf = (type) => (info.credentialUrls.find((c) => c.name === LOCAL_CREDENTIAL_REFS[type].name) || {}).url;
	const simulatorUrls = { szamla: urlOf('szamlaAgentApi'), ekaer: urlOf('ekaerApi') };
	for (const { file, workflow } of readExamples(REPO)) {
		const spec = EXAMPLE_CHECKS[file];
		const shows = spec && `${spec.minItems ? `≥ ${spec.minItems}` : spec.items} ${spec.field}${spec.pdfField ? ' with PDFs' : ''}`;
		const title = !spec
			? `example ${file} runs from the editor`
			: spec.trigger === 'panel'
				? `example ${file}: the trigger's panel says where its Production URL goes, and the node has a webhook ID of its own`
				: spec.trigger
					? `example ${file}: the trigger's test step shows ${shows}`
					: `example ${file} runs from the editor and shows ${shows}`;
		await check(title, async () => {
			if (!spec) throw new Error(`no entry for ${file} in test/e2e/browser/example-checks.js`);
			editor.phase = `example ${file}`;
			if (spec.trigger) return await checkTriggerExample(editor, file, workflow, spec, simulatorUrls);
			const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
			await editor.openWorkflow(workflow.id);
			const ok = await editor.executeFrom(trigger.name, spec.node);
			await editor.screenshot(`example ${file} executed`);
			expect(ok, `node "${spec.node}" finished with success`);
			await editor.openNode(spec.node);
			const numbers = await editor.outputColumn(spec.field);
			await editor.screenshot(`example ${file} output`);
			expect(numbers, `a "${spec.field}" column in the output table`);
			if (spec.minItems) expect(numbers.length >= spec.minItems, `at least ${spec.minItems} items in the output (${spec.field}: ${numbers.join(', ')})`);
			else expectEq(numbers.length, spec.items, `items in the output (${spec.field}: ${numbers.join(', ')})`);
			expectEq(new Set(numbers).size, numbers.length, `a different ${spec.field} per item (${numbers.join(', ')})`);
			const issued = await issuedNumbers(spec.simulator, simulatorUrls[spec.simulator]);
			for (const n of numbers) expect(issued.has(n), `${n} is a number the ${spec.simulator} simulator issued`);
			if (spec.pdfField) {
				const cards = await editor.outputBinaryTexts();
				await editor.screenshot(`example ${file} pdf`);
				for (const n of numbers) {
					expect(cards.some((t) => t.includes(spec.pdfField) && t.includes(`${n}.pdf`) && t.includes('application/pdf')), `a PDF "${n}.pdf" in binary field "${spec.pdfField}" (cards: ${JSON.stringify(cards)})`);
				}
			}
			await editor.closeNode();
			return numbers.join(', ');
		});
	}
}

/** A trigger example: its panel's instructions, or the trigger's test step showing numbers the simulator issued. */
async function checkTriggerExample(editor, file, workflow, spec, simulatorUrls) {
	await editor.openWorkflow(workflow.id);
	const ndv = await editor.openNode(spec.node);
	if (spec.trigger === 'panel') {
		const text = await ndv.innerText();
		await editor.screenshot(`example ${file} trigger panel`);
		for (const t of spec.texts) expect(text.includes(t), `the panel says "${t}"`);
		const stored = await editor.api('GET', `/rest/workflows/${workflow.id}`);
		const node = stored.nodes.find((n) => n.name === spec.node);
		expect(node && /^[0-9a-f-]{36}$/.test(node.webhookId || ''), `the trigger has a webhook ID of its own (${node && node.webhookId})`);
		await editor.closeNode();
		return `webhook ${node.webhookId.slice(0, 8)}…`;
	}
	await editor.executeInPanel();
	const numbers = await editor.outputColumn(spec.field);
	await editor.screenshot(`example ${file} trigger output`);
	expect(numbers && numbers.length >= spec.minItems, `at least ${spec.minItems} ${spec.field} in the trigger's output (${numbers})`);
	const issued = await issuedNumbers(spec.simulator, simulatorUrls[spec.simulator]);
	for (const n of numbers) expect(issued.has(n), `${n} is a number the ${spec.simulator} simulator issued`);
	await editor.closeNode();
	return numbers.join(', ');
}

/** A workflow holding one node per panel case, on a grid, each with the local credential of its type. */
function panelWorkflow(description, cases) {
	const columns = 4;
	return {
		name: `Browser test: ${description.displayName} panels`,
		nodes: cases.map((c, i) => ({
			id: `panel-${description.name}-${i}`,
			name: c.title,
			type: c.nodeType,
			typeVersion: c.typeVersion,
			position: [(i % columns) * 300, Math.floor(i / columns) * 220],
			parameters: { ...c.parameters },
			credentials: Object.fromEntries(c.credentialTypes.filter((t) => LOCAL_CREDENTIAL_REFS[t]).map((t) => [t, LOCAL_CREDENTIAL_REFS[t]])),
		})),
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** The display name of the option `value` of the selector `name` visible under `parameters`. */
function selectorLabel(description, name, value, parameters) {
	const { isVisible } = require('./panels');
	const prop = description.properties.find((p) => p.name === name && p.type === 'options' && isVisible(p, parameters));
	const option = prop && prop.options.find((o) => o.value === value);
	return option ? option.name : String(value);
}

async function freePortBlock(size) {
	for (let i = 0; i < 50; i++) {
		const first = await freePort();
		if (first + size > 65535) continue;
		let ok = true;
		for (let p = first + 1; p < first + size && ok; p++) ok = await isPortFree(p);
		if (ok) return first;
	}
	throw new Error(`no block of ${size} free ports on 127.0.0.1`);
}

async function expectPortsFree(base) {
	for (let p = base; p < base + 4; p++) expect(await isPortFree(p), `port ${p} is free again`);
}

function expectTest(result, ok, what) {
	expect(result.ok === ok, `${what}: n8n answered ${result.status} "${result.message}", expected ${ok ? 'OK' : 'an error'}`);
	expectEq(result.banner, ok ? 'success' : 'failure', `${what}: the banner the form shows`);
}

function expectOneLine(output, pattern) {
	const lines = output.trim().split('\n');
	expect(lines.length === 1 && pattern.test(lines[0]), `one line matching ${pattern}, got:\n${output}`);
}

function expect(cond, what) {
	if (!cond) throw new Error(`expected ${what}`);
}

function expectEq(actual, wanted, what) {
	if (JSON.stringify(actual) !== JSON.stringify(wanted)) throw new Error(`${what}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
}

module.exports = { runBrowserSuite };

if (require.main === module) {
	const t0 = Date.now();
	runBrowserSuite().then((outcomes) => {
		console.log('');
		for (const o of outcomes) {
			console.log(`${o.ok ? 'PASS' : 'FAIL'} ${o.name}${o.ms !== undefined ? ` (${secs(o.ms)})` : ''}`);
			if (!o.ok) console.log(String(o.message).replace(/^/gm, '    '));
		}
		const passed = outcomes.filter((o) => o.ok).length;
		console.log(`[browser] total time ${secs(Date.now() - t0)}`);
		console.log(`browser: ${passed} passed, ${outcomes.length - passed} failed`);
		process.exitCode = outcomes.length && passed === outcomes.length ? 0 : 1;
	});
}
