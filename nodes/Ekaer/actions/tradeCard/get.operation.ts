/** Trade Card › Get: one card by its EKÁER number, with status, validity, items and their server IDs. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { runItems } from '../../../shared/n8n/itemRunner';
import { optionalText } from '../../../shared/n8n/values';
import { checkQuery } from '../../protocol/checked';
import type { EkaerContext } from '../context';
import { nameErrorItems, type CardIdentity } from './manage';
import { readSendOptions, sendOptionsProperty } from './options';

const show = { resource: ['tradeCard'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ displayName: 'EKÁER Number', name: 'tcn', type: 'string', default: '', required: true, displayOptions: { show } },
	sendOptionsProperty(show, { batch: false }),
];

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	const identities = new Map<number, CardIdentity>();
	const out = await runItems<{ tcn: string }>(
		ctx,
		{
			prepare(i) {
				const tcn = optionalText(ctx.getNodeParameter('tcn', i, ''))?.toUpperCase();
				// An error item names the card it asked for, like those of the managing operations.
				identities.set(i, { tcn });
				return checkQuery({ tcn: tcn ?? '' });
			},
			async send(query) {
				const [card] = await ekaer.client.query(query);
				if (!card) throw new InputError('EKÁER Number', `no trade card ${query.tcn} was found for this taxpayer`);
				return [{ json: card as unknown as IDataObject }];
			},
		},
		{ concurrency: readSendOptions(ctx).parallelRequests, secrets: ekaer.secrets },
	);
	nameErrorItems(out, identities);
	return out;
}
