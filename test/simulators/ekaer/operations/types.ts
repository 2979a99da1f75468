/** What every tradeCardOperation handler gets and returns. */
import type { CardStore, TradeCardRecord } from '../store';
import type { NavValidation } from '../cardRules';
import type { EkaerUser } from '../types';
import type { XmlElement } from '../xml/tree';

export interface OperationInput {
	index: string;
	operation: string;
	tradeCard?: XmlElement;
	tcn?: string;
	arrivalDate?: string;
	arrivalDateOnly?: string;
	statusChangeModReasonText?: string;
}

export interface OperationContext {
	user: EkaerUser;
	requestVersion: string;
	nowMs: number;
	store: CardStore;
}

export interface OperationOutcome {
	funcCode: 'OK' | 'WARNING' | 'ERROR';
	reasonCode: string;
	msg?: string;
	/** Current card, returned as tradeCardInfo (absent for failed creates and unknown tcns). */
	record?: TradeCardRecord;
	navValidations?: NavValidation[];
}

export function failure(reasonCode: string, msg: string, record?: TradeCardRecord): OperationOutcome {
	return { funcCode: 'ERROR', reasonCode, msg, record };
}

export function success(record: TradeCardRecord, navValidations?: NavValidation[]): OperationOutcome {
	return { funcCode: 'OK', reasonCode: 'SUCCESS', record, navValidations: navValidations?.length ? navValidations : undefined };
}

export function unknownTcn(tcn: string): OperationOutcome {
	return failure('INVALID_INPUT', `trade card ${tcn} not found for this taxpayer`);
}
