/**
 * EKÁER answers → typed results or errors.
 *
 * Three kinds of answer (ekaer.md §4): a normal response root (HTTP 200, even for bad credentials and schema errors),
 * an HTTP 500 `technicalFault` in a different namespace (see parseFault.ts), and anything else (proxy or gateway
 * pages), which is reported as a transport problem. Namespace prefixes are ignored.
 */
import { XMLValidator } from 'fast-xml-parser';
import { ServiceError, TransportError } from '../../shared/errors';
import { redact } from '../../shared/redact';
import { createXmlParser, textOf } from '../../shared/xml';
import { CARD_ARRAY_ELEMENTS, parseTradeCardInfo } from './parseCard';
import { technicalFaultError } from './parseFault';
import { explainReasonCode, explainValidationCode, isRetryableReasonCode, isSuccessFuncCode, toFuncCode } from './reasonCodes';
import type { OperationName, OperationOutcome, TradeCardInfo } from './types';

const parser = createXmlParser([...CARD_ARRAY_ELEMENTS, 'operationResult', 'tradeCardInfo', 'NAVValidation', 'warning']);

export interface EkaerAnswer {
	status: number;
	body: Buffer | string;
	contentType?: string;
}

export interface ParseOptions {
	/** Values that must never appear in an error (password hash, signing key): the vendor text may echo input. */
	secrets?: ReadonlyArray<string | undefined>;
}

type Raw = Record<string, unknown>;

function asObject(value: unknown): Raw {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
}

function snippet(text: string): string {
	return text
		.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 160);
}

function notTheService(answer: EkaerAnswer, text: string, options: ParseOptions): TransportError {
	const what = answer.contentType ? `${answer.contentType}` : 'no content type';
	const shown = redact(snippet(text), options.secrets ?? []);
	return new TransportError(
		'invalid-response',
		`The EKÁER endpoint answered with something that is not an EKÁER response (HTTP ${answer.status}, ${what})` +
			(shown ? `: ${shown}` : ''),
		// Such pages come from proxies/gateways that may have forwarded the request: the outcome is not known.
		true,
		answer.status,
	);
}

/** Parse the body and return [root element name, root content]. */
function parseRoot(answer: EkaerAnswer, options: ParseOptions): [string, Raw] {
	const text = Buffer.isBuffer(answer.body) ? answer.body.toString('utf8') : answer.body;
	// The parser is lenient with unclosed tags; a truncated answer must not pass for an empty result.
	if (!text.trimStart().startsWith('<') || XMLValidator.validate(text) !== true) throw notTheService(answer, text, options);
	let doc: Raw;
	try {
		doc = asObject(parser.parse(text));
	} catch {
		throw notTheService(answer, text, options);
	}
	const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('!'));
	if (roots.length !== 1) throw notTheService(answer, text, options);
	return [roots[0], asObject(doc[roots[0]])];
}

interface BaseResult {
	funcCode: string;
	reasonCode: string;
	message?: string;
}

function baseResult(raw: unknown): BaseResult {
	const r = asObject(raw);
	const message = textOf(r.msg);
	return { funcCode: textOf(r.funcCode) ?? '', reasonCode: textOf(r.reasonCode) ?? '', message: message || undefined };
}

function serviceError(result: BaseResult, status: number, options: ParseOptions, outcomeUnknown: boolean): ServiceError {
	return new ServiceError({
		service: 'EKÁER',
		code: result.reasonCode || 'UNKNOWN',
		vendorMessage: redact(result.message ?? '', options.secrets ?? []),
		explanation: explainReasonCode(result.reasonCode),
		retryable: isRetryableReasonCode(result.reasonCode),
		outcomeUnknown,
		httpStatus: status,
	});
}

/** Accept the expected root; turn technicalFault and foreign roots into errors; a request-level ERROR is thrown by the caller. */
function expectRoot(answer: EkaerAnswer, rootName: string, options: ParseOptions): Raw {
	const [name, root] = parseRoot(answer, options);
	if (name === rootName) return root;
	if (name === 'technicalFault' || name === 'fault') throw technicalFaultError(root, answer.status, options.secrets ?? []);
	const text = Buffer.isBuffer(answer.body) ? answer.body.toString('utf8') : answer.body;
	throw notTheService(answer, text, options);
}

