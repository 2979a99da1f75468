/**
 * What makes a guarded Invoice › Create issue at most one invoice (issue 10), around the query-first guard:
 *
 * - a lock (nodes/shared/lock: in-process, or Redis in queue mode) on account + guard key + document kind, held from
 *   the guard's look-up until the create's outcome is known, so a second delivery of the same order — in another
 *   execution or on another worker — looks up only after the first one's invoice exists;
 * - the service's own guard: with "Disable order number repetition" on, a second document of a kind under one order
 *   number is refused with 152 (or 71). On a guarded create that means the invoice exists: find it and return it;
 * - a lost answer is resolved when it can be: wait past the service's stall window, look the invoice up, and report it
 *   (`recovered`) or report that nothing was issued. Only when that fails too, "outcome unknown".
 * The create itself is never sent twice (the vendor allows at most 5 sends of one request; we send it once, and the
 * look-up of one invoice at most 4 times: the guard's and up to 3 after a lost answer).
 */
import { ServiceError, TransportError } from '../../../../shared/errors';
import type { LockOptions } from '../../../../shared/lock';
import type { InvoiceKind } from '../../../protocol/types/common';
import type { InvoiceSelector } from '../../../protocol/types/invoiceRequests';
import type { SzamlaContext } from '../../context';
import { findExisting, guardKey, type ExistingInvoice } from './duplicateGuard';

/**
 * The stall window: a "not found" sooner than this after a lost answer proves nothing (one create stalled ≥ 57 s).
 * Look-ups after a lost answer: spread over the wait, the last one at its end. Tests shorten the window.
 */
export const recoveryTiming = { stallWindowMs: 60_000, lookUps: 3 };

/** The guard keys of the invoice (external ID, order number) as the user gave them. */
export interface InvoiceKeys {
	externalId?: string;
	orderNumber?: string;
}

export function lockKey(account: string, selector: InvoiceSelector, kind: InvoiceKind): string {
	return `szamla-invoice\n${account}\n${guardKey(selector)}\n${kind}`;
}

/**
 * The lock outlives the slowest single request (timeout + 30 s) and is renewed while held; a waiter waits for the
 * longest a holder can legitimately take: guard look-up (2 reads), create, recovery wait and its look-ups.
 */
export function lockOptions(timeoutMs: number, recoveryWaitMs: number): LockOptions {
	return { ttlMs: timeoutMs + 30_000, waitMs: 5 * timeoutMs + recoveryWaitMs + 30_000 };
}

/** 152 / 71: the account forbids a second document of this kind under the order number. */
export function isOrderNumberRefusal(error: unknown): error is ServiceError {
	return error instanceof ServiceError && (error.details.code === '152' || error.details.code === '71');
}

/** The create's answer is lost or says nothing definite: the invoice may or may not exist. */
export function isLostAnswer(error: unknown): error is TransportError | ServiceError {
	if (error instanceof TransportError) return error.outcomeUnknown;
	return error instanceof ServiceError && error.details.outcomeUnknown;
}

function selectorsOf(keys: InvoiceKeys): InvoiceSelector[] {
	const list: InvoiceSelector[] = [];
	if (keys.externalId) list.push({ externalId: keys.externalId });
	if (keys.orderNumber) list.push({ orderNumber: keys.orderNumber });
	return list;
}

function where(keys: InvoiceKeys): string {
	return keys.externalId ? `External ID "${keys.externalId}"` : `Order Number "${keys.orderNumber}"`;
}

