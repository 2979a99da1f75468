/** operation=modify: full card with tcn; only P and S cards; reasons for vehicle, weight and value changes. */
import { parseCard } from '../cardModel';
import { checkCardContent, navValidations } from '../cardRules';
import { budapestDateTime } from '../time';
import { mergeModifiedCard } from './itemMerge';
import { failure, success, unknownTcn, type OperationContext, type OperationInput, type OperationOutcome } from './types';

export function modifyTradeCard(op: OperationInput, ctx: OperationContext): OperationOutcome {
	if (!op.tradeCard) return failure('INVALID_INPUT', 'modify needs the full tradeCard (with tcn), not only a tcn');
	const requested = parseCard(op.tradeCard);
	const tcn = requested.fields.tcn;
	if (!tcn) return failure('INVALID_INPUT', 'tradeCard/tcn is mandatory for modify');
	const record = ctx.store.find(tcn, ctx.user.vatNumber, ctx.nowMs);
	if (!record) return unknownTcn(tcn);
	if (record.status !== 'P' && record.status !== 'S')
		return failure('TC_MODIFICATION_DISABLED', `trade card in status ${record.status} cannot be modified`, record);
	if ((requested.fields.tradeType ?? '') !== record.tradeType)
		return failure('TC_NOT_ALLOWED_DATA_MODIFICATION', 'tradeType cannot be modified', record);
	const oldPlate = record.card.vehicle?.plateNumber;
	if (oldPlate !== undefined && requested.vehicle?.plateNumber !== oldPlate && !requested.fields.plateNumberModReasonText?.trim())
		return failure('TC_MOD_REASON_MISSING', 'plateNumberModReasonText is required when the vehicle changes', record);

	const now = budapestDateTime(ctx.nowMs);
	const merged = mergeModifiedCard(record.card, requested, { store: ctx.store, user: ctx.user.user, now });
	if (!('fields' in merged)) return failure(merged.reasonCode, merged.msg, record);
	const error = checkCardContent(merged, { declarantVat: ctx.user.vatNumber, requestVersion: ctx.requestVersion });
	if (error) return failure(error.reasonCode, error.msg, record);

	record.card = merged;
	record.modDate = now;
	record.modUser = ctx.user.user;
	return success(record, navValidations(merged, record.totalValue));
}
