/**
 * The duplicate guard of Invoice › Create ("If It Already Exists"): before issuing, look the invoice up by its
 * External ID (or Order Number); issue only when no invoice of the same kind exists under that key.
 *
 * `DuplicateGuard.run` is the one entry point: it serialises items that share a key within one node run (the second
 * item's look-up must see the first one's invoice, or both would be issued even with parallel requests), and holds
 * the document lock across executions and workers from the look-up until the create's outcome is known; a 152 or a
 * lost answer on the create is resolved there too (exactlyOnce.ts).
 */
import { InputError, ServiceError } from '../../../../shared/errors';
import { sumLines } from '../../../protocol/amounts';
import { getInvoiceData, type InvoiceData } from '../../../protocol/operations/getInvoiceData';
import { getInvoicePdf, type InvoiceResult } from '../../../protocol/operations/getInvoicePdf';
import type { InvoiceKind } from '../../../protocol/types/common';
import type { InvoiceSelector } from '../../../protocol/types/invoiceRequests';
import { documentLock, withLock, type DocumentLock } from '../../../../shared/lock';
import type { SzamlaContext } from '../../context';
import {
	findRefused,
	isLostAnswer,
	isOrderNumberRefusal,
	lockKey,
	lockOptions,
	recoverLostCreate,
	recoveredWarning,
	recoveryError,
	type InvoiceKeys,
} from './exactlyOnce';

export type IfExists = 'returnExisting' | 'fail' | 'createAnyway';

/** Where the guard looks and what it does with a match. */
export interface GuardSpec {
	selector: InvoiceSelector;
	ifExists: Exclude<IfExists, 'createAnyway'>;
	/** Both keys as given: after a 152 or a lost answer the invoice is looked up by each. */
	keys: InvoiceKeys;
}

/** The guard of one invoice, or undefined when it does not apply (no key, "Create Anyway", or a preview). */
export function guardFor(ifExists: IfExists, keys: { externalId?: string; orderNumber?: string }, preview: boolean): GuardSpec | undefined {
	const selector: InvoiceSelector | undefined = keys.externalId
		? { externalId: keys.externalId }
		: keys.orderNumber
			? { orderNumber: keys.orderNumber }
			: undefined;
	if (!selector || ifExists === 'createAnyway' || preview) return undefined;
	return { selector, ifExists, keys: { externalId: keys.externalId, orderNumber: keys.orderNumber } };
}

/** The key two guarded items collide on (and a lock would be taken on). */
export function guardKey(selector: InvoiceSelector): string {
	return JSON.stringify(selector);
}

/** The existing invoice in the shape a fresh create returns, and the key it was found under (for messages). */
export interface ExistingInvoice {
	result: InvoiceResult;
	/** E.g. `External ID "shop:1001"`. */
	where: string;
}

function keyLabel(selector: InvoiceSelector): { label: string; value: string } {
	if ('externalId' in selector) return { label: 'External ID', value: selector.externalId };
	if ('orderNumber' in selector) return { label: 'Order Number', value: selector.orderNumber };
	return { label: 'Invoice Number', value: selector.invoiceNumber };
}

/** Gross minus recorded payments, exactly: what `kintlevoseg` would say, for answers that lack it. */
function outstandingOf(data: InvoiceData): number | undefined {
	const gross = data.totals.grossAmount;
	if (gross === undefined) return undefined;
	const paid = data.payments.map((p) => ({ netAmount: 0, vatAmount: 0, grossAmount: -(p.amount ?? 0) }));
	return sumLines([{ netAmount: 0, vatAmount: 0, grossAmount: gross }, ...paid]).grossAmount;
}

/**
 * The invoice of this kind under the selector, not reversed, or undefined. Two reads: the invoice data (kind, reversal,
 * totals, payments) and, when one matches, its PDF answer, which carries what a create answer carries and the data
 * does not (the buyer portal URL, the outstanding amount) — so an existing invoice comes out with the same fields.
 */
export async function findExisting(
	szamla: SzamlaContext,
	selector: InvoiceSelector,
	kind: InvoiceKind,
	expect: { orderNumber?: string } = {},
): Promise<ExistingInvoice | undefined> {
	let data: InvoiceData;
	try {
		data = await szamla.client.send(getInvoiceData, { ...selector, includePdf: false });
	} catch (error) {
		if (error instanceof ServiceError && error.details.code === '7') return undefined; // not found: create it
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- any other failure is the item's: the item runner turns it into a NodeApiError/NodeOperationError with the item index (nodes/shared/n8n/nodeErrors.ts)
		throw error;
	}
	// An order number is shared by the proforma, prepayment and final documents of one order: only the same kind counts.
	if (data.header.kind !== kind || data.header.reversed) return undefined;
	// Adopting a found invoice as "ours" (after a 152 or a lost answer): its order number must be ours too.
	if (expect.orderNumber && data.header.orderNumber && data.header.orderNumber.trim() !== expect.orderNumber.trim()) return undefined;
	const invoiceNumber = data.header.invoiceNumber;
	const answer = await szamla.client.send(getInvoicePdf, { invoiceNumber });
	const { label, value } = keyLabel(selector);
	return {
		result: {
			invoiceNumber,
			documentId: data.header.documentId ?? answer.documentId,
			netTotal: data.totals.netAmount ?? answer.netTotal,
			grossTotal: data.totals.grossAmount ?? answer.grossTotal,
			outstandingAmount: answer.outstandingAmount ?? outstandingOf(data),
			buyerPortalUrl: answer.buyerPortalUrl,
			pdf: answer.pdf,
			warnings: [`Not issued again: invoice ${invoiceNumber} already exists with ${label} "${value}"`],
		},
		where: `${label} "${value}"`,
	};
}

