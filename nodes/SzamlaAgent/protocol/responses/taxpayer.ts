/**
 * Query taxpayer: NAV's `QueryTaxpayerResponse`, passed through by the Számla Agent. NAV has changed namespaces and
 * prefixes between versions, so only local names are used (the parser strips prefixes).
 */
import { ServiceError } from '../../../shared/errors';
import type { OperationFacts } from '../operation';
import type { RawResponse, TaxpayerAddress, TaxpayerResult } from '../types/response';
import { describeSzamlaError } from '../errorCodes';
import { openEnvelope, unexpectedAnswer } from './envelope';
import { bool, compact, list, obj, text, type XmlObject } from './values';

function address(item: XmlObject): TaxpayerAddress {
	const a = obj(item.taxpayerAddress);
	return compact({
		type: text(item.taxpayerAddressType),
		countryCode: text(a.countryCode),
		postalCode: text(a.postalCode),
		city: text(a.city),
		streetName: text(a.streetName),
		publicPlaceCategory: text(a.publicPlaceCategory),
		number: text(a.number),
		building: text(a.building),
		staircase: text(a.staircase),
		floor: text(a.floor),
		door: text(a.door),
		lotNumber: text(a.lotNumber),
		additionalAddressDetail: text(a.additionalAddressDetail),
	});
}

export function parseTaxpayerResponse(operation: OperationFacts, raw: RawResponse): TaxpayerResult {
	const env = openEnvelope(operation, raw);
	if (env.failure) throw describeSzamlaError(env.failure.code, env.failure.message, env.status);
	if (env.root !== 'QueryTaxpayerResponse' || !env.xml) throw unexpectedAnswer(env, 'NAV QueryTaxpayerResponse');
	const doc = env.xml;
	const result = obj(doc.result);
	const funcCode = text(result.funcCode);
	if (funcCode !== 'OK') {
		// NAV's own refusal (e.g. invalid tax number format); its codes are not Számla Agent codes.
		throw new ServiceError({
			service: 'Számla Agent',
			code: text(result.errorCode) ?? funcCode ?? '',
			vendorMessage: text(result.message) ?? '',
			explanation: 'NAV refused the taxpayer query. Check the 8-digit tax number (törzsszám).',
			retryable: false,
			outcomeUnknown: false,
			httpStatus: env.status,
		});
	}
	const data = obj(doc.taxpayerData);
	const detail = obj(data.taxNumberDetail);
	const taxpayerId = text(detail.taxpayerId);
	return compact({
		valid: bool(doc.taxpayerValidity) ?? false,
		name: text(data.taxpayerName),
		shortName: text(data.taxpayerShortName),
		taxNumber: taxpayerId
			? compact({ taxpayerId, vatCode: text(detail.vatCode), countyCode: text(detail.countyCode) })
			: undefined,
		vatGroupMembership: text(data.vatGroupMembership),
		infoDate: text(doc.infoDate),
		addresses: list(obj(data.taxpayerAddressList).taxpayerAddressItem).map(address),
	});
}
