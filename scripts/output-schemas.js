#!/usr/bin/env node
/**
 * `npm run schemas`: writes the output schemas n8n's editor shows before a node has run
 * (`nodes/<Node>/__schema__/v1.0.0/<resource>/<operation>.json`) from what the nodes really output. It runs the
 * engine-level tests (test/workflow) with OUTPUT_SCHEMA_SAMPLES set, so every success item of every Számla Agent and
 * EKÁER operation those tests produce is recorded, and writes the union of their shapes. The same tests then check
 * every output against these files (test/workflow/harness/output-schemas.ts), so a field added without running this
 * fails a test.
 */
'use strict';
const { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

// The shape rules are the ones the tests check outputs with (one definition for writing and checking).
require('ts-node/register/transpile-only');
const { inferSchema, mergeSchemas, schemaPath } = require('../test/workflow/harness/output-schemas');

const root = join(__dirname, '..');
const samples = mkdtempSync(join(tmpdir(), 'output-schema-samples-'));

try {
	const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), 'test/workflow'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, OUTPUT_SCHEMA_SAMPLES: samples },
	});
	if (jest.status !== 0) throw new Error('the engine tests failed; fix them first (npx jest test/workflow)');

	const byOperation = new Map();
	for (const file of readdirSync(samples).sort()) {
		for (const line of readFileSync(join(samples, file), 'utf8').split('\n')) {
			if (!line) continue;
			const { folder, resource, operation, json } = JSON.parse(line);
			const key = `${folder}/${resource}/${operation}`;
			if (!byOperation.has(key)) byOperation.set(key, []);
			byOperation.get(key).push(JSON.stringify(json));
		}
	}
	for (const [key, outputs] of [...byOperation].sort()) {
		const [folder, resource, operation] = key.split('/');
		// One per distinct shape, shapes sorted: the first-seen order of fields (what the editor lists) then depends
		// neither on which test ran first nor on values that change from run to run (TCNs, times).
		const shapes = [...new Set(outputs.map((json) => JSON.stringify(inferSchema(JSON.parse(json)))))].sort();
		const schema = shapes.reduce((s, shape) => mergeSchemas(s, JSON.parse(shape), key), undefined);
		const file = schemaPath(folder, resource, operation);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
		console.log(`${relative(root, file)}: ${Object.keys(schema.properties ?? {}).length} fields from ${outputs.length} outputs`);
	}
} finally {
	rmSync(samples, { recursive: true, force: true });
}
