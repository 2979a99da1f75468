/** Response XML, in the element order of ekaermanagement.xsd 2.1. Built as strings: this is the hot path. */
import { CARD_ORDER, ITEM_ORDER, LOCATION_ORDER, PLAN_ORDER, type CardData, type ItemData, type LocationData, type PlanData, type VehicleData } from './cardModel';
import { COMMON_NS, FAULT_NS, MANAGEMENT_NS } from './constants';
import type { RequestEnvelope } from './auth';
import type { NavValidation } from './cardRules';
import type { OperationOutcome } from './operations/types';
import type { TradeCardRecord } from './store';
import { escapeXml } from './xml/tree';
import { ruleFor } from './xml/valueRules';
import { budapestDateTime } from './time';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function el(name: string, content: string): string {
	return `<${name}>${content}</${name}>`;
}

function leaf(name: string, value: string | undefined): string {
	return value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`;
}

export interface ResultCode {
	funcCode: string;
	reasonCode: string;
	msg?: string;
}

/**
 * Echo of the request header. A value that would break the response schema (possible only after a schema error)
 * is replaced, so even INVALID_REQUEST answers validate.
 */
export function renderHeader(env: RequestEnvelope | undefined, nowMs: number, fallbackId: string): string {
	const valid = (name: string, value: string | undefined) => value !== undefined && value !== '' && !ruleFor('header', name)?.check(value);
	const requestId = valid('requestId', env?.requestId) ? env!.requestId : fallbackId;
	const timestamp = valid('timestamp', env?.timestamp) ? env!.timestamp : budapestDateTime(nowMs);
	const requestVersion = valid('requestVersion', env?.requestVersion) ? env!.requestVersion : '2.1';
	const headerVersion = valid('headerVersion', env?.headerVersion) ? env!.headerVersion : undefined;
	return el('header', leaf('requestId', requestId) + leaf('timestamp', timestamp) + leaf('requestVersion', requestVersion) + leaf('headerVersion', headerVersion));
}

function renderResult(result: ResultCode): string {
	return leaf('funcCode', result.funcCode) + leaf('reasonCode', result.reasonCode) + leaf('msg', result.msg);
}

function renderLocation(name: string, location: LocationData | undefined): string {
	if (!location) return '';
	let body = '';
	for (const key of LOCATION_ORDER) body += leaf(key, location.fields[key]);
	if (location.gps) body += el('gpsPosition', leaf('c:latitude', location.gps.latitude) + leaf('c:longitude', location.gps.longitude));
	return el(name, body);
}

function renderVehicle(name: string, vehicle: VehicleData | undefined): string {
	return vehicle ? el(name, leaf('plateNumber', vehicle.plateNumber) + leaf('country', vehicle.country)) : '';
}

function renderItem(item: ItemData): string {
	let body = '';
	for (const key of ITEM_ORDER) if (key !== 'itemOperation') body += leaf(key, item.fields[key]);
	return `<tradeCardItem id="${escapeXml(item.id ?? '')}">${body}</tradeCardItem>`;
}

function renderItems(items: ItemData[]): string {
	return el('items', items.map(renderItem).join(''));
}

function renderPlan(plan: PlanData): string {
	let body = renderItems(plan.items);
	for (const key of PLAN_ORDER) {
		if (key === 'loadLocation' || key === 'unloadLocation') body += renderLocation(key, plan[key]);
		else body += leaf(key, plan.fields[key]);
	}
	return `<deliveryPlan id="${escapeXml(plan.id ?? '')}">${body}</deliveryPlan>`;
}

function renderCardBody(tcn: string, card: CardData): string {
	let body = '';
	for (const key of CARD_ORDER) {
		switch (key) {
			case 'tcn':
				body += leaf('tcn', tcn);
				break;
			case 'loadLocation':
			case 'unloadLocation':
				body += renderLocation(key, card[key]);
				break;
			case 'vehicle':
			case 'vehicle2':
				body += renderVehicle(key, card[key]);
				break;
			case 'items':
				if (card.items) body += renderItems(card.items);
				break;
			case 'deliveryPlans':
				if (card.deliveryPlans?.length) body += el('deliveryPlans', card.deliveryPlans.map(renderPlan).join(''));
				break;
			default:
				body += leaf(key, card.fields[key]);
		}
	}
	return body;
}

export function renderTradeCardInfo(record: TradeCardRecord): string {
	const info =
		leaf('VATNumber', record.vatNumber) +
		leaf('status', record.status) +
		leaf('totalWeight', record.totalWeightText) +
		leaf('totalValue', record.totalValueText) +
		leaf('finalizationTime', record.finalizationTime) +
		leaf('insDate', record.insDate) +
		leaf('tcnValidityStart', record.tcnValidityStart) +
		leaf('tcnValidityEnd', record.tcnValidityEnd) +
		leaf('insUser', record.insUser) +
		leaf('modUser', record.modUser) +
		leaf('modDate', record.modDate);
	return el('tradeCardInfo', renderCardBody(record.tcn, record.card) + info);
}

function renderNavValidations(list: NavValidation[] | undefined): string {
	if (!list?.length) return '';
	return el('NAVValidations', list.map((v) => el('NAVValidation', leaf('code', v.code) + leaf('message', v.message))).join(''));
}

export interface RenderedOperation {
	index: string;
	operation: string;
	outcome: OperationOutcome;
}

function root(name: string, body: string): string {
	return `${DECLARATION}<${name} xmlns="${MANAGEMENT_NS}" xmlns:c="${COMMON_NS}">${body}</${name}>`;
}

export function renderManageResponse(header: string, result: ResultCode, operations: RenderedOperation[]): string {
	let results = '';
	for (const { index, operation, outcome } of operations) {
		results +=
			'<operationResult>' +
			el('result', renderResult(outcome) + leaf('index', index) + leaf('operation', operation)) +
			(outcome.record ? renderTradeCardInfo(outcome.record) : '') +
			renderNavValidations(outcome.navValidations) +
			'</operationResult>';
	}
	return root('manageTradeCardsResponse', header + el('result', renderResult(result)) + el('tradeCardOperationsResults', results));
}

export function renderQueryResponse(header: string, result: ResultCode, records: TradeCardRecord[]): string {
	return root('queryTradeCardsResponse', header + el('result', renderResult(result)) + el('tradeCards', records.map(renderTradeCardInfo).join('')));
}

/** HTTP 500 body of the real service (JAXB unmarshalling failures and unhandled errors), ekaer.md §4.2. */
export function renderTechnicalFault(msg: string, stackTrace: string): string {
	return `${DECLARATION}<technicalFault xmlns="${FAULT_NS}">${leaf('funcCode', 'ERROR')}${leaf('reasonCode', 'OPERATION_FAILED')}${leaf('msg', msg)}${leaf('stackTrace', stackTrace)}</technicalFault>`;
}
