/**
 * The execute() of both nodes: find the operation chosen by resource/operation, build the per-execution context
 * (credentials, client) once, run the operation, and make sure whatever escapes is an item-named, scrubbed n8n error.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { toNodeError } from './nodeErrors';

/** One operation: its UI properties and its execute, which gets the node's per-execution context. */
export interface OperationModule<Context> {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, context: Context): Promise<INodeExecutionData[]>;
}

export type OperationTable<Context> = Record<string, Record<string, OperationModule<Context>>>;

export async function routeOperation<Context extends { secrets: string[] }>(
	ctx: IExecuteFunctions,
	operations: OperationTable<Context>,
	createContext: () => Promise<Context>,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const implementation = operations[resource]?.[operation];
	if (!implementation) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
	}
	const context = await createContext();
	try {
		return [await implementation.execute.call(ctx, context)];
	} catch (error) {
		// The item runner's errors are final (item index, description, API details, secrets scrubbed): wrapping them
		// again would report every failure as item 0 and turn API errors into operation errors.
		throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : toNodeError(ctx.getNode(), error, 0, context.secrets);
	}
}
