/**
 * Query taxpayer (xmltaxpayer): a Hungarian taxpayer at NAV by the 8-digit core of its tax number (szamla-agent.md
 * §2.11). UI: actions/taxpayer/get.operation.ts. Answer: responses/taxpayer.ts.
 */
import { InputError } from '../../../shared/errors';
import { node, type XmlText } from '../../../shared/xml';
import { defineOperation } from '../operation';
import { parseTaxpayerResponse } from '../responses/taxpayer';
import type { AgentAuth } from '../types/common';
import type { TaxpayerResult } from '../types/response';
import type { QueryTaxpayerRequest } from '../types/taxpayerRequest';
import { authChildren, renderRequest, assertText } from '../requests/common';

export type { QueryTaxpayerRequest, TaxpayerResult };

const ROOT = 'xmltaxpayer';

/** First 8 digits of 12345678, 12345678-1-42 or 12345678142 (spaces and dashes ignored). */
export function taxpayerCore(taxNumber: unknown): string {
	const text = assertText(taxNumber, 'Tax Number');
	const digits = text.replace(/[\s-]/g, '');
	if (!/^\d{8}(\d{3})?$/.test(digits)) throw new InputError('Tax Number', `must be 8 digits (or 11, as 12345678-1-42), got "${text}"`);
	return digits.slice(0, 8);
}

function document(req: QueryTaxpayerRequest, auth: AgentAuth): XmlText {
	return renderRequest(ROOT, [
		node('beallitasok', authChildren(auth)),
		{ name: 'torzsszam', text: taxpayerCore(req.taxNumber) },
	]);
}

export const queryTaxpayer = defineOperation<QueryTaxpayerRequest, TaxpayerResult>({
	name: 'queryTaxpayer',
	fieldName: 'action-szamla_agent_taxpayer',
	root: ROOT,
	writes: false,
	document,
	parse: (answer, _request, facts) => parseTaxpayerResponse(facts, answer),
});
