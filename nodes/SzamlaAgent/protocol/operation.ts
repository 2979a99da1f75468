/**
 * What one Számla Agent operation is, in one place: its wire facts (the multipart field that selects it, the request's
 * root element and namespace, its schema), whether it can create or change anything, what to tell the user when such a
 * call ends without a clear answer, how its request XML is built and how its answer is read. Each operation is one file
 * under ./operations; `SzamlaAgentClient.send(operation, request)` builds, checks, sends and parses, typed end to end.
 */
import { buildMultipart, type FilePart, type MultipartBody } from '../../shared/multipart';
import type { XmlText } from '../../shared/xml';
import type { AgentAuth } from './types/common';
import type { RawResponse } from './types/response';

/** The facts of an operation that do not depend on its types (what answer parsers and the client need). */
export interface OperationFacts {
	/** English name, e.g. "createInvoice". */
	readonly name: string;
	/** Multipart form field (and file name stem) that selects the operation (szamla-agent.md §1). */
	readonly fieldName: string;
	/** Root element of the request XML; the request's default namespace is `http://www.szamlazz.hu/<root>`. */
	readonly root: string;
	readonly namespace: string;
	/** Schema file name under the vendor's request XSDs (../shared/xsd/szamla/request/<xsd>). */
	readonly xsd: string;
	/** Creates, changes or sends something: never resent, and a lost answer means the outcome is unknown. */
	readonly writes: boolean;
	/** For writes: how to find out what happened after a lost or unusable answer. */
	readonly recoveryHint?: string;
}

/**
 * A request built (and so checked) ahead of sending: the runner builds every item's request before sending any. `xml`
 * is serialised, `bytes` encoded and `body` framed on first read, so all of it can happen while an earlier answer is
 * awaited instead of between an answer and the next request.
 */
export interface PreparedCall<Result> {
	readonly operation: OperationFacts;
	readonly xml: string;
	/** `xml` as UTF-8. */
	readonly bytes: Buffer;
	/** The request as the Agent takes it without attachments: `bytes` as the one file part named after the operation. */
	readonly body: MultipartBody;
	parse(answer: RawResponse): Result;
}

export interface SzamlaOperation<Request, Result> extends OperationFacts {
	/** The request XML; throws InputError naming the field for anything the service would refuse. */
	build(request: Request, auth: AgentAuth): string;
	/** The typed result; throws ServiceError (refused) or TransportError (not a usable answer). */
	parse(answer: RawResponse, request: Request): Result;
	/** build now, parse later. */
	prepare(request: Request, auth: AgentAuth): PreparedCall<Result>;
}

export interface OperationSpec<Request, Result> {
	name: string;
	fieldName: string;
	root: string;
	writes: boolean;
	recoveryHint?: string;
	/** The request document, built and checked now, serialised on demand. */
	document(request: Request, auth: AgentAuth): XmlText;
	parse(answer: RawResponse, request: Request, facts: OperationFacts): Result;
}

/** The file part that carries an operation's request XML; its field name selects the operation (szamla-agent.md §1). */
export function xmlFilePart(operation: OperationFacts, xml: Buffer): FilePart {
	return { field: operation.fieldName, fileName: `${operation.root}.xml`, contentType: 'text/xml', content: xml };
}

export function defineOperation<Request, Result>(spec: OperationSpec<Request, Result>): SzamlaOperation<Request, Result> {
	const facts: OperationFacts = Object.freeze({
		name: spec.name,
		fieldName: spec.fieldName,
		root: spec.root,
		namespace: `http://www.szamlazz.hu/${spec.root}`,
		xsd: `${spec.root}.xsd`,
		writes: spec.writes,
		recoveryHint: spec.recoveryHint,
	});
	const parse = (answer: RawResponse, request: Request) => spec.parse(answer, request, facts);
	return Object.freeze({
		...facts,
		build: (request: Request, auth: AgentAuth) => spec.document(request, auth).text(),
		parse,
		prepare(request: Request, auth: AgentAuth): PreparedCall<Result> {
			const document = spec.document(request, auth);
			let bytes: Buffer | undefined;
			let body: MultipartBody | undefined;
			return {
				operation: facts,
				get xml() {
					return document.text();
				},
				get bytes() {
					return (bytes ??= Buffer.from(document.text(), 'utf8'));
				},
				get body() {
					return (body ??= buildMultipart([xmlFilePart(facts, this.bytes)]));
				},
				parse: (answer) => parse(answer, request),
			};
		},
	});
}
