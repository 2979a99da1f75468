import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { testSzamlaAgentCredential } from '../SzamlaAgent/actions/credentialTest';
import { IPN_SETTING_PATH, properties, triggerPanel } from './description';
import { receiveNotification } from './webhook';

/**
 * Számla Agent Trigger: Számlázz.hu's payment notification (IPN) as a webhook. The URL is pasted by hand into the
 * account settings, so there is nothing to register through an API; activation only checks that the URL carries the
 * node's random webhook ID (the post is unsigned: the URL must not be guessable).
 */
export class SzamlaAgentTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Számla Agent Trigger',
		name: 'szamlaAgentTrigger',
		icon: { light: 'file:../../icons/szamlazz.svg', dark: 'file:../../icons/szamlazz.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Invoice Payment Changed',
		description: 'Starts the workflow when Számlázz.hu reports that an invoice was paid (payment notification, IPN)',
		defaults: { name: 'Számla Agent Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'szamlaAgentApi', required: true, testedBy: 'testSzamlaAgentCredential', displayOptions: { show: { verifyWithAgent: [true] } } }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'szamlazz-ipn' }],
		triggerPanel,
		properties,
	};

	methods = { credentialTest: { testSzamlaAgentCredential } };

	webhookMethods = {
		default: {
			/** Nothing is registered at Számlázz.hu (the user pastes the URL), so there is never anything to find. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const node = this.getNode();
				if (!node.webhookId) {
					throw new NodeOperationError(node, 'This trigger has no webhook ID, so its URL would be easy to guess', {
						description:
							'Számlázz.hu signs nothing, so the URL is the only secret. Delete this node and add it again (n8n gives a new trigger node a random webhook ID), then paste the new Production URL into Számlázz.hu.',
					});
				}
				if (this.getMode() !== 'manual') {
					this.logger.info(`Számla Agent Trigger "${node.name}" is listening. Its Production URL must be set in Számlázz.hu › ${IPN_SETTING_PATH}.`);
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveNotification(this);
	}
}
