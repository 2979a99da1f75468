import { readFileSync } from 'fs';
import {
	explainReasonCode,
	explainValidationCode,
	isSuccessFuncCode,
	NAV_VALIDATION_CODES,
	REASON_CODES,
	toFuncCode,
} from '../../../nodes/Ekaer/protocol/reasonCodes';
import { sharedFile } from '../../helpers/xsd';

function enumeration(xsdFile: string, typeName: string): string[] {
	const xsd = readFileSync(sharedFile('xsd', 'ekaer', xsdFile), 'utf8');
	const start = xsd.indexOf(`<xs:simpleType name="${typeName}">`);
	expect(start).toBeGreaterThanOrEqual(0);
	const body = xsd.slice(start, xsd.indexOf('</xs:simpleType>', start));
	return [...body.matchAll(/<xs:enumeration value="([^"]+)"/g)].map((m) => m[1]);
}

describe('EKÁER reason codes', () => {
	it('covers exactly the 120 values of common:ReasonCodeType, each with an explanation', () => {
		const schema = enumeration('common.xsd', 'ReasonCodeType');
		expect(schema).toHaveLength(120);
		expect(Object.keys(REASON_CODES).sort()).toEqual([...schema].sort());
		for (const code of schema) expect(REASON_CODES[code].length).toBeGreaterThan(5);
	});

	it('covers NAVValidationCodeType', () => {
		expect(Object.keys(NAV_VALIDATION_CODES).sort()).toEqual(enumeration('ekaermanagement.xsd', 'NAVValidationCodeType').sort());
	});

	it('explains known codes and passes unknown ones through', () => {
		expect(explainReasonCode('TC_SELLER_CANT_BE_HUNGARY')).toBe('For import the seller country cannot be HU');
		expect(explainReasonCode('TC_SOMETHING_FROM_2_2')).toContain('TC_SOMETHING_FROM_2_2');
		expect(explainValidationCode('TC_HIGH_TOTAL_WEIGHT_WARN')).toMatch(/weight/);
	});

	it('treats OK and WARNING as success and anything else as an error', () => {
		expect([isSuccessFuncCode('OK'), isSuccessFuncCode('WARNING'), isSuccessFuncCode('ERROR'), isSuccessFuncCode('')]).toEqual([true, true, false, false]);
		expect([toFuncCode('OK'), toFuncCode('WARNING'), toFuncCode('ERROR'), toFuncCode('bogus'), toFuncCode(undefined)]).toEqual([
			'OK', 'WARNING', 'ERROR', 'ERROR', 'ERROR',
		]);
	});
});
