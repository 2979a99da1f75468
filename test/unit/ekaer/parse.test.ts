import { readFileSync } from 'fs';
import { ServiceError, TransportError } from '../../../nodes/shared/errors';
import { createXmlParser } from '../../../nodes/shared/xml';
import { buildManageRequestXml, buildQueryRequestXml } from '../../../nodes/Ekaer/protocol/build';
import { parseTradeCardInfo } from '../../../nodes/Ekaer/protocol/parseCard';
import { parseManageResponse, parseQueryResponse } from '../../../nodes/Ekaer/protocol/parse';
import type { TradeCard, TradeCardOperation } from '../../../nodes/Ekaer/protocol/types';
import { sharedFile, validateWithXsd } from '../../helpers/xsd';
import { USER } from './helpers/fixtures';
import { CARD_INFO, manageResponse, OK, operationResult, queryResponse, TECHNICAL_FAULT, PROCESSING_FAULT } from './helpers/responses';

const XSD = 'ekaer/ekaermanagement.xsd';
const ops = (...names: TradeCardOperation['operation'][]) => names.map((operation) => ({ operation }));
const answer = (body: string, status = 200, contentType = 'text/xml') => ({ status, body: Buffer.from(body), contentType });

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (error) {
		return error;
	}
	throw new Error('expected an error');
}

