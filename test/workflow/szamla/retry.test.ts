/**
 * n8n's "Retry On Fail" runs the whole node again: after a failure (or, under Continue On Fail, when the first output
 * item is an error item). Items that were already issued must not be issued again, and a create whose answer was lost
 * must not be resent blindly.
 */
import { NODE, createInvoiceParams, jsonOf, line, requestsOf, runNode, useSimulator } from './helpers';

const h = useSimulator();

// n8n treats a wait of 0 as "default" (1 s); 1 ms keeps the suite fast.
const retry = { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 };
const params = createInvoiceParams([line('Tétel', 1, 100)], { buyerName: '={{ $json.customer }}', downloadPdf: false });
const input = [{ customer: 'Első' }, { customer: 'Második' }, { customer: 'Harmadik' }];

function issuedTo(): string[] {
	return h.sim.documents.invoices().map((d) => d.buyer.name);
}

/** Faults hit requests in arrival order: a harmless one for the first create, the real one for the second. */
function faultOnSecondCreate(fault: 'maintenance' | 'reset-after-create'): void {
	h.sim.injectFault({ slowMs: 0 }, { operation: 'xmlszamla' });
	h.sim.injectFault(fault, { operation: 'xmlszamla' });
}

beforeEach(() => h.sim.reset());

describe('Retry On Fail', () => {
	it('a temporary failure of item 1: the retry sends items 1 and 2 only; item 0 keeps its invoice', async () => {
		faultOnSecondCreate('maintenance');
		const result = await runNode(h.sim, params, { input, node: retry });

		expect(result.error).toBeUndefined();
		expect(issuedTo()).toEqual(['Első', 'Második', 'Harmadik']);
		expect(requestsOf(h.sim, 'xmlszamla')).toBe(4); // 0, 1 (refused), then 1 and 2
		const numbers = jsonOf(result).map((j) => j.invoiceNumber);
		expect(numbers).toEqual(h.sim.documents.invoices().map((d) => d.number));
		expect(result.output(NODE).map((item) => item.pairedItem)).toEqual([[{ item: 0 }], [{ item: 1 }], [{ item: 2 }]]);
	});

	it('a lost answer on item 1 is never resent by the retries; the node fails with "outcome unknown"', async () => {
		faultOnSecondCreate('reset-after-create');
		const result = await runNode(h.sim, params, { input, node: retry });

		expect(result.error?.message).toMatch(/^Item 1: .*The invoice may have been created/);
		expect(result.error?.context.itemIndex).toBe(1);
		expect(issuedTo()).toEqual(['Első', 'Második']); // item 2 waits for a person to check item 1
		expect(requestsOf(h.sim, 'xmlszamla')).toBe(2);
	});

	it('under Continue On Fail an error in the first item triggers the retry, which resends only that item', async () => {
		h.sim.injectFault('maintenance', { operation: 'xmlszamla' });
		const result = await runNode(h.sim, params, { input, node: { ...retry, onError: 'continueRegularOutput' } });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((j) => j.error ?? 'ok')).toEqual(['ok', 'ok', 'ok']);
		expect(issuedTo().sort()).toEqual(['Első', 'Harmadik', 'Második']);
		expect(requestsOf(h.sim, 'xmlszamla')).toBe(4);
	});

	it('another execution with the same input is a fresh run, not mistaken for a retry', async () => {
		// No duplicate guard configured: both executions issue.
		await runNode(h.sim, params, { input: input.slice(0, 1) });
		await runNode(h.sim, params, { input: input.slice(0, 1) });

		expect(issuedTo()).toEqual(['Első', 'Első']);
	});
});