/** "If It Already Exists = Fail": the invoice is there, so this is no input to fix; say which one and the ways on. */
function alreadyExists(found: ExistingInvoice, selector: InvoiceSelector): InputError {
	const { label } = keyLabel(selector);
	return new InputError(
		'If It Already Exists',
		`invoice ${found.result.invoiceNumber} already exists with ${found.where}; nothing was issued`,
		`To get the existing invoice as this item's output, set If It Already Exists to "Return the Existing Invoice". To issue another invoice, give it a different ${label}.`,
	);
}

export interface GuardedIssue<T> {
	/** Issue the invoice: nothing matching exists. */
	issue(): Promise<T>;
	/** Output for the existing invoice ("Return the Existing Invoice"), found before or after a 152. */
	existing(found: ExistingInvoice): Promise<T>;
	/** Output for the invoice this item's own create issued although its answer was lost. */
	recovered(found: ExistingInvoice): Promise<T>;
}

export interface GuardOptions {
	/** How long to wait before looking up a create whose answer was lost (Options › Recovery Wait). */
	recoveryWaitMs: number;
	/** Defaults to this process's lock (Redis in queue mode). */
	lock?: DocumentLock;
}

/** One per node run: the per-key queues live as long as the run. */
export class DuplicateGuard {
	private readonly queues = new Map<string, Promise<unknown>>();
	private readonly lock: DocumentLock;

	constructor(
		private readonly szamla: SzamlaContext,
		private readonly options: GuardOptions,
	) {
		this.lock = options.lock ?? documentLock();
	}

	/** Look up, then issue or return the existing invoice; items with the same key go one after the other. */
	async run<T>(guard: GuardSpec, kind: InvoiceKind, steps: GuardedIssue<T>): Promise<T> {
		const key = guardKey(guard.selector);
		const previous = this.queues.get(key) ?? Promise.resolve();
		const mine = previous.then(async () =>
			withLock(
				this.lock,
				lockKey(this.szamla.account, guard.selector, kind),
				lockOptions(this.szamla.timeoutMs, this.options.recoveryWaitMs),
				async (held) => {
					const found = await findExisting(this.szamla, guard.selector, kind);
					if (found) return await this.existing(guard, found, steps);
					// A holder whose lock expired (it stalled past the TTL) must not create: another may be doing so.
					if (!(await held.stillHeld())) {
						throw new Error('the duplicate-guard lock expired before the invoice was sent; nothing was sent for this item — run it again');
					}
					return await this.issue(guard, kind, steps);
				},
			),
		);
		// The next item with this key waits for this one, whatever its outcome.
		this.queues.set(
			key,
			mine.catch(() => undefined),
		);
		return await mine;
	}

	private async existing<T>(guard: GuardSpec, found: ExistingInvoice, steps: GuardedIssue<T>): Promise<T> {
		if (guard.ifExists === 'fail') throw alreadyExists(found, guard.selector);
		return await steps.existing(found);
	}

	/** The create, and what a 152 or a lost answer on it means for this item. */
	private async issue<T>(guard: GuardSpec, kind: InvoiceKind, steps: GuardedIssue<T>): Promise<T> {
		try {
			return await steps.issue();
		} catch (error) {
			if (isOrderNumberRefusal(error) && guard.keys.orderNumber) {
				return await this.existing(guard, await findRefused(this.szamla, guard.keys, kind, error), steps);
			}
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- not a lost answer: the item runner turns it into a NodeApiError/NodeOperationError with the item index (nodes/shared/n8n/nodeErrors.ts)
			if (!isLostAnswer(error)) throw error;
			const recovery = await recoverLostCreate(this.szamla, guard.keys, kind, this.options.recoveryWaitMs);
			if (!('found' in recovery)) throw recoveryError(error, guard.keys, recovery);
			recovery.found.result.warnings = [recoveredWarning(recovery.found, guard.keys, recovery.waitedMs)];
			return await steps.recovered(recovery.found);
		}
	}
}
