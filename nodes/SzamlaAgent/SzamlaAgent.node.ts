import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { routeOperation } from '../shared/n8n/router';
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
		return await routeOperation(this, operations, async () => await createSzamlaContext(this, readExecutionOptions(this)));
	}
}
