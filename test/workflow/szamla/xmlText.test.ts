/**
 * Text XML 1.0 cannot carry (issue 9.2), through the engine: every code point below U+0020, U+FFFE, U+FFFF and a lone
 * surrogate in one text field (Buyer Name). Tab, LF and CR pass (CR arrives as LF, as XML parsers normalise line ends);
 * every other one fails before any request, naming the item, the field, the code point and its position.
 */
import { NODE, createInvoiceParams, jsonOf, line, requestsOf, runNode, useSimulator } from './helpers';

const h = useSimulator();

const PREFIX = 'Minta Kft.'; // the bad character sits at position 11
const ALLOWED = new Set([0x09, 0x0a, 0x0d]);
const CODE_POINTS = [...Array.from({ length: 0x20 }, (_, c) => c), 0xfffe, 0xffff, 0xd800];

const label = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
const nameWith = (code: number) => `${PREFIX}${String.fromCharCode(code)}2`;

const params = () =>
	createInvoiceParams([line('Teszt', 1, 100)], { buyerName: '={{ $json.name }}', downloadPdf: false, additionalFields: { comment: '={{ $json.code }}' } });

describe('Invoice › Create, characters XML 1.0 cannot carry', () => {
	it('walks U+0000…U+001F, U+FFFE, U+FFFF and a lone surrogate: tab/LF/CR are issued, the rest fail before any request', async () => {
		const creates = requestsOf(h.sim, 'xmlszamla');
		const result = await runNode(h.sim, params(), {
			input: CODE_POINTS.map((code) => ({ name: nameWith(code), code: label(code) })),
			node: { onError: 'continueRegularOutput' },
		});

		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(CODE_POINTS.length);
		CODE_POINTS.forEach((code, i) => {
			if (ALLOWED.has(code)) {
				expect(out[i].invoiceNumber).toEqual(expect.any(String));
				return;
			}
			expect(out[i]).toMatchObject({
				error: `contains ${label(code)} (position 11), which the service cannot accept`,
				errorField: 'Buyer Name',
				retryable: false,
				outcomeUnknown: false,
			});
		});
		// Only the three good items reached the service.
		expect(requestsOf(h.sim, 'xmlszamla') - creates).toBe(ALLOWED.size);

		const names = CODE_POINTS.filter((code) => ALLOWED.has(code)).map((code, k) => {
			const number = out[CODE_POINTS.indexOf(code)].invoiceNumber;
			return [k, h.sim.documents.invoices().find((d) => d.number === number)!.buyer.name];
		});
		// CR is written as is, and an XML parser reads it as LF (XML 1.0 §2.11): the invoice shows a line break.
		expect(names).toEqual([
			[0, `${PREFIX}\t2`],
			[1, `${PREFIX}\n2`],
			[2, `${PREFIX}\n2`],
		]);
	});

	it('without Continue On Fail the node stops with the item and field named, and nothing is sent', async () => {
		const before = h.sim.stats.requests;
		const result = await runNode(h.sim, params(), { input: [{ name: 'Jó Kft.', code: 'ok' }, { name: nameWith(0x0b), code: 'VT' }] });

		expect(result.error?.message).toBe('Item 1, field "Buyer Name": contains U+000B (position 11), which the service cannot accept');
		expect(result.error?.context.itemIndex).toBe(1);
		expect(h.sim.stats.requests).toBe(before);
		expect(() => result.output(NODE)).toThrow(/failed: Item 1/);
	});

	it('checks every text field: a comment, a line name and a receipt comment name their own field', async () => {
		const before = h.sim.stats.requests;
		const comment = await runNode(h.sim, createInvoiceParams([line('Teszt', 1, 100)], { additionalFields: { comment: 'a\u0001' } }));
		const lineName = await runNode(h.sim, createInvoiceParams([line('Te\u001fszt', 1, 100)]));
		const receipt = await runNode(h.sim, {
			resource: 'receipt',
			operation: 'create',
			prefix: 'NYGT',
			lineItemsSource: 'parameters',
			lineItems: { item: [line('Kávé', 1, 100)] },
			additionalFields: { comment: 'x\uffff' },
		});

		expect(comment.error?.message).toBe('Item 0, field "Additional Fields › Comment": contains U+0001 (position 2), which the service cannot accept');
		expect(lineName.error?.message).toBe('Item 0, field "Line Items[1] › Name": contains U+001F (position 3), which the service cannot accept');
		expect(receipt.error?.message).toBe('Item 0, field "Additional Fields › Comment": contains U+FFFF (position 2), which the service cannot accept');
		expect(h.sim.stats.requests).toBe(before);
	});
});