describe('EKÁER response parser', () => {
	const partial = manageResponse(
		OK,
		operationResult(2, 'finalize', 'ERROR', 'TC_FUTURE_ARRIVAL_NOT_ALLOWED', '', 'A lezárás időpontja nem lehet jövőbeli') +
			operationResult(
				1,
				'create',
				'WARNING',
				'SUCCESS',
				`<tradeCardInfo>${CARD_INFO}</tradeCardInfo><NAVValidations><NAVValidation><code>TC_WRONG_ZIP_CITY_WARN</code></NAVValidation></NAVValidations><warnings><warning>TC_VAT_NUMBER_WARN</warning></warnings>`,
			),
	);

	it('uses fixtures that are valid per the schema', async () => {
		for (const xml of [partial, queryResponse(OK, [CARD_INFO])]) {
			const result = await validateWithXsd(xml, XSD);
			expect(result.errors).toEqual([]);
		}
	});

	it('matches a partly failed batch back by index, in input order', () => {
		const outcomes = parseManageResponse(answer(partial), ops('create', 'finalize', 'delete'));
		expect(outcomes.map((o) => [o.index, o.operation, o.ok, o.funcCode, o.reasonCode])).toEqual([
			[1, 'create', true, 'WARNING', 'SUCCESS'],
			[2, 'finalize', false, 'ERROR', 'TC_FUTURE_ARRIVAL_NOT_ALLOWED'],
			[3, 'delete', false, 'ERROR', 'NO_RESULT'],
		]);
		expect(outcomes[0].validations).toEqual([{ code: 'TC_WRONG_ZIP_CITY_WARN', message: 'Postal code and city do not match' }]);
		expect(outcomes[0].warnings).toEqual(['TC_VAT_NUMBER_WARN']);
		expect(outcomes[0].tradeCard?.tcn).toBe('E25011500000C77');
		expect(outcomes[1].message).toBe('A lezárás időpontja nem lehet jövőbeli');
		expect(outcomes[1].explanation).toBe('The arrival time cannot be in the future');
		expect(outcomes[2].explanation).toMatch(/Get Many/);
	});

	it('maps a full tradeCardInfo into the English model', () => {
		const [card] = parseQueryResponse(answer(queryResponse(OK, [CARD_INFO])));
		expect(card).toMatchObject({
			tcn: 'E25011500000C77',
			status: 'started',
			statusCode: 'S',
			tradeType: 'domestic',
			sellerDelivery: true,
			modifiableByCarrier: false,
			carrierText: 'Fuvar Kft',
			seller: { name: 'S Kft', vatNumber: '12345678', country: 'HU', address: '1111 Budapest' },
			unloadReporter: 'seller',
			vehicle: { plateNumber: 'ABC123', country: 'H' },
			loadDate: '2025-01-15T14:00:00+01:00',
			arrivalDate: '2025-01-16',
			tradeCardType: 'normal',
			declarantVatNumber: '12345678',
			totalWeightKg: 1200.5,
			totalValueHuf: 2500000,
			totalAssuranceLockedHuf: 0,
			validityStart: '2025-01-15',
			validityEnd: '2025-01-30',
			modifiedAt: '2025-01-15T13:25:46+01:00',
			allowances: [{ valueHuf: 1500, dueDate: '2025-02-15' }],
			items: [],
		});
		expect(card.deliveryPlans).toHaveLength(1);
		expect(card.deliveryPlans[0]).toMatchObject({
			id: 'DP1',
			externalId: 'dp1',
			loadLocation: { postalCode: '1111', gps: { latitude: 47.5, longitude: 19.04 } },
		});
		expect(card.deliveryPlans[0].items[0]).toEqual({
			id: '0SVRYTSYA9PU',
			externalId: 'i1',
			itemOperation: 'create',
			tradeReason: 'sale',
			productCode: '02011000',
			productName: 'Marha',
			weightKg: 1200.5,
			valueHuf: 2500000,
			vatRateAssuranceExemption: false,
			insertedAt: '2025-01-15T13:25:46+01:00',
			insertedBy: 'tesztuser1',
		});
	});

	it('ignores namespace prefixes', () => {
		const prefixed = manageResponse(OK, operationResult(1, 'delete', 'OK', 'SUCCESS', `<tradeCardInfo>${CARD_INFO}</tradeCardInfo>`), 'ns2');
		expect(prefixed).toContain('<ns2:operationResult>');
		const [outcome] = parseManageResponse(answer(prefixed), ops('delete'));
		expect(outcome.ok).toBe(true);
		expect(outcome.tradeCard?.deliveryPlans[0].loadLocation?.gps).toEqual({ latitude: 47.5, longitude: 19.04 });
	});

	it('throws a request-level ERROR as ServiceError with the reason code', () => {
		const error = thrown(() =>
			parseManageResponse(
				answer(manageResponse('<funcCode>ERROR</funcCode><reasonCode>INVALID_USER_OR_PASSWORD</reasonCode><msg>Hibás felhasználónév vagy jelszó</msg>', '')),
				ops('create'),
			),
		) as ServiceError;
		expect(error).toBeInstanceOf(ServiceError);
		expect(error.details).toMatchObject({ service: 'EKÁER', code: 'INVALID_USER_OR_PASSWORD', vendorMessage: 'Hibás felhasználónév vagy jelszó', outcomeUnknown: false });
		expect(error.message).toMatch(/user name or password is wrong/);
	});

	it('keeps the validator text of INVALID_REQUEST but redacts secrets it might echo', () => {
		const msg = `Cannot construct valid object errors: Value '${USER.passwordHash}' is not facet-valid; key ${USER.signingKey}`;
		const error = thrown(() =>
			parseQueryResponse(answer(queryResponse(`<funcCode>ERROR</funcCode><reasonCode>INVALID_REQUEST</reasonCode><msg>${msg}</msg>`, [])), {
				secrets: [USER.passwordHash, USER.signingKey],
			}),
		) as ServiceError;
		expect(error.details.code).toBe('INVALID_REQUEST');
		expect(error.details.vendorMessage).toMatch(/^Cannot construct valid object errors/);
		expect(error.message).not.toContain(USER.passwordHash);
		expect(error.message).not.toContain(USER.signingKey);
	});

	it('returns operation results even when the top level says ERROR (cards may have been created)', () => {
		const xml = manageResponse('<funcCode>ERROR</funcCode><reasonCode>OPERATION_FAILED</reasonCode>', operationResult(1, 'create', 'OK', 'SUCCESS', `<tradeCardInfo>${CARD_INFO}</tradeCardInfo>`));
		expect(parseManageResponse(answer(xml), ops('create'))[0].tradeCard?.tcn).toBe('E25011500000C77');
	});

	it('turns an HTTP 500 technicalFault into a ServiceError marked outcome-unknown', () => {
		const error = thrown(() => parseManageResponse(answer(PROCESSING_FAULT, 500), ops('create'))) as ServiceError;
		expect(error).toBeInstanceOf(ServiceError);
		expect(error.details).toMatchObject({ code: 'OPERATION_FAILED', httpStatus: 500, outcomeUnknown: true, retryable: true });
		expect(error.details.vendorMessage).toMatch(/rolled back/);
		expect(error.message).not.toMatch(/javax\.ejb\.EJBTransactionRolledbackException \.\.\./);
	});

	it('turns an unmarshalling technicalFault into a request error: nothing happened, sending it again fails alike', () => {
		// ekaer.md §4.2 (2026-12 addition, from the real 2015 test-system log): the request was never read.
		const error = thrown(() => parseManageResponse(answer(TECHNICAL_FAULT, 500), ops('create'))) as ServiceError;
		expect(error).toBeInstanceOf(ServiceError);
		expect(error.details).toMatchObject({ code: 'OPERATION_FAILED', httpStatus: 500, outcomeUnknown: false, retryable: false });
		expect(error.details.vendorMessage).toMatch(/unexpected element/);
		expect(error.details.explanation).toMatch(/nothing was processed/);
	});

	it.each([
		['an HTML error page', '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>', 502, /HTTP 502.*Bad Gateway/],
		['plain text', 'Service Unavailable', 503, /HTTP 503/],
		['an empty body', '', 200, /HTTP 200/],
		['broken XML', '<manageTradeCardsResponse><result>', 200, /not an EKÁER response/],
	])('reports %s as an invalid response', (_name, body, status, message) => {
		const error = thrown(() => parseManageResponse(answer(body, status, 'text/html'), ops('create'))) as TransportError;
		expect(error).toBeInstanceOf(TransportError);
		expect(error.failure).toBe('invalid-response');
		expect(error.outcomeUnknown).toBe(true);
		expect(error.message).toMatch(message);
	});

	it('reads the vendor request samples and rebuilds them element for element', async () => {
		const parser = createXmlParser(['tradeCardOperation', 'tradeCardItem', 'deliveryPlan']);
		const sample = readFileSync(sharedFile('samples', 'ekaer', 'manage_create_finalize_delete_v2.1.xml'), 'utf8');
		expect((await validateWithXsd(sample, XSD)).valid).toBe(true);
		const parsedOps = parser.parse(sample).manageTradeCardsRequest.tradeCardOperations.tradeCardOperation;
		const info = parseTradeCardInfo(parsedOps[0].tradeCard);
		expect(info).toMatchObject({ orderNumber: 'ORD1', tradeType: 'domestic', carrierText: 'Carrier Kft' });
		const card: TradeCard = { ...info, loadDate: new Date(info.loadDate!) };
		const rebuilt = buildManageRequestXml({ requestId: 'ABC123def456', timestamp: new Date('2025-01-15T13:25:45+01:00') }, USER, [
			{ operation: 'create', card },
			{ operation: 'finalize', tcn: parsedOps[1].tcn, arrival: new Date(parsedOps[1].arrivalDate) },
			{ operation: 'delete', tcn: parsedOps[2].tcn, reason: parsedOps[2].statusChangeModReasonText },
		]);
		expect(parser.parse(rebuilt).manageTradeCardsRequest.tradeCardOperations).toEqual(parser.parse(sample).manageTradeCardsRequest.tradeCardOperations);

		for (const name of ['query_by_tcn_v2.1.xml', 'query_by_params_v2.1.xml']) {
			const text = readFileSync(sharedFile('samples', 'ekaer', name), 'utf8');
			const query = parser.parse(text).queryTradeCardsRequest;
			const again = query.tcn
				? buildQueryRequestXml({ requestId: 'x', timestamp: new Date() }, USER, { tcn: query.tcn })
				: buildQueryRequestXml({ requestId: 'x', timestamp: new Date() }, USER, {
						insertedFrom: new Date(query.queryParams.insertFromDate),
						insertedTo: new Date(query.queryParams.insertToDate),
						status: 'started',
						maxRows: Number(query.queryParams.maxRowNum),
					});
			const rebuiltQuery = parser.parse(again).queryTradeCardsRequest;
			expect(rebuiltQuery.tcn ?? rebuiltQuery.queryParams).toEqual(query.tcn ?? query.queryParams);
		}
	});
});
