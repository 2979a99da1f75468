import { InputError } from '../../../../nodes/shared/errors';
import { NavBuyerFiller, lookupsFor } from '../../../../nodes/SzamlaAgent/actions/invoice/buyerFromNav';
import type { TaxpayerResult } from '../../../../nodes/SzamlaAgent/protocol/types/response';

const records: Record<string, TaxpayerResult> = {
	'12345676': {
		valid: true,
		name: 'PRÓBA KFT',
		taxNumber: { taxpayerId: '12345676', vatCode: '2', countyCode: '42' },
		addresses: [{ type: 'HQ', postalCode: '1086', city: 'BUDAPEST', streetName: 'SZERDAHELYI', publicPlaceCategory: 'UTCA', number: '4-8.' }],
	},
	'87654321': { valid: false, addresses: [] },
	'11111111': { valid: true, name: 'CÍM NÉLKÜL BT', taxNumber: { taxpayerId: '11111111' }, addresses: [] },
};

function filler() {
	const asked: string[] = [];
	const f = new NavBuyerFiller(async (base) => {
		asked.push(base);
		return records[base] ?? { valid: false, addresses: [] };
	});
	return { f, asked };
}

async function failure(p: Promise<unknown>): Promise<InputError> {
	try {
		await p;
	} catch (error) {
		return error as InputError;
	}
	throw new Error('expected a failure');
}

describe('NavBuyerFiller', () => {
	it('fills every empty buyer field from NAV and says which', async () => {
		const { f } = filler();
		const { buyer, fromNav } = await f.fill({ name: '', email: 'a@b.hu' }, '12345676');
		expect(buyer).toEqual({
			name: 'PRÓBA KFT',
			postalCode: '1086',
			city: 'BUDAPEST',
			address: 'SZERDAHELYI UTCA 4-8.',
			taxNumber: '12345676-2-42',
			taxpayerStatus: 1,
			email: 'a@b.hu',
		});
		expect(fromNav).toEqual(['name', 'postalCode', 'city', 'address', 'taxNumber', 'taxpayerStatus']);
	});

	it('keeps the fields the user set', async () => {
		const { f } = filler();
		const { buyer, fromNav } = await f.fill({ name: 'Próba (számlázási név)', city: 'Budapest VIII.', taxpayerStatus: 6 }, '12345676-2-42');
		expect(buyer.name).toBe('Próba (számlázási név)');
		expect(buyer.city).toBe('Budapest VIII.');
		expect(buyer.taxpayerStatus).toBe(6);
		expect(fromNav).toEqual(['postalCode', 'address', 'taxNumber']);
	});

	it('looks each tax number up once, however it is written', async () => {
		const { f, asked } = filler();
		await Promise.all([f.fill({}, '12345676'), f.fill({}, '12345676-2-42'), f.fill({}, '1234 5676'), f.fill({}, '11111111').catch(() => undefined)]);
		expect(asked).toEqual(['12345676', '11111111']);
		expect(f.lookupCount).toBe(2);
	});

	it('refuses an invalid taxpayer naming the Buyer Tax Number field', async () => {
		const { f } = filler();
		const error = await failure(f.fill({}, '87654321'));
		expect(error).toBeInstanceOf(InputError);
		expect(error.field).toBe('Buyer Tax Number');
		expect(error.message).toBe('NAV has no valid taxpayer 87654321');
	});

	it('refuses a malformed tax number without asking NAV', async () => {
		const { f, asked } = filler();
		const error = await failure(f.fill({}, '1234-567'));
		expect(error.field).toBe('Buyer Tax Number');
		expect(error.message).toContain('must be 8 digits');
		expect(asked).toEqual([]);
	});

	it('asks the user for a required field NAV does not have', async () => {
		const { f } = filler();
		const error = await failure(f.fill({}, '11111111'));
		expect(error.field).toBe('Buyer Postal Code');
		const filled = await f.fill({ postalCode: '1111', city: 'Budapest', address: 'Fő utca 1.' }, '11111111');
		expect(filled.fromNav).toEqual(['name', 'taxNumber', 'taxpayerStatus']);
	});

	it('does not remember a failed look-up', async () => {
		let calls = 0;
		const f = new NavBuyerFiller(async () => {
			calls++;
			if (calls === 1) throw new Error('maintenance');
			return records['12345676'];
		});
		await expect(f.fill({}, '12345676')).rejects.toThrow('maintenance');
		await expect(f.fill({}, '12345676')).resolves.toMatchObject({ buyer: { name: 'PRÓBA KFT' } });
		expect(calls).toBe(2);
	});
});

describe('lookupsFor', () => {
	it('shares answers within one execution and credential, not across them', () => {
		const a = lookupsFor('exec-1', 'agent-key-A');
		expect(lookupsFor('exec-1', 'agent-key-A')).toBe(a);
		expect(lookupsFor('exec-1', 'agent-key-B')).not.toBe(a);
		expect(lookupsFor('exec-2', 'agent-key-A')).not.toBe(a);
		expect(lookupsFor(undefined, 'agent-key-A')).not.toBe(lookupsFor(undefined, 'agent-key-A'));
	});

	it('two node runs of one execution ask NAV once per tax number', async () => {
		const asked: string[] = [];
		const query = async (base: string) => {
			asked.push(base);
			return records[base];
		};
		await new NavBuyerFiller(query, lookupsFor('exec-loop', 'k')).fill({}, '12345676');
		await new NavBuyerFiller(query, lookupsFor('exec-loop', 'k')).fill({}, '12345676-2-42');
		expect(asked).toEqual(['12345676']);
	});
});
