/** Queue of injected faults; each applies to the next matching request(s). */
import type { FaultOptions, SzamlaFault } from './types';
import type { ActionInfo } from './actions';

interface Pending {
	fault: SzamlaFault;
	remaining: number;
	operation?: string;
}

/** Faults that only make sense for some requests: the root elements they apply to. */
const ONLY_FOR: Record<string, ReadonlySet<string>> = {
	'mail-failed-56': new Set(['xmlszamla']),
	'lost-answer-stalled': new Set(['xmlszamla', 'xmlnyugtacreate']),
};

export function faultName(fault: SzamlaFault): string {
	return typeof fault === 'string' ? fault : 'slow';
}

export class FaultQueue {
	private pending: Pending[] = [];

	add(fault: SzamlaFault, opts: FaultOptions = {}): void {
		const times = opts.times ?? 1;
		if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer');
		if (typeof fault !== 'string' && !(typeof fault?.slowMs === 'number' && fault.slowMs >= 0)) {
			throw new Error(`Unknown fault ${JSON.stringify(fault)}`);
		}
		this.pending.push({ fault, remaining: times, operation: opts.operation });
	}

	/** Take the first fault that matches this request (action may be unknown when the request is malformed). */
	take(action: ActionInfo | undefined): SzamlaFault | undefined {
		const idx = this.pending.findIndex((p) => {
			if (p.operation && p.operation !== action?.root && p.operation !== action?.field) return false;
			const only = ONLY_FOR[faultName(p.fault)];
			if (only && !only.has(action?.root ?? '')) return false;
			return true;
		});
		if (idx < 0) return undefined;
		const p = this.pending[idx];
		if (--p.remaining <= 0) this.pending.splice(idx, 1);
		return p.fault;
	}

	clear(): void {
		this.pending = [];
	}

	get size(): number {
		return this.pending.length;
	}
}
