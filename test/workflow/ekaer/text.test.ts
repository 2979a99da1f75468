/**
 * Text XML 1.0 cannot carry, through n8n-core's engine: every code point below U+0020, U+FFFE, U+FFFF and a lone
 * surrogate, one per input item, in the Seller Name. Tab, LF and CR are declared; every other one is refused before
 * any request, naming the item, the field and the position, while Continue On Fail keeps the other items going.
 */
import { cardParams, errorOf, outputOf, runEkaer, useSimulator } from './helpers';

const simulator = useSimulator();
const sim = () => simulator.sim;

beforeEach(() => sim().reset());

const label = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
const ALLOWED = new Set([0x09, 0x0a, 0x0d]);
const CODES = [...Array.from({ length: 0x20 }, (_, code) => code), 0xfffe, 0xffff, 0xd800];

describe('Seller Name with a character XML 1.0 cannot carry', () => {
	it('refuses each one (position named), declares the tab, LF and CR rows, in one request for those three', async () => {
		const input = CODES.map((code) => ({ name: `Eladó${String.fromCharCode(code)}Kft`, order: `TXT-${code}` }));
		const params = cardParams('domestic', { sellerName: '={{ $json.name }}', orderNumber: '={{ $json.order }}', options: { batchSize: 50 } });

		const out = outputOf(await runEkaer(sim(), params, { input, continueOnFail: true })).map((item) => item.json);

		expect(out).toHaveLength(CODES.length);
		CODES.forEach((code, n) => {
			if (ALLOWED.has(code)) {
				expect(out[n]).toMatchObject({ orderNumber: `TXT-${code}`, status: 'started' });
			} else {
				expect(out[n]).toMatchObject({
					error: `contains ${label(code)} (position 6), which the service cannot accept`,
					errorField: 'Seller › Name',
					outcomeUnknown: false,
				});
			}
		});
		expect(sim().stats.byOperation).toMatchObject({ manageTradeCards: 1, create: 3 });
		expect(sim().tradeCards.size).toBe(3);
	});

	it('without Continue On Fail stops before any request with the item, the field and the position', async () => {
		const params = cardParams('domestic', { sellerName: '={{ $json.name }}' });

		const error = errorOf(await runEkaer(sim(), params, { input: [{ name: 'Eladó Kft' }, { name: 'Minta Keres\u000bkedő' }] }));

		expect(error.message).toBe('Item 1, field "Seller › Name": contains U+000B (position 12), which the service cannot accept');
		expect(error.itemIndex).toBe(1);
		expect(sim().stats.requests).toBe(0);
	});

	it('counts a character outside the BMP as one position, and sends it as it is', async () => {
		const params = cardParams('domestic', { sellerName: '={{ $json.name }}', destinationName: '={{ $json.dest }}' });
		const error = errorOf(await runEkaer(sim(), params, { input: [{ name: 'Eladó 🚚 Kft', dest: 'Vevő 🚚\u0007' }] }));
		expect(error.message).toBe('Item 0, field "Destination › Name": contains U+0007 (position 7), which the service cannot accept');

		const [ok] = outputOf(await runEkaer(sim(), params, { input: [{ name: 'Eladó 🚚 Kft', dest: 'Vevő 🚚 Kft' }] })).map((item) => item.json);
		expect(sim().tradeCards.get(ok.tcn as string)?.fields.sellerName).toBe('Eladó 🚚 Kft');
	});
});
