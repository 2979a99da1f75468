import { ServiceError } from '../../../../nodes/shared/errors';
import {
	describeSzamlaError,
	isLoginFailure,
	maintenanceError,
	SZAMLA_ERROR_CODES,
	szamlaErrorInfo,
} from '../../../../nodes/SzamlaAgent/protocol/errorCodes';

const DOCUMENTED = [
	1, 3, 7, 14, 49, 52, 53, 54, 55, 56, 57, 71, 73, 135, 136, 152, 153, 164, 173, 202, 221, 250, 259, 260, 261, 262, 263,
	264, 335, 336, 337, 338, 339, 340, 352, 395, 396, 463, 537, 538, 539,
];

describe('Számla Agent error codes', () => {
	it('explains every documented code, and nothing else', () => {
		expect(Object.keys(SZAMLA_ERROR_CODES).map(Number).sort((a, b) => a - b)).toEqual(DOCUMENTED);
	});

	it.each(DOCUMENTED)('code %i maps to a ServiceError that keeps the vendor text verbatim', (code) => {
		const vendor = `Hiba ${code}: árvíztűrő tükörfúrógép\n+ "idézet"`;
		const error = describeSzamlaError(code, vendor, 200);
		expect(error).toBeInstanceOf(ServiceError);
		expect(error.details).toMatchObject({ service: 'Számla Agent', code: String(code), vendorMessage: vendor, httpStatus: 200 });
		expect(error.details.explanation).toMatch(/[a-z]{3,}/);
		expect(error.details.explanation).not.toBe(szamlaErrorInfo('no-such-code').explanation);
		expect(error.message).toContain(vendor);
	});

	it('marks the codes after which a document may exist', () => {
		const unknownOutcome = DOCUMENTED.filter((c) => szamlaErrorInfo(c).outcomeUnknown);
		expect(unknownOutcome).toEqual([1, 55, 56]);
	});

	it('marks login failures (3, 136, 164) and only those', () => {
		expect(DOCUMENTED.filter((c) => isLoginFailure(c))).toEqual([3, 136, 164]);
		expect(isLoginFailure('3')).toBe(true);
		expect(isLoginFailure(' 164 ')).toBe(true);
	});

	it('says which codes are worth retrying later', () => {
		expect(DOCUMENTED.filter((c) => szamlaErrorInfo(c).retryable)).toEqual([1, 55, 153]);
	});

	it('treats an unknown code as outcome unknown, not retryable', () => {
		const error = describeSzamlaError('9999', 'Valami');
		expect(error.details).toMatchObject({ code: '9999', outcomeUnknown: true, retryable: false });
		expect(describeSzamlaError(undefined, 'x').details.code).toBe('');
	});

	it('maintenance is retryable and processed nothing', () => {
		expect(maintenanceError(503).details).toMatchObject({ code: 'szlahu_down', retryable: true, outcomeUnknown: false, httpStatus: 503 });
	});
});
