/**
 * Every Számla Agent error code we have seen documented or observed (szamla-agent.md §3.5), explained in English with
 * what to do. `outcomeUnknown` marks codes after which a document may nevertheless exist, so a create must be looked up
 * before it is sent again; unknown codes are treated the same way, because we cannot tell.
 */
import { ServiceError } from '../../shared/errors';

export interface SzamlaErrorInfo {
	explanation: string;
	retryable: boolean;
	outcomeUnknown: boolean;
	/** The credentials (or the account) were refused: the stored session must go. */
	loginFailure: boolean;
}

function plain(explanation: string): SzamlaErrorInfo {
	return { explanation, retryable: false, outcomeUnknown: false, loginFailure: false };
}

function login(explanation: string): SzamlaErrorInfo {
	return { explanation, retryable: false, outcomeUnknown: false, loginFailure: true };
}

const NET =
	"A line's net amount is not unit price × quantity. Round each line as the service does (net = round(unit price × quantity)) and send again.";
const VAT = "A line's VAT amount is not net × VAT rate / 100. Recompute and round the VAT per line and send again.";
const GROSS = "A line's gross amount is not net + VAT. Send gross = net + VAT for every line.";

export const SZAMLA_ERROR_CODES: Readonly<Record<string, SzamlaErrorInfo>> = Object.freeze({
	'1': {
		explanation:
			'The Számla Agent reported maintenance or an internal error. Try again in a few minutes; for a create, look the document up first because it may have been issued.',
		retryable: true,
		outcomeUnknown: true,
		loginFailure: false,
	},
	'3': login('Login failed: the Agent key (or username and password) was not accepted. Check the credential.'),
	'7': plain(
		'Missing data, or the document was not found (unknown invoice number, order number or external ID; a proforma that was converted or deleted is also gone). Check the identifiers and required fields.',
	),
	'14': plain('A reversal (storno) or credit invoice cannot itself be reversed or credited.'),
	'49': plain('This e-invoice needs the keystore password of your own certificate. Set it up in your Számlázz.hu account.'),
	'52': plain('A line item VAT rate could not be interpreted. Use a numeric rate (e.g. 27) or a valid VAT key (e.g. AAM, TAM).'),
	'53': plain('The request XML did not arrive as a file. This is a client bug; please report it.'),
	'54': plain('E-invoicing is not enabled for this account (package or certificate missing). Turn off e-invoice or enable it in Számlázz.hu.'),
	'55': {
		explanation:
			'Signing the e-invoice failed (expired certificate or time-stamp server trouble). The document may have been created: look it up before sending again; retrying later may work.',
		retryable: true,
		outcomeUnknown: true,
		loginFailure: false,
	},
	'56': {
		explanation:
			'The invoice was probably issued but the notification e-mail failed, and no invoice number came back. Look the invoice up before sending again.',
		retryable: false,
		outcomeUnknown: true,
		loginFailure: false,
	},
	'57': plain('The service could not read the request XML (schema or format error; details in the message). This is usually a client bug; please report it with the message.'),
	'71': plain(
		'A document of this kind with the same order number already exists and the account forbids repeating order numbers. Use a different order number or look up the existing document.',
	),
	'73': plain('The referenced prepayment invoice cannot be identified (or already has a final invoice). Give the prepayment invoice number explicitly.'),
	'135': plain('The same user is logged in to Számlázz.hu in a browser. Log out there, or better, use a dedicated Agent key.'),
	'136': login('Login blocked: the subscription has expired or a Számlázz.hu invoice is unpaid. Settle it in your account.'),
	'152': plain(
		'A document of this kind with this order number already exists and the account forbids repeating order numbers. Use a different order number or look up the existing document.',
	),
	'153': {
		explanation: 'Too many notifications in a short time. Wait at least 15 seconds before sending this receipt again.',
		retryable: true,
		outcomeUnknown: false,
		loginFailure: false,
	},
	'164': login('This user can access several accounts. Use the Agent key of the account instead of username and password.'),
	'173': plain('The issue date cannot be earlier than the date of the last issued invoice. Use a later issue date.'),
	'202': plain('The invoice number prefix is empty or not registered in the account. Register it in Számlázz.hu or use an existing one.'),
	'221': plain('This invoice has a corrective invoice and cannot be reversed.'),
	'250': plain('The account delegation has not been accepted yet. Accept it in Számlázz.hu first.'),
	'259': plain(NET),
	'260': plain(VAT),
	'261': plain(GROSS),
	'262': plain(NET),
	'263': plain(VAT),
	'264': plain(GROSS),
	'335': plain('No such proforma: it was deleted, converted to an invoice, or never existed.'),
	'336': plain('This prefix is already used for invoices and cannot be used for receipts. Choose another receipt prefix.'),
	'337': plain('The receipt prefix may contain only uppercase letters and digits, at most 5 characters.'),
	'338': plain(
		'This receipt call ID was used already, so no duplicate was created (and the earlier result is not returned). Look the receipt up with "Get Receipt".',
	),
	'339': plain('No receipt with this number exists.'),
	'340': plain("The receipt's payments do not add up to its gross total."),
	'352': plain('The issue date may only be today for this document. Leave the issue date empty.'),
	'395': plain('The VAT rate is not accepted. Use a rate or VAT key the service supports.'),
	'396': plain('No date on the invoice may be earlier than 2010-01-01.'),
	'463': plain('Payments cannot be recorded on a reversed invoice or on a reversal invoice.'),
	'537': plain('A line may carry at most 400 data-erasure codes.'),
	'538': plain('Data-erasure codes are not available on demo or test accounts.'),
	'539': plain('Data-erasure codes are turned off in the account settings.'),
});

const UNKNOWN: SzamlaErrorInfo = {
	explanation:
		'The Számla Agent reported an error this node does not know. A document may have been created: look it up before sending again.',
	retryable: false,
	outcomeUnknown: true,
	loginFailure: false,
};

function normaliseCode(code: string | number | undefined): string {
	return String(code ?? '').trim();
}

export function szamlaErrorInfo(code: string | number | undefined): SzamlaErrorInfo {
	return SZAMLA_ERROR_CODES[normaliseCode(code)] ?? UNKNOWN;
}

export function isLoginFailure(code: string | number | undefined): boolean {
	return szamlaErrorInfo(code).loginFailure;
}

/** The service's error as a ServiceError; the vendor message is kept verbatim (the client scrubs secrets later). */
export function describeSzamlaError(code: string | number | undefined, vendorMessage: string, httpStatus?: number): ServiceError {
	const info = szamlaErrorInfo(code);
	return new ServiceError({
		service: 'Számla Agent',
		code: normaliseCode(code),
		vendorMessage,
		explanation: info.explanation,
		retryable: info.retryable,
		outcomeUnknown: info.outcomeUnknown,
		httpStatus,
	});
}

/** `szlahu_down`: the whole service is in maintenance; nothing was processed. */
export function maintenanceError(httpStatus?: number): ServiceError {
	return new ServiceError({
		service: 'Számla Agent',
		code: 'szlahu_down',
		vendorMessage: '',
		explanation: 'Számlázz.hu is down for maintenance and processed nothing. Try again in a few minutes.',
		retryable: true,
		outcomeUnknown: false,
		httpStatus,
	});
}
