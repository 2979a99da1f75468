/** Injected faults: a queue consumed by matching requests, in injection order. */
import type { EkaerEndpoint, EkaerFault, EkaerFaultOptions } from './types';

interface PendingFault {
	fault: EkaerFault;
	remaining: number;
	endpoint?: EkaerEndpoint;
}

export class FaultQueue {
	private pending: PendingFault[] = [];

	add(fault: EkaerFault, opts: EkaerFaultOptions = {}): void {
		const valid =
			fault === 'technical-fault-500' ||
			fault === 'unmarshal-fault-500' ||
			fault === 'html-page' ||
			fault === 'reset-after-processing' ||
			fault === 'reset-before-processing' ||
			(typeof fault === 'object' && fault !== null && Number.isFinite(fault.slowMs) && fault.slowMs >= 0);
		if (!valid) throw new Error(`unknown EKÁER fault ${JSON.stringify(fault)}`);
		const times = opts.times ?? 1;
		if (!Number.isInteger(times) || times < 1) throw new Error('fault times must be a positive integer');
		if (opts.operation !== undefined && opts.operation !== 'manageTradeCards' && opts.operation !== 'queryTradeCards')
			throw new Error(`unknown operation ${String(opts.operation)}`);
		this.pending.push({ fault, remaining: times, endpoint: opts.operation });
	}

	/** The fault this request suffers, if any (consumes one use). */
	take(endpoint: EkaerEndpoint): EkaerFault | undefined {
		const at = this.pending.findIndex((p) => p.endpoint === undefined || p.endpoint === endpoint);
		if (at < 0) return undefined;
		const entry = this.pending[at];
		if (--entry.remaining === 0) this.pending.splice(at, 1);
		return entry.fault;
	}

	clear(): void {
		this.pending = [];
	}
}
