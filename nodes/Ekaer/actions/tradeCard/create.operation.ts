/** Trade Card › Create: declare a shipment and get its EKÁER number (TCN). */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { EkaerContext } from '../context';
import { cardProperties } from './cardProperties';
import { readCard } from './readCard';
import { runManage } from './manage';
import { sendOptionsProperty } from './options';

const show = { resource: ['tradeCard'], operation: ['create'] };

export const description: INodeProperties[] = [...cardProperties(show), sendOptionsProperty(show, { batch: true })];

export async function execute(this: IExecuteFunctions, ekaer: EkaerContext): Promise<INodeExecutionData[]> {
	return await runManage(this, ekaer, (i) => {
		const card = readCard(this, i);
		delete card.tcn; // a create never carries a TCN (TC_CREATE_ELEMENT_FOUND)
		// Change reasons explain a modification; a new card has none.
		for (const item of [...(card.items ?? []), ...(card.deliveryPlans ?? []).flatMap((plan) => plan.items)]) delete item.reasons;
		return { operation: 'create', card };
	});
}
