/**
 * Runs an operation over the input items in two phases:
 *
 * 1. prepare: every item is read and validated into a request, before anything is sent. Bad input in item 7 stops the
 *    node before item 0 is sent (or, under Continue On Fail, becomes an error item while the rest go ahead), so a
 *    half-processed sheet never leaves issued documents without their output.
 * 2. send: prepared requests go out one per call or several per call (EKÁER batches), with the chosen number of calls
 *    in flight; output keeps input order and pairing.
 *
 * Without Continue On Fail the first failure stops new calls from starting; those already in flight finish (they may be
 * creating documents), and the error says how many items had already gone through.
 */
import type { IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { errorFacts, toNodeError } from './nodeErrors';

export interface ItemOperation<P> {
	/** Read parameters for item i and return a ready request; throw InputError on bad input. */
	prepare(itemIndex: number): Promise<P> | P;
	/** Send the prepared request and build this item's output items (pairing is added if missing). */
	send(prepared: P, itemIndex: number): Promise<INodeExecutionData[]>;
	/** Optional: work that can be done ahead for an item about to be sent (see BatchOperation.warm). */
	warm?(prepared: P): void;
}

export interface PreparedItem<P> {
	prepared: P;
	itemIndex: number;
}

/** One result per item of a batch, in batch order: its output items, or the error that item got. */
export type BatchResult = { outputs: INodeExecutionData[] } | { error: unknown };

export interface BatchOperation<P> {
	prepare(itemIndex: number): Promise<P> | P;
	/** Send several prepared items in one call. Throwing fails every item of the batch. */
	sendBatch(batch: Array<PreparedItem<P>>): Promise<BatchResult[]>;
	/**
	 * Optional: finish an item's request ahead (e.g. serialise its XML) while an earlier call's answer is awaited, so
	 * that CPU work is not added to the wall time of a sequential run. Must not fail; sending does the same work again
	 * if it did not happen.
	 */
	warm?(prepared: P): void;
}

/** Most calls in flight at once, whatever an expression in "Parallel Requests" says (the UI offers 1–8). */
export const MAX_CONCURRENCY = 8;

/** The number of calls in flight for a "Parallel Requests" value: a whole number in 1…MAX_CONCURRENCY, 1 when unusable. */
export function clampConcurrency(value: unknown): number {
	const n = Math.trunc(Number(value ?? 1));
	return Number.isFinite(n) ? Math.min(MAX_CONCURRENCY, Math.max(1, n)) : 1;
}

export interface RunOptions {
	/** How many calls may be in flight at once (1 = strictly sequential); clamped here, see clampConcurrency. */
	concurrency?: number;
	/** Items per call (batch operations only). */
	batchSize?: number;
	/** Secrets to scrub from any error message or error item. */
	secrets?: ReadonlyArray<string | undefined>;
	/** Which input items to run (default: all). */
	itemIndexes?: number[];
	/** Input items an error item pairs with (default: the item itself), e.g. all rows grouped into one invoice. */
	pairedItems?: (itemIndex: number) => IPairedItemData[];
}

type Slot = BatchResult | undefined;

/**
 * What earlier tries of this very node run did, per input item. n8n's "Retry On Fail" runs the whole node again after
 * a failure (under Continue On Fail: when the first output item is an error item), with the same execute data object.
 * Without this memory a retry would issue again every document the failed try had already issued, and resend a create
 * whose answer was lost. Keyed by that object, so a later run of the node (a loop) or another execution starts clean,
 * and the entry goes away with the execution.
 */
type EarlierTry = { outputs: INodeExecutionData[] } | { error: unknown };
const earlierTries = new WeakMap<object, Map<number, EarlierTry>>();

function earlierTriesOf(ctx: IExecuteFunctions): Map<number, EarlierTry> | undefined {
	let key: unknown;
	try {
		key = typeof ctx.getExecuteData === 'function' ? ctx.getExecuteData() : undefined;
	} catch {
		key = undefined;
	}
	if (!key || typeof key !== 'object') return undefined;
	let tries = earlierTries.get(key);
	if (!tries) {
		tries = new Map();
		earlierTries.set(key, tries);
	}
	return tries;
}

function outcomeUnknown(error: unknown): boolean {
	return errorFacts(error, []).outcomeUnknown === true;
}

/** Adds pairing where missing, and drops unset top-level JSON fields so outputs show only what the service gave. */
function paired(items: INodeExecutionData[], itemIndex: number): INodeExecutionData[] {
	return items.map((item) => {
		for (const key of Object.keys(item.json)) if (item.json[key] === undefined) delete item.json[key];
		if (item.binary === undefined) delete item.binary;
		return item.pairedItem === undefined ? { ...item, pairedItem: { item: itemIndex } } : item;
	});
}

export async function runBatches<P>(
	ctx: IExecuteFunctions,
	operation: BatchOperation<P>,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const indexes = options.itemIndexes ?? ctx.getInputData().map((_, i) => i);
	const secrets = options.secrets ?? [];
	const continueOnFail = ctx.continueOnFail();
	const errorOutput = continueOnFail && ctx.getNode().onError === 'continueErrorOutput';
	const slots: Slot[] = new Array(indexes.length);

	// Phase 1: validate everything before sending anything.
	const ready: Array<PreparedItem<P> & { slot: number }> = [];
	for (let k = 0; k < indexes.length; k++) {
		try {
			ready.push({ prepared: await operation.prepare(indexes[k]), itemIndex: indexes[k], slot: k });
		} catch (error) {
			if (!continueOnFail) throw toNodeError(ctx.getNode(), error, indexes[k], secrets);
			slots[k] = { error };
		}
	}

	// A retry of this node run: items done before keep their result; a lost answer is reported again, not resent.
	const tries = earlierTriesOf(ctx);
	let succeeded = 0;
	let stopped = false;
	const toSend: typeof ready = [];
	for (const entry of ready) {
		const earlier = tries?.get(entry.itemIndex);
		if (!earlier) toSend.push(entry);
		else if ('outputs' in earlier) {
			slots[entry.slot] = earlier;
			succeeded++;
		} else {
			slots[entry.slot] = earlier;
			// The first try stopped at this item; items after it wait until someone has checked what happened to it.
			if (!continueOnFail) stopped = true;
		}
	}

	// Phase 2: send in batches, at most `concurrency` calls in flight.
	const batchSize = Math.max(1, options.batchSize ?? 1);
	const batches: Array<typeof ready> = [];
	for (let start = 0; start < toSend.length; start += batchSize) batches.push(toSend.slice(start, start + batchSize));
	const concurrency = clampConcurrency(options.concurrency);
	let next = 0;
	/**
	 * Once the request just started is on the wire, prepare the batch that comes next. undici writes it from a callback
	 * of its own later in this turn of the event loop, so a setImmediate queued here would run first and hold the write
	 * back by the whole warm-up (measured: 0.06 → 0.7 ms from dispatch to headers sent); a timer runs after it.
	 */
	const warmAhead = (upcoming: typeof ready | undefined) => {
		const warm = operation.warm;
		if (!warm || !upcoming) return;
		setTimeout(() => {
			for (const entry of upcoming) {
				try {
					warm(entry.prepared);
				} catch {
					// Sending repeats the work and reports whatever went wrong for that item.
				}
			}
		});
	};
	const worker = async () => {
		while (!stopped && next < batches.length) {
			const batch = batches[next++];
			let results: BatchResult[];
			try {
				const pending = operation.sendBatch(batch.map(({ prepared, itemIndex }) => ({ prepared, itemIndex })));
				warmAhead(batches[next]);
				results = await pending;
			} catch (error) {
				results = batch.map(() => ({ error }));
			}
			batch.forEach((entry, n) => {
				const result = results[n] ?? { error: new Error('The service returned no result for this item') };
				if ('outputs' in result) {
					slots[entry.slot] = { outputs: paired(result.outputs, entry.itemIndex) };
					tries?.set(entry.itemIndex, slots[entry.slot]!);
					succeeded++;
				} else {
					slots[entry.slot] = result;
					if (outcomeUnknown(result.error)) tries?.set(entry.itemIndex, result);
					if (!continueOnFail) stopped = true;
				}
			});
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));

	const out: INodeExecutionData[] = [];
	for (let k = 0; k < indexes.length; k++) {
		const slot = slots[k];
		if (!slot) continue; // not started because an earlier item failed
		if ('outputs' in slot) {
			out.push(...slot.outputs);
			continue;
		}
		if (!continueOnFail) {
			const nodeError = toNodeError(ctx.getNode(), slot.error, indexes[k], secrets);
			if (succeeded > 0) {
				nodeError.description = `${nodeError.description ?? ''} ${succeeded} other item(s) of this run had already been processed successfully before the node stopped; turn on Continue On Fail to get a result per item.`.trim();
			}
			throw nodeError;
		}
		const pairedItem = options.pairedItems ? options.pairedItems(indexes[k]) : { item: indexes[k] };
		if (errorOutput) {
			// n8n moves an item to the error output only when its json is `{ error }` alone (or the item carries an
			// `error` object, which makes n8n replace the json by the bare message and drop the input fields it merges
			// in). So the error branch gets the full message, which names the item, the field or the service code.
			const nodeError = toNodeError(ctx.getNode(), slot.error, indexes[k], secrets);
			out.push({ json: { error: nodeError.message }, pairedItem });
			continue;
		}
		out.push({ json: { ...errorFacts(slot.error, secrets) }, pairedItem });
	}
	return out;
}

/** One call per item. */
export async function runItems<P>(
	ctx: IExecuteFunctions,
	operation: ItemOperation<P>,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	return await runBatches<P>(
		ctx,
		{
			prepare: (i) => operation.prepare(i),
			warm: operation.warm ? (prepared) => operation.warm!(prepared) : undefined,
			async sendBatch([item]) {
				try {
					return [{ outputs: await operation.send(item.prepared, item.itemIndex) }];
				} catch (error) {
					return [{ error }];
				}
			},
		},
		{ ...options, batchSize: 1 },
	);
}
