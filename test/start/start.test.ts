/**
 * `npm start` (scripts/start) without n8n: its command line, its one-line failures (the real script, for the ones
 * that stop it before anything is installed), the example workflows it imports, and the browser suite's panel list
 * derived from the package. The whole start with n8n and a browser runs in `npm run test:e2e` (test/e2e/browser/).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const { parseArgs } = require('../../scripts/start/options');
const { installFailure, StartError } = require('../../scripts/start/failures');
const { readExamples, withCredentials, withWebhookIds } = require('../../scripts/start/examples');
const { LOCAL_CREDENTIAL_REFS } = require('../e2e/credentials');
const { packagePanels, panelCases, isVisible } = require('../e2e/browser/panels');

const REPO = path.resolve(__dirname, '..', '..');
const START = path.join(REPO, 'scripts', 'start');

describe('npm start: command line', () => {
	it('defaults to port 5678 and the data folder under XDG_DATA_HOME', () => {
		const o = parseArgs([], { XDG_DATA_HOME: '/xdg' });
		expect(o).toEqual({ help: false, reset: false, dataDir: '/xdg/n8n-szamlazz-ekaer', ports: { editor: 5678, broker: 5679, szamla: 5680, ekaer: 5681 } });
	});

	it('takes --reset, --port N, --port=N and --data DIR', () => {
		expect(parseArgs(['--reset', '--port', '5700', '--data', '/d'], {})).toMatchObject({ reset: true, dataDir: '/d', ports: { editor: 5700, ekaer: 5703 } });
		expect(parseArgs(['--port=6000'], {}).ports.editor).toBe(6000);
	});

	it.each([
		[['--port', 'abc'], '--port must be a number from 1024 to 65532, got "abc"'],
		[['--port', '80'], '--port must be a number from 1024 to 65532, got "80"'],
		[['--port'], '--port needs a value'],
		[['--force'], 'unknown option "--force"'],
	])('refuses %j', (argv, message) => {
		expect(() => parseArgs(argv, {})).toThrow(message);
	});
});

describe('npm start: failures are one line with the fix', () => {
	const run = (args: string[]) => spawnSync(process.execPath, [START, ...args], { encoding: 'utf8', timeout: 20_000 });
	let dataDir: string;
	beforeEach(() => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-szamlazz-start-test-'));
	});
	afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

	it('a port in use: names the port and its role, suggests other ports, installs nothing', async () => {
		const blocker = net.createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
		const port = (blocker.address() as net.AddressInfo).port;
		try {
			// The blocked port is the editor's: the check runs before anything else.
			const r = run(['--data', dataDir, '--port', String(port)]);
			expect(r.status).toBe(1);
			expect(r.stdout).toBe('');
			expect(r.stderr.trim().split('\n')).toEqual([
				`npm start: port ${port} on 127.0.0.1 (the n8n editor) is in use, probably by another n8n or npm start. Fix: stop that program, or use other ports: npm start -- --port ${port + 10} (uses ${port + 10}–${port + 13})`,
			]);
			expect(fs.readdirSync(dataDir)).toEqual([]);
		} finally {
			blocker.close();
		}
	});

	it('a second start on a data folder in use is refused', () => {
		fs.writeFileSync(path.join(dataDir, 'start.pid'), String(process.pid)); // this (live) process "runs" it
		const r = run(['--data', dataDir, '--port', '1024']);
		expect(r.status).toBe(1);
		expect(r.stderr.trim()).toBe(`npm start: npm start is already running for ${dataDir} (process ${process.pid}). Fix: use that one, or stop it with Ctrl-C in its terminal first`);
	});

	it('a bad option prints the usage', () => {
		const r = run(['--prot', '5700']);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/^npm start: unknown option "--prot"\. Fix: see the usage:\nusage: npm start/);
	});

	// install-n8n.sh's own lines, as it prints them when a step fails (followed by the npm log tail).
	it.each([
		[
			'[install-n8n] installing node@24 into /c/node24\n[install-n8n] FAILED: npm install node@24 --ignore-scripts=false --no-audit --no-fund (full log: /c/logs/node24.log)\nnpm error code E404',
			'could not get Node.js 24 from the npm registry (n8n 2.40.7 needs it; log: /c/logs/node24.log). Fix: check that the npm registry answers (npm ping) and your proxy settings, then run npm start again (a half-finished install starts over cleanly)',
		],
		[
			"[install-n8n] n8n 2.40.7: installing into /c/n8n-2.40.7 (log: /c/logs/n8n-2.40.7.log)\n[install-n8n] FAILED: npm install n8n@2.40.7 --ignore-scripts=true --no-audit --no-fund --loglevel=warn (full log: /c/logs/n8n-2.40.7.log)\nnpm error sqlite3 rebuild mentioned in a log tail",
			'the one-time install of n8n 2.40.7 failed (log: /c/logs/n8n-2.40.7.log). Fix: check that the npm registry answers (npm ping) and that 3 GB of disk are free, then run npm start again (a half-finished install starts over cleanly)',
		],
		[
			'[install-n8n] n8n 2.40.7: npm install took 180s\n[install-n8n] FAILED: npm rebuild sqlite3 isolated-vm --ignore-scripts=false (full log: /c/logs/n8n-2.40.7.log)',
			"n8n 2.40.7's native modules (sqlite3, isolated-vm) did not build under Node 24 (log: /c/logs/n8n-2.40.7.log). Fix: install a C++ toolchain (apt-get install build-essential python3), then run npm start again (a half-finished install starts over cleanly)",
		],
	])('install failure %#: names the step and its log', (stderr, message) => {
		const e = installFailure(stderr, '2.40.7');
		expect(e).toBeInstanceOf(StartError);
		expect(e.message).toBe(message);
		expect(e.message).not.toContain('\n');
	});
});

describe('npm start: example workflows', () => {
	const examples = readExamples(REPO);

	it('every credential reference of every example points at a credential npm start creates', () => {
		expect(examples.length).toBeGreaterThan(0);
		const refs = Object.values(LOCAL_CREDENTIAL_REFS);
		for (const { file, workflow } of examples) {
			const resolved = withCredentials(workflow, LOCAL_CREDENTIAL_REFS, file);
			const used = resolved.nodes.flatMap((n: { credentials?: object }) => Object.values(n.credentials || {}));
			for (const ref of used) expect(refs).toContainEqual(ref);
			expect(workflow.nodes.some((n: { credentials?: object }) => n.credentials)).toBe(true);
			expect(JSON.stringify(workflow)).toContain('(simulator)'); // the file itself is untouched
		}
	});

	it('example files carry no webhook ID (it would be public); the imported copy gets a random one per trigger', () => {
		const ipn = examples.find((e: { file: string }) => e.file === 'invoice-paid-mark-order-paid.json');
		expect(ipn).toBeDefined();
		const trigger = (wf: { nodes: Array<{ type: string; webhookId?: string }> }) => wf.nodes.find((n) => n.type.endsWith('.szamlaAgentTrigger'))!;
		expect(trigger(ipn.workflow).webhookId).toBeUndefined();
		const [a, b] = [withWebhookIds(ipn.workflow), withWebhookIds(ipn.workflow)];
		expect(trigger(a).webhookId).toMatch(/^[0-9a-f-]{36}$/);
		expect(trigger(a).webhookId).not.toBe(trigger(b).webhookId);
		expect(trigger(ipn.workflow).webhookId).toBeUndefined();
		for (const { workflow } of examples) {
			for (const node of workflow.nodes.filter((n: { type: string }) => n.type.startsWith('n8n-nodes-szamlazz-ekaer.'))) expect(node.webhookId).toBeUndefined();
		}
	});

	it('a credential type npm start does not create fails naming the example and the node', () => {
		const wf = { name: 'x', nodes: [{ name: 'Mail', credentials: { smtp: { id: '1', name: 'SMTP' } } }] };
		expect(() => withCredentials(wf, LOCAL_CREDENTIAL_REFS, 'mail.json')).toThrow('examples/mail.json: node "Mail" uses a "smtp" credential, which npm start does not create');
	});
});

describe('browser suite: panels derived from the package', () => {
	const panels = packagePanels(REPO);

	it('one panel per resource × operation of every node in package.json', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
		expect(panels.nodes).toHaveLength(pkg.n8n.nodes.length);
		const titles = panels.nodes.flatMap((n: { cases: Array<{ title: string }> }) => n.cases.map((c) => c.title));
		expect(titles).toEqual(
			expect.arrayContaining(['Számla Agent › Invoice › Create', 'Számla Agent › Taxpayer › Get', 'EKÁER › Trade Card › Get Many', 'Számla Agent Trigger › Invoice Payment Changed', 'EKÁER Trigger']),
		);
		for (const { description, cases } of panels.nodes) {
			const ops = description.properties.filter((p: { name: string }) => p.name === 'operation');
			const total = ops.reduce((sum: number, p: { options: unknown[] }) => sum + p.options.length, 0);
			// Triggers have no operations: one panel per event option, or their one panel.
			const events = description.properties.find((p: { name: string; type: string }) => p.name === 'event' && p.type === 'options');
			expect(cases).toHaveLength(total || (events ? events.options.length : 1));
		}
	});

	it('required fields follow the defaults: Invoice › Create shows the buyer, not the group-by field', () => {
		const create = panels.nodes[0].cases.find((c: { title: string }) => c.title === 'Számla Agent › Invoice › Create');
		const names = create.required.map((r: { name: string }) => r.name);
		expect(names).toEqual(expect.arrayContaining(['buyerName', 'buyerPostalCode', 'buyerCity', 'buyerAddress']));
		expect(names).not.toContain('groupBy'); // only with Line Items Source "One Row per Line"
	});

	it('both credential forms, with the secret the "wrong key" test breaks', () => {
		expect(panels.credentials.map((c: { type: string; secretField: string }) => [c.type, c.secretField])).toEqual([
			['szamlaAgentApi', 'agentKey'],
			['ekaerApi', 'password'],
		]);
	});

	it('a node without resources gets one panel per event, or its one panel', () => {
		const base = { name: 'demoTrigger', displayName: 'Demo Trigger', version: [1, 2], group: ['trigger'] };
		const withEvents = {
			...base,
			properties: [
				{ name: 'event', type: 'options', default: 'a', options: [{ name: 'A', value: 'a' }, { name: 'B', value: 'b' }] },
				{ name: 'key', displayName: 'Key', type: 'string', default: '', required: true, displayOptions: { show: { event: ['b'] } } },
			],
		};
		const cases = panelCases(withEvents, 'pkg');
		expect(cases.map((c: { title: string; required: unknown[] }) => [c.title, c.required])).toEqual([
			['Demo Trigger › A', []],
			['Demo Trigger › B', [{ name: 'key', displayName: 'Key' }]],
		]);
		expect(cases[0]).toMatchObject({ nodeType: 'pkg.demoTrigger', typeVersion: 2, isTrigger: true });
		expect(panelCases({ ...base, properties: [] }, 'pkg').map((c: { title: string }) => c.title)).toEqual(['Demo Trigger']);
	});

	it('a field shown for one value of a multi-select shows when that value is among the chosen ones', () => {
		const p = { name: 'hours', displayOptions: { show: { events: ['validityEndingSoon'] } } };
		expect(isVisible(p, { events: ['cardCreated', 'validityEndingSoon'] })).toBe(true);
		expect(isVisible(p, { events: ['cardCreated'] })).toBe(false);
	});

	it('displayOptions it does not understand stop the suite instead of skipping a field', () => {
		const p = { name: 'x', displayOptions: { show: { mode: [{ _cnd: { eq: 'a' } }] } } };
		expect(() => isVisible(p, { mode: 'a' })).toThrow('property "x": displayOptions.mode is not a plain list of values');
	});
});
