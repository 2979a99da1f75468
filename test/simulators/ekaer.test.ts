/**
 * The EKÁER simulator, driven over raw HTTP with hand-built XML that starts from the vendor samples in
 * ../shared/samples/ekaer (header and user filled in here). Every response shape is checked against
 * ekaermanagement.xsd at least once.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { sharedFile } from '../helpers/xsd';
import { startEkaerSimulator, type EkaerSimulator, type EkaerUser } from './ekaer';

const USER: EkaerUser = { user: 'tesztelek01', password: 'Jelszo123', signingKey: 'Elek65Titkos', vatNumber: '12345678' };
const OTHER: EkaerUser = { user: 'masikceg01', password: 'Masik456', signingKey: 'Masik65Kulcs', vatNumber: '87654321' };

const sample = (name: string) => readFileSync(sharedFile('samples', 'ekaer', name), 'utf8');
const MANAGE_SAMPLE = sample('manage_create_finalize_delete_v2.1.xml');
const QUERY_TCN_SAMPLE = sample('query_by_tcn_v2.1.xml');
const QUERY_PARAMS_SAMPLE = sample('query_by_params_v2.1.xml');
/** The sample's create card: domestic, seller = taxpayer 12345678, one delivery plan with one item. */
const SAMPLE_CARD = /<tradeCard>([\s\S]*?)<\/tradeCard>/.exec(MANAGE_SAMPLE)![1];

// ---------- signing and request building (independent of the node's client code) ----------

const sha512 = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex').toUpperCase();

/** xs:dateTime with an explicit offset (default +01:00, Budapest winter time). */
function stamp(date: Date, offsetMinutes = 60): string {
	const local = new Date(date.getTime() + offsetMinutes * 60000).toISOString().slice(0, 19);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function utc14(timestamp: string): string {
	return new Date(timestamp).toISOString().replace(/[-T:]/g, '').slice(0, 14);
}

let clock = new Date('2025-01-15T14:00:00Z');
let idCounter = 0;

interface HeaderOptions {
	requestId?: string;
	timestamp?: string;
	version?: string;
	as?: EkaerUser;
	vatNumber?: string;
	passwordHash?: string;
	signature?: string;
}

function headerAndUser(o: HeaderOptions = {}): string {
	const as = o.as ?? USER;
	const requestId = o.requestId ?? `RQ${Date.now()}x${++idCounter}`;
	const timestamp = o.timestamp ?? stamp(clock);
	const signature = o.signature ?? sha512(requestId + utc14(timestamp) + as.signingKey);
	return (
		`<header><requestId>${requestId}</requestId><timestamp>${timestamp}</timestamp>` +
		`<requestVersion>${o.version ?? '2.1'}</requestVersion><headerVersion>1.0</headerVersion></header>` +
		`<user><user>${as.user}</user><passwordHash>${o.passwordHash ?? sha512(as.password)}</passwordHash>` +
		`<VATNumber>${o.vatNumber ?? as.vatNumber}</VATNumber><requestSignature>${signature}</requestSignature></user>`
	);
}

/** A vendor sample with its placeholder header and user replaced by valid ones. */
function fromSample(xml: string, o: HeaderOptions = {}): string {
	return xml.replace(/<header>[\s\S]*<\/user>/, headerAndUser(o));
}

function manageXml(ops: string[], o: HeaderOptions = {}): string {
	return fromSample(MANAGE_SAMPLE, o).replace(/<tradeCardOperations>[\s\S]*<\/tradeCardOperations>/, `<tradeCardOperations>${ops.join('')}</tradeCardOperations>`);
}

function queryXml(body: string, o: HeaderOptions = {}): string {
	return fromSample(QUERY_TCN_SAMPLE, o).replace(/<tcn>[^<]*<\/tcn>/, body);
}

const op = (index: number, operation: string, body: string) => `<tradeCardOperation><index>${index}</index><operation>${operation}</operation>${body}</tradeCardOperation>`;
const createOp = (index: number, card = SAMPLE_CARD) => op(index, 'create', `<tradeCard>${card}</tradeCard>`);
const tcnOp = (index: number, operation: string, tcn: string, extra = '') => op(index, operation, `<tcn>${tcn}</tcn>${extra}`);

/** Export card: seller is the taxpayer in HU, destination and unload place in Austria. */
const EXPORT_CARD = SAMPLE_CARD.replace('<tradeType>D</tradeType>', '<tradeType>E</tradeType>')
	.replace(/<destinationVatNumber>87654321<\/destinationVatNumber>\s*<destinationCountry>HU<\/destinationCountry>/, '<destinationVatNumber>ATU1234567</destinationVatNumber><destinationCountry>AT</destinationCountry>')
	.replace(/<unloadLocation>[\s\S]*?<\/unloadLocation>/, '<unloadLocation><name>D GmbH</name><VATNumber>ATU1234567</VATNumber><country>AT</country><zipCode>1010</zipCode><city>Wien</city><street>Ring</street><streetNumber>1</streetNumber></unloadLocation>');
/** Import card without a vehicle: seller in Austria, destination = taxpayer. */
const IMPORT_CARD = SAMPLE_CARD.replace('<tradeType>D</tradeType>', '<tradeType>I</tradeType>')
	.replace(/<sellerVatNumber>12345678<\/sellerVatNumber>\s*<sellerCountry>HU<\/sellerCountry>/, '<sellerVatNumber>ATU7654321</sellerVatNumber><sellerCountry>AT</sellerCountry>')
	.replace('<destinationVatNumber>87654321</destinationVatNumber>', '<destinationVatNumber>12345678</destinationVatNumber>')
	.replace(/<vehicle>[\s\S]*?<\/vehicle>/, '')
	.replace(/<loadLocation>[\s\S]*?<\/loadLocation>/, '<loadLocation><name>S GmbH</name><VATNumber>ATU1234567</VATNumber><country>AT</country><zipCode>1010</zipCode><city>Wien</city><street>Ring</street><streetNumber>1</streetNumber></loadLocation>');

// ---------- HTTP ----------

const parser = new XMLParser({
	removeNSPrefix: true,
	parseTagValue: false,
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	isArray: (name) => ['operationResult', 'tradeCardInfo', 'tradeCardItem', 'NAVValidation', 'deliveryPlan'].includes(name),
});

interface Reply {
	status: number;
	body: string;
	contentType: string;
	doc: any;
}

async function post(sim: EkaerSimulator, endpoint: string, xml: string, contentType = 'text/xml; charset=UTF-8'): Promise<Reply> {
	const res = await request(sim.baseUrl + endpoint, { method: 'POST', headers: { 'content-type': contentType }, body: xml });
	const body = await res.body.text();
	let doc: any;
	try {
		doc = parser.parse(body);
	} catch {
		doc = undefined;
	}
	return { status: res.statusCode, body, contentType: String(res.headers['content-type'] ?? ''), doc };
}

const manage = async (sim: EkaerSimulator, ops: string[], o?: HeaderOptions) => post(sim, 'manageTradeCards', manageXml(ops, o));
const query = async (sim: EkaerSimulator, body: string, o?: HeaderOptions) => post(sim, 'queryTradeCards', queryXml(body, o));
const results = (r: Reply): any[] => r.doc.manageTradeCardsResponse.tradeCardOperationsResults?.operationResult ?? [];
const topResult = (r: Reply) => (r.doc.manageTradeCardsResponse ?? r.doc.queryTradeCardsResponse).result;
const codes = (r: Reply) => results(r).map((x) => x.result.reasonCode);

/**
 * libxml2 over many documents in one call (one WebAssembly start instead of one per document), errors per document.
 */
async function xsdErrorsOf(docs: Record<string, string>): Promise<Record<string, string[]>> {
	const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(sharedFile('xsd', 'ekaer', name), 'utf8') });
	const result = await validateXML({
		xml: Object.entries(docs).map(([fileName, contents]) => ({ fileName, contents })),
		schema: [schemaFile('ekaermanagement.xsd')],
		preload: [schemaFile('common.xsd')],
	});
	const errors: Record<string, string[]> = Object.fromEntries(Object.keys(docs).map((name) => [name, []]));
	for (const e of result.errors) {
		// Summary lines ("x.xml fails to validate") come without a location.
		const name = e.loc?.fileName ?? Object.keys(docs).find((n) => e.rawMessage.startsWith(n)) ?? '(no location)';
		(errors[name] ??= []).push(e.message);
	}
	return errors;
}

