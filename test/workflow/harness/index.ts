/**
 * Engine-level test harness: run workflows through n8n-core's real WorkflowExecute with our node classes.
 * See README.md in this folder.
 */
import './env'; // must run before n8n-core's DI is first used

export { registerNodeTypes } from './registry';
export { runWorkflow } from './run-workflow';
export { inlineBinary } from './inline-binary';
export type { HarnessNode, RunOptions, RunResult } from './types';
