/**
 * Our code under measurement, loaded from dist/ (what the package ships; `npm run bench` builds it first) or, with
 * BENCH_SOURCE=src, straight from the TypeScript sources (quicker when profiling a change). Every bench file gets the
 * node, the session store and the transport from here, so they always share one module instance.
 */
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const SOURCE = process.env.BENCH_SOURCE === 'src' ? 'src' : 'dist';

// Explicit extensions: 'SzamlaAgent.node' would otherwise resolve to the codex file SzamlaAgent.node.json.
function load<T>(path: string): T {
	return require(SOURCE === 'dist' ? join(ROOT, 'dist', `${path}.js`) : join(ROOT, `${path}.ts`)) as T;
}

export const { SzamlaAgent } = load<typeof import('../../nodes/SzamlaAgent/SzamlaAgent.node')>('nodes/SzamlaAgent/SzamlaAgent.node');
export const { Ekaer } = load<typeof import('../../nodes/Ekaer/Ekaer.node')>('nodes/Ekaer/Ekaer.node');
export const { SzamlaAgentApi } = load<typeof import('../../credentials/SzamlaAgentApi.credentials')>('credentials/SzamlaAgentApi.credentials');
export const { EkaerApi } = load<typeof import('../../credentials/EkaerApi.credentials')>('credentials/EkaerApi.credentials');
export const { sharedSessionStore } = load<typeof import('../../nodes/SzamlaAgent/client/session')>('nodes/SzamlaAgent/client/session');
export const { closeDispatchers } = load<typeof import('../../nodes/shared/transport')>('nodes/shared/transport');
export const { createInvoice } = load<typeof import('../../nodes/SzamlaAgent/protocol/operations/createInvoice')>('nodes/SzamlaAgent/protocol/operations/createInvoice');
export const { computeLine } = load<typeof import('../../nodes/SzamlaAgent/protocol/amounts')>('nodes/SzamlaAgent/protocol/amounts');
export const { buildMultipart } = load<typeof import('../../nodes/shared/multipart')>('nodes/shared/multipart');
