/**
 * Create, modify, finalize, delete and correct all go through manageTradeCards: items are validated first, then sent
 * alone or several per signed request; each outcome is matched back to its input item by position.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { InputError, ServiceError } from '../../../shared/errors';
import { runBatches, type BatchResult } from '../../../shared/n8n/itemRunner';
import { validateOperation } from '../../protocol/validate';
import type { OperationOutcome, TradeCardOperation } from '../../protocol/types';
import type { EkaerContext } from '../context';
import { readSendOptions } from './options';

export function outcomeJson(outcome: OperationOutcome): IDataObject {
	const card = outcome.tradeCard;
	return {
		tcn: card?.tcn,
		status: card?.status,
		operation: outcome.operation,
		result: outcome.funcCode,
		reasonCode: outcome.reasonCode,
		message: outcome.message,
		validityStart: card?.validityStart,
		validityEnd: card?.validityEnd,
		totalWeightKg: card?.totalWeightKg,
		totalValueHuf: card?.totalValueHuf,
		validations: outcome.validations as unknown as IDataObject[],
		warnings: outcome.warnings,
		tradeCard: card as unknown as IDataObject,
	};
}

function outcomeError(outcome: OperationOutcome): ServiceError {
	// No result for an operation in an answer that otherwise arrived: a create may still have happened.
	const unknown = outcome.reasonCode === 'NO_RESULT' && outcome.operation === 'create';
	return new ServiceError({
		service: 'EKÁER',
		code: outcome.reasonCode,
		vendorMessage: outcome.message ?? '',
		explanation: outcome.explanation ?? outcome.reasonCode,
		retryable: false,
		outcomeUnknown: unknown,
	});
}

const ONLY_PLAN = 'Delivery Plans[1] › ';

/**
 * The node fills in one delivery plan per card, so users never see "Delivery Plans[1]": its items and locations are
 * the node's Items, Load Location and Unload Location. Errors are renamed accordingly.
 */
function inNodeTerms(error: unknown, operation: TradeCardOperation): unknown {
	const card = 'card' in operation ? operation.card : undefined;
	const onePlan = card?.deliveryPlans?.length === 1 && !card.items?.length;
	if (!(error instanceof InputError) || !onePlan || !error.field.startsWith(ONLY_PLAN)) return error;
	return new InputError(error.field.slice(ONLY_PLAN.length), error.message.split(ONLY_PLAN).join(''));
}

export async function runManage(
	ctx: IExecuteFunctions,
	ekaer: EkaerContext,
	readOperation: (itemIndex: number) => TradeCardOperation | Promise<TradeCardOperation>,
): Promise<INodeExecutionData[]> {
	const options = readSendOptions(ctx);
	return await runBatches<TradeCardOperation>(
		ctx,
		{
			async prepare(i) {
				const operation = await readOperation(i);
				try {
					validateOperation(operation);
				} catch (error) {
					throw inNodeTerms(error, operation);
				}
				return operation;
			},
			async sendBatch(batch): Promise<BatchResult[]> {
				const outcomes = await ekaer.client.manage(batch.map((b) => b.prepared));
				return outcomes.map((outcome) => (outcome.ok ? { outputs: [{ json: outcomeJson(outcome) }] } : { error: outcomeError(outcome) }));
			},
		},
		{ batchSize: options.batchSize, concurrency: options.parallelRequests, secrets: ekaer.secrets },
	);
}
