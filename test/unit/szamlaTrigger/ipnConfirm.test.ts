import { paymentMethodOptions } from '../../../nodes/SzamlaAgent/actions/common/choices';
import { parseResponse } from '../szamla/responses/fixtures';
import type { InvoiceData } from '../../../nodes/SzamlaAgent/protocol/types/response';
import { confirmNotification, isFullyPaid, unverifiedEvent } from '../../../nodes/SzamlaAgentTrigger/ipn/confirm';
import { ENGLISH_PAYMENT_METHODS, englishPaymentMethod } from '../../../nodes/SzamlaAgentTrigger/ipn/paymentMethods';
import { sampleAnswer } from '../szamla/responses/fixtures';

/** The vendor's query sample: proforma D-LOLO-66, gross 557, one payment of 15, fizmod credit_card. */
function vendorSample(): InvoiceData {
	return parseResponse('getInvoiceData', sampleAnswer('szamla_query.xml'));
}

function invoice(overrides: { gross?: number; payments?: number[]; order?: string; proforma?: string; reversed?: boolean; method?: string } = {}): InvoiceData {
	const base = vendorSample();
	return {
		...base,
		header: {
			...base.header,
			invoiceNumber: 'E-TST-2026-12',
			kind: 'invoice',
			orderNumber: overrides.order,
			referencedProformaNumber: overrides.proforma,
			reversed: overrides.reversed,
			paymentMethod: overrides.method ?? 'átutalás',
		},
		totals: { ...base.totals, grossAmount: overrides.gross ?? 12700 },
		payments: (overrides.payments ?? [12700]).map((amount, i) => ({ amount, date: `2026-12-0${i + 1}`, method: 'átutalás' })),
	};
}

describe('confirming a notification with the invoice data', () => {
	it('on the vendor sample: every value comes from the service', () => {
		const r = confirmNotification({ invoiceNumber: 'D-LOLO-66', grossTotal: 557, paidAmount: 15 }, vendorSample());
		expect(r).toEqual({
			ok: true,
			event: {
				invoiceNumber: 'D-LOLO-66',
				orderNumber: null,
				proformaNumber: null,
				documentKind: 'proforma',
				currency: 'HUF',
				grossTotal: 557,
				paidAmount: 15,
				outstandingAmount: 542,
				fullyPaid: false,
				paymentMethod: 'Card',
				paymentDate: '2020-09-22',
				reversed: false,
				verified: true,
			},
		});
	});

	it('a full payment with order number: fully paid, English method, latest payment date', () => {
		const r = confirmNotification(
			{ invoiceNumber: 'E-TST-2026-12', orderNumber: 'ORD-7', grossTotal: 12700, paidAmount: 12700, paymentMethod: 'kp' },
			invoice({ order: 'ORD-7', payments: [6000, 6700] }),
		);
		expect(r.ok && r.event).toMatchObject({ orderNumber: 'ORD-7', paidAmount: 12700, outstandingAmount: 0, fullyPaid: true, paymentMethod: 'Bank Transfer', paymentDate: '2026-12-02' });
	});

	it.each([
		['another paid amount', { paidAmount: 127000 }, 'paid amount 127000 (the service says 12700)'],
		['another gross total', { grossTotal: 1 }, 'gross total 1 (the service says 12700)'],
		['another order number', { orderNumber: 'ORD-ATTACKER' }, 'order number "ORD-ATTACKER" (the service says "ORD-7")'],
		['another proforma', { proformaNumber: 'D-9' }, 'proforma number "D-9" (the service says "D-1")'],
	])('refuses a post claiming %s', (_what, claim, reason) => {
		const r = confirmNotification({ invoiceNumber: 'E-TST-2026-12', grossTotal: 12700, paidAmount: 12700, ...claim }, invoice({ order: 'ORD-7', proforma: 'D-1' }));
		expect(r).toEqual({ ok: false, reason: expect.stringContaining(reason) });
	});

	it('refuses an order number on an invoice that has none', () => {
		const r = confirmNotification({ invoiceNumber: 'E-TST-2026-12', orderNumber: 'ORD-1' }, invoice());
		expect(r).toEqual({ ok: false, reason: expect.stringContaining('the service says none') });
	});

	it('accepts amounts written to the fillér differently, and a post without amounts (the service says what they are)', () => {
		expect(confirmNotification({ invoiceNumber: 'E-TST-2026-12', grossTotal: 12700.001, paidAmount: 12699.999 }, invoice()).ok).toBe(true);
		const bare = confirmNotification({ invoiceNumber: 'E-TST-2026-12' }, invoice({ payments: [100] }));
		expect(bare.ok && bare.event.paidAmount).toBe(100);
	});

	it('a reversed invoice: paid amount 0, reversed true', () => {
		const r = confirmNotification({ invoiceNumber: 'E-TST-2026-12', paidAmount: 0 }, invoice({ payments: [], reversed: true }));
		expect(r.ok && r.event).toMatchObject({ paidAmount: 0, fullyPaid: false, reversed: true, paymentDate: null });
	});

	it('refuses an answer about another invoice', () => {
		expect(confirmNotification({ invoiceNumber: 'E-OTHER' }, invoice()).ok).toBe(false);
	});

	it('unverified: the post as it came, verified false, nulls where the post was silent', () => {
		expect(unverifiedEvent({ invoiceNumber: 'E-1', grossTotal: 100, paidAmount: 40, paymentMethod: 'bankkartya' })).toMatchObject({
			invoiceNumber: 'E-1',
			outstandingAmount: 60,
			fullyPaid: false,
			paymentMethod: 'Card',
			reversed: null,
			verified: false,
		});
		expect(unverifiedEvent({ invoiceNumber: 'E-1' })).toMatchObject({ grossTotal: null, paidAmount: null, outstandingAmount: null, fullyPaid: false });
	});

	it('fully paid for negative documents counts from above', () => {
		expect(isFullyPaid(-1000, -1000)).toBe(true);
		expect(isFullyPaid(-1000, 0)).toBe(false);
		expect(isFullyPaid(1000, 999.99)).toBe(false);
	});
});

describe('payment methods in English', () => {
	it('names every method the operations offer, with the English part of their pick-list label', () => {
		for (const option of paymentMethodOptions.filter((o) => o.value !== '__other')) {
			const english = option.name.replace(/\s*\(.*\)$/, '');
			expect(englishPaymentMethod(String(option.value))).toBe(english);
			expect(ENGLISH_PAYMENT_METHODS).toContain(english);
		}
	});

	it.each([
		['kp', 'Cash'],
		['Bankkártya', 'Card'],
		['bankkartya', 'Card'],
		['credit_card', 'Card'],
		['transfer', 'Bank Transfer'],
		['  ÁTUTALÁS ', 'Bank Transfer'],
		['ajándékutalvány', 'ajándékutalvány'],
		['', undefined],
	])('%j → %j', (raw, english) => {
		expect(englishPaymentMethod(raw)).toBe(english);
	});
});
