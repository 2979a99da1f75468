/**
 * Request documents: manageTradeCardsRequest and queryTradeCardsRequest (XSD 2.1), header and user block included.
 * The builder signs, so the signed instant is by construction the one written into header/timestamp.
 */
import { node, renderXml, type XmlElement } from '../../shared/xml';
import { field } from './buildLeaf';
import { requestSignature } from '../signature';
import { dateChoice, wireTimestamp } from './buildDates';
import { tradeCardElement } from './buildCard';
import { normalizePlate, normalizeVatNumber } from './normalize';
import type { RequestHeader, RequestUser, TradeCardOperation, TradeCardQuery } from './types';
import {
	HEADER_VERSION,
	NS_COMMON,
	NS_MANAGEMENT,
	REQUEST_VERSION,
	STATUS_TO_WIRE,
	TRADE_TYPE_TO_WIRE,
} from './wireCodes';

function envelope(root: string, header: RequestHeader, user: RequestUser, body: XmlElement[]): string {
	const timestamp = wireTimestamp(header.timestamp);
	return renderXml(
		node(
			root,
			[
				node('header', [
					field('requestId', header.requestId),
					field('timestamp', timestamp),
					field('requestVersion', REQUEST_VERSION),
					field('headerVersion', HEADER_VERSION),
				]),
				node('user', [
					field('user', user.user),
					field('passwordHash', user.passwordHash),
					field('VATNumber', normalizeVatNumber(user.vatNumber)),
					field('requestSignature', requestSignature(header.requestId, timestamp, user.signingKey)),
				]),
				...body,
			],
			{ xmlns: NS_MANAGEMENT, 'xmlns:common': NS_COMMON },
		),
	);
}

/** One tradeCardOperation; `index` is the 1-based wire index the answer is matched by. */
export function operationElement(operation: TradeCardOperation, index: number): XmlElement {
	const head = [field('index', index), field('operation', operation.operation)];
	switch (operation.operation) {
		case 'create':
			return node('tradeCardOperation', [...head, tradeCardElement(operation.card, { isCreate: true })]);
		case 'modify':
		case 'correction':
			return node('tradeCardOperation', [...head, tradeCardElement(operation.card, { isCreate: false })]);
		case 'finalize':
			return node('tradeCardOperation', [
				...head,
				field('tcn', operation.tcn),
				dateChoice('arrivalDate', operation.arrival),
				field('statusChangeModReasonText', operation.reason),
			]);
		case 'delete':
			return node('tradeCardOperation', [
				...head,
				field('tcn', operation.tcn),
				field('statusChangeModReasonText', operation.reason),
			]);
	}
}

/** Operations are numbered 1..n in input order. */
export function buildManageRequestXml(header: RequestHeader, user: RequestUser, operations: TradeCardOperation[]): string {
	if (operations.length === 0) throw new RangeError('manageTradeCards needs at least one operation');
	return envelope('manageTradeCardsRequest', header, user, [
		node(
			'tradeCardOperations',
			operations.map((operation, i) => operationElement(operation, i + 1)),
		),
	]);
}

export function buildQueryRequestXml(header: RequestHeader, user: RequestUser, query: TradeCardQuery): string {
	if ('tcn' in query) return envelope('queryTradeCardsRequest', header, user, [field('tcn', query.tcn)!]);
	return envelope('queryTradeCardsRequest', header, user, [
		node('queryParams', [
			field('insertFromDate', wireTimestamp(query.insertedFrom)),
			field('insertToDate', wireTimestamp(query.insertedTo)),
			field('orderNumber', query.orderNumber),
			field('tradeType', query.tradeType && TRADE_TYPE_TO_WIRE[query.tradeType]),
			field('status', query.status && STATUS_TO_WIRE[query.status]),
			field('plateNumber', query.plateNumber === undefined ? undefined : normalizePlate(query.plateNumber)),
			field('sellerVatNumber', query.sellerVatNumber === undefined ? undefined : normalizeVatNumber(query.sellerVatNumber)),
			field(
				'destinationVatNumber',
				query.destinationVatNumber === undefined ? undefined : normalizeVatNumber(query.destinationVatNumber),
			),
			field('maxRowNum', query.maxRows),
		]),
	]);
}
