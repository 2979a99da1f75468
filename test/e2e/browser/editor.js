'use strict';
// The n8n editor (2.40.7) as a user drives it, through n8n's own data-test-id attributes.
const fs = require('node:fs');
const path = require('node:path');

const ACTION_TIMEOUT_MS = 30_000;

class Editor {
	/**
	 * @param {import('playwright-core').BrowserContext} context
	 * @param {{baseUrl: string, shotsDir: string, packageName: string}} opts
	 */
	constructor(context, { baseUrl, shotsDir }) {
		this.context = context;
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.shotsDir = shotsDir;
		this.phase = 'start'; // what the suite is doing, so a console error can be attributed to a panel
		this.consoleErrors = []; // {phase, text}
		this.failedResponses = []; // {phase, status, url}
		this.outsideRequests = []; // URLs not on 127.0.0.1
		this.screenshots = [];
		context.setDefaultTimeout(ACTION_TIMEOUT_MS);
	}

	async open() {
		this.page = this.context.pages()[0] || (await this.context.newPage());
		const origin = new URL(this.baseUrl).origin;
		this.page.on('console', (m) => {
			if (m.type() === 'error') this.consoleErrors.push({ phase: this.phase, text: m.text(), url: (m.location() || {}).url });
		});
		this.page.on('pageerror', (e) => this.consoleErrors.push({ phase: this.phase, text: `uncaught: ${e.stack || e.message}` }));
		this.context.on('request', (r) => {
			const url = r.url();
			if (!url.startsWith(origin) && !/^(data|blob|about|chrome|devtools):/.test(url)) this.outsideRequests.push(url);
		});
		this.context.on('response', (r) => {
			if (r.status() >= 400) this.failedResponses.push({ phase: this.phase, status: r.status(), url: r.url() });
		});
		return this;
	}

	testId(id, root = this.page) {
		return root.locator(`[data-test-id="${id}"]`);
	}

	async login(email, password) {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.testId('emailOrLdapLoginId').locator('input').fill(email);
		await this.testId('password').locator('input').fill(password);
		await this.testId('form-submit-button').click();
		await this.page.waitForURL((u) => !u.pathname.startsWith('/signin'));
	}

