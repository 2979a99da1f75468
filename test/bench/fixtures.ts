/**
 * What the bench sends: webshop orders (buyer + N lines) as n8n input items, the Számla Agent node parameters a user
 * would set for them, the same order as our typed protocol request and as szamlazz.js objects, and EKÁER cards.
 */
import type { IDataObject } from 'n8n-workflow';
import type { CreateInvoiceRequest } from '../../nodes/SzamlaAgent/protocol/types/createInvoice';
import { DEFAULT_AGENT_KEY } from '../simulators/szamla/config';
import { DEFAULT_USER } from '../simulators/ekaer/constants';
import { computeLine } from './code';

export const SZAMLA_TYPE = 'n8n-nodes-szamlazz-ekaer.szamlaAgent';
export const EKAER_TYPE = 'n8n-nodes-szamlazz-ekaer.ekaer';

export interface OrderLine {
	name: string;
	quantity: number;
	unit: string;
	unitPrice: number;
	vatKey: string;
}

export interface Order {
	orderId: string;
	buyer: { name: string; zip: string; city: string; address: string };
	items: OrderLine[];
}

export function orders(count: number, lines: number): Order[] {
	return Array.from({ length: count }, (_, i) => ({
		orderId: `WS-${100000 + i}`,
		buyer: { name: `Vevő ${i} Kereskedelmi Kft.`, zip: '1111', city: 'Budapest', address: `Fő utca ${(i % 200) + 1}.` },
		items: Array.from({ length: lines }, (_, l) => ({
			name: `Termék ${l + 1} (cikkszám ${5000 + l})`,
			quantity: (l % 3) + 1,
			unit: 'db',
			unitPrice: 1000 + 10 * l,
			vatKey: '27',
		})),
	}));
}

/** Invoice › Create as a user sets it up for webshop orders: buyer fields by expression, lines from the `items` array. */
export function invoiceParameters(options: IDataObject, downloadPdf = false): IDataObject {
	return {
		resource: 'invoice',
		operation: 'create',
		buyerName: '={{ $json.buyer.name }}',
		buyerPostalCode: '={{ $json.buyer.zip }}',
		buyerCity: '={{ $json.buyer.city }}',
		buyerAddress: '={{ $json.buyer.address }}',
		lineItemsSource: 'inputField',
		lineItemsField: 'items',
		downloadPdf,
		binaryPropertyName: 'data',
		ifExists: 'createAnyway', // no look-up before each create: one request per invoice
		options,
	};
}

/**
 * The buyer typed into the node instead of mapped by expression: the same request without n8n's expression engine,
 * which evaluates each `={{ … }}` with a fresh data proxy (≈ 0.1 ms each, four per invoice, all in the validate phase).
 */
export const TYPED_BUYER: IDataObject = { buyerName: 'Vevő Kereskedelmi Kft.', buyerPostalCode: '1111', buyerCity: 'Budapest', buyerAddress: 'Fő utca 1.' };

export function szamlaCredentials(baseUrl: string): Record<string, IDataObject> {
	return { szamlaAgentApi: { authentication: 'agentKey', agentKey: DEFAULT_AGENT_KEY, baseUrl } };
}

/** The order as our protocol layer's request (the login is the bench account's, BENCH_AUTH): amounts computed from unit price × quantity and the VAT key. */
export const BENCH_AUTH = { agentKey: DEFAULT_AGENT_KEY };

export function protocolRequest(order: Order, today: string): CreateInvoiceRequest {
	return {
		eInvoice: false,
		downloadPdf: false,
		header: { kind: 'invoice', fulfillmentDate: today, dueDate: today, paymentMethod: 'átutalás', currency: 'HUF', language: 'hu' },
		buyer: { name: order.buyer.name, postalCode: order.buyer.zip, city: order.buyer.city, address: order.buyer.address },
		lines: order.items.map((line) => ({
			name: line.name,
			quantity: line.quantity,
			unit: line.unit,
			vatKey: line.vatKey,
			...computeLine({ quantity: line.quantity, unitPrice: line.unitPrice, priceIncludesVat: false, vatKey: line.vatKey, currency: 'HUF' }),
		})),
	};
}

/** szamlazz.js 9.2.0's public API, loaded lazily (ESM package, needs Node's require(esm)). */
export type SzamlazzJs = any;
export function loadSzamlazzJs(): SzamlazzJs {
	return require('szamlazz.js');
}

/** The same order in szamlazz.js objects (it computes line amounts itself, from netUnitPrice × quantity). */
export function szamlazzJsInvoice(sz: SzamlazzJs, order: Order): unknown {
	return new sz.Invoice({
		paymentMethod: sz.PaymentMethods.BankTransfer,
		currency: sz.Currencies.Ft,
		language: sz.Languages.Hungarian,
		seller: new sz.Seller({}), // the schema wants <elado>; empty means the account's defaults
		buyer: new sz.Buyer({ ...order.buyer, taxSubject: sz.TaxSubjects.Unknown }),
		items: order.items.map(
			(line) => new sz.Item({ label: line.name, quantity: line.quantity, unit: line.unit, vat: Number(line.vatKey), netUnitPrice: line.unitPrice }),
		),
	});
}

export function ekaerCredentials(baseUrl: string): Record<string, IDataObject> {
	return {
		ekaerApi: {
			user: DEFAULT_USER.user,
			passwordType: 'plain',
			password: DEFAULT_USER.password,
			signingKey: DEFAULT_USER.signingKey,
			vatNumber: DEFAULT_USER.vatNumber,
			environment: 'custom',
			customBaseUrl: baseUrl,
		},
	};
}

/** A domestic trade card (seller = the credential's taxpayer), one per input item, in the node's JSON input mode. */
export function tradeCards(count: number): IDataObject[] {
	const loadDate = new Date(Date.now() + 2 * 3600_000).toISOString();
	const place = (name: string, vatNumber: string, postalCode: string, city: string) => ({
		name, vatNumber, country: 'HU', postalCode, city, street: 'Fő', streetType: 'utca', streetNumber: '1',
	});
	return Array.from({ length: count }, (_, i) => ({
		tradeType: 'domestic',
		orderNumber: `FR-${100000 + i}`,
		carrierText: 'Fuvar Kft',
		seller: { name: 'Eladó Kft', vatNumber: DEFAULT_USER.vatNumber, country: 'HU', address: '1111 Budapest, Fő utca 1' },
		destination: { name: 'Vevő Kft', vatNumber: '87654321', country: 'HU', address: '4024 Debrecen, Piac utca 2' },
		vehicle: { plateNumber: `ABC${String(100 + (i % 900))}`, country: 'H' },
		loadDate,
		loadLocation: place('Eladó Kft', DEFAULT_USER.vatNumber, '1111', 'Budapest'),
		unloadLocation: place('Vevő Kft', '87654321', '4024', 'Debrecen'),
		items: [{ productCode: '02011000', productName: 'Marhahús', weightKg: 1200.5, valueHuf: 2_500_000, tradeReason: 'sale' }],
	}));
}

export function ekaerParameters(batchSize: number): IDataObject {
	return { resource: 'tradeCard', operation: 'create', inputMode: 'json', tradeCardJson: '={{ $json }}', options: { batchSize } };
}
