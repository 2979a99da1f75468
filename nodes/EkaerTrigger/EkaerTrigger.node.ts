import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';
import { testEkaerCredential } from '../Ekaer/actions/credentialTest';
import { properties } from './description';
import { pollCards } from './poll';

/** EKÁER Trigger: polls NAV for trade cards that were declared, changed status, or are about to run out. */
export class EkaerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'EKÁER Trigger',
		name: 'ekaerTrigger',
		icon: { light: 'file:../../icons/ekaer.svg', dark: 'file:../../icons/ekaer.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when an EKÁER trade card is declared, changes status, or its validity is about to end',
		defaults: { name: 'EKÁER Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ekaerApi', required: true, testedBy: 'testEkaerCredential' }],
		properties,
	};

	methods = { credentialTest: { testEkaerCredential } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCards(this);
	}
}
