'use strict';
// The example workflows (examples/*.json) as `npm start` imports them: every credential reference points at the
// credential of that type which npm start creates (the files refer to the e2e suite's credentials).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** @returns {Array<{file: string, workflow: object}>} sorted by file name */
function readExamples(repo) {
	const dir = path.join(repo, 'examples');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

/**
 * A copy of `workflow` whose nodes' credentials are `refsByType[type]` ({id, name}).
 * @throws when a node uses a credential type npm start does not create (the example could not run)
 */
function withCredentials(workflow, refsByType, file = workflow.name) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes || []) {
		for (const type of Object.keys(node.credentials || {})) {
			const ref = refsByType[type];
			if (!ref) throw new Error(`examples/${file}: node "${node.name}" uses a "${type}" credential, which npm start does not create`);
			node.credentials[type] = { id: ref.id, name: ref.name };
		}
	}
	return copy;
}

/**
 * A copy of `workflow` in which every webhook trigger of this package has a webhook ID of its own. The files carry none
 * (a fixed ID in a public file would make everyone's URL the same, and the trigger refuses to start without one); the
 * editor gives nodes an ID when they are added, a CLI import does not.
 */
function withWebhookIds(workflow) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes || []) {
		if (node.type === 'n8n-nodes-szamlazz-ekaer.szamlaAgentTrigger' && !node.webhookId) node.webhookId = crypto.randomUUID();
	}
	return copy;
}

module.exports = { readExamples, withCredentials, withWebhookIds };
