import { InputError } from '../../../nodes/shared/errors';
import type { TradeCard, TradeCardOperation } from '../../../nodes/Ekaer/protocol/types';
import { validateOperation, validateQuery } from '../../../nodes/Ekaer/protocol/validate';
import { fullCard, item } from './helpers/fixtures';

const NOW = new Date('2025-01-20T10:00:00Z');

function errorOf(operation: TradeCardOperation, now = NOW): InputError | undefined {
	try {
		validateOperation(operation, now);
		return undefined;
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		return error;
	}
}

/** A create of a domestic card changed by `change`; the change must produce an error on `field`. */
function createWith(change: (card: TradeCard) => void, tradeType: TradeCard['tradeType'] = 'domestic'): TradeCardOperation {
	const card = JSON.parse(JSON.stringify(fullCard(tradeType))) as TradeCard;
	card.loadDate = new Date(card.loadDate as unknown as string);
	change(card);
	return { operation: 'create', card };
}

describe('EKÁER validation', () => {
	it.each(['export', 'import', 'domestic'] as const)('accepts the full %s card', (tradeType) => {
		expect(errorOf({ operation: 'create', card: fullCard(tradeType) })).toBeUndefined();
	});

	const cases: Array<[string, TradeCardOperation, string, RegExp?]> = [
		['VTSZ of 6 digits', createWith((c) => (c.items![0].productCode = '020110')), 'Items[1] › VTSZ Code', /exactly 8 digits/],
		['VTSZ with letters', createWith((c) => (c.deliveryPlans![0].items[0].productCode = '0201100A')), 'Delivery Plans[1] › Items[1] › VTSZ Code'],
		['second item weight 0', createWith((c) => c.items!.push(item({ weightKg: 0 }))), 'Items[2] › Weight (kg)', /greater than 0/],
		['weight missing', createWith((c) => (c.items![0].weightKg = undefined as unknown as number)), 'Items[1] › Weight (kg)', /required/],
		['value missing', createWith((c) => (c.items![0].valueHuf = undefined)), 'Items[1] › Value (HUF)', /required/],
		['value negative', createWith((c) => (c.items![0].valueHuf = -5)), 'Items[1] › Value (HUF)'],
		['value with fractions', createWith((c) => (c.items![0].valueHuf = 100.5)), 'Items[1] › Value (HUF)', /whole number/],
		['value of 12 digits', createWith((c) => (c.items![0].valueHuf = 100_000_000_000)), 'Items[1] › Value (HUF)', /11 digits/],
		['HU seller VAT of 7 digits', createWith((c) => (c.seller.vatNumber = '1234567')), 'Seller › VAT Number', /8 digits/],
		['foreign VAT with lower case/space', createWith((c) => (c.seller.vatNumber = 'de 12345/6'), 'import'), 'Seller › VAT Number'],
		['export seller not HU', createWith((c) => (c.seller.country = 'AT'), 'export'), 'Seller › Country', /must be HU/],
		['export destination HU', createWith((c) => (c.destination.country = 'HU'), 'export'), 'Destination › Country', /cannot be HU/],
		['import seller HU', createWith((c) => (c.seller.country = 'HU'), 'import'), 'Seller › Country', /cannot be HU/],
		['import destination not HU', createWith((c) => (c.destination.country = 'SK'), 'import'), 'Destination › Country', /must be HU/],
		['domestic destination not HU', createWith((c) => (c.destination.country = 'AT')), 'Destination › Country', /must be HU/],
		['domestic seller not HU', createWith((c) => (c.seller.country = 'AT')), 'Seller › Country', /must be HU/],
		['seller name missing', createWith((c) => (c.seller.name = ' ')), 'Seller › Name', /required/],
		['destination address missing on import', createWith((c) => (c.destination.address = undefined), 'import'), 'Destination › Address'],
		['plate missing on export', createWith((c) => (c.vehicle = undefined), 'export'), 'Vehicle › Plate Number', /required/],
		['plate missing on domestic', createWith((c) => (c.vehicle = undefined)), 'Vehicle › Plate Number', /required/],
		['plate with punctuation', createWith((c) => (c.vehicle!.plateNumber = 'AB.123')), 'Vehicle › Plate Number', /4–15/],
		['plate too short', createWith((c) => (c.trailer!.plateNumber = 'A-1')), 'Trailer › Plate Number'],
		['load location without city', createWith((c) => (c.loadLocation!.city = '')), 'Load Location › City'],
		['unload location without street or lot', createWith((c) => (c.deliveryPlans![0].unloadLocation = { ...c.deliveryPlans![0].unloadLocation!, streetNumber: undefined })), 'Delivery Plans[1] › Unload Location › Street'],
		['HU location without tax number', createWith((c) => (c.loadLocation!.vatNumber = undefined)), 'Load Location › VAT Number'],
		['no load location anywhere', createWith((c) => { c.loadLocation = undefined; c.deliveryPlans![0].loadLocation = undefined; }), 'Delivery Plans[1] › Load Location'],
		['location phone with letters', createWith((c) => (c.loadLocation!.phone = '+36 20 CALL ME')), 'Load Location › Phone'],
		['import load location in HU', createWith((c) => (c.deliveryPlans![0].loadLocation = c.deliveryPlans![0].unloadLocation), 'import'), 'Delivery Plans[1] › Load Location › Country'],
		['carrier and carrier text', createWith((c) => (c.carrier = 'CARRIER1')), 'Carrier', /not both/],
		['no items', createWith((c) => { c.items = []; c.deliveryPlans![0].items = []; }), 'Items', /At least one/],
		['modify without tcn', { operation: 'modify', card: fullCard('domestic') as TradeCard & { tcn: string } }, 'EKÁER Number', /required/],
		['correction with bad tcn', { operation: 'correction', card: { ...fullCard('import'), tcn: 'e-1' } }, 'EKÁER Number'],
		['delete without reason', { operation: 'delete', tcn: 'E25011500012345', reason: '' }, 'Delete Reason', /required/],
		['finalize in the future', { operation: 'finalize', tcn: 'E25011500012345', arrival: new Date('2025-01-20T10:00:01Z') }, 'Arrival Date', /future/],
		['finalize date-only tomorrow', { operation: 'finalize', tcn: 'E25011500012345', arrival: '2025-01-21' }, 'Arrival Date', /future/],
		['finalize bad date text', { operation: 'finalize', tcn: 'E25011500012345', arrival: '20.01.2025' }, 'Arrival Date', /YYYY-MM-DD/],
	];

	it.each(cases)('refuses %s', (...[, operation, field, message]) => {
		const error = errorOf(operation);
		expect(error?.field).toBe(field);
		if (message) expect(error?.message).toMatch(message);
	});

	it('accepts normalisable input: dashed plates, full HU tax numbers, spaced VTSZ, lot numbers, arrival now', () => {
		expect(errorOf(createWith((c) => {
			c.vehicle!.plateNumber = 'ab-12 cd';
			c.seller.vatNumber = 'HU12345678';
			c.items![0].productCode = '0201 10 00';
			c.loadLocation = { ...c.loadLocation!, street: undefined, streetNumber: undefined, lotNumber: '1234/5' };
		}))).toBeUndefined();
		expect(errorOf({ operation: 'finalize', tcn: 'E25011500012345', arrival: NOW })).toBeUndefined();
		// 23:30 UTC on the 20th is already the 21st in Budapest.
		expect(errorOf({ operation: 'finalize', tcn: 'E25011500012345', arrival: '2025-01-21' }, new Date('2025-01-20T23:30:00Z'))).toBeUndefined();
		expect(errorOf({ operation: 'delete', tcn: 'E25011500012345', reason: 'téves' })).toBeUndefined();
	});

	it('allows an import card without a vehicle', () => {
		expect(errorOf(createWith((c) => (c.vehicle = undefined), 'import'))).toBeUndefined();
	});

	it('checks queries', () => {
		expect(() => validateQuery({ tcn: 'E25011500012345' })).not.toThrow();
		expect(() => validateQuery({ tcn: 'x' })).toThrow(InputError);
		const from = new Date('2025-01-10T00:00:00Z');
		const to = new Date('2025-01-01T00:00:00Z');
		expect(() => validateQuery({ insertedFrom: from, insertedTo: to })).toThrow(/must not be before/);
		// One error style: the field is named once, by the error's field, not again in its message.
		expect(() => validateQuery({ insertedFrom: to, insertedTo: from, maxRows: 1001 })).toThrow(expect.objectContaining({ field: 'Max Rows', message: expect.stringMatching(/1 to 1000/) }));
		expect(() => validateQuery({ insertedFrom: to, insertedTo: from, plateNumber: 'ABC-123', maxRows: 10 })).not.toThrow();
	});
});

