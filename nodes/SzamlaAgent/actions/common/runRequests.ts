/**
 * The shape every one-request-per-item Számla Agent operation shares: read item i into a typed request, build its XML
 * once (the builder's own checks run here, before anything is sent), send it, and turn the typed result into output.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runItems } from '../../../shared/n8n/itemRunner';
import type { SzamlaOperation } from '../../protocol/operations';
import type { SzamlaResults } from '../../protocol/types/response';
import type { SzamlaContext } from '../context';
import { readExecutionOptions } from './execution';

export interface RequestOperation<Request, Op extends SzamlaOperation> {
	operation: Op;
	/** Item i's parameters as a typed request; throws InputError naming the field. */
	read(itemIndex: number): Request | Promise<Request>;
	/** The request XML (protocol/requests), which also checks what the schema cannot. */
	build(request: Request): string;
	output(result: SzamlaResults[Op], request: Request, itemIndex: number): INodeExecutionData[] | Promise<INodeExecutionData[]>;
	/** false where parallel requests are not safe (e.g. receipt e-mails, which the service spaces 15 s apart). */
	parallel?: boolean;
	/** A failed request's last word: output instead (e.g. the receipt a reused call ID made), or throw. */
	recover?(error: unknown, request: Request, itemIndex: number): Promise<INodeExecutionData[]>;
}

export async function runRequests<Request, Op extends SzamlaOperation>(
	ctx: IExecuteFunctions,
	szamla: SzamlaContext,
	operation: RequestOperation<Request, Op>,
): Promise<INodeExecutionData[]> {
	return await runItems<{ request: Request; xml: string }>(
		ctx,
		{
			async prepare(i) {
				const request = await operation.read(i);
				return { request, xml: operation.build(request) };
			},
			async send({ request, xml }, i) {
				let result: SzamlaResults[Op];
				try {
					result = await szamla.client.send(operation.operation, xml);
				} catch (error) {
					if (operation.recover) return await operation.recover(error, request, i);
					throw error;
				}
				return await operation.output(result, request, i);
			},
		},
		{
			concurrency: operation.parallel === false ? 1 : readExecutionOptions(ctx).parallelRequests,
			secrets: szamla.secrets,
		},
	);
}