/** Responses collected by the tests, validated together at the end of the file. */
const responsesForXsd: Record<string, string> = {};
function expectXsdValid(xml: string): void {
	responsesForXsd[`${expect.getState().currentTestName}#${Object.keys(responsesForXsd).length}.xml`] = xml;
}

async function createCard(sim: EkaerSimulator, card = SAMPLE_CARD): Promise<string> {
	const r = await manage(sim, [createOp(1, card)]);
	expect(codes(r)).toEqual(['SUCCESS']);
	return results(r)[0].tradeCardInfo[0].tcn;
}

// ---------- tests ----------

let sim: EkaerSimulator;
beforeAll(async () => {
	sim = await startEkaerSimulator({ users: [USER, OTHER], now: () => clock });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	clock = new Date('2025-01-15T14:00:00Z');
});

describe('header and user checks', () => {
	it("accepts NAV's worked signature example when the clock is set to it", async () => {
		const requestId = 'TSTKFT1222564';
		const timestamp = '2015-01-15T13:25:45+01:00';
		const signature = sha512(requestId + utc14(timestamp) + 'Elek65Titkos');
		expect(utc14(timestamp)).toBe('20150115122545');
		expect(signature.startsWith('AF84DC456B82234E67550C80169E517F')).toBe(true);
		clock = new Date('2015-01-15T12:26:00Z');
		const r = await query(sim, '<queryParams><insertFromDate>2015-01-01T00:00:00+01:00</insertFromDate><insertToDate>2015-01-20T00:00:00+01:00</insertToDate></queryParams>', { requestId, timestamp, signature });
		expect(r.status).toBe(200);
		expect(topResult(r)).toMatchObject({ funcCode: 'OK', reasonCode: 'SUCCESS' });
		expect(r.doc.queryTradeCardsResponse.header).toMatchObject({ requestId, timestamp, requestVersion: '2.1' });
		expect(sim.requestIds.has(requestId)).toBe(true);
		expectXsdValid(r.body);
	});

	it('rejects a wrong password hash or unknown user with INVALID_USER_OR_PASSWORD and no results', async () => {
		const r = await manage(sim, [createOp(1)], { passwordHash: sha512('wrong') });
		expect(topResult(r)).toMatchObject({ funcCode: 'ERROR', reasonCode: 'INVALID_USER_OR_PASSWORD' });
		expect(results(r)).toEqual([]);
		expect(r.body).toContain('<tradeCardOperationsResults></tradeCardOperationsResults>');
		expect(r.body).not.toContain(sha512(USER.password));
		expectXsdValid(r.body);
		const lower = await manage(sim, [createOp(1)], { passwordHash: sha512(USER.password).toLowerCase() });
		expect(topResult(lower).reasonCode).toBe('INVALID_USER_OR_PASSWORD');
		const unknown = await manage(sim, [createOp(1)], { as: { ...USER, user: 'nobody01' } });
		expect(topResult(unknown).reasonCode).toBe('INVALID_USER_OR_PASSWORD');
		expect(sim.tradeCards.size).toBe(0);
	});

	it('rejects a bad signature with INVALID_REQUEST_HEADERS and counts it', async () => {
		const r = await manage(sim, [createOp(1)], { signature: sha512('tampered') });
		expect(topResult(r)).toMatchObject({ funcCode: 'ERROR', reasonCode: 'INVALID_REQUEST_HEADERS' });
		const requestId = 'LOCALTIMEBUG1';
		const timestamp = stamp(clock);
		// Signing the local wall-clock digits instead of UTC (the Delphi client's bug) must fail.
		const localDigits = timestamp.slice(0, 19).replace(/[-T:]/g, '');
		const local = await manage(sim, [createOp(1)], { requestId, timestamp, signature: sha512(requestId + localDigits + USER.signingKey) });
		expect(topResult(local).reasonCode).toBe('INVALID_REQUEST_HEADERS');
		expect(sim.stats.rejectedSignatures).toBe(2);
		expect(sim.requestIds.has(requestId)).toBe(false);
		expect(r.body).not.toContain(USER.signingKey);
	});

	it('refuses a reused requestId per taxpayer, but another taxpayer may use the same id', async () => {
		const first = await manage(sim, [createOp(1)], { requestId: 'SAMEID1' });
		expect(topResult(first).reasonCode).toBe('SUCCESS');
		const again = await manage(sim, [createOp(1)], { requestId: 'SAMEID1' });
		expect(topResult(again)).toMatchObject({ funcCode: 'ERROR', reasonCode: 'INVALID_REQUEST_HEADERS' });
		expect(sim.tradeCards.size).toBe(1);
		const other = await query(sim, '<tcn>E250115AAAAAAAA</tcn>', { requestId: 'SAMEID1', as: OTHER });
		expect(topResult(other).reasonCode).toBe('INVALID_INPUT'); // got past the header checks
	});

	it('checks the timestamp: offset required, skew limited', async () => {
		const skewed = await manage(sim, [createOp(1)], { timestamp: stamp(new Date(clock.getTime() + 11 * 60000)) });
		expect(topResult(skewed).reasonCode).toBe('INVALID_REQUEST_HEADERS');
		const within = await manage(sim, [createOp(1)], { timestamp: stamp(new Date(clock.getTime() - 9 * 60000), 120) });
		expect(topResult(within).reasonCode).toBe('SUCCESS');
		const noOffset = await manage(sim, [createOp(1)], { timestamp: clock.toISOString().slice(0, 19) });
		expect(topResult(noOffset).reasonCode).toBe('INVALID_REQUEST_HEADERS');
		const utc = await manage(sim, [createOp(1)], { timestamp: clock.toISOString() }); // with .000Z
		expect(topResult(utc).reasonCode).toBe('SUCCESS');
	});

	it('answers ACCESS_DENIED for another taxpayer', async () => {
		const r = await manage(sim, [createOp(1)], { vatNumber: OTHER.vatNumber });
		expect(topResult(r)).toMatchObject({ funcCode: 'ERROR', reasonCode: 'ACCESS_DENIED' });
	});
});

