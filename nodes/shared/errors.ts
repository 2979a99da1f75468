/**
 * Errors of the protocol and transport layers. No n8n imports here: the node layer turns these into
 * NodeOperationError / NodeApiError with the item index (see nodes/shared/n8n/nodeErrors.ts).
 */

/**
 * Bad input found before anything was sent. `field` is the user-facing parameter name (e.g. "Line Items[2] › Quantity").
 * `hint` says how to proceed when "fix the input value" would be wrong (e.g. the invoice already exists).
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

export interface ServiceErrorDetails {
	/** Which service answered: shown to the user. */
	service: 'Számla Agent' | 'EKÁER';
	/** The vendor's own code (Számla Agent `hibakod`, EKÁER `reasonCode`), as text. */
	code: string;
	/** The vendor's original message (usually Hungarian), kept verbatim. */
	vendorMessage: string;
	/** What the code means, in English, and what to do about it. */
	explanation: string;
	/** Sending the same request again later may succeed (maintenance, overload). */
	retryable: boolean;
	/** The service may have created the document although it reported an error: check before sending again. */
	outcomeUnknown: boolean;
	httpStatus?: number;
}

/** The service answered and refused (or failed) the request. */
export class ServiceError extends Error {
	readonly details: ServiceErrorDetails;

	constructor(details: ServiceErrorDetails) {
		const code = details.code ? ` ${details.code}` : '';
		super(`${details.service} error${code}: ${details.explanation}${details.vendorMessage ? ` (${details.vendorMessage})` : ''}`);
		this.name = 'ServiceError';
		this.details = details;
	}
}

export type TransportFailure =
	/** Could not connect: the request never reached the service, so it is safe to send again. */
	| 'connect-failed'
	/** No (complete) answer in time: the service may still be processing the request. */
	| 'timeout'
	/** The connection broke after the request was sent. */
	| 'connection-lost'
	/** Something answered that is not the service (proxy page, HTTP 5xx without the service's markers). */
	| 'invalid-response';

/** The answer was lost or unusable. `outcomeUnknown` tells whether a document may nevertheless have been created. */
export class TransportError extends Error {
	constructor(
		readonly failure: TransportFailure,
		message: string,
		readonly outcomeUnknown: boolean,
		readonly httpStatus?: number,
	) {
		super(message);
		this.name = 'TransportError';
	}
}
