/** The Számla Agent Trigger's panel: where to paste the URL, whether to verify, and the few options. */
import type { INodeProperties, TriggerPanelDefinition } from 'n8n-workflow';

/** Where the account owner sets the notification URL (szamla-agent.md §8). */
export const IPN_SETTING_PATH = 'Fiók beállítások › Számlázás alapadatok';

export const triggerPanel: TriggerPanelDefinition = {
	header: `Paste the Production URL into Számlázz.hu: ${IPN_SETTING_PATH}`,
	executionsHelp: {
		inactive:
			`Copy the <b>Production URL</b> above and paste it into Számlázz.hu under <b>${IPN_SETTING_PATH}</b> (the payment notification / IPN URL), then publish this workflow. ` +
			'Számlázz.hu posts to that URL whenever the paid amount of an invoice changes. An unpublished workflow receives nothing; the Test URL only listens while you wait here.',
		active:
			`This workflow is published: every payment notification Számlázz.hu posts to the Production URL (set under ${IPN_SETTING_PATH}) is checked with the Számla Agent and starts an execution.`,
	},
	activationHint: `Publish the workflow and paste its Production URL into Számlázz.hu › ${IPN_SETTING_PATH}.`,
};

export const properties: INodeProperties[] = [
	{
		displayName:
			`Copy this node's <b>Production URL</b> (Webhook URLs, above) and paste it into Számlázz.hu › <b>${IPN_SETTING_PATH}</b>, in the payment notification (IPN) URL field. ` +
			'Then publish the workflow. Számlázz.hu allows one such URL per account, and n8n must be reachable from the internet at that address.',
		name: 'ipnUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options: [
			{
				name: 'Invoice Payment Changed',
				value: 'invoicePaymentChanged',
				description: 'The paid amount of an invoice changed: a payment was recorded, changed or removed',
			},
		],
		default: 'invoicePaymentChanged',
	},
	{
		displayName: 'Verify With Számla Agent',
		name: 'verifyWithAgent',
		type: 'boolean',
		default: true,
		description:
			'Whether to confirm every notification by reading the invoice with the Számla Agent credential before the workflow starts. The notification is not signed: anyone who learns the URL can post one. Verified items carry only what Számlázz.hu reports; posts it contradicts are dropped.',
	},
	{
		displayName:
			'Without verification the workflow gets whatever was posted to the URL (items carry <code>verified: false</code>). Do not release goods or money on such items.',
		name: 'unverifiedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { verifyWithAgent: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Verification Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 2, maxValue: 60 },
				default: 20,
				description:
					'How long to wait for the Számla Agent when verifying. If it does not answer in time, the notification is refused (HTTP 503) so Számlázz.hu sends it again in 3 minutes.',
			},
		],
	},
];
