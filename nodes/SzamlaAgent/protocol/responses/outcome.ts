/**
 * Which operations create, change or send something. After a lost or unusable answer to one of these, a document may
 * exist (outcome unknown); a read can always be repeated.
 */
import type { SzamlaOperation } from '../operations';

export const WRITE_OPERATIONS: ReadonlySet<SzamlaOperation> = new Set<SzamlaOperation>([
	'createInvoice',
	'reverseInvoice',
	'registerPayment',
	'deleteProforma',
	'createReceipt',
	'reverseReceipt',
	'sendReceipt',
]);

export function isWriteOperation(operation: SzamlaOperation): boolean {
	return WRITE_OPERATIONS.has(operation);
}
