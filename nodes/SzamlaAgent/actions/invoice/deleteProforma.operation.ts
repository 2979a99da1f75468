/** Invoice › Delete Proforma: by number (one proforma) or by order number (every proforma of that order). */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { deleteProforma, type DeleteProformaRequest } from '../../protocol/operations/deleteProforma';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty } from '../common/execution';
import { runRequests } from '../common/runRequests';
import { lookupProperties, readLookup } from '../common/lookup';

const show = { resource: ['invoice'], operation: ['deleteProforma'] };

export const description: INodeProperties[] = [
	...lookupProperties(show, ['number', 'orderNumber'], 'Proforma Number'),
	executionOptionsProperty(show, { parallel: true }),
];

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runRequests(ctx, szamla, {
		operation: deleteProforma,
		read(i): DeleteProformaRequest {
			const { kind, value } = readLookup(ctx, i);
			return { selector: kind === 'orderNumber' ? { orderNumber: value } : { proformaNumber: value } };
		},
		output(_result, request) {
			return [{ json: { deleted: true, ...request.selector } }];
		},
	});
}
