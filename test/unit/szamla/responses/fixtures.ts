/** Vendor samples are read from ../shared (never copied into the repo) and wrapped as raw answers. */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { RawResponse } from '../../../../nodes/SzamlaAgent/protocol/types/response';
import { OPERATIONS, type OperationName } from '../requests/builders';

const SAMPLES = join(__dirname, '../../../../../shared/samples/szamla');

export function sample(name: string): Buffer {
	return readFileSync(join(SAMPLES, name));
}

export function answer(body: Buffer | string, headers: Record<string, string> = {}, status = 200): RawResponse {
	return { status, headers, body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body };
}

/** An answer built from a vendor sample with typical XML headers. */
export function sampleAnswer(name: string, headers: Record<string, string> = {}, status = 200): RawResponse {
	return answer(sample(name), { 'content-type': 'application/octet-stream', ...headers }, status);
}

/** An answer read as the named operation's (for a request that asks for no preview). */
export function parseResponse<Name extends OperationName>(name: Name, raw: RawResponse): ReturnType<(typeof OPERATIONS)[Name]['parse']> {
	const operation = OPERATIONS[name] as unknown as { parse(answer: RawResponse, request: object): ReturnType<(typeof OPERATIONS)[Name]['parse']> };
	return operation.parse(raw, {});
}
