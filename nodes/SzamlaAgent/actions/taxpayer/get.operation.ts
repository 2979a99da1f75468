/** Taxpayer › Get: NAV's data on a Hungarian taxpayer (name, VAT status, addresses) by the 8-digit tax number. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { requiredText } from '../../../shared/n8n/values';
import { queryTaxpayer, taxpayerCore, type QueryTaxpayerRequest } from '../../protocol/operations/queryTaxpayer';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty } from '../common/execution';
import { runRequests } from '../common/runRequests';

const show = { resource: ['taxpayer'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Tax Number',
		name: 'taxNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '12345678 or 12345678-1-42',
		description: 'Hungarian tax number; its first 8 digits are looked up',
		displayOptions: { show },
	},
	executionOptionsProperty(show, { parallel: true }),
];

export async function execute(this: IExecuteFunctions, szamla: SzamlaContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runRequests(ctx, szamla, {
		operation: queryTaxpayer,
		read(i): QueryTaxpayerRequest {
			return { taxNumber: requiredText(ctx.getNodeParameter('taxNumber', i, ''), 'Tax Number') };
		},
		async output(result, request) {
			return [{ json: { queriedTaxNumber: taxpayerCore(request.taxNumber), ...(result as unknown as IDataObject) } }];
		},
	});
}
