/**
 * Trade Card › Get Many: cards inserted in a date range, with filters. Ranges longer than the service accepts are
 * split into windows by the client; one output item per card.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../shared/errors';
import { runItems } from '../../../shared/n8n/itemRunner';
import { optionalText } from '../../../shared/n8n/values';
import type { TradeCardQueryFilters, TradeCardStatus, TradeType } from '../../protocol/types';
import { validateQuery } from '../../protocol/validate';
import type { EkaerContext } from '../context';
import { textFilterOptions, tradeTypeFilterOption } from './cardFilters';
import { optionalDateTime } from './dateTimes';
import { readSendOptions, sendOptionsProperty } from './options';

const show = { resource: ['tradeCard'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	{ displayName: 'Inserted From', name: 'insertedFrom', type: 'dateTime', default: '', required: true, displayOptions: { show } },
	{
		displayName: 'Inserted To',
		name: 'insertedTo',
		type: 'dateTime',
		default: '',
		description: 'Leave empty for now. Long ranges are queried in 30-day windows.',
		displayOptions: { show },
	},
	{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions: { show } },
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			...textFilterOptions,
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Deleted', value: 'deleted' },
					{ name: 'Finalized', value: 'finalized' },
					{ name: 'Inactive', value: 'inactive' },
					{ name: 'Planned', value: 'planned' },
					{ name: 'Started', value: 'started' },
				],
				default: 'started',
			},
			tradeTypeFilterOption,
		],
	},
	sendOptionsProperty(show, { batch: false }),
];

interface PreparedQuery {
	from: Date;
	to: Date;
	filters: TradeCardQueryFilters;
	limit?: number;
}

function date(value: unknown, field: string, timeZone: string, fallback?: Date): Date {
	const result = optionalDateTime(value, field, timeZone) ?? fallback;
	if (!result) throw new InputError(field, 'is required');
	return result;
}

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	const ctx = this;
	return await runItems<PreparedQuery>(
		ctx,
		{
			prepare(i) {
				const f = ctx.getNodeParameter('filters', i, {}) as IDataObject;
				const timeZone = ctx.getTimezone();
				const from = date(ctx.getNodeParameter('insertedFrom', i, ''), 'Inserted From', timeZone);
				const to = date(ctx.getNodeParameter('insertedTo', i, ''), 'Inserted To', timeZone, new Date());
				const filters: TradeCardQueryFilters = {
					orderNumber: optionalText(f.orderNumber),
					tradeType: optionalText(f.tradeType) as TradeType | undefined,
					status: optionalText(f.status) as TradeCardStatus | undefined,
					plateNumber: optionalText(f.plateNumber),
					sellerVatNumber: optionalText(f.sellerVatNumber),
					destinationVatNumber: optionalText(f.destinationVatNumber),
				};
				validateQuery({ insertedFrom: from, insertedTo: to, ...filters });
				const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
				return { from, to, filters, limit: returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number) };
			},
			async send(q) {
				const cards = await ekaer.client.queryAll({ from: q.from, to: q.to }, q.filters, { limit: q.limit });
				return cards.map((card) => ({ json: card as unknown as IDataObject }));
			},
		},
		{ concurrency: readSendOptions(ctx).parallelRequests, secrets: ekaer.secrets },
	);
}
