/** Taxpayer › Get: NAV's data on a Hungarian taxpayer (name, VAT status, addresses) by the 8-digit tax number. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { runItems } from '../../../shared/n8n/itemRunner';
import { requiredText } from '../../../shared/n8n/values';
import { buildQueryTaxpayerXml } from '../../protocol/requests';
import type { QueryTaxpayerRequest } from '../../protocol/types/request';
import type { SzamlaContext } from '../context';
import { executionOptionsProperty, readExecutionOptions } from '../common/execution';

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
	return await runItems<QueryTaxpayerRequest>(
		ctx,
		{
			prepare(i) {
				const raw = requiredText(ctx.getNodeParameter('taxNumber', i, ''), 'Tax Number');
				const digits = raw.replace(/[\s-]/g, '');
				if (!/^\d{8}(\d{3})?$/.test(digits)) {
					throw new InputError('Tax Number', `must be 8 digits (or 11, as 12345678-1-42), got "${raw}"`);
				}
				const request = { auth: szamla.auth, taxNumber: digits.slice(0, 8) };
				buildQueryTaxpayerXml(request);
				return request;
			},
			async send(request) {
				const result = await szamla.client.send('queryTaxpayer', buildQueryTaxpayerXml(request));
				return [{ json: { queriedTaxNumber: request.taxNumber, ...(result as unknown as IDataObject) } }];
			},
		},
		{ concurrency: readExecutionOptions(ctx).parallelRequests, secrets: szamla.secrets },
	);
}