function validations(raw: unknown): OperationOutcome['validations'] {
	const list = asObject(raw).NAVValidation;
	return (Array.isArray(list) ? list : []).map((v) => {
		const r = asObject(v);
		const code = textOf(r.code) ?? '';
		const message = textOf(r.message);
		return message ? { code, message } : { code, message: explainValidationCode(code) };
	});
}

function warnings(raw: unknown): string[] {
	const list = asObject(raw).warning;
	return (Array.isArray(list) ? list : []).map((w) => textOf(w) ?? '').filter(Boolean);
}

const OPERATION_NAMES = new Set<OperationName>(['create', 'modify', 'delete', 'finalize', 'correction']);

function outcome(raw: unknown, options: ParseOptions): OperationOutcome {
	const r = asObject(raw);
	const result = asObject(r.result);
	const base = baseResult(result);
	const operation = textOf(result.operation) as OperationName;
	const funcCode = toFuncCode(base.funcCode);
	const info = r.tradeCardInfo;
	const tradeCard = Array.isArray(info) && info.length > 0 ? parseTradeCardInfo(info[0]) : undefined;
	const entry: OperationOutcome = {
		index: Number(textOf(result.index)),
		operation: OPERATION_NAMES.has(operation) ? operation : ('' as OperationName),
		ok: isSuccessFuncCode(funcCode),
		funcCode,
		reasonCode: base.reasonCode,
		validations: validations(r.NAVValidations),
		warnings: warnings(r.warnings),
	};
	if (base.message !== undefined) entry.message = redact(base.message, options.secrets ?? []);
	if (base.reasonCode && base.reasonCode !== 'SUCCESS') entry.explanation = explainReasonCode(base.reasonCode);
	if (tradeCard) entry.tradeCard = tradeCard;
	return entry;
}

/**
 * manageTradeCardsResponse → one outcome per sent operation, in input order (wire index i+1 ↔ operations[i]).
 *
 * A request-level ERROR without operation results (bad credentials, schema errors) throws ServiceError. If the
 * service nevertheless returned operation results, they are returned: some of them may have created cards.
 * An operation the answer says nothing about gets reasonCode NO_RESULT and ok=false.
 */
export function parseManageResponse(
	answer: EkaerAnswer,
	operations: ReadonlyArray<{ operation: OperationName }>,
	options: ParseOptions = {},
): OperationOutcome[] {
	const root = expectRoot(answer, 'manageTradeCardsResponse', options);
	const top = baseResult(root.result);
	const results = asObject(root.tradeCardOperationsResults).operationResult;
	const parsed = (Array.isArray(results) ? results : []).map((r) => outcome(r, options));
	if (parsed.length === 0 && !isSuccessFuncCode(top.funcCode)) {
		throw serviceError(top, answer.status, options, false);
	}
	const byIndex = new Map(parsed.map((o) => [o.index, o]));
	return operations.map((op, i) => {
		const found = byIndex.get(i + 1);
		if (found) return found.operation ? found : { ...found, operation: op.operation };
		return {
			index: i + 1,
			operation: op.operation,
			ok: false,
			funcCode: 'ERROR',
			reasonCode: 'NO_RESULT',
			explanation:
				'The EKÁER answer contains no result for this operation. Check the card (Get Many by order number) before sending it again.',
			validations: [],
			warnings: [],
		};
	});
}

/** queryTradeCardsResponse → cards; a request-level ERROR throws ServiceError. */
export function parseQueryResponse(answer: EkaerAnswer, options: ParseOptions = {}): TradeCardInfo[] {
	const root = expectRoot(answer, 'queryTradeCardsResponse', options);
	const top = baseResult(root.result);
	if (!isSuccessFuncCode(top.funcCode)) throw serviceError(top, answer.status, options, false);
	const cards = asObject(root.tradeCards).tradeCardInfo;
	return (Array.isArray(cards) ? cards : []).map(parseTradeCardInfo);
}

