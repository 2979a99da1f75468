import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { InputError } from '../shared/errors';
import { routeOperation } from '../shared/n8n/router';
import { createEkaerContext } from './actions/context';
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
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const timeoutMs = options.timeoutSeconds ? Number(options.timeoutSeconds) * 1000 : undefined;
		return await routeOperation(this, operations, async () => {
			try {
				return await createEkaerContext(this, timeoutMs);
			} catch (error) {
				throw credentialError(this, error);
			}
		});
	}
}

/** A credential the client cannot use is plain bad input: say so, naming the credential's field. */
function credentialError(ctx: IExecuteFunctions, error: unknown): unknown {
	if (!(error instanceof InputError)) return error;
	return new NodeOperationError(ctx.getNode(), `EKÁER credential, field "${error.field}": ${error.message}`, {
		description: 'Nothing was sent. Fix the EKÁER credential and run again.',
	});
}
