/** Delete proforma: `xmlszamladbkdelvalasz`. Success carries no szlahu_ headers at all (szamla-agent.md §3.2). */
import { describeSzamlaError } from '../errorCodes';
import type { OperationFacts } from '../operation';
import type { DeleteProformaResult, RawResponse } from '../types/response';
import { openEnvelope, unexpectedAnswer } from './envelope';
import { bool } from './values';

export function parseDeleteProformaResponse(operation: OperationFacts, raw: RawResponse): DeleteProformaResult {
	const env = openEnvelope(operation, raw);
	if (env.failure) throw describeSzamlaError(env.failure.code, env.failure.message, env.status);
	if (env.root !== 'xmlszamladbkdelvalasz' || bool(env.xml?.sikeres) !== true) {
		throw unexpectedAnswer(env, '<xmlszamladbkdelvalasz> with sikeres=true');
	}
	return { deleted: true };
}
