/** xmltaxpayer — look up a Hungarian taxpayer at NAV by the 8-digit core of its tax number (szamla-agent.md §2.11). */
import { InputError } from '../../../shared/errors';
import { node } from '../../../shared/xml';
import type { QueryTaxpayerRequest } from '../types/request';
import { authChildren, renderRequest, requireText } from './common';

/** First 8 digits of 12345678, 12345678-1-42 or 12345678142 (spaces and dashes ignored). */
export function taxpayerCore(taxNumber: unknown): string {
	const text = requireText(taxNumber, 'Tax Number');
	let digits = '';
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) digits += text[i];
		else if (c !== 45 && c !== 32) {
			throw new InputError('Tax Number', `Use digits only (e.g. 12345678 or 12345678-1-42), got "${text}"`);
		}
	}
	if (digits.length !== 8 && digits.length !== 11) {
		throw new InputError('Tax Number', `Give the 8-digit core or the full 11-digit tax number, got "${text}"`);
	}
	return digits.slice(0, 8);
}

export function buildQueryTaxpayerXml(req: QueryTaxpayerRequest): string {
	return renderRequest('queryTaxpayer', [
		node('beallitasok', authChildren(req.auth)),
		{ name: 'torzsszam', text: taxpayerCore(req.taxNumber) },
	]);
}
