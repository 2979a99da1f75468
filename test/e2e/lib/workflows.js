'use strict';
// Finds the workflows to run (examples/*.json, test/e2e/workflows/*.json) and checks the conventions up front, so a
// bad file is one clear failure instead of a confusing `import:workflow` error that takes every workflow down.
const fs = require('node:fs');
const path = require('node:path');

const SOURCES = ['examples', path.join('test', 'e2e', 'workflows')];

/** This package's trigger nodes: a workflow started by one of them is published and driven by triggers/, not executed. */
const TRIGGER_TYPES = new Set(['n8n-nodes-szamlazz-ekaer.szamlaAgentTrigger', 'n8n-nodes-szamlazz-ekaer.ekaerTrigger']);

function isTriggerWorkflow(wf) {
	const nodes = wf.nodes || [];
	return nodes.some((n) => TRIGGER_TYPES.has(n.type)) && !nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger');
}

/**
 * @returns {{workflows: Array<{file: string, path: string, id: string, name: string, importName: string}>,
 *            problems: Array<{name: string, message: string}>,
 *            triggerWorkflows: Array<{file: string, path: string, id: string, name: string, workflow: object}>}}
 *   triggerWorkflows: started by this package's trigger nodes (no Manual Trigger); the trigger suite runs them.
 */
function collectWorkflows(repo, { only = '', scenarios = {}, extraDirs = [] } = {}) {
	const workflows = [];
	const triggerWorkflows = [];
	const problems = [];
	const seenFiles = new Map();
	const seenIds = new Map();
	for (const source of [...SOURCES, ...extraDirs]) {
		const dir = path.resolve(repo, source);
		if (!fs.existsSync(dir)) continue;
		for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
			if (only && !file.includes(only)) continue;
			const rel = path.join(path.relative(repo, dir) || '.', file);
			const fail = (message) => problems.push({ name: rel, message });
			if (seenFiles.has(file)) {
				fail(`same file name as ${seenFiles.get(file)}; scenarios.js is keyed by file name, rename one`);
				continue;
			}
			seenFiles.set(file, rel);
			let wf;
			try {
				wf = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			} catch (e) {
				fail(`not valid JSON: ${e.message}`);
				continue;
			}
			if (typeof wf.id !== 'string' || !wf.id) {
				fail('has no fixed top-level "id" (needed for `n8n execute --id`)');
				continue;
			}
			// n8n 1.123's execute treats ids longer than 16 characters as invalid (isWorkflowIdValid) and runs without one.
			if (wf.id.length > 16) {
				fail(`workflow id "${wf.id}" is longer than 16 characters (n8n 1.x limit for \`execute --id\`)`);
				continue;
			}
			if (seenIds.has(wf.id)) {
				fail(`workflow id "${wf.id}" is also used by ${seenIds.get(wf.id)}`);
				continue;
			}
			seenIds.set(wf.id, rel);
			if (isTriggerWorkflow(wf)) {
				triggerWorkflows.push({ file, path: path.join(dir, file), id: wf.id, name: wf.name, workflow: wf });
				continue;
			}
			const hasTrigger = (wf.nodes || []).some((n) => n.type === 'n8n-nodes-base.manualTrigger');
			if (!hasTrigger) {
				fail('has no Manual Trigger node (`n8n execute` starts from it)');
				continue;
			}
			if (!scenarios[file]) {
				fail(`no scenario registered for "${file}" in test/e2e/scenarios.js`);
				continue;
			}
			workflows.push({
				file,
				path: path.join(dir, file),
				id: wf.id,
				name: wf.name,
				// import:workflow --separate reads every file of one folder; prefix keeps sources apart.
				importName: `${workflows.length}__${file}`,
			});
		}
	}
	return { workflows, problems, triggerWorkflows };
}

module.exports = { collectWorkflows, isTriggerWorkflow, SOURCES, TRIGGER_TYPES };
