'use strict';
// The example workflows (examples/*.json) as `npm start` imports them: every credential reference points at the
// credential of that type which npm start creates (the files refer to the e2e suite's credentials).
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

module.exports = { readExamples, withCredentials };
