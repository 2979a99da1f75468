/**
 * Runs a workflow through n8n-core's real WorkflowExecute, in-process: real parameter resolution and
 * expressions, pairedItem bookkeeping, onError/continueOnFail, binary data helpers and static data.
 * What is *not* real is only what lives in n8n's server: database, encryption, task runners, sub-workflows.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { UnexpectedError, Workflow, createRunExecutionData } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IRun, IWorkflowBase } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { useBinaryDataMode } from './binary-data';
import { chainConnections, toINodes } from './build-workflow';
import { HarnessCredentialsHelper } from './credentials-helper';
import { checkOutputSchemas } from './output-schemas';
import { harnessNodeTypes } from './registry';
import { unrefEngineTimers } from './quiet-timers';
import { plainStaticData } from './static-data';
import type { RunOptions, RunResult } from './types';

let executionCounter = 0;

export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const { nodes: harnessNodes, mode = 'trigger', workflowId = 'harness-workflow' } = options;
	if (harnessNodes.length === 0) throw new UnexpectedError('runWorkflow needs at least one node');
	unrefEngineTimers();
	const binaryData = await useBinaryDataMode(options.binaryDataMode ?? 'filesystem');

	const credentialData = options.credentials ?? {};
	const nodes = toINodes(harnessNodes, credentialData);
	const connections = options.connections ?? chainConnections(harnessNodes);
	const settings = { executionOrder: 'v1' as const }; // what n8n gives every new workflow
	const workflow = new Workflow({
		id: workflowId,
		name: `Harness ${workflowId}`,
		nodes,
		connections,
		active: mode !== 'manual',
		nodeTypes: harnessNodeTypes,
		// A copy: the engine mutates static data in place, and the caller's object is their "database row".
		staticData: structuredClone(options.staticData ?? {}),
		settings,
	});

	const executionId = `harness-${++executionCounter}`;
	const workflowData = { id: workflowId, name: workflow.name, nodes, connections, settings, active: false } as
		Partial<IWorkflowBase> as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => void executionOrder.push(nodeName));
	// n8n's server persists exactly this argument (when set and the mode is not 'manual').
	let newStaticData: IDataObject | undefined;
	hooks.addHandler('workflowExecuteAfter', (_run, changed) => void (newStaticData = changed));

	const additionalData = buildAdditionalData(hooks, new HarnessCredentialsHelper(credentialData), executionId);
	// Feeding the first node directly is how n8n resumes executions, so no trigger node type is needed.
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflow.getNode(harnessNodes[0].name)!, data: { main: [toItems(options.input)] }, source: null },
			],
		},
	});
	const run: IRun = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(
		workflow,
	);

	const { runData, error } = run.data.resultData;
	checkOutputSchemas(nodes, runData);
	const output = (nodeName: string, outputIndex = 0): INodeExecutionData[] => {
		const runs = runData[nodeName];
		if (!runs?.length) {
			const why = error ? ` (workflow error: ${error.message})` : '';
			throw new UnexpectedError(`Node "${nodeName}" did not run${why}; ran: ${Object.keys(runData).join(', ')}`);
		}
		const last = runs[runs.length - 1];
		if (last.error && !last.data) {
			// The engine stores a plain copy of the error; rethrow as a real Error so jest shows a stack.
			throw new UnexpectedError(`Node "${nodeName}" failed: ${last.error.message}`);
		}
		return last.data?.main?.[outputIndex] ?? [];
	};
	return {
		output,
		binary: async (nodeName, itemIndex, property = 'data') => {
			const binary = output(nodeName)[itemIndex]?.binary?.[property];
			if (!binary) throw new UnexpectedError(`No binary "${property}" on item ${itemIndex} of "${nodeName}"`);
			return await binaryData.getAsBuffer(binary);
		},
		error,
		staticData: plainStaticData(newStaticData ?? workflow.staticData),
		staticDataChanged: newStaticData !== undefined,
		runData,
		executionOrder,
		run,
	};
}

/** Plain objects become `{ json }` items; items that already look like n8n items pass through. */
function toItems(input: RunOptions['input']): INodeExecutionData[] {
	if (input === undefined) return [{ json: {} }]; // what a Manual Trigger emits
	return input.map((entry) =>
		isExecutionData(entry) ? structuredClone(entry) : { json: structuredClone(entry) as IDataObject },
	);
}

function isExecutionData(entry: unknown): entry is INodeExecutionData {
	const json = (entry as { json?: unknown }).json;
	return typeof json === 'object' && json !== null && !Array.isArray(json);
}