describe('carrier', () => {
	it('is optional: NAV forbids only giving both the carrier id and the carrier name', () => {
		expect(errorOf(createWith((c) => (c.carrierText = undefined)))).toBeUndefined();
	});
});

describe('values as they are sent', () => {
	it('refuses a weight that rounds to 0 at 3 decimals, naming the item and field', () => {
		const error = errorOf(createWith((c) => (c.deliveryPlans![0].items[0].weightKg = 0.0004)));
		expect(error?.field).toBe('Delivery Plans[1] › Items[1] › Weight (kg)');
		expect(error?.message).toMatch(/rounded to 3 decimals.*got 0\.0004/);
		// 0.0005 rounds up to 0.001 kg, which is sent and accepted.
		expect(errorOf(createWith((c) => (c.deliveryPlans![0].items[0].weightKg = 0.0005)))).toBeUndefined();
	});

	it('refuses a weight that rounds up to 1 000 000 000 kg', () => {
		expect(errorOf(createWith((c) => (c.items![0].weightKg = 999_999_999.9996)))?.field).toBe('Items[1] › Weight (kg)');
		expect(errorOf(createWith((c) => (c.items![0].weightKg = 999_999_999.999)))).toBeUndefined();
	});

	it('requires a VAT number on a foreign location too (NAV lists it in TC_LOCATION_NOT_COMPLETE)', () => {
		const error = errorOf(createWith((c) => (c.loadLocation = { ...c.loadLocation!, vatNumber: undefined }), 'import'));
		expect(error?.field).toBe('Load Location › VAT Number');
		expect(error?.message).toBe('is required but empty');
	});
});

