/** Taxpayer › Get: NAV's data on a Hungarian taxpayer (name, VAT status, addresses) by the 8-digit tax number. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { requiredText } from '../../../shared/n8n/values';
import { buildQueryTaxpayerXml } from '../../protocol/requests';
import type { QueryTaxpayerRequest } from '../../protocol/types/request';
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
		operation: 'queryTaxpayer',
		build: buildQueryTaxpayerXml,
		read(i): QueryTaxpayerRequest {
			const raw = requiredText(ctx.getNodeParameter('taxNumber', i, ''), 'Tax Number');
			const digits = raw.replace(/[\s-]/g, '');
			if (!/^\d{8}(\d{3})?$/.test(digits)) {
				throw new InputError('Tax Number', `must be 8 digits (or 11, as 12345678-1-42), got "${raw}"`);
			}
			const request = { auth: szamla.auth, taxNumber: digits.slice(0, 8) };
			return request;
		},
		async output(result, request) {
			return [{ json: { queriedTaxNumber: request.taxNumber, ...(result as unknown as IDataObject) } }];
		},
	});
}
