'use strict';
// Small assertion helpers for scenarios.js. Each throws an Error whose message says what was expected, and includes
// a short view of what n8n printed, so the e2e summary is readable without opening logs.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

function describe(result) {
	const view = {
		ok: result.ok,
		exitCode: result.exitCode,
		error: result.error,
		lastNode: result.lastNode,
		nodes: Object.fromEntries(Object.entries(result.nodes || {}).map(([k, v]) => [k, v.slice(0, 3)])),
	};
	return JSON.stringify(view, null, 1).slice(0, 1500);
}

/** The execution must have succeeded. */
function expectSuccess(result) {
	if (!result.ok) throw new Error(`expected the workflow to succeed, it failed: ${describe(result)}`);
}

/** The execution must have failed, with an error message containing every given fragment. */
function expectFailure(result, ...fragments) {
	if (result.ok) throw new Error(`expected the workflow to fail, it succeeded: ${describe(result)}`);
	const text = `${result.error || ''}\n${result.errorDescription || ''}\n${result.stdout || ''}`;
	for (const f of fragments) {
		if (!text.includes(f)) throw new Error(`expected the failure to mention "${f}": ${describe(result)}`);
	}
}

/**
 * Items (their `json`) that a node output on its first output in its last run.
 * Throws when the node did not run.
 */
function outputOf(result, nodeName) {
	const items = result.nodes && result.nodes[nodeName];
	if (!items) {
		throw new Error(`node "${nodeName}" has no output; nodes that ran: ${Object.keys(result.nodes || {}).join(', ') || '(none)'}; ${describe(result)}`);
	}
	return items;
}

/** The `binary` objects of a node's output items (null for items without binary data). */
function binariesOf(result, nodeName) {
	outputOf(result, nodeName);
	return (result.binaries && result.binaries[nodeName]) || [];
}

/**
 * The bytes of one binary entry of an output item. n8n 1.x (binary mode "default") prints them base64 in `data`;
 * n8n 2.x (mode "filesystem-v2") prints `data: "filesystem-v2"` and an `id` "filesystem-v2:<path>" under the user
 * folder's `.n8n/storage/` (mode "filesystem": `.n8n/binaryData/`). Needs `result.userFolder` (lib/n8n.js).
 */
function binaryBytes(result, binary) {
	if (!binary) throw new Error('no binary entry');
	const id = typeof binary.id === 'string' ? binary.id : '';
	const colon = id.indexOf(':');
	if (colon > 0) {
		const mode = id.slice(0, colon);
		const dir = { 'filesystem-v2': 'storage', filesystem: 'binaryData' }[mode];
		if (!dir) throw new Error(`binary data mode "${mode}" is not readable by the e2e helpers (id ${id})`);
		if (!result.userFolder) throw new Error('result.userFolder is missing (lib/n8n.js sets it)');
		return fs.readFileSync(path.join(result.userFolder, '.n8n', dir, id.slice(colon + 1)));
	}
	if (typeof binary.data === 'string' && binary.data) return Buffer.from(binary.data, 'base64');
	throw new Error(`binary entry has neither an id nor inline data: ${JSON.stringify(binary).slice(0, 300)}`);
}

/** Throws unless cond is truthy; message says what was expected. */
function check(cond, what, result) {
	if (!cond) throw new Error(`${what}${result ? `\n${describe(result)}` : ''}`);
}

/** deepEqual with the printed result in the message. */
function expectEqual(actual, expected, what, result) {
	try {
		assert.deepEqual(actual, expected);
	} catch (e) {
		throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}${result ? `\n${describe(result)}` : ''}`);
	}
}

/** Fails with a clear "stub" message — for scenarios whose node or simulator has not landed yet. */
function notImplemented(what) {
	const e = new Error(`scenario stub: ${what} — not written yet (see test/e2e/scenarios.js)`);
	e.stub = true;
	throw e;
}

module.exports = { expectSuccess, expectFailure, outputOf, binariesOf, binaryBytes, check, expectEqual, notImplemented, describe };
