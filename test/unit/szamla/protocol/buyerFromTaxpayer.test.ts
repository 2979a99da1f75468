import { addressLine, buyerFromTaxpayer, taxNumberBase } from '../../../../nodes/SzamlaAgent/protocol/buyerFromTaxpayer';
import { answer, parseResponse, sample, sampleAnswer } from '../responses/fixtures';

describe('taxNumberBase', () => {
	it.each([
		['12345678', '12345678'],
		['12345678-1-42', '12345678'],
		[' 1234 5678 ', '12345678'],
		['12345678142', '12345678'],
	])('%s → %s', (input, base) => expect(taxNumberBase(input)).toBe(base));

	it.each(['1234567', '12345678-1', 'HU12345678', '', '123456789012'])('refuses "%s"', (input) => {
		expect(taxNumberBase(input)).toBeUndefined();
	});
});

describe('buyerFromTaxpayer', () => {
	it('maps the vendor sample (default namespace + ns2): name, registered address, status', () => {
		const taxpayer = parseResponse('queryTaxpayer', sampleAnswer('taxpayer.xml'));
		expect(buyerFromTaxpayer(taxpayer)).toEqual({
			name: 'KBOSS.HU KERESKEDELMI ÉS SZOLGÁLTATÓ KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG',
			postalCode: '1031',
			city: 'BUDAPEST',
			address: 'ZÁHONY UTCA 7.',
			// The sample (NAV 2.0) has no county code: the 8 digits alone.
			taxNumber: '13421739',
			taxpayerStatus: 1,
		});
	});

	it('uses the full number the user gave when NAV lacks the county code, if the base matches', () => {
		const taxpayer = parseResponse('queryTaxpayer', sampleAnswer('taxpayer.xml'));
		expect(buyerFromTaxpayer(taxpayer, '13421739-2-41')?.taxNumber).toBe('13421739-2-41');
		expect(buyerFromTaxpayer(taxpayer, '134217392 41')?.taxNumber).toBe('13421739-2-41');
		expect(buyerFromTaxpayer(taxpayer, '99999999-2-41')?.taxNumber).toBe('13421739');
	});

	it('gives the same mapping whatever the namespace prefixes (simulator-style ns3/base variant)', () => {
		const prefixed = sample('taxpayer.xml')
			.toString('utf8')
			.replace('xmlns="http://schemas.nav.gov.hu/OSA/2.0/api"', 'xmlns:ns3="http://schemas.nav.gov.hu/OSA/2.0/api"')
			.replace(/<(\/?)(?!ns2:|\?)([A-Za-z])/g, '<$1ns3:$2')
			.replace(/ns2:/g, 'base:')
			.replace('xmlns:ns2=', 'xmlns:base=');
		expect(prefixed).toContain('<ns3:QueryTaxpayerResponse');
		const plain = buyerFromTaxpayer(parseResponse('queryTaxpayer', sampleAnswer('taxpayer.xml')));
		expect(buyerFromTaxpayer(parseResponse('queryTaxpayer', answer(prefixed)))).toEqual(plain);
	});

	it('builds the full tax number from NAV’s VAT and county codes and prefers the HQ address', () => {
		const buyer = buyerFromTaxpayer(
			{
				valid: true,
				name: 'X KFT',
				taxNumber: { taxpayerId: '12345678', vatCode: '2', countyCode: '42' },
				addresses: [
					{ type: 'SITE', postalCode: '9999', city: 'TELEPHELY', streetName: 'GYÁR', publicPlaceCategory: 'UTCA', number: '1.' },
					{ type: 'HQ', postalCode: '1086', city: 'BUDAPEST', streetName: 'SZERDAHELYI', publicPlaceCategory: 'UTCA', number: '4-8.' },
				],
			},
			'12345678',
		);
		expect(buyer).toEqual({
			name: 'X KFT',
			postalCode: '1086',
			city: 'BUDAPEST',
			address: 'SZERDAHELYI UTCA 4-8.',
			taxNumber: '12345678-2-42',
			taxpayerStatus: 1,
		});
	});

	it('gives nothing for a taxpayer NAV does not hold as valid', () => {
		expect(buyerFromTaxpayer({ valid: false, addresses: [] })).toBeUndefined();
		expect(buyerFromTaxpayer({ valid: false, name: 'MEGSZŰNT BT', addresses: [] }, '87654321')).toBeUndefined();
	});

	it('leaves out what NAV does not give (no address list → no postal code, city or address)', () => {
		expect(buyerFromTaxpayer({ valid: true, name: 'Y BT', taxNumber: { taxpayerId: '11111111' }, addresses: [] })).toEqual({
			name: 'Y BT',
			taxNumber: '11111111',
			taxpayerStatus: 1,
		});
	});
});

describe('addressLine', () => {
	it('prints building, staircase, floor and door the Hungarian way', () => {
		expect(
			addressLine({ streetName: 'FŐ', publicPlaceCategory: 'UTCA', number: '12.', building: 'A', staircase: '2.', floor: '3.', door: '12.' }),
		).toBe('FŐ UTCA 12. A ép. 2. lph. 3. em. 12. ajtó');
	});

	it('falls back to the lot number when there is no street, and appends the extra detail', () => {
		expect(addressLine({ lotNumber: '0123/4', additionalAddressDetail: 'TANYA' })).toBe('hrsz. 0123/4 TANYA');
		expect(addressLine({})).toBeUndefined();
	});
});
