/** Trade Card › Finalize: the arrival report that closes the card. The card must already have a vehicle plate. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionalText } from '../../../shared/n8n/values';
import type { EkaerContext } from '../context';
import { optionalDateTime } from './dateTimes';
import { runManage } from './manage';
import { sendOptionsProperty } from './options';

const show = { resource: ['tradeCard'], operation: ['finalize'] };

export const description: INodeProperties[] = [
	{ displayName: 'EKÁER Number', name: 'tcn', type: 'string', default: '', required: true, displayOptions: { show } },
	{
		displayName: 'Arrival',
		name: 'arrivalDate',
		type: 'dateTime',
		default: '',
		description: 'When the goods arrived; leave empty for now. Cannot be in the future.',
		displayOptions: { show },
	},
	{
		displayName: 'Date Only',
		name: 'arrivalDateOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to report only the arrival day, without time',
		displayOptions: { show },
	},
	sendOptionsProperty(show, { batch: true }),
];

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	return await runManage(this, ekaer, (i) => {
		const tcn = optionalText(this.getNodeParameter('tcn', i, ''))?.toUpperCase() ?? '';
		const arrival = optionalDateTime(this.getNodeParameter('arrivalDate', i, ''), 'Arrival', this.getTimezone()) ?? new Date();
		// A date-only arrival is the Budapest calendar day of the given instant.
		const dateOnly = this.getNodeParameter('arrivalDateOnly', i, false) as boolean;
		const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' }).format(arrival);
		return { operation: 'finalize', tcn, arrival: dateOnly ? day : arrival };
	});
}
