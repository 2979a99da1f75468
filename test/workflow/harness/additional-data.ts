/**
 * The `additionalData` bag WorkflowExecute hands to every node: in n8n it is built by the server from its
 * config, database and task runners. Here it is a plain object with only what a regular node can reach.
 * A loose mock would be worse: the engine probes optional keys (e.g. `executionContext`), and a mock that
 * answers every key with a function makes it crash in odd places.
 */
import { ExternalSecretsProxy } from 'n8n-core';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import { UnexpectedError } from 'n8n-workflow';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

const unsupported = (what: string) => () => {
	throw new UnexpectedError(`${what} is not supported by the workflow test harness`);
};

export function buildAdditionalData(
	hooks: ExecutionLifecycleHooks,
	credentialsHelper: ICredentialsHelper,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	const data = {
		hooks,
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		variables: {},
		// No secrets provider: `$secrets` expressions resolve to nothing instead of crashing.
		externalSecretsProxy: new ExternalSecretsProxy(),
		// Without these URLs the first getNodeParameter throws "Invalid URL" (they feed $execution.resumeUrl etc.).
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		// The engine reads this to decide where parameters come from; undefined = the node's own parameters.
		currentNodeParameters: undefined,
		executeWorkflow: unsupported('Executing a sub-workflow'),
		getRunExecutionData: unsupported('Loading another execution'),
		startRunnerTask: unsupported('Running a task-runner task (Code node)'),
		logAiEvent: () => {},
	};
	return data as unknown as IWorkflowExecuteAdditionalData;
}