/** After a 152: the invoice of this kind under the order number, by external ID, then by order number. */
export async function findRefused(szamla: SzamlaContext, keys: InvoiceKeys, kind: InvoiceKind, refusal: ServiceError): Promise<ExistingInvoice> {
	for (const selector of selectorsOf(keys)) {
		const found = await findExisting(szamla, selector, kind, { orderNumber: keys.orderNumber });
		if (found) {
			found.result.warnings = [
				`Not issued again: the account refuses a second invoice under Order Number "${keys.orderNumber}" (code ${refusal.details.code}); invoice ${found.result.invoiceNumber} is that order's invoice`,
			];
			return found;
		}
	}
	throw new ServiceError({
		...refusal.details,
		outcomeUnknown: false,
		explanation:
			`Nothing was issued: the account's "Disable order number repetition" setting refused this invoice because a document of this kind already exists under Order Number "${keys.orderNumber}", ` +
			`but looking it up by ${selectorsOf(keys).map((s) => ('externalId' in s ? 'External ID' : 'Order Number')).join(' and ')} did not return it (a newer document of another kind may carry that order number, or it was reversed). Find it in Számlázz.hu by the order number.`,
	});
}

export type Recovery = { found: ExistingInvoice; waitedMs: number } | { notIssued: true; waitedMs: number } | { unknown: string; waitedMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After a lost answer: look the invoice up over `waitMs` (the last look-up at its end). */
export async function recoverLostCreate(szamla: SzamlaContext, keys: InvoiceKeys, kind: InvoiceKind, waitMs: number): Promise<Recovery> {
	const selector = selectorsOf(keys)[0];
	const lookUps = waitMs > 0 ? recoveryTiming.lookUps : 1;
	const started = Date.now();
	let failure: string | undefined;
	for (let n = 1; n <= lookUps; n++) {
		await sleep(Math.max(0, started + (waitMs * n) / lookUps - Date.now()));
		try {
			const found = await findExisting(szamla, selector, kind, { orderNumber: keys.orderNumber });
			if (found) return { found, waitedMs: Date.now() - started };
			failure = undefined;
		} catch (error) {
			failure = `the look-up failed (${error instanceof Error ? error.message : String(error)})`;
		}
	}
	const waitedMs = Date.now() - started;
	if (failure) return { unknown: failure, waitedMs };
	if (waitMs < recoveryTiming.stallWindowMs) {
		return {
			unknown: `no invoice found after ${seconds(waitedMs)} s, but that is shorter than the service's stall window (about ${seconds(recoveryTiming.stallWindowMs)} s), so it may still appear; raise Options › Recovery Wait`,
			waitedMs,
		};
	}
	return { notIssued: true, waitedMs };
}

function seconds(ms: number): number {
	return Math.round(ms / 1000);
}

/** What the lost answer was, in a few words (the client's own message carries a look-it-up hint we now act on). */
function lostAnswerLabel(error: TransportError | ServiceError): string {
	if (error instanceof TransportError) return { timeout: 'timed out', 'connection-lost': 'broke off', 'invalid-response': 'was unreadable', 'connect-failed': 'never arrived' }[error.failure];
	return `was Számla Agent error ${error.details.code}`;
}

/** The output note of a recovered invoice. */
export function recoveredWarning(found: ExistingInvoice, keys: InvoiceKeys, waitedMs: number): string {
	return `The answer to the create was lost; invoice ${found.result.invoiceNumber} was found by ${where(keys)} ${seconds(waitedMs)} s later and is this item's invoice`;
}

/** The item's error when the look-up after a lost answer settled nothing or proved nothing was issued. */
export function recoveryError(lost: TransportError | ServiceError, keys: InvoiceKeys, recovery: Exclude<Recovery, { found: ExistingInvoice }>): Error {
	const waited = seconds(recovery.waitedMs);
	if ('notIssued' in recovery) {
		// Proven enough: the stall window is over and the look-up by the guard key finds nothing.
		return new TransportError(
			lost instanceof TransportError ? lost.failure : 'invalid-response',
			`Not issued — safe to send again: the answer to the create ${lostAnswerLabel(lost)}, and ${waited} s later no invoice of this kind exists with ${where(keys)}`,
			false,
			lost instanceof TransportError ? lost.httpStatus : lost.details.httpStatus,
		);
	}
	const note = ` Looked it up by ${where(keys)} ${waited} s later: ${recovery.unknown}.`;
	if (lost instanceof TransportError) return new TransportError(lost.failure, `${lost.message}${note}`, true, lost.httpStatus);
	return new ServiceError({ ...lost.details, explanation: `${lost.details.explanation}${note}` });
}
