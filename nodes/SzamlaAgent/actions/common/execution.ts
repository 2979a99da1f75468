/** Options that change how requests are sent, not what is sent. Shared by every Számla Agent operation. */
import type { ShowWhen } from '../../../shared/n8n/display';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface ExecutionOptions {
	/** "Parallel Requests" as entered; the item runner clamps it. */
	parallelRequests: number;
	reuseSession: boolean;
	/** Per request, for the client (SzamlaAgent.node.ts). */
	timeoutMs?: number;
	/** Invoice › Create: how long to wait before looking up a create whose answer was lost. */
	recoveryWaitMs: number;
}

/**
 * The service can still be working on a create long after its answer was lost: one create stalled ≥ 57 s
 * (szamla-agent.md §4, §7). The default wait outlasts that; the cap keeps an item from hanging for long.
 */
export const RECOVERY_WAIT_DEFAULT_S = 70;
export const RECOVERY_WAIT_MAX_S = 300;

export function executionOptionsProperty(show: ShowWhen, options: { parallel: boolean; recovery?: boolean }): INodeProperties {
	const values: INodeProperties[] = [];
	if (options.recovery) {
		values.push({
			displayName: 'Recovery Wait (Seconds)',
			name: 'recoveryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: RECOVERY_WAIT_MAX_S },
			default: RECOVERY_WAIT_DEFAULT_S,
			description: `Guarded creates only (External ID or Order Number set): when the answer to a create is lost, wait this long, then look the invoice up and report it ("recovered") or report that nothing was issued. The service may take about a minute to finish a create, so shorter waits can end in "outcome unknown". At most ${RECOVERY_WAIT_MAX_S} s.`,
		});
	}
	if (options.parallel) {
		values.push({
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 8 },
			default: 1,
			description:
				'How many requests may run at once (1–8). Higher is faster for large batches; Számlázz.hu limits request rates per account (in test mode 500 invoices per 10 minutes), so stay low unless you need the speed. Output order is kept either way.',
		});
	}
	values.push(
		{
			displayName: 'Reuse Login Session',
			name: 'reuseSession',
			type: 'boolean',
			default: true,
			description:
				'Whether to keep the Számla Agent session cookie (in workflow static data and in memory) so thousands of requests log in once. Turn off only for troubleshooting.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 5, maxValue: 600 },
			default: 60,
			description: 'How long to wait for an answer. A create whose answer times out is never sent again automatically.',
		},
	);
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: values,
	};
}

export function readExecutionOptions(ctx: IExecuteFunctions): ExecutionOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		// As given: the item runner clamps it (clampConcurrency), in one place for both nodes.
		parallelRequests: Number(options.parallelRequests ?? 1),
		reuseSession: options.reuseSession !== false,
		timeoutMs: options.timeoutSeconds ? Number(options.timeoutSeconds) * 1000 : undefined,
		recoveryWaitMs: recoveryWaitMs(options.recoveryWaitSeconds),
	};
}

function recoveryWaitMs(value: unknown): number {
	const seconds = value === undefined || value === '' ? RECOVERY_WAIT_DEFAULT_S : Number(value);
	if (!Number.isFinite(seconds)) return RECOVERY_WAIT_DEFAULT_S * 1000;
	return Math.min(RECOVERY_WAIT_MAX_S, Math.max(0, seconds)) * 1000;
}
