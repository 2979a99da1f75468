/** operation=create: validate a new card, give it a TCN, status S, 15-day validity and server ids. */
import { allItems, parseCard, type CardData } from '../cardModel';
import { checkCardContent, navValidations } from '../cardRules';
import { VALIDITY_DAYS } from '../constants';
import { TradeCardRecord } from '../store';
import { addDays, budapestDate, budapestDateTime } from '../time';
import { failure, success, type OperationContext, type OperationInput, type OperationOutcome } from './types';

export function createTradeCard(op: OperationInput, ctx: OperationContext): OperationOutcome {
	if (!op.tradeCard) return failure('INVALID_INPUT', 'create needs a tradeCard, not a tcn');
	const card: CardData = parseCard(op.tradeCard);
	if (card.fields.tcn !== undefined) return failure('TC_CREATE_ELEMENT_FOUND', 'tradeCard/tcn must be omitted on create');
	if ((card.deliveryPlans ?? []).some((p) => p.id !== undefined) || allItems(card).some(({ item }) => item.id !== undefined))
		return failure('TCI_ID_FOUND', 'tradeCardItem/@id and deliveryPlan/@id must be omitted on create');
	for (const [i, { item }] of allItems(card).entries()) {
		const operation = item.fields.itemOperation;
		if (operation === undefined) return failure('TCI_ITEM_OPERATION_MISSING', `tradeCardItem[${i + 1}]: itemOperation is mandatory`);
		if (operation !== 'create') return failure('INVALID_INPUT', `tradeCardItem[${i + 1}]: itemOperation must be create on a new trade card`);
	}
	const error = checkCardContent(card, { declarantVat: ctx.user.vatNumber, requestVersion: ctx.requestVersion });
	if (error) return failure(error.reasonCode, error.msg);

	const insDate = budapestDateTime(ctx.nowMs);
	for (const { item } of allItems(card)) {
		item.id = ctx.store.newId();
		delete item.fields.itemOperation;
		item.fields.insDate = insDate;
		item.fields.insUser = ctx.user.user;
	}
	for (const plan of card.deliveryPlans ?? []) plan.id = ctx.store.newId();
	// The XSD documents that the server stores unloadReporter S whatever was sent.
	if (card.fields.unloadReporter !== undefined) card.fields.unloadReporter = 'S';

	const today = budapestDate(ctx.nowMs);
	const tcn = ctx.store.newTcn(ctx.nowMs);
	const record = new TradeCardRecord(tcn, ctx.user.vatNumber, card, insDate, ctx.nowMs, ctx.user.user, today, addDays(today, VALIDITY_DAYS));
	ctx.store.cards.set(tcn, record);
	return success(record, navValidations(card, record.totalValue));
}
