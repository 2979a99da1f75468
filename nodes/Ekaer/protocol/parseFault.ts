/**
 * NAV's HTTP 500 body, `<technicalFault>` (ekaer.md §4.2). Two kinds, told apart by their text:
 *
 * - the request could not be unmarshalled (JAXB UnmarshalException, "unexpected element …", a SAX parse error): it was
 *   never read, nothing happened, and the same bytes fail the same way again — a request error, outcome known;
 * - anything else may come from a failure after processing started — outcome unknown, perhaps temporary.
 */
import { ServiceError } from '../../shared/errors';
import { redact } from '../../shared/redact';
import { textOf } from '../../shared/xml';

const UNMARSHALLING = /UnmarshalException|unexpected element|SAXParseException|unmarshal/i;

export const UNREADABLE_REQUEST =
	'NAV could not read the request (HTTP 500, the XML could not be unmarshalled), so nothing was processed; sending it again unchanged fails the same way';
export const TECHNICAL_FAULT = 'NAV answered HTTP 500 with a technical fault; the request may have been processed';

export function technicalFaultError(fault: Record<string, unknown>, httpStatus: number, secrets: ReadonlyArray<string | undefined>): ServiceError {
	const message = textOf(fault.msg) ?? '';
	const unreadable = UNMARSHALLING.test(message) || UNMARSHALLING.test(textOf(fault.stackTrace) ?? '');
	return new ServiceError({
		service: 'EKÁER',
		code: textOf(fault.reasonCode) || 'OPERATION_FAILED',
		// The stack trace stays out: it is Java internals, and it may echo the request.
		vendorMessage: redact(message, secrets),
		explanation: unreadable ? UNREADABLE_REQUEST : TECHNICAL_FAULT,
		retryable: !unreadable,
		outcomeUnknown: !unreadable,
		httpStatus,
	});
}
