/**
 * The shape every one-request-per-item Számla Agent operation shares: read item i into a typed request, build it
 * (client.prepare: the protocol's checks run here, before anything is sent), send it, and turn the typed result into
 * output.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runItems } from '../../../shared/n8n/itemRunner';
import type { PreparedCall, SzamlaOperation } from '../../protocol/operation';
import type { SzamlaContext } from '../context';
import { readExecutionOptions } from './execution';

export interface RequestOperation<Request, Result> {
	operation: SzamlaOperation<Request, Result>;
	/** Item i's parameters as a typed request (reading and coercing only); throws InputError naming the field. */
	read(itemIndex: number): Request | Promise<Request>;
	output(result: Result, request: Request, itemIndex: number): INodeExecutionData[] | Promise<INodeExecutionData[]>;
	/** false where parallel requests are not safe (e.g. receipt e-mails, which the service spaces 15 s apart). */
	parallel?: boolean;
	/** A failed request's last word: output instead (e.g. the receipt a reused call ID made), or throw. */
	recover?(error: unknown, request: Request, itemIndex: number): Promise<INodeExecutionData[]>;
}

export async function runRequests<Request, Result>(
	ctx: IExecuteFunctions,
	szamla: SzamlaContext,
	operation: RequestOperation<Request, Result>,
): Promise<INodeExecutionData[]> {
	return await runItems<{ request: Request; call: PreparedCall<Result> }>(
		ctx,
		{
			async prepare(i) {
				const request = await operation.read(i);
				return { request, call: szamla.client.prepare(operation.operation, request) };
			},
			async send({ request, call }, i) {
				let result: Result;
				try {
					result = await szamla.client.sendPrepared(call);
				} catch (error) {
					if (operation.recover) return await operation.recover(error, request, i);
					// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the item runner turns it into a NodeApiError/NodeOperationError with the item index (nodes/shared/n8n/nodeErrors.ts)
					throw error;
				}
				return await operation.output(result, request, i);
			},
			warm: ({ call }) => void call.body, // serialise, encode and frame while an earlier answer is awaited
		},
		{
			concurrency: operation.parallel === false ? 1 : readExecutionOptions(ctx).parallelRequests,
			secrets: szamla.secrets,
		},
	);
}