describe('text XML 1.0 cannot carry', () => {
	const VT = '\u000b';
	const cases: Array<[string, TradeCardOperation, string]> = [
		['a seller name', createWith((c) => (c.seller.name = `Eladó${VT}Kft`)), 'Seller › Name'],
		['a plan item product name', createWith((c) => (c.deliveryPlans![0].items[0].productName = `Sör${VT}`)), 'Delivery Plans[1] › Items[1] › Product Name'],
		['a location street', createWith((c) => (c.loadLocation!.street = `F${VT}ő`)), 'Load Location › Street'],
		['a trailer plate', createWith((c) => (c.trailer!.plateNumber = `XYZ${VT}987`)), 'Trailer › Plate Number'],
		['an item change reason', createWith((c) => (c.items![0].reasons = { weight: `mérés${VT}` })), 'Items[1] › Change Reason'],
		['a delete reason', { operation: 'delete', tcn: 'E25011500012345', reason: `téves${VT}` }, 'Delete Reason'],
		['a finalize reason', { operation: 'finalize', tcn: 'E25011500012345', arrival: NOW, reason: `x${VT}` }, 'Reason'],
	];

	it.each(cases)('in %s is refused before the other rules, naming the field and the position', (_what, operation, field) => {
		const error = errorOf(operation);
		expect(error?.field).toBe(field);
		expect(error?.message).toMatch(/^contains U\+000B \(position \d+\), which the service cannot accept$/);
	});

	it('also in a query filter', () => {
		expect(() => validateQuery({ insertedFrom: NOW, insertedTo: NOW, orderNumber: `A\u0000B` })).toThrow(
			expect.objectContaining({ field: 'Order Number', message: 'contains U+0000 (position 2), which the service cannot accept' }),
		);
	});
});
