/** operation=delete: tcn only; only P and S cards; a reason is required for S → status D. */
import { budapestDateTime } from '../time';
import { failure, success, unknownTcn, type OperationContext, type OperationInput, type OperationOutcome } from './types';

export function deleteTradeCard(op: OperationInput, ctx: OperationContext): OperationOutcome {
	if (op.tradeCard || !op.tcn) return failure('INVALID_INPUT', 'tradeCard must be empty!');
	const record = ctx.store.find(op.tcn, ctx.user.vatNumber, ctx.nowMs);
	if (!record) return unknownTcn(op.tcn);
	if (record.status !== 'P' && record.status !== 'S')
		return failure('TC_DELETE_ONLY_ACTIVE', `trade card in status ${record.status} cannot be deleted`, record);
	const reason = op.statusChangeModReasonText?.trim();
	// The XSD says the reason is mandatory for S cards; which reasonCode NAV uses for its absence is not documented.
	if (record.status === 'S' && !reason)
		return failure('TC_MOD_REASON_MISSING', 'statusChangeModReasonText is mandatory when deleting a started (S) trade card', record);
	record.status = 'D';
	if (reason) record.card.fields.statusChangeModReasonText = op.statusChangeModReasonText!;
	record.modDate = budapestDateTime(ctx.nowMs);
	record.modUser = ctx.user.user;
	return success(record);
}
