/**
 * What every Számla Agent answer has in common, whatever the operation: the maintenance flag, the two error channels
 * (szlahu_ headers and the body's hibakod/hibauzenet — some operations use only one, szamla-agent.md §3.1), the body
 * shape (v2 XML, v1 text, raw PDF) and the check that the service, not a proxy, answered.
 */
import { TransportError } from '../../../shared/errors';
import { createXmlParser } from '../../../shared/xml';
import { maintenanceError } from '../errorCodes';
import type { OperationFacts } from '../operation';
import type { RawResponse } from '../types/response';
import { readSzlahuHeaders, type SzlahuHeaders } from './headers';
import { bool, text, type XmlObject } from './values';

export type BodyKind = 'xml' | 'pdf' | 'text' | 'html' | 'empty';

export interface ServiceFailure {
	/** "" when the service gave a message without a code. */
	code: string;
	message: string;
}

export interface Envelope {
	operation: OperationFacts;
	status: number;
	szlahu: SzlahuHeaders;
	kind: BodyKind;
	/** Root element name without namespace prefix (xml bodies only). */
	root?: string;
	/** The root element's content (xml bodies only). */
	xml?: XmlObject;
	/** The body as text (text bodies only). */
	text?: string;
	/** v1 success text `xmlagentresponse=DONE;<number>`: the number. */
	v1InvoiceNumber?: string;
	/** The service reported an error on either channel. */
	failure?: ServiceFailure;
}

/** Elements that repeat somewhere in the answers; they always come back as arrays. */
const PARSER = createXmlParser(['tetel', 'kifizetes', 'afakulcsossz', 'taxpayerAddressItem']);

function bodyKind(raw: RawResponse, bodyText: string): BodyKind {
	const contentType = (raw.headers['content-type'] ?? '').toLowerCase();
	if (raw.body.subarray(0, 5).toString('latin1') === '%PDF-' || contentType.includes('application/pdf')) return 'pdf';
	const start = bodyText.trimStart();
	if (start === '') return 'empty';
	if (contentType.includes('text/html') || /^<(!doctype\s+html|html[\s>])/i.test(start)) return 'html';
	if (start.startsWith('<')) return 'xml';
	return 'text';
}

/** The root name and content of an XML body (every answer shape), or undefined when it is not XML. */
export function parseXml(bodyText: string): { root: string; xml: XmlObject } | undefined {
	let parsed: XmlObject;
	try {
		parsed = PARSER.parse(bodyText) as XmlObject;
	} catch {
		return undefined;
	}
	const root = Object.keys(parsed).find((k) => !k.startsWith('?') && !k.startsWith('#'));
	if (!root) return undefined;
	const value = parsed[root];
	return { root, xml: value && typeof value === 'object' ? (value as XmlObject) : {} };
}

/** v1 error text: `[ERR] <message> ---------- t.getMessage(): … [CEG:…] …` and a Java stack trace; keep the message. */
function v1ErrorMessage(bodyText: string): string | undefined {
	const match = /^\s*\[ERR\]\s*([\s\S]*?)(?:\s*-{5,}|$)/.exec(bodyText);
	return match ? match[1].trim() : undefined;
}

function describeBody(kind: BodyKind, root?: string): string {
	if (kind === 'xml') return root ? `an unexpected <${root}> document` : 'unreadable XML';
	if (kind === 'html') return 'an HTML page (probably a proxy or error page)';
	if (kind === 'empty') return 'an empty body';
	if (kind === 'pdf') return 'a PDF';
	return 'unexpected text';
}

/** The answer could not have come from the Számla Agent, or has a shape the operation never returns. */
export function unexpectedAnswer(env: Pick<Envelope, 'operation' | 'status' | 'kind' | 'root'>, expected: string): TransportError {
	const writes = env.operation.writes;
	return new TransportError(
		'invalid-response',
		`Unusable answer from Számlázz.hu: HTTP ${env.status} with ${describeBody(env.kind, env.root)} instead of ${expected}` +
			(writes ? '; the request may nevertheless have been processed' : ''),
		writes,
		env.status,
	);
}

/** Known service roots: with one of these the service answered, even without szlahu_ headers. */
const SERVICE_ROOTS = new Set([
	'xmlszamlavalasz',
	'szamla',
	'xmlszamladbkdelvalasz',
	'xmlnyugtavalasz',
	'xmlnyugtasendvalasz',
	'QueryTaxpayerResponse',
]);

export function openEnvelope(operation: OperationFacts, raw: RawResponse): Envelope {
	const szlahu = readSzlahuHeaders(raw.headers);
	if (szlahu.down && szlahu.down.toLowerCase() !== 'false') throw maintenanceError(raw.status);

	const bodyText = raw.body.toString('utf8').replace(/^\uFEFF/, '');
	const kind = bodyKind(raw, bodyText);
	const env: Envelope = { operation, status: raw.status, szlahu, kind };
	if (kind === 'xml') {
		const parsed = parseXml(bodyText);
		if (parsed) {
			env.root = parsed.root;
			env.xml = parsed.xml;
		}
	} else if (kind === 'text') {
		env.text = bodyText.trim();
		const done = /^xmlagentresponse=DONE;(.*)$/m.exec(env.text);
		if (done) env.v1InvoiceNumber = done[1].trim() || undefined;
	}

	const fromService = szlahu.present || (env.root !== undefined && SERVICE_ROOTS.has(env.root));
	const ok = raw.status >= 200 && raw.status < 300;
	if (!fromService && (!ok || kind === 'html' || kind === 'empty' || kind === 'xml')) {
		throw unexpectedAnswer(env, 'a Számla Agent answer');
	}

	// Body first: the header message is cut to one sentence and form-encoded.
	const bodyCode = text(env.xml?.hibakod);
	const bodyMessage = text(env.xml?.hibauzenet);
	const v1Message = env.text !== undefined ? v1ErrorMessage(env.text) : undefined;
	const code = bodyCode ?? szlahu.errorCode;
	const message = bodyMessage ?? szlahu.errorMessage ?? v1Message;
	const refused = bool(env.xml?.sikeres) === false;
	if (code !== undefined || refused || v1Message !== undefined || szlahu.errorMessage !== undefined) {
		env.failure = { code: code ?? '', message: message ?? '' };
	}
	return env;
}
