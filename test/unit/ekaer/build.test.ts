import { createXmlParser } from '../../../nodes/shared/xml';
import { buildManageRequestXml, buildQueryRequestXml } from '../../../nodes/Ekaer/protocol/build';
import type { RequestHeader, TradeCardOperation } from '../../../nodes/Ekaer/protocol/types';
import { requestSignature } from '../../../nodes/Ekaer/signature';
import { validateWithXsd } from '../../helpers/xsd';
import { fullCard, item, USER } from './helpers/fixtures';

const XSD = 'ekaer/ekaermanagement.xsd';
const HEADER: RequestHeader = { requestId: 'mhx3k2a10f3kq9z1b7xw1', timestamp: new Date('2025-01-15T12:25:45.999Z') };

async function expectValid(xml: string): Promise<void> {
	const result = await validateWithXsd(xml, XSD);
	if (!result.valid) throw new Error(`${result.errors.join('\n')}\n${xml}`);
	expect(result.valid).toBe(true);
}

/** Element names in document order (prefixes kept), for order assertions. */
function elementNames(xml: string): string[] {
	return [...xml.matchAll(/<([A-Za-z:]+)[\s>/]/g)].map((m) => m[1]);
}

describe('EKÁER request builder', () => {
	it.each(['export', 'import', 'domestic'] as const)('builds a valid create (%s) with every optional field', async (tradeType) => {
		const card = { ...fullCard(tradeType), tcn: 'E150317000A2C43' };
		card.items = [{ ...card.items![0], id: 'SERVERID1' }];
		const xml = buildManageRequestXml(HEADER, USER, [{ operation: 'create', card }]);
		await expectValid(xml);
		// Create never sends a tcn or server item ids, and marks every item as created.
		expect(xml).not.toContain('<tcn>');
		expect(xml).not.toContain('id="');
		expect(xml.match(/<itemOperation>create<\/itemOperation>/g)).toHaveLength(2);
		expect(xml).toContain(`<tradeType>${{ export: 'E', import: 'I', domestic: 'D' }[tradeType]}</tradeType>`);
		// Normalised plate, VTSZ, phone and Hungarian tax numbers; weight rounded to 3 decimals.
		expect(xml).toContain('<plateNumber>ABC123</plateNumber>');
		expect(xml).toContain('<plateNumber>XYZ987</plateNumber>');
		expect(xml).toContain('<productVtsz>02012000</productVtsz>');
		expect(xml).toContain('<weight>10.123</weight>');
		if (tradeType !== 'import') expect(xml).toContain('<sellerVatNumber>12345678</sellerVatNumber>');
		if (tradeType !== 'export') expect(xml).toContain('<destinationVatNumber>87654321</destinationVatNumber>');
		expect(xml).toContain('<loadDate>2025-01-15T14:00:00+01:00</loadDate>');
		expect(xml).toContain('<transportLincense>ENG-1</transportLincense>');
	});

	it('writes header, user and signature consistently', () => {
		const xml = buildManageRequestXml(HEADER, USER, [{ operation: 'delete', tcn: 'E1', reason: 'x' }]);
		const doc = createXmlParser().parse(xml).manageTradeCardsRequest;
		expect(doc.header).toEqual({
			requestId: HEADER.requestId,
			timestamp: '2025-01-15T13:25:45+01:00',
			requestVersion: '2.1',
			headerVersion: '1.0',
		});
		expect(doc.user.requestSignature).toBe(requestSignature(HEADER.requestId, '2025-01-15T12:25:45Z', USER.signingKey));
		expect(doc.user.passwordHash).toBe(USER.passwordHash);
		expect(xml).not.toContain(USER.signingKey);
		expect(elementNames(xml).slice(0, 12)).toEqual([
			'manageTradeCardsRequest', 'header', 'requestId', 'timestamp', 'requestVersion', 'headerVersion',
			'user', 'user', 'passwordHash', 'VATNumber', 'requestSignature', 'tradeCardOperations',
		]);
	});

	it('puts GPS coordinates in the common namespace', () => {
		const xml = buildManageRequestXml(HEADER, USER, [{ operation: 'create', card: fullCard('domestic') }]);
		expect(xml).toContain('xmlns:common="http://schemas.nav.gov.hu/EKAER/1.0/common"');
		expect(xml).toContain('<gpsPosition><common:latitude>47.4979</common:latitude><common:longitude>19.0402</common:longitude></gpsPosition>');
	});

	it('builds a valid batch of modify, finalize (date-time and date-only), delete and correction', async () => {
		const modified = { ...fullCard('domestic'), tcn: 'E150317000A2C43' };
		modified.items = [
			{ ...item(), id: 'SRV1', reasons: { value: 'ár', weight: 'mérés', status: 's', product: 'p' } },
			item({ externalId: 'new' }),
			{ ...item(), id: 'SRV2', itemOperation: 'delete' },
		];
		modified.deliveryPlans = [{ ...modified.deliveryPlans![0], id: 'PLAN1' }];
		const operations: TradeCardOperation[] = [
			{ operation: 'modify', card: modified },
			{ operation: 'finalize', tcn: 'E150317000A2C44', arrival: new Date('2025-01-15T17:00:00Z') },
			{ operation: 'finalize', tcn: 'E150317000A2C45', arrival: '2025-01-15', reason: 'megérkezett' },
			{ operation: 'delete', tcn: 'E150317000A2C46', reason: 'téves rögzítés' },
			{ operation: 'correction', card: { ...fullCard('import'), tcn: 'E150317000A2C47', items: [{ ...item(), id: 'SRV3', valueHuf: 3_000_000 }] } },
		];
		const xml = buildManageRequestXml(HEADER, USER, operations);
		await expectValid(xml);
		const ops = createXmlParser(['tradeCardOperation', 'tradeCardItem']).parse(xml).manageTradeCardsRequest.tradeCardOperations
			.tradeCardOperation;
		expect(ops.map((o: { index: string; operation: string }) => [o.index, o.operation])).toEqual([
			['1', 'modify'], ['2', 'finalize'], ['3', 'finalize'], ['4', 'delete'], ['5', 'correction'],
		]);
		expect(ops[0].tradeCard.tcn).toBe('E150317000A2C43');
		expect(ops[0].tradeCard.items.tradeCardItem.map((i: { '@id'?: string; itemOperation: string }) => [i['@id'], i.itemOperation])).toEqual([
			['SRV1', 'modify'], [undefined, 'create'], ['SRV2', 'delete'],
		]);
		expect(ops[0].tradeCard.deliveryPlans.deliveryPlan['@id']).toBe('PLAN1');
		expect(ops[1]).toEqual({ index: '2', operation: 'finalize', tcn: 'E150317000A2C44', arrivalDate: '2025-01-15T18:00:00+01:00' });
		expect(ops[2]).toEqual({
			index: '3', operation: 'finalize', tcn: 'E150317000A2C45', arrivalDateOnly: '2025-01-15', statusChangeModReasonText: 'megérkezett',
		});
		expect(ops[3]).toEqual({ index: '4', operation: 'delete', tcn: 'E150317000A2C46', statusChangeModReasonText: 'téves rögzítés' });
		expect(ops[4].tradeCard.items.tradeCardItem[0].value).toBe('3000000');
	});

	it('leaves unset optional elements out and still validates (minimal card)', async () => {
		const xml = buildManageRequestXml(HEADER, USER, [
			{
				operation: 'create',
				card: {
					tradeType: 'import',
					modifiableByCarrier: false,
					seller: { name: 'V GmbH', vatNumber: 'DE1' },
					destination: { name: 'V Kft', vatNumber: '87654321', country: 'HU', address: 'Debrecen' },
					deliveryPlans: [{ items: [item({ externalId: undefined })] }],
				},
			},
		]);
		await expectValid(xml);
		for (const absent of ['orderNumber', 'isSellerDelivery', 'carrier', 'vehicle', 'loadDate', 'tradeCardType', 'externalId', 'itemExternalId']) {
			expect(xml).not.toContain(`<${absent}>`);
		}
	});

	it('would fail the schema with GPS children in the management namespace (the check has teeth)', async () => {
		const xml = buildManageRequestXml(HEADER, USER, [{ operation: 'create', card: fullCard('domestic') }]);
		const wrong = await validateWithXsd(xml.replace(/common:(latitude|longitude)/g, '$1'), XSD);
		expect(wrong.valid).toBe(false);
	});

	it('uses the summer offset for summer timestamps', () => {
		const xml = buildManageRequestXml(HEADER, USER, [{ operation: 'finalize', tcn: 'E1', arrival: new Date('2025-07-01T10:00:00Z') }]);
		expect(xml).toContain('<arrivalDate>2025-07-01T12:00:00+02:00</arrivalDate>');
	});

	it('builds valid queries by tcn and by parameters', async () => {
		const byTcn = buildQueryRequestXml(HEADER, USER, { tcn: 'E150317000A2C43' });
		await expectValid(byTcn);
		expect(byTcn).toContain('</user><tcn>E150317000A2C43</tcn></queryTradeCardsRequest>');
		const byParams = buildQueryRequestXml(HEADER, USER, {
			insertedFrom: new Date('2025-01-01T00:00:00Z'),
			insertedTo: new Date('2025-01-20T00:00:00Z'),
			orderNumber: 'ORD1',
			tradeType: 'domestic',
			status: 'started',
			plateNumber: 'abc-123',
			sellerVatNumber: '12345678-2-42',
			destinationVatNumber: 'DE987654321',
			maxRows: 100,
		});
		await expectValid(byParams);
		expect(elementNames(byParams).slice(12)).toEqual([
			'insertFromDate', 'insertToDate', 'orderNumber', 'tradeType', 'status', 'plateNumber', 'sellerVatNumber',
			'destinationVatNumber', 'maxRowNum',
		]);
		expect(byParams).toContain('<tradeType>D</tradeType><status>S</status><plateNumber>ABC123</plateNumber><sellerVatNumber>12345678</sellerVatNumber>');
		expect(byParams).toContain('<insertFromDate>2025-01-01T01:00:00+01:00</insertFromDate>');
	});

	it('refuses an empty batch', () => {
		expect(() => buildManageRequestXml(HEADER, USER, [])).toThrow(/at least one/);
	});
	it('writes no element for an empty or blank text (NAV refused <lotNumber></lotNumber>)', async () => {
		const card = fullCard('domestic');
		card.orderNumber = '';
		card.loadLocation = { ...card.loadLocation!, lotNumber: '', streetType: '  ' };
		card.items = [{ ...card.items![0], batchNumber: '', factoryItemNumber: ' ', reasons: { weight: '' } }];
		card.vehicle = { plateNumber: 'ABC123', country: '' };
		const xml = buildManageRequestXml(HEADER, USER, [{ operation: 'create', card }, { operation: 'finalize', tcn: 'E1', arrival: '2025-01-15', reason: '' }]);
		await expectValid(xml);
		expect(xml).not.toMatch(/<(\w+)>\s*<\/\1>/);
		expect(/<loadLocation>.*?<\/loadLocation>/.exec(xml)![0]).not.toContain('<streetType>');
		for (const name of ['orderNumber', 'lotNumber', 'batchNumber', 'factoryItemNumber', 'weightModReasonText', 'statusChangeModReasonText']) {
			expect(xml).not.toContain(`<${name}>`);
		}
		expect(xml).toContain('<vehicle><plateNumber>ABC123</plateNumber></vehicle>');
	});
});