describe('schema and transport errors', () => {
	it('answers a schema error with INVALID_REQUEST and an empty result list', async () => {
		const dashed = await manage(sim, [createOp(1)], { requestId: 'abc-def' });
		expect(dashed.status).toBe(200);
		expect(topResult(dashed).reasonCode).toBe('INVALID_REQUEST');
		expect(topResult(dashed).msg).toMatch(/^Cannot construct valid object errors: /);
		expect(results(dashed)).toEqual([]);
		expectXsdValid(dashed.body); // the invalid requestId is not echoed
		const misordered = await manage(sim, [createOp(1, SAMPLE_CARD.replace('<orderNumber>ORD1</orderNumber>', '').replace('<tradeType>D</tradeType>', '<tradeType>D</tradeType><orderNumber>ORD1</orderNumber>'))]);
		expect(topResult(misordered).reasonCode).toBe('INVALID_REQUEST');
		expect(sim.tradeCards.size).toBe(0);
	});

	it('catches bad values in an already validated shape without running libxml2 again', async () => {
		await createCard(sim);
		const before = sim.stats.xsdValidations;
		const bad = [
			SAMPLE_CARD.replace('<productVtsz>02011000</productVtsz>', '<productVtsz>0201100A</productVtsz>'),
			SAMPLE_CARD.replace('<weight>1200.5</weight>', '<weight>1200.5555</weight>'),
			SAMPLE_CARD.replace('<plateNumber>ABC123</plateNumber>', '<plateNumber>abc123</plateNumber>'),
			SAMPLE_CARD.replace('<value>2500000</value>', '<value>0</value>'),
			SAMPLE_CARD.replace('<loadDate>2025-01-15T14:00:00+01:00</loadDate>', '<loadDate>2025-01-15T14:00:00</loadDate>'),
			SAMPLE_CARD.replace('<phone>', '<phone>').replace('<email>', '<email>').replace('<zipCode>1111</zipCode>', '<zipCode>1_11</zipCode>'),
		];
		for (const card of bad) {
			const r = await manage(sim, [createOp(1, card)]);
			expect(topResult(r).reasonCode).toBe('INVALID_REQUEST');
		}
		expect(sim.stats.xsdValidations).toBe(before);
		// libxml2 agrees with every one of them.
		const libxml = await xsdErrorsOf(Object.fromEntries(bad.map((card, i) => [`bad${i}.xml`, manageXml([createOp(1, card)])])));
		for (const errors of Object.values(libxml)) expect(errors.length).toBeGreaterThan(0);
		expect(Object.keys(libxml)).toHaveLength(bad.length);
	});

	it('refuses an empty element as NAV did (lotNumber), and also one the facets alone would let through', async () => {
		// 2015 test-system log: "lotNumber - The value '' of element 'lotNumber' is not valid." (ekaer.md §4.2)
		const emptyLot = await manage(sim, [createOp(1, SAMPLE_CARD.replace('<streetType>utca</streetType>', '<streetType>utca</streetType><lotNumber></lotNumber>'))]);
		expect(topResult(emptyLot).reasonCode).toBe('INVALID_REQUEST');
		expect(topResult(emptyLot).msg).toContain("lotNumber - The value '' of element 'lotNumber' is not valid.");
		const emptyOrder = await manage(sim, [createOp(1, SAMPLE_CARD.replace('<orderNumber>ORD1</orderNumber>', '<orderNumber></orderNumber>'))]);
		expect(topResult(emptyOrder).msg).toContain("The value '' of element 'orderNumber' is not valid.");
		expect(sim.tradeCards.size).toBe(0);
	});

	it('refuses a foreign location without a VAT number (NAV lists it in TC_LOCATION_NOT_COMPLETE)', async () => {
		const noVat = EXPORT_CARD.replace('<VATNumber>ATU1234567</VATNumber><country>AT</country>', '<country>AT</country>');
		expect(noVat).not.toBe(EXPORT_CARD);
		const r = await manage(sim, [createOp(1, noVat)]);
		expect(codes(r)).toEqual(['TC_LOCATION_NOT_COMPLETE']);
		expect(codes(await manage(sim, [createOp(1, EXPORT_CARD)]))).toEqual(['SUCCESS']);
	});

	it("runs libxml2 on every request in 'all' mode and not at all in 'off' mode", async () => {
		const all = await startEkaerSimulator({ now: () => clock, xsdValidation: 'all' });
		const off = await startEkaerSimulator({ now: () => clock, xsdValidation: 'off' });
		try {
			await manage(all, [createOp(1)]);
			await manage(all, [createOp(1)]);
			expect(all.stats.xsdValidations).toBe(2);
			// Out of XSD order, so only the business rules see it when validation is off.
			const misordered = SAMPLE_CARD.replace('<orderNumber>ORD1</orderNumber>', '').replace('<tradeType>D</tradeType>', '<tradeType>D</tradeType><orderNumber>ORD1</orderNumber>');
			expect(codes(await manage(off, [createOp(1, misordered)]))).toEqual(['SUCCESS']);
			expect(off.stats.xsdValidations).toBe(0);
		} finally {
			await Promise.all([all.close(), off.close()]);
		}
	});

	it('answers a wrong namespace, a wrong root and broken XML with HTTP 500 technicalFault', async () => {
		const wrongNs = await post(sim, 'manageTradeCards', manageXml([createOp(1)]).replace('EKAER/1.0/ekaermanagement', 'EKAER/1.6/ekaermanagement'));
		expect(wrongNs.status).toBe(500);
		expect(wrongNs.body).toContain('xmlns="http://common.types.tracon.hu/commonservice"');
		expect(wrongNs.doc.technicalFault).toMatchObject({ funcCode: 'ERROR', reasonCode: 'OPERATION_FAILED' });
		expect(wrongNs.doc.technicalFault.msg).toContain('unexpected element');
		expect(wrongNs.doc.technicalFault.stackTrace).toBeTruthy();
		const wrongRoot = await post(sim, 'manageTradeCards', queryXml('<tcn>E250115AAAAAAAA</tcn>'));
		expect(wrongRoot.status).toBe(500);
		const broken = await post(sim, 'queryTradeCards', '<queryTradeCardsRequest xmlns="http://schemas.nav.gov.hu/EKAER/1.0/ekaermanagement"><header>');
		expect(broken.status).toBe(500);
		expect(broken.doc.technicalFault.reasonCode).toBe('OPERATION_FAILED');
		const doctype = await post(sim, 'queryTradeCards', '<!DOCTYPE x [<!ENTITY e "e">]>' + queryXml('<tcn>E250115AAAAAAAA</tcn>'));
		expect(doctype.status).toBe(500);
	});

	it('serves only the two operations, by POST, as XML', async () => {
		const other = await request(sim.baseUrl + 'validateTradeCards', { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<x/>' });
		expect(other.statusCode).toBe(404);
		await other.body.text();
		const get = await request(sim.baseUrl + 'queryTradeCards');
		expect(get.statusCode).toBe(405);
		await get.body.text();
		const json = await post(sim, 'queryTradeCards', queryXml('<tcn>E250115AAAAAAAA</tcn>'), 'application/json');
		expect(json.status).toBe(415);
		const appXml = await post(sim, 'queryTradeCards', queryXml('<tcn>E250115AAAAAAAA</tcn>'), 'application/xml');
		expect(appXml.status).toBe(200);
		expect(appXml.contentType).toMatch(/^text\/xml/);
	});

	it('refuses more operations than allowed in one request', async () => {
		const small = await startEkaerSimulator({ now: () => clock, maxOperationsPerRequest: 2 });
		try {
			const r = await manage(small, [createOp(1), createOp(2), createOp(3)]);
			expect(topResult(r)).toMatchObject({ funcCode: 'ERROR', reasonCode: 'INVALID_REQUEST' });
			expect(results(r)).toEqual([]);
			expect(small.tradeCards.size).toBe(0);
		} finally {
			await small.close();
		}
	});
});

describe('create', () => {
	it('processes the vendor sample: create succeeds, finalize and delete of unknown cards fail', async () => {
		const r = await post(sim, 'manageTradeCards', fromSample(MANAGE_SAMPLE));
		expect(topResult(r)).toMatchObject({ funcCode: 'OK', reasonCode: 'SUCCESS' });
		expect(results(r).map((x) => [x.result.index, x.result.operation, x.result.reasonCode])).toEqual([
			['1', 'create', 'SUCCESS'],
			['2', 'finalize', 'INVALID_INPUT'],
			['3', 'delete', 'INVALID_INPUT'],
		]);
		const info = results(r)[0].tradeCardInfo[0];
		expect(info.tcn).toMatch(/^E250115[0-9A-F]{8}$/);
		expect(info).toMatchObject({ VATNumber: '12345678', status: 'S', totalWeight: '1200.5', totalValue: '2500000', tcnValidityStart: '2025-01-15', tcnValidityEnd: '2025-01-30', insUser: USER.user, orderNumber: 'ORD1' });
		expect(info.insDate).toBe('2025-01-15T15:00:00+01:00');
		const item = info.deliveryPlans.deliveryPlan[0].items.tradeCardItem[0];
		expect(item['@id']).toMatch(/^[0-9A-Z]{12}$/);
		expect(item.itemOperation).toBeUndefined();
		expect(results(r)[1].tradeCardInfo).toBeUndefined();
		const stored = sim.tradeCards.get(info.tcn)!;
		expect(stored).toMatchObject({ status: 'S', orderNumber: 'ORD1', plateNumber: 'ABC123', totalWeight: 1200.5, totalValue: 2500000 });
		expect(stored.items).toEqual([expect.objectContaining({ id: item['@id'], productVtsz: '02011000', weight: '1200.5', itemExternalId: 'i1' })]);
		expect(sim.stats).toMatchObject({ requests: 1, operations: 3, byOperation: { manageTradeCards: 1, create: 1, finalize: 1, delete: 1 } });
		expectXsdValid(r.body);
	});

	it('reports each broken business rule on its own operation while the rest of the batch succeeds', async () => {
		const card = (from: string | RegExp, to: string) => SAMPLE_CARD.replace(from, to);
		const cases: Array<[string, string]> = [
			[SAMPLE_CARD, 'SUCCESS'],
			['<tcn>E250115AAAAAAAA</tcn>' + SAMPLE_CARD, 'TC_CREATE_ELEMENT_FOUND'],
			[card('<tradeCardItem>', '<tradeCardItem id="X1">'), 'TCI_ID_FOUND'],
			[card('<carrierText>', '<carrier>CARR1</carrier><carrierText>'), 'TC_BOTH_CARRIER_FOUND'],
			[card(/<sellerName>[^<]*<\/sellerName>/, ''), 'TC_SELLER_NAME_EMPTY'],
			[card(/<destinationVatNumber>[^<]*<\/destinationVatNumber>/, ''), 'TC_DESTINATION_VAT_NUMBER_EMPTY'],
			[card('<sellerVatNumber>12345678</sellerVatNumber>', '<sellerVatNumber>11112222</sellerVatNumber>'), 'TC_SELLER_VAT_NUMBER_ERROR'],
			[card('<destinationVatNumber>87654321</destinationVatNumber>', '<destinationVatNumber>8765432</destinationVatNumber>'), 'TC_DESTINATION_VAT_NUMBER_ERROR'],
			[card('<destinationCountry>HU</destinationCountry>', '<destinationCountry>AT</destinationCountry>'), 'TC_DESTINATION_MUST_BE_HUNGARY'],
			[EXPORT_CARD.replace('<destinationCountry>AT</destinationCountry>', '<destinationCountry>HU</destinationCountry>'), 'TC_DESTINATION_CANT_BE_HUNGARY'],
			[IMPORT_CARD.replace('<sellerCountry>AT</sellerCountry>', '<sellerCountry>HU</sellerCountry>'), 'TC_SELLER_CANT_BE_HUNGARY'],
			[card(/<vehicle>[\s\S]*?<\/vehicle>/, ''), 'TC_VEHICLE_NOT_FOUND'],
			[card(/<deliveryPlans>[\s\S]*<\/deliveryPlans>/, ''), 'TC_DELIVERY_PLAN_MISSING'],
			[card(/<city>Debrecen<\/city>/, ''), 'TC_LOCATION_NOT_COMPLETE'],
			[card('<productVtsz>02011000</productVtsz>', '<productVtsz>0201100</productVtsz>'), 'TC_VTSZ_TOO_SHORT'],
			[card('<productVtsz>02011000</productVtsz>', '<productVtsz>99999999</productVtsz>'), 'TC_VTSZ_UNKNOWN'],
			[card('<value>2500000</value>', ''), 'TCI_VALUE_MISSING'],
			[card('<itemOperation>create</itemOperation>', ''), 'TCI_ITEM_OPERATION_MISSING'],
			[card('<tradeCardType>N</tradeCardType>', '<arrivalDate>2025-01-15T15:00:00+01:00</arrivalDate><tradeCardType>N</tradeCardType>'), 'TC_ARRIVALDATE_TIME_ERROR'],
			[EXPORT_CARD, 'SUCCESS'],
			[IMPORT_CARD, 'SUCCESS'],
		];
		const r = await manage(sim, cases.map(([c], i) => createOp(i + 1, c)));
		expect(topResult(r)).toMatchObject({ funcCode: 'OK', reasonCode: 'SUCCESS' });
		expect(codes(r)).toEqual(cases.map(([, code]) => code));
		for (const result of results(r)) {
			if (result.result.reasonCode === 'SUCCESS') expect(result.tradeCardInfo).toHaveLength(1);
			else {
				expect(result.result.funcCode).toBe('ERROR');
				expect(result.result.msg).toBeTruthy();
				expect(result.tradeCardInfo).toBeUndefined();
			}
		}
		expect(sim.tradeCards.size).toBe(3);
		expectXsdValid(r.body);
	});

	it('attaches NAVValidations warnings for a very low total value and a zip/city mismatch', async () => {
		const r = await manage(sim, [createOp(1, SAMPLE_CARD.replace('<value>2500000</value>', '<value>500</value>').replace('<city>Debrecen</city>', '<city>Budapest</city>'))]);
		expect(results(r)[0].result).toMatchObject({ funcCode: 'OK', reasonCode: 'SUCCESS' });
		expect(results(r)[0].NAVValidations.NAVValidation.map((v: any) => v.code)).toEqual(['TC_LOW_TOTAL_VALUE_WARN', 'TC_WRONG_ZIP_CITY_WARN']);
		expectXsdValid(r.body);
	});

	it('fails every operation that shares an index', async () => {
		const r = await manage(sim, [createOp(1), createOp(1), createOp(2)]);
		expect(codes(r)).toEqual(['TC_OP_INDEX_NOT_UNIQUE', 'TC_OP_INDEX_NOT_UNIQUE', 'SUCCESS']);
		expect(sim.tradeCards.size).toBe(1);
	});
});

/** The card as a client would send it back for modify/correction: tcn first, server ids kept. */
function cardForUpdate(tcn: string, card = SAMPLE_CARD, itemChange: (item: string) => string = (x) => x): string {
	const stored = sim.tradeCards.get(tcn)!;
	const item = stored.items[0];
	return `<tcn>${tcn}</tcn>` + card
		.replace('<deliveryPlan>', `<deliveryPlan id="${item.planId}">`)
		.replace(/<tradeCardItem>[\s\S]*?<\/tradeCardItem>/, (x) => itemChange(x.replace('<tradeCardItem>', `<tradeCardItem id="${item.id}">`)));
}

describe('modify', () => {
	it('modifies a card, adds an item and changes a weight with its reason', async () => {
		const tcn = await createCard(sim);
		const body = cardForUpdate(tcn, SAMPLE_CARD.replace('ORD1', 'ORD1-B'), (item) =>
			item
				.replace('<itemOperation>create</itemOperation>', '<itemOperation>modify</itemOperation>')
				.replace('<weight>1200.5</weight>', '<weight>1300</weight>')
				.replace('<value>2500000</value>', '<value>2500000</value><weightModReasonText>ujramerve</weightModReasonText>') +
			'<tradeCardItem><itemExternalId>i2</itemExternalId><itemOperation>create</itemOperation><tradeReason>S</tradeReason><productVtsz>02012020</productVtsz><productName>Borjú</productName><weight>100</weight><value>300000</value></tradeCardItem>',
		);
		const r = await manage(sim, [op(1, 'modify', `<tradeCard>${body}</tradeCard>`)]);
		expect(results(r)[0].result).toMatchObject({ funcCode: 'OK', reasonCode: 'SUCCESS', index: '1', operation: 'modify' });
		const info = results(r)[0].tradeCardInfo[0];
		expect(info).toMatchObject({ tcn, orderNumber: 'ORD1-B', totalWeight: '1400', totalValue: '2800000', modUser: USER.user, status: 'S' });
		const stored = sim.tradeCards.get(tcn)!;
		expect(stored.items.map((i) => [i.itemExternalId, i.weight])).toEqual([['i1', '1300'], ['i2', '100']]);
		expect(stored.items[0].id).toBe(results(r)[0].tradeCardInfo[0].deliveryPlans.deliveryPlan[0].items.tradeCardItem[0]['@id']);
		expectXsdValid(r.body);
	});

	it('demands reasons for weight, value and vehicle changes and refuses unknown or closed cards', async () => {
		const tcn = await createCard(sim);
		const modify = (index: number, body: string) => op(index, 'modify', `<tradeCard>${body}</tradeCard>`);
		const asModify = (item: string) => item.replace('<itemOperation>create</itemOperation>', '<itemOperation>modify</itemOperation>');
		const r = await manage(sim, [
			modify(1, cardForUpdate(tcn, SAMPLE_CARD, (i) => asModify(i).replace('<weight>1200.5</weight>', '<weight>1300</weight>'))),
			modify(2, cardForUpdate(tcn, SAMPLE_CARD, (i) => asModify(i).replace('<value>2500000</value>', '<value>2600000</value>'))),
			modify(3, cardForUpdate(tcn, SAMPLE_CARD.replace('ABC123', 'XYZ987'), asModify)),
			modify(4, cardForUpdate(tcn, SAMPLE_CARD, (i) => asModify(i).replace('Marha', 'Sertes'))),
			modify(5, cardForUpdate(tcn, SAMPLE_CARD, (i) => i.replace('<itemOperation>create</itemOperation>', ''))),
			modify(6, SAMPLE_CARD.replace('<orderNumber>', '<tcn>E250115ABCDEF01</tcn><orderNumber>')),
			modify(7, SAMPLE_CARD),
			modify(8, cardForUpdate(tcn, SAMPLE_CARD.replace('ABC123', 'XYZ987').replace('<vehicle>', '<plateNumberModReasonText>csere</plateNumberModReasonText><vehicle>'), asModify)),
		]);
		expect(codes(r)).toEqual(['TCI_MOD_REASON_MISSING', 'TCI_MOD_REASON_MISSING', 'TC_MOD_REASON_MISSING', 'TCI_MODIFY_PRODUCT_DISABLED', 'TCI_ITEM_OPERATION_MISSING', 'INVALID_INPUT', 'INVALID_INPUT', 'SUCCESS']);
		// A failed modify of an existing card still reports the card as it is.
		expect(results(r)[0].tradeCardInfo[0].tcn).toBe(tcn);
		expect(sim.tradeCards.get(tcn)!.plateNumber).toBe('XYZ987');
		await manage(sim, [tcnOp(1, 'finalize', tcn, `<arrivalDate>${stamp(clock)}</arrivalDate>`)]);
		const closed = await manage(sim, [modify(1, cardForUpdate(tcn, SAMPLE_CARD.replace('ABC123', 'XYZ987'), asModify))]);
		expect(codes(closed)).toEqual(['TC_MODIFICATION_DISABLED']);
	});
});

describe('finalize and delete', () => {
	it('finalizes with an operation-level arrival date and enforces the finalize rules', async () => {
		const tcn = await createCard(sim);
		const importTcn = await createCard(sim, IMPORT_CARD);
		const now = stamp(clock);
		const r = await manage(sim, [
			op(1, 'finalize', `<tradeCard>${cardForUpdate(tcn)}</tradeCard><arrivalDate>${now}</arrivalDate>`),
			tcnOp(2, 'finalize', tcn),
			tcnOp(3, 'finalize', tcn, `<arrivalDate>${stamp(new Date(clock.getTime() + 3600000))}</arrivalDate>`),
			tcnOp(4, 'finalize', importTcn, `<arrivalDate>${now}</arrivalDate>`),
			tcnOp(5, 'finalize', 'E250115FFFFFFFF', `<arrivalDate>${now}</arrivalDate>`),
			tcnOp(6, 'finalize', tcn, `<arrivalDate>${stamp(new Date('2025-01-15T12:00:00Z'))}</arrivalDate>`),
			tcnOp(7, 'finalize', tcn, `<arrivalDate>${now}</arrivalDate>`),
			tcnOp(8, 'finalize', tcn, `<arrivalDate>${now}</arrivalDate>`),
		]);
		expect(codes(r)).toEqual(['INVALID_INPUT', 'TC_FINALIZE_ARRIVAL_DATE_EMPTY', 'TC_FUTURE_ARRIVAL_NOT_ALLOWED', 'TC_FINALIZE_VEHICLE_DATA_EMPTY', 'INVALID_INPUT', 'TC_INVALID_ARRIVALDATE', 'SUCCESS', 'TC_FINALIZE_NOT_ALLOWED']);
		expect(results(r)[0].result.msg).toBe('tradeCard must be empty!');
		expect(results(r)[6].tradeCardInfo[0]).toMatchObject({ status: 'F', finalizationTime: '2025-01-15', arrivalDate: now });
		expect(sim.tradeCards.get(tcn)).toMatchObject({ status: 'F', finalizationTime: '2025-01-15', arrivalDate: now });
		expectXsdValid(r.body);
	});

	it('deletes an active card with a reason, and only an active one', async () => {
		const tcn = await createCard(sim);
		const r = await manage(sim, [
			tcnOp(1, 'delete', tcn),
			tcnOp(2, 'delete', tcn, '<statusChangeModReasonText>téves bejelentés</statusChangeModReasonText>'),
			tcnOp(3, 'delete', tcn, '<statusChangeModReasonText>még egyszer</statusChangeModReasonText>'),
		]);
		expect(codes(r)).toEqual(['TC_MOD_REASON_MISSING', 'SUCCESS', 'TC_DELETE_ONLY_ACTIVE']);
		expect(results(r)[1].tradeCardInfo[0]).toMatchObject({ status: 'D', statusChangeModReasonText: 'téves bejelentés' });
		expect(sim.tradeCards.get(tcn)!.status).toBe('D');
	});

	it('turns a card inactive after its validity and then refuses to finalize it', async () => {
		const tcn = await createCard(sim);
		clock = new Date('2025-02-01T10:00:00Z');
		const r = await manage(sim, [tcnOp(1, 'finalize', tcn, `<arrivalDate>${stamp(clock)}</arrivalDate>`)]);
		expect(codes(r)).toEqual(['TC_VALIDITY_EXCEEDED']);
		expect(sim.tradeCards.get(tcn)!.status).toBe('I');
	});
});

describe('correction', () => {
	async function finalized(card = SAMPLE_CARD): Promise<string> {
		const tcn = await createCard(sim, card);
		const r = await manage(sim, [tcnOp(1, 'finalize', tcn, `<arrivalDate>${stamp(clock)}</arrivalDate>`)]);
		expect(codes(r)).toEqual(['SUCCESS']);
		return tcn;
	}
	const correction = (index: number, body: string) => op(index, 'correction', `<tradeCard>${body}</tradeCard>`);
	const asModify = (item: string) => item.replace('<itemOperation>create</itemOperation>', '<itemOperation>modify</itemOperation>');
	const newValue = (item: string) => asModify(item).replace('<value>2500000</value>', '<value>2700000</value><valueModReasonText>számla szerint</valueModReasonText>');

	it('corrects a finalized card once: value, weight and plate only', async () => {
		const tcn = await finalized();
		const r = await manage(sim, [
			correction(1, cardForUpdate(tcn, SAMPLE_CARD, asModify)),
			correction(2, cardForUpdate(tcn, SAMPLE_CARD.replace('ORD1', 'ORD2'), newValue)),
			correction(3, cardForUpdate(tcn, SAMPLE_CARD, (i) => newValue(i) + '<tradeCardItem><itemOperation>create</itemOperation><tradeReason>S</tradeReason><productVtsz>02012020</productVtsz><productName>X</productName><weight>1</weight><value>100000</value></tradeCardItem>')),
			correction(4, cardForUpdate(tcn, SAMPLE_CARD, (i) => newValue(i).replace('<itemOperation>modify</itemOperation>', '<itemOperation>delete</itemOperation>'))),
			correction(5, cardForUpdate(tcn, SAMPLE_CARD, newValue)),
			correction(6, cardForUpdate(tcn, SAMPLE_CARD, newValue)),
		]);
		expect(codes(r)).toEqual(['TC_FINALIZED_MOD_NO_DATA_CHANGE', 'TC_FINALIZED_MOD_INVALID_DATA_CHANGE', 'TC_FINALIZED_ITEM_CREATE_NOT_ALLOWED', 'TC_FINALIZED_ITEM_DELETE_NOT_ALLOWED', 'SUCCESS', 'TC_FINALIZED_NO_MORE_MOD_ATTEMPTS']);
		expect(results(r)[4].tradeCardInfo[0]).toMatchObject({ status: 'F', totalValue: '2700000' });
		expect(sim.tradeCards.get(tcn)).toMatchObject({ corrected: true, totalValue: 2700000, status: 'F' });
		expectXsdValid(r.body);
	});

	it('treats a stored field the correction leaves out (the load date, a location) as a change of fixed data', async () => {
		const tcn = await finalized();
		const withoutLoadDate = SAMPLE_CARD.replace(/<loadDate>[^<]*<\/loadDate>/, '');
		const withoutUnload = SAMPLE_CARD.replace(/<unloadLocation>[\s\S]*?<\/unloadLocation>/, '');
		expect([withoutLoadDate, withoutUnload]).not.toContain(SAMPLE_CARD);
		const r = await manage(sim, [correction(1, cardForUpdate(tcn, withoutLoadDate, newValue)), correction(2, cardForUpdate(tcn, withoutUnload, newValue))]);
		expect(codes(r)).toEqual(['TC_FINALIZED_MOD_INVALID_DATA_CHANGE', 'TC_FINALIZED_MOD_INVALID_DATA_CHANGE']);
		expect(results(r)[0].result.msg).toContain('loadDate');
		expect(sim.tradeCards.get(tcn)!.corrected).toBe(false);
	});

	it('refuses correction of active and export cards and with an old requestVersion', async () => {
		const active = await createCard(sim);
		const exported = await finalized(EXPORT_CARD);
		const domestic = await finalized();
		const r = await manage(sim, [
			correction(1, cardForUpdate(active, SAMPLE_CARD, newValue)),
			correction(2, cardForUpdate(exported, EXPORT_CARD, newValue)),
		]);
		expect(codes(r)).toEqual(['INVALID_TRANSACTION_STATE', 'TC_FINALIZED_EXPORT_MOD_NOT_ALLOWED']);
		const old = await manage(sim, [correction(1, cardForUpdate(domestic, SAMPLE_CARD, newValue))], { version: '1.9' });
		expect(codes(old)).toEqual(['TC_REQUEST_VERSION_ERROR']);
	});
});

describe('query', () => {
	const window = (from: string, to: string, extra = '') => `<queryParams><insertFromDate>${from}</insertFromDate><insertToDate>${to}</insertToDate>${extra}</queryParams>`;

	it('finds a card by tcn for its own taxpayer only', async () => {
		const tcn = await createCard(sim);
		const own = await query(sim, `<tcn>${tcn}</tcn>`);
		expect(topResult(own)).toMatchObject({ funcCode: 'OK', reasonCode: 'SUCCESS' });
		expect(own.doc.queryTradeCardsResponse.tradeCards.tradeCardInfo.map((c: any) => c.tcn)).toEqual([tcn]);
		expectXsdValid(own.body);
		const foreign = await query(sim, `<tcn>${tcn}</tcn>`, { as: OTHER });
		expect(topResult(foreign)).toMatchObject({ funcCode: 'ERROR', reasonCode: 'INVALID_INPUT' });
		expect(foreign.doc.queryTradeCardsResponse.tradeCards).toBe('');
	});

	it('lists by insert window and filters, within the allowed range', async () => {
		await createCard(sim);
		clock = new Date('2025-01-16T09:00:00Z');
		const second = await createCard(sim, SAMPLE_CARD.replace('ORD1', 'ORD2').replace('ABC123', 'XYZ987'));
		await createCard(sim, IMPORT_CARD.replace('ORD1', 'ORD3'));
		await manage(sim, [tcnOp(1, 'finalize', second, `<arrivalDate>${stamp(clock)}</arrivalDate>`)]);
		const fromSampleParams = await post(sim, 'queryTradeCards', fromSample(QUERY_PARAMS_SAMPLE));
		expect(fromSampleParams.doc.queryTradeCardsResponse.tradeCards.tradeCardInfo.map((c: any) => c.orderNumber)).toEqual(['ORD1', 'ORD3']); // status S
		const list = async (extra: string, from = '2025-01-01T00:00:00+01:00', to = '2025-01-20T00:00:00+01:00') =>
			(await query(sim, window(from, to, extra))).doc.queryTradeCardsResponse.tradeCards.tradeCardInfo?.map((c: any) => c.orderNumber) ?? [];
		expect(await list('')).toEqual(['ORD1', 'ORD2', 'ORD3']);
		expect(await list('<orderNumber>ORD2</orderNumber>')).toEqual(['ORD2']);
		expect(await list('<tradeType>I</tradeType>')).toEqual(['ORD3']);
		expect(await list('<status>F</status>')).toEqual(['ORD2']);
		expect(await list('<plateNumber>XYZ987</plateNumber>')).toEqual(['ORD2']);
		expect(await list('<sellerVatNumber>ATU7654321</sellerVatNumber>')).toEqual(['ORD3']);
		expect(await list('<destinationVatNumber>87654321</destinationVatNumber>')).toEqual(['ORD1', 'ORD2']);
		expect(await list('<maxRowNum>2</maxRowNum>')).toEqual(['ORD1', 'ORD2']);
		expect(await list('', '2025-01-16T00:00:00+01:00', '2025-01-17T00:00:00+01:00')).toEqual(['ORD2', 'ORD3']);
		const tooLong = await query(sim, window('2024-12-01T00:00:00+01:00', '2025-01-15T00:00:00+01:00'));
		expect(topResult(tooLong)).toMatchObject({ funcCode: 'ERROR', reasonCode: 'INVALID_INPUT' });
		const reversed = await query(sim, window('2025-01-15T00:00:00+01:00', '2025-01-01T00:00:00+01:00'));
		expect(topResult(reversed).reasonCode).toBe('INVALID_INPUT');
		const other = await query(sim, window('2025-01-01T00:00:00+01:00', '2025-01-20T00:00:00+01:00'), { as: OTHER });
		expect(other.doc.queryTradeCardsResponse.tradeCards).toBe('');
		const all = await query(sim, window('2025-01-01T00:00:00+01:00', '2025-01-20T00:00:00+01:00'));
		expectXsdValid(all.body);
	});
});

describe('faults', () => {
	it('answers an injected technical fault and an HTML page, then recovers', async () => {
		sim.injectFault('technical-fault-500');
		sim.injectFault('html-page', { operation: 'queryTradeCards' });
		const fault = await manage(sim, [createOp(1)]);
		expect(fault.status).toBe(500);
		expect(fault.doc.technicalFault.reasonCode).toBe('OPERATION_FAILED');
		const unaffected = await manage(sim, [createOp(1)]);
		expect(codes(unaffected)).toEqual(['SUCCESS']);
		const html = await query(sim, '<tcn>E250115AAAAAAAA</tcn>');
		expect(html.status).toBe(503);
		expect(html.contentType).toMatch(/^text\/html/);
		expect(sim.tradeCards.size).toBe(1);
	});

	it('tells an unmarshalling fault from a processing fault by its message and stack trace', async () => {
		sim.injectFault('unmarshal-fault-500', { operation: 'manageTradeCards' });
		sim.injectFault('technical-fault-500', { operation: 'manageTradeCards' });
		const unreadable = await manage(sim, [createOp(1)]);
		expect(unreadable.status).toBe(500);
		expect(unreadable.doc.technicalFault.msg).toContain('unexpected element');
		expect(unreadable.doc.technicalFault.stackTrace).toContain('UnmarshalException');
		const processing = await manage(sim, [createOp(1)]);
		expect(processing.status).toBe(500);
		expect(`${processing.doc.technicalFault.msg} ${processing.doc.technicalFault.stackTrace}`).not.toMatch(/Unmarshal|unexpected element/);
		expect(sim.tradeCards.size).toBe(0);
	});

	it('resets before processing (nothing stored) and after processing (stored, requestId used)', async () => {
		sim.injectFault('reset-before-processing');
		await expect(manage(sim, [createOp(1)], { requestId: 'RESETBEFORE1' })).rejects.toThrow();
		expect(sim.tradeCards.size).toBe(0);
		expect(sim.requestIds.has('RESETBEFORE1')).toBe(false);
		sim.injectFault('reset-after-processing', { times: 2 });
		await expect(manage(sim, [createOp(1)], { requestId: 'RESETAFTER1' })).rejects.toThrow();
		expect(sim.tradeCards.size).toBe(1);
		expect(sim.requestIds.has('RESETAFTER1')).toBe(true);
		await expect(manage(sim, [createOp(1)])).rejects.toThrow();
		expect(sim.tradeCards.size).toBe(2);
		expect(codes(await manage(sim, [createOp(1)]))).toEqual(['SUCCESS']);
	});

	it('delays a response by slowMs', async () => {
		sim.injectFault({ slowMs: 300 });
		const started = Date.now();
		const r = await query(sim, '<tcn>E250115AAAAAAAA</tcn>');
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(topResult(r).reasonCode).toBe('INVALID_INPUT');
		expect(() => sim.injectFault('nonsense' as never)).toThrow();
	});

	it('applies requestMs and perOperationMs delays', async () => {
		const slow = await startEkaerSimulator({ now: () => clock, requestMs: 100, perOperationMs: 50 });
		try {
			const started = Date.now();
			const r = await manage(slow, [createOp(1), createOp(2), createOp(3)]);
			expect(codes(r)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
			expect(Date.now() - started).toBeGreaterThanOrEqual(240);
		} finally {
			await slow.close();
		}
	});
});

describe('admin surface and CLI', () => {
	it('exposes stats, trade cards, faults and reset over HTTP', async () => {
		await createCard(sim);
		const stats = (await (await request(sim.baseUrl + '__admin/stats')).body.json()) as any;
		expect(stats).toMatchObject({ requests: 1, operations: 1, byOperation: { create: 1 } });
		const cardsRes = await request(sim.baseUrl + '__admin/tradeCards');
		const cardsText = await cardsRes.body.text();
		expect(JSON.parse(cardsText)).toEqual([expect.objectContaining({ status: 'S', orderNumber: 'ORD1', totalValue: 2500000 })]);
		for (const secret of [USER.password, USER.signingKey, sha512(USER.password)]) expect(cardsText).not.toContain(secret);
		const fault = await request(sim.baseUrl + '__admin/fault', { method: 'POST', body: JSON.stringify({ fault: 'technical-fault-500', times: 1, operation: 'queryTradeCards' }) });
		expect(fault.statusCode).toBe(200);
		await fault.body.text();
		expect((await query(sim, '<tcn>E250115AAAAAAAA</tcn>')).status).toBe(500);
		const badFault = await request(sim.baseUrl + '__admin/fault', { method: 'POST', body: '{"fault":"boom"}' });
		expect(badFault.statusCode).toBe(400);
		await badFault.body.text();
		const reset = await request(sim.baseUrl + '__admin/reset', { method: 'POST' });
		expect(reset.statusCode).toBe(200);
		await reset.body.text();
		expect(sim.tradeCards.size).toBe(0);
		expect(sim.stats.requests).toBe(0);
	});

	it('seeds cards as if declared at another time (POST __admin/tradeCards, for the e2e suite)', async () => {
		const seed = (cards: unknown) => request(sim.baseUrl + '__admin/tradeCards', { method: 'POST', body: JSON.stringify({ cards }) });
		const res = await seed([
			{ tradeCard: `<tradeCard>${SAMPLE_CARD}</tradeCard>`, insertedAt: '2025-01-14T10:00:00+01:00' },
			{ tradeCard: SAMPLE_CARD, insertedAt: '2025-01-14T11:00:00+01:00', status: 'F' },
		]);
		expect(res.statusCode).toBe(200);
		const seeded = (await res.body.json()) as any[];
		expect(seeded.map((c) => [c.status, c.insDate, c.tcnValidityStart, c.orderNumber])).toEqual([
			['S', '2025-01-14T10:00:00+01:00', '2025-01-14', 'ORD1'],
			['F', '2025-01-14T11:00:00+01:00', '2025-01-14', 'ORD1'],
		]);
		expect(seeded[1].finalizationTime).toBe('2025-01-14');
		expect(sim.stats).toMatchObject({ requests: 0, operations: 0 });
		// Served like declared cards: the query window sees the seeded insert time.
		const found = await query(
			sim,
			'<queryParams><insertFromDate>2025-01-14T00:00:00+01:00</insertFromDate><insertToDate>2025-01-14T10:30:00+01:00</insertToDate></queryParams>',
		);
		expect(found.body).toContain(seeded[0].tcn);
		expect(found.body).not.toContain(seeded[1].tcn);
		// The create rules apply; a bad card is refused with the reason.
		const bad = await seed([{ tradeCard: '<orderNumber>X</orderNumber>' }]);
		expect(bad.statusCode).toBe(400);
		expect(await bad.body.text()).toContain('cards[0]');
		expect(sim.tradeCards.size).toBe(2);
	});

	it('runs as a separate process from the CLI', async () => {
		const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'ekaer', 'cli.ts'), JSON.stringify({ xsdValidation: 'off' })], {
			cwd: join(__dirname, '..', '..'),
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		try {
			const line = await new Promise<string>((resolve, reject) => {
				createInterface({ input: child.stdout! }).once('line', resolve);
				child.once('exit', (code) => reject(new Error(`cli exited with ${code}`)));
			});
			const { baseUrl } = JSON.parse(line);
			expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/TradeCardManagementService\/customer\/$/);
			const stats = (await (await request(baseUrl + '__admin/stats')).body.json()) as any;
			expect(stats.requests).toBe(0);
		} finally {
			const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		}
	}, 20000);
});

describe('responses', () => {
	it('every response collected above validates against ekaermanagement.xsd', async () => {
		expect(Object.keys(responsesForXsd).length).toBeGreaterThanOrEqual(10);
		const errors = await xsdErrorsOf(responsesForXsd);
		expect(Object.entries(errors).filter(([, list]) => list.length)).toEqual([]);
	});

	it('a broken response would be caught by that check', async () => {
		const [name, xml] = Object.entries(responsesForXsd)[0];
		const errors = await xsdErrorsOf({ [name]: xml.replace(/<funcCode>/, '<funcCode>BAD').replace('<reasonCode>', '<reasonCode>X') });
		expect(errors[name].length).toBeGreaterThan(0);
	});
});
