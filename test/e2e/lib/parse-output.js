'use strict';
// Turns what `n8n execute --id <id> --rawOutput` printed into one shape for both n8n lines.
//
// What n8n prints (packages/cli/src/commands/execute.ts, same logic in 1.123.x and 2.40.x):
//  - success: exit 0; stdout is `JSON.stringify(run, null, 2)` of the IRun ({data: {resultData: {runData,
//    lastNodeExecuted}}, status: 'success', mode: 'cli', …}), possibly after log lines.
//  - failure: the run JSON is written through the LOGGER at level `info` (so only visible with N8N_LOG_LEVEL=info or
//    lower — run-e2e.js sets that), preceded by "Execution was NOT successful", then the error is thrown, and the
//    command's catch() logs "Error executing workflow…", the message, description and stack at level `error`. Exit
//    code is non-zero.
//  - the workflow id does not exist: "The workflow with the id … does not exist." and exit 1, no JSON.
//  - n8n 2.x on Node 24 often dies with SIGSEGV right AFTER printing a complete successful run (isolated-vm: the
//    expression engine refills its isolate pool while the process shuts down; seen in about half of the runs of a
//    workflow with an expression, with or without --no-node-snapshot). The run itself is complete and stored, so a
//    crash by signal after a complete successful run JSON counts as success, flagged `crashedAtExit` and printed as a
//    warning by the runner. A crash before the run JSON is complete is a failure.
// With N8N_LOG_LEVEL=debug the run JSON is coloured and its closing line carries log metadata; both are stripped.
// Pretty-printed top-level JSON opens with a line "{" and closes with a line "}" (nested lines are indented), which is
// how the JSON is found among log lines.

/**
 * @param {{code: number|null, signal?: string|null, stdout: string, stderr: string, timedOut?: boolean}} proc
 * @returns {{ok: boolean, exitCode: number|null, signal: string|undefined, crashedAtExit: string|undefined, status: string|undefined, error: string|undefined,
 *   errorDescription: string|undefined, errorNode: string|undefined, lastNode: string|undefined,
 *   nodes: Record<string, object[]>, runData: object|undefined, run: object|undefined, stdout: string, stderr: string}}
 *   nodes: node name → the `json` of every item on the first output of the node's last run.
 *   binaries: node name → the `binary` of those items (null where an item has none).
 */
function parseExecuteOutput(proc) {
	const stdout = stripAnsi(proc.stdout);
	const stderr = stripAnsi(proc.stderr);
	const combined = `${stdout}\n${stderr}`;
	const run = findRunJson(stdout) || findRunJson(stderr);
	const resultData = run && run.data && run.data.resultData;
	const runError = resultData && resultData.error;
	const runData = resultData && resultData.runData;

	let error;
	let errorDescription;
	let errorNode;
	if (runError) {
		error = runError.message;
		errorDescription = runError.description || undefined;
		errorNode = runError.node && runError.node.name;
	}
	// Errors of nodes that ran with "continue on fail" or whose run carries an error object.
	if (!error && runData) {
		for (const [name, runs] of Object.entries(runData)) {
			const last = runs[runs.length - 1];
			if (last && last.error) {
				error = last.error.message;
				errorDescription = last.error.description || undefined;
				errorNode = name;
			}
		}
	}
	const status = run && run.status;
	const runSucceeded = !!run && !runError && run.finished === true && status === 'success';
	const crashedAtExit = !proc.timedOut && proc.code === null && !!proc.signal && runSucceeded ? proc.signal : undefined;
	const exitedOk = proc.code === 0 || !!crashedAtExit;

	if (proc.timedOut) error = `n8n execute timed out${error ? `: ${error}` : ''}`;
	if (!error && !exitedOk) {
		error = lastErrorLine(combined) || `n8n execute exited with code ${proc.code}${proc.signal ? ` (signal ${proc.signal})` : ''}`;
	}
	const ok = exitedOk && !proc.timedOut && !runError && !!run && status !== 'error' && status !== 'crashed';

	return {
		ok,
		exitCode: proc.code,
		signal: proc.signal || undefined,
		crashedAtExit,
		status,
		error,
		errorDescription,
		errorNode,
		lastNode: resultData && resultData.lastNodeExecuted,
		nodes: nodeOutputs(runData),
		binaries: nodeBinaries(runData),
		runData,
		run,
		stdout,
		stderr,
	};
}

function stripAnsi(text) {
	// eslint-disable-next-line no-control-regex
	return String(text || '').replace(/\u001b\[[0-9;]*m/g, '');
}

/** The last pretty-printed top-level JSON object in text that looks like an IRun. */
function findRunJson(text) {
	const lines = String(text || '').split('\n');
	let found;
	for (let start = 0; start < lines.length; start++) {
		if (lines[start].trimEnd() !== '{' && !lines[start].trimEnd().endsWith(' {') && !lines[start].trimEnd().endsWith('\t{')) continue;
		for (let end = start + 1; end < lines.length; end++) {
			// "}" alone, or (debug log format) "} { "file": … }"
			if (!/^\}(\s+\{.*\})?\s*$/.test(lines[end])) continue;
			const first = lines[start].slice(lines[start].lastIndexOf('{'));
			try {
				const obj = JSON.parse([first, ...lines.slice(start + 1, end), '}'].join('\n'));
				if (obj && typeof obj === 'object' && obj.data && obj.data.resultData) {
					found = obj;
					start = end;
				}
			} catch {
				/* not a JSON object from here; keep scanning */
			}
			break;
		}
	}
	return found;
}

function nodeOutputs(runData) {
	const out = {};
	if (!runData) return out;
	for (const [name, runs] of Object.entries(runData)) {
		const last = runs[runs.length - 1];
		const main = last && last.data && last.data.main;
		if (!main) continue;
		out[name] = (main[0] || []).map((item) => item.json);
	}
	return out;
}

/** node name → per item of the first output, its `binary` object (property → {mimeType, fileName, fileSize, …}) or null. */
function nodeBinaries(runData) {
	const out = {};
	if (!runData) return out;
	for (const [name, runs] of Object.entries(runData)) {
		const main = runs[runs.length - 1] && runs[runs.length - 1].data && runs[runs.length - 1].data.main;
		if (!main) continue;
		out[name] = (main[0] || []).map((item) => item.binary || null);
	}
	return out;
}

function lastErrorLine(text) {
	const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
	const idx = lines.findIndex((l) => l.includes('Execution error:'));
	if (idx >= 0) return lines.slice(idx + 1).find((l) => !/^=+$/.test(l));
	return lines.reverse().find((l) => /error/i.test(l));
}

module.exports = { parseExecuteOutput, findRunJson, nodeOutputs, nodeBinaries };
