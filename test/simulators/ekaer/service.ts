/**
 * One request through the simulated TradeCardManagementService: parse → root/namespace → XSD → header/user → body.
 * Transport concerns (HTTP, faults, delays) live in server.ts.
 */
import { Authenticator, readEnvelope, type RequestEnvelope } from './auth';
import { MANAGEMENT_NS } from './constants';
import { operationElements, runOperations } from './manage';
import { runQuery } from './query';
import { renderHeader, renderManageResponse, renderQueryResponse, renderTechnicalFault, type ResultCode } from './render';
import { SchemaGate } from './schemaGate';
import type { CardStore } from './store';
import type { EkaerEndpoint, EkaerStats } from './types';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml/tree';

export interface ServiceResponse {
	status: number;
	body: string;
}

export interface ServiceConfig {
	now: () => number;
	perOperationMs: number;
	maxOperationsPerRequest: number;
	maxQueryRangeDays: number;
	maxRowNum: number;
}

const JAXB_TRACE = [
	'javax.xml.bind.UnmarshalException',
	'\tat com.sun.xml.bind.v2.runtime.unmarshaller.UnmarshallingContext.handleEvent(UnmarshallingContext.java:726)',
	'\tat hu.tracon.ekaer.rest.TradeCardManagementService.unmarshal(TradeCardManagementService.java)',
].join('\n');

const PROCESSING_TRACE = [
	'javax.ejb.EJBTransactionRolledbackException',
	'\tat org.jboss.as.ejb3.tx.CMTTxInterceptor.handleInCallerTx(CMTTxInterceptor.java:163)',
	'\tat hu.tracon.ekaer.service.TradeCardServiceBean.manage(TradeCardServiceBean.java)',
].join('\n');

/**
 * HTTP 500. 'unmarshal': the request could not be read at all (nothing was processed); 'processing': a failure after
 * the service started working on it (ekaer.md §4.2: the two need different handling, so their traces differ too).
 */
export function technicalFault(msg: string, kind: 'unmarshal' | 'processing' = 'unmarshal'): ServiceResponse {
	return { status: 500, body: renderTechnicalFault(msg, `${kind === 'unmarshal' ? JAXB_TRACE : PROCESSING_TRACE}\n${msg}`) };
}

let fallbackIds = 0;

export class EkaerService {
	constructor(
		private readonly config: ServiceConfig,
		private readonly stats: EkaerStats,
		private readonly store: CardStore,
		private readonly auth: Authenticator,
		private readonly gate: SchemaGate,
	) {}

	async handle(endpoint: EkaerEndpoint, xml: string): Promise<ServiceResponse> {
		let root: XmlElement;
		try {
			root = parseXml(xml);
		} catch (error) {
			if (!(error instanceof XmlSyntaxError)) throw error;
			return technicalFault(`javax.xml.bind.UnmarshalException\n - with linked exception:\n[org.xml.sax.SAXParseException: ${error.message}]`);
		}
		const expected = `${endpoint}Request`;
		if (root.ns !== MANAGEMENT_NS || root.local !== expected)
			return technicalFault(`unexpected element (uri:"${root.ns}", local:"${root.local}"). Expected elements are <{${MANAGEMENT_NS}}${expected}>`);

		const env = readEnvelope(root);
		const requestError = (result: ResultCode) => ({ status: 200, body: this.render(endpoint, env, result) });

		const schemaErrors = await this.gate.errors(xml, root);
		if (schemaErrors.length)
			return requestError({ funcCode: 'ERROR', reasonCode: 'INVALID_REQUEST', msg: `Cannot construct valid object errors: ${schemaErrors.join('; ')}` });
		if (endpoint === 'manageTradeCards' && operationElements(root).length > this.config.maxOperationsPerRequest)
			return requestError({
				funcCode: 'ERROR',
				reasonCode: 'INVALID_REQUEST',
				msg: `at most ${this.config.maxOperationsPerRequest} tradeCardOperation elements are accepted in one request`,
			});

		const nowMs = this.config.now();
		const auth = this.auth.check(env, nowMs);
		if (!auth.ok) {
			if (auth.badSignature) this.stats.rejectedSignatures++;
			return requestError({ funcCode: 'ERROR', reasonCode: auth.reasonCode, msg: auth.msg });
		}

		if (endpoint === 'queryTradeCards') {
			const outcome = runQuery(root, {
				vatNumber: auth.user.vatNumber,
				nowMs,
				store: this.store,
				maxQueryRangeDays: this.config.maxQueryRangeDays,
				maxRowNum: this.config.maxRowNum,
			});
			return { status: 200, body: renderQueryResponse(this.header(env, nowMs), outcome.result, outcome.records) };
		}
		const operations = await runOperations(
			root,
			{ user: auth.user, requestVersion: env.requestVersion, store: this.store },
			{
				perOperationMs: this.config.perOperationMs,
				now: this.config.now,
				onOperation: (operation) => {
					this.stats.operations++;
					this.stats.byOperation[operation] = (this.stats.byOperation[operation] ?? 0) + 1;
				},
			},
		);
		return { status: 200, body: renderManageResponse(this.header(env, nowMs), { funcCode: 'OK', reasonCode: 'SUCCESS' }, operations) };
	}

	private header(env: RequestEnvelope, nowMs: number): string {
		return renderHeader(env, nowMs, `SIM${++fallbackIds}`);
	}

	private render(endpoint: EkaerEndpoint, env: RequestEnvelope, result: ResultCode): string {
		const header = this.header(env, this.config.now());
		return endpoint === 'manageTradeCards' ? renderManageResponse(header, result, []) : renderQueryResponse(header, result, []);
	}
}