	/**
	 * Names on the workflow list (the overview the login lands on), read until every expected name is there or
	 * `timeoutMs` passed. The list renders in steps (skeleton, first page, re-render after the project/tag fetches),
	 * so a single read right after the first card appears can see no names at all (a CI run did).
	 */
	async workflowNames(expected = [], timeoutMs = 30000) {
		await this.page.goto(`${this.baseUrl}/home/workflows`);
		const names = this.testId('workflow-card-name');
		await names.first().waitFor();
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const listed = (await names.allTextContents()).map((t) => t.trim()).filter(Boolean);
			if (expected.every((name) => listed.includes(name)) || Date.now() > deadline) return listed;
			await this.page.waitForTimeout(500);
		}
	}

	/** n8n's REST API with the session of the logged-in page (the browser-id header binds the cookie to it). */
	async api(method, urlPath, body) {
		return this.page.evaluate(
			async ({ method, urlPath, body }) => {
				const res = await fetch(urlPath, {
					method,
					headers: { 'content-type': 'application/json', 'browser-id': localStorage.getItem('n8n-browserId') || '' },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
				const text = await res.text();
				if (!res.ok) throw new Error(`${method} ${urlPath} → HTTP ${res.status}: ${text.slice(0, 300)}`);
				return JSON.parse(text).data;
			},
			{ method, urlPath, body },
		);
	}

	async openWorkflow(id) {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.testId('canvas-node').first().waitFor();
	}

	canvasNode(name) {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name.replace(/"/g, '\\"')}"]`);
	}

	/** Double-clicks a node on the canvas; resolves with the open node panel (NDV). */
	async openNode(name) {
		await this.canvasNode(name).dblclick();
		const ndv = this.testId('ndv');
		await this.testId('node-parameters', ndv).waitFor();
		return ndv;
	}

	async closeNode() {
		await this.testId('ndv-close-button').click();
		await this.testId('ndv').waitFor({ state: 'hidden' });
	}

	/** The label text of a top-level parameter shown in `root` (NDV or credential modal), or null when not shown. */
	async parameterLabel(root, name) {
		const input = this.testId(`parameter-input-${name}`, root);
		if (!(await input.count()) || !(await input.first().isVisible())) return null;
		// The node panel labels by `for`; the credential form wraps label and input in a container named after the field.
		const label = root.locator(`label[for="${name}"], [data-test-id="${name}"] label`).first();
		return (await label.count()) ? (await label.innerText()).trim() : '';
	}

	async screenshot(name) {
		const file = path.join(this.shotsDir, `${String(this.screenshots.length + 1).padStart(2, '0')}-${slug(name)}.png`);
		await this.page.screenshot({ path: file });
		this.screenshots.push(file);
		return file;
	}

	/** Clicks a trigger's own "Execute workflow" button on the canvas and waits for `nodeName` to finish. */
	async executeFrom(triggerName, nodeName, timeoutMs = 90_000) {
		await this.canvasNode(triggerName).hover();
		await this.testId(`execute-workflow-button-${triggerName}`).click();
		// Finished: the success mark, or the issues mark n8n shows for a node that failed.
		const done = this.canvasNode(nodeName).locator('[data-test-id="canvas-node-status-success"], [data-test-id="node-issues"]');
		await done.first().waitFor({ timeout: timeoutMs });
		return (await this.canvasNode(nodeName).locator('[data-test-id="canvas-node-status-success"]').count()) > 0;
	}

	/** In the open NDV: the node's own execute button (a trigger's test step), then waits for its output. */
	async executeInPanel(timeoutMs = 90_000) {
		const ndv = this.testId('ndv');
		await this.testId('node-execute-button', ndv).first().click();
		await this.testId('ndv-data-container', this.testId('output-panel')).locator('table, [data-test-id="run-data-schema"], pre').first().waitFor({ timeout: timeoutMs }).catch(() => {});
	}

	/** The open NDV's output in its Table view: one cell text per item of the top-level column `field` (null: no such column). */
	async outputColumn(field) {
		const output = this.testId('output-panel');
		await this.testId('radio-button-table', output).click();
		const table = this.testId('ndv-data-container', output).locator('table').first();
		await table.waitFor();
		return table.evaluate((t, name) => {
			const heads = [...t.querySelectorAll('thead th')].map((th) => th.innerText.trim().split('\n')[0]);
			const col = heads.indexOf(name);
			if (col < 0) return null;
			return [...t.querySelectorAll('tbody > tr')].map((tr) => (tr.children[col] ? tr.children[col].innerText.trim() : ''));
		}, field);
	}

	/** The open NDV's output in its Binary view: text of each binary card ("File Name: … Mime Type: …"). */
	async outputBinaryTexts() {
		const output = this.testId('output-panel');
		await this.testId('radio-button-binary', output).click();
		const cards = output.locator('[data-test-id^="ndv-binary-data_"]');
		await cards.first().waitFor();
		return cards.allInnerTexts();
	}

	/** Opens a saved credential's form; resolves with the modal. */
	async openCredential(id) {
		await this.page.goto(`${this.baseUrl}/home/credentials/${id}`);
		const modal = this.testId('editCredential-modal');
		await modal.waitFor();
		return modal;
	}

	/**
	 * Runs `action` (opening the form, Save, Retry), waits for the credential test it triggers and for the banner to
	 * show its outcome (modal: the credential modal, or a function returning it once `action` opened it)
	 * → {ok, status, message, banner: 'success' | 'failure' | 'none'} (status/message: n8n's test answer; banner: what the user sees).
	 */
	async credentialTest(modalOrGetter, action, timeoutMs = 30_000) {
		const answer = this.page.waitForResponse((r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST', { timeout: timeoutMs });
		await action();
		const res = await answer;
		const modal = typeof modalOrGetter === 'function' ? modalOrGetter() : modalOrGetter;
		const { data } = await res.json();
		// Success has a test id; the failure banner only its text (n8n 2.40: "Couldn’t connect with these settings").
		const success = modal.locator('[data-test-id="credentials-config-container-test-success"]');
		const failure = modal.getByText(/Couldn.t connect with these settings/);
		await (data.status === 'OK' ? success : failure).waitFor({ timeout: 10_000 }).catch(() => {});
		let banner = 'none';
		if (await success.isVisible()) banner = 'success';
		else if (await failure.isVisible()) banner = 'failure';
		return { ok: data.status === 'OK', status: data.status, message: data.message, banner };
	}
}

function slug(text) {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.toLowerCase();
}

/** Makes (and empties) the screenshot folder. */
function prepareShotsDir(dir) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

module.exports = { Editor, prepareShotsDir, slug };
