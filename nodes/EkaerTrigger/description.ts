/** The EKÁER Trigger's panel: which events, which cards (Get Many's filters), how far back. */
import type { INodeProperties } from 'n8n-workflow';
import { textFilterOptions, tradeTypeFilterOption } from '../Ekaer/actions/tradeCard/cardFilters';

export const properties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{
				name: 'Card Created',
				value: 'cardCreated',
				description: 'A new trade card was declared: by a workflow, another program or on NAV’s web interface',
			},
			{
				name: 'Card Status Changed',
				value: 'cardStatusChanged',
				description: 'A card was finalized, deleted or became inactive (items carry previousStatus)',
			},
			{
				name: 'Validity Ending Soon',
				value: 'validityEndingSoon',
				description: 'A planned or started card’s validity ends within the hours set below',
			},
		],
		default: ['cardCreated', 'cardStatusChanged', 'validityEndingSoon'],
		required: true,
	},
	{
		displayName: 'Hours Before Validity Ends',
		name: 'hours',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 360 },
		default: 24,
		description: 'Validity Ending Soon fires once per card when its validity ends within this many hours',
		displayOptions: { show: { events: ['validityEndingSoon'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...textFilterOptions,
			tradeTypeFilterOption,
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Existing Cards',
				name: 'includeExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first check after publishing also reports the cards already declared (as Card Created, and Validity Ending Soon where it applies). Off: it only takes note of them and reports what changes afterwards.',
			},
			{
				displayName: 'Watch Window (Days)',
				name: 'watchDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 60 },
				default: 20,
				description:
					'Cards declared this many days back are watched. NAV validity is 15 days, so 20 covers every card that can still change; NAV is asked in 30-day windows, as Get Many does.',
			},
			{ displayName: 'Timeout (Seconds)', name: 'timeoutSeconds', type: 'number', typeOptions: { minValue: 5, maxValue: 600 }, default: 60 },
		],
	},
];
