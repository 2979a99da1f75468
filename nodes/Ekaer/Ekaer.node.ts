import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { InputError } from '../shared/errors';
import { toNodeError } from '../shared/n8n/nodeErrors';
import { createEkaerContext, type EkaerContext } from './actions/context';
import { testEkaerCredential } from './actions/credentialTest';
import { operationProperties, operations, resourceProperties } from './actions/resources';

/** NAV EKÁER trade cards: thin shell; each operation lives in actions/tradeCard/<operation>.operation.ts. */
export class Ekaer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'EKÁER',
		name: 'ekaer',
		icon: { light: 'file:../../icons/ekaer.svg', dark: 'file:../../icons/ekaer.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, finalize and query NAV EKÁER road trade declarations (trade cards)',
		defaults: { name: 'EKÁER' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'ekaerApi', required: true, testedBy: 'testEkaerCredential' }],
		properties: [...resourceProperties, ...operationProperties],
	};

	methods = { credentialTest: { testEkaerCredential } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const implementation = operations[resource]?.[operation];
		if (!implementation) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
		}
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		let ekaer: EkaerContext;
		try {
			ekaer = await createEkaerContext(this, options.timeoutSeconds ? Number(options.timeoutSeconds) * 1000 : undefined);
		} catch (error) {
			if (!(error instanceof InputError)) throw error;
			throw new NodeOperationError(this.getNode(), `EKÁER credential, field "${error.field}": ${error.message}`, {
				description: 'Nothing was sent. Fix the EKÁER credential and run again.',
			});
		}
		try {
			return [await implementation.execute.call(this, ekaer)];
		} catch (error) {
			// The item runner already turned item failures into n8n errors naming their item (and scrubbed them);
			// wrapping them again would report every failure as item 0.
			if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
			throw toNodeError(this.getNode(), error, 0, ekaer.secrets);
		}
	}
}
