import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { toNodeError } from '../shared/n8n/nodeErrors';
import { createSzamlaContext } from './actions/context';
import { testSzamlaAgentCredential } from './actions/credentialTest';
import { readExecutionOptions } from './actions/common/execution';
import { operationProperties, operations, resourceProperties } from './actions/resources';

/** Számla Agent (Számlázz.hu): thin shell; each operation lives in actions/<resource>/<operation>.operation.ts. */
export class SzamlaAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Számla Agent',
		name: 'szamlaAgent',
		icon: { light: 'file:../../icons/szamlazz.svg', dark: 'file:../../icons/szamlazz.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Issue and manage Számlázz.hu invoices and receipts, and look up Hungarian taxpayers',
		defaults: { name: 'Számla Agent' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'szamlaAgentApi', required: true, testedBy: 'testSzamlaAgentCredential' }],
		properties: [...resourceProperties, ...operationProperties],
	};

	methods = { credentialTest: { testSzamlaAgentCredential } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const implementation = operations[resource]?.[operation];
		if (!implementation) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
		}
		const szamla = await createSzamlaContext(this, readExecutionOptions(this));
		try {
			return [await implementation.execute.call(this, szamla)];
		} catch (error) {
			// The per-item runner's errors are final (item index, description, API details, secrets scrubbed): rewrapping
			// them would lose the item index and turn API errors into operation errors.
			if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
			// Anything else from outside the runner still gets scrubbed and an item index.
			throw toNodeError(this.getNode(), error, 0, szamla.secrets);
		}
	}
}
