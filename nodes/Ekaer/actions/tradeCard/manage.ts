/**
 * Create, modify, finalize, delete and correct all go through manageTradeCards: items are read and checked first, then
 * sent alone or several per signed request; each outcome is matched back to its input item by position. Every output
 * and every error item names its card (TCN, order number, status where the answer gives it), so a sheet row can be
 * matched back.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { InputError, ServiceError } from '../../../shared/errors';
import { runBatches, type BatchResult } from '../../../shared/n8n/itemRunner';
import { optionalText } from '../../../shared/n8n/values';
import { checkOperation } from '../../protocol/checked';
import type { OperationOutcome, TradeCardOperation } from '../../protocol/types';
import type { EkaerContext } from '../context';
import { readSendOptions } from './options';

/** What names a card in outputs: the answer's values where it has them, else the request's. */
export interface CardIdentity {
	tcn?: string;
	orderNumber?: string;
	status?: string;
}

function identityOf(operation: TradeCardOperation): CardIdentity {
	if ('card' in operation) return { tcn: operation.card.tcn, orderNumber: operation.card.orderNumber };
	return { tcn: operation.tcn };
}

function named(identity: CardIdentity, outcome: OperationOutcome): CardIdentity {
	const card = outcome.tradeCard;
	return { tcn: card?.tcn || identity.tcn, orderNumber: card?.orderNumber ?? identity.orderNumber, status: card?.status };
}

export function outcomeJson(outcome: OperationOutcome, identity: CardIdentity = {}): IDataObject {
	const card = outcome.tradeCard;
	return {
		...named(identity, outcome),
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
 * Protocol field names in the node's terms. The node fills in one delivery plan per card, so users never see
 * "Delivery Plans[1]": its items and locations are the node's Items, Load Location and Unload Location. `names`
 * renames whole fields (the protocol's "Delete Reason" is the node's "Reason").
 */
function inNodeTerms(error: unknown, operation: TradeCardOperation, names: Record<string, string>): unknown {
	if (!(error instanceof InputError)) return error;
	if (names[error.field]) return new InputError(names[error.field], error.message);
	const card = 'card' in operation ? operation.card : undefined;
	const onePlan = card?.deliveryPlans?.length === 1 && !card.items?.length;
	if (!onePlan || !error.field.startsWith(ONLY_PLAN)) return error;
	return new InputError(error.field.slice(ONLY_PLAN.length), error.message.split(ONLY_PLAN).join(''));
}

/** Error items of the regular output get the card's names; an error-output item must stay `{ error }` for n8n. */
export function nameErrorItems(out: INodeExecutionData[], identities: Map<number, CardIdentity>): void {
	for (const item of out) {
		const json = item.json;
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const identity = typeof paired === 'object' ? identities.get(paired.item) : undefined;
		if (!identity || json.error === undefined || Object.keys(json).length < 2 || json.result !== undefined) continue;
		const names = Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined && v !== ''));
		item.json = { ...names, ...json };
	}
}

/** The EKÁER Number parameter of item i, if the operation has one and it can be read. */
function tcnParameter(ctx: IExecuteFunctions, i: number): string | undefined {
	try {
		return optionalText(ctx.getNodeParameter('tcn', i, ''))?.toUpperCase();
	} catch {
		return undefined; // a broken expression is reported by the operation's own reading
	}
}

export interface ManageOptions {
	/** Protocol field name → the node's parameter name, where they differ. */
	fieldNames?: Record<string, string>;
}

export async function runManage(
	ctx: IExecuteFunctions,
	ekaer: EkaerContext,
	readOperation: (itemIndex: number) => TradeCardOperation | Promise<TradeCardOperation>,
	manageOptions: ManageOptions = {},
): Promise<INodeExecutionData[]> {
	const options = readSendOptions(ctx);
	const identities = new Map<number, CardIdentity>();
	const out = await runBatches<TradeCardOperation>(
		ctx,
		{
			async prepare(i) {
				// Known before anything else can fail, so even an item refused for bad input names its card.
				identities.set(i, { tcn: tcnParameter(ctx, i) });
				const operation = await readOperation(i);
				identities.set(i, identityOf(operation));
				try {
					return checkOperation(operation);
				} catch (error) {
					throw inNodeTerms(error, operation, manageOptions.fieldNames ?? {});
				}
			},
			async sendBatch(batch): Promise<BatchResult[]> {
				const outcomes = await ekaer.client.manage(batch.map((b) => b.prepared));
				return outcomes.map((outcome, n) => {
					const identity = named(identities.get(batch[n].itemIndex) ?? {}, outcome);
					identities.set(batch[n].itemIndex, identity);
					return outcome.ok ? { outputs: [{ json: outcomeJson(outcome, identity) }] } : { error: outcomeError(outcome) };
				});
			},
		},
		{ batchSize: options.batchSize, concurrency: options.parallelRequests, secrets: ekaer.secrets },
	);
	nameErrorItems(out, identities);
	return out;
}
