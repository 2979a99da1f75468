/** Typed request fixtures shared by the request-builder tests: a minimal and a fully populated variant of each. */
import type {
	AgentAuth,
	CreateInvoiceRequest,
	CreateReceiptRequest,
	InvoiceKind,
	InvoiceLine,
} from './requestTypes';

export const KEY_AUTH: AgentAuth = { agentKey: 'k'.repeat(42) };
export const USER_AUTH: AgentAuth = { username: 'billing@example.hu', password: 'p&ss<word>"' };

export function line(overrides: Partial<InvoiceLine> = {}): InvoiceLine {
	return {
		name: 'Widget',
		quantity: 2,
		unit: 'db',
		netUnitPrice: 1000,
		vatKey: '27',
		netAmount: 2000,
		vatAmount: 540,
		grossAmount: 2540,
		...overrides,
	};
}

export function minimalInvoice(kind: InvoiceKind = 'invoice'): CreateInvoiceRequest {
	return {
		auth: KEY_AUTH,
		eInvoice: false,
		downloadPdf: false,
		header: {
			kind,
			fulfillmentDate: '2026-09-10',
			dueDate: '2026-09-18',
			paymentMethod: 'átutalás',
			currency: 'HUF',
			language: 'hu',
			...(kind === 'corrective' ? { correctedInvoiceNumber: 'E-TST-2026-1' } : {}),
		},
		buyer: { name: 'Kiss Béla', postalCode: '1111', city: 'Budapest', address: 'Fő utca 1.' },
		lines: [line()],
	};
}

/** Every field the older (download) schema knows, set. */
export function fullInvoice(kind: InvoiceKind = 'invoice'): CreateInvoiceRequest {
	return {
		auth: USER_AUTH,
		eInvoice: true,
		downloadPdf: true,
		pdfCopies: 2,
		externalId: 'wf1:order-42:invoice',
		itemIdentifierOnInvoice: true,
		header: {
			kind,
			issueDate: '2026-09-10',
			fulfillmentDate: '2026-09-10',
			dueDate: '2026-09-18',
			paymentMethod: 'bankkártya',
			currency: 'EUR',
			language: 'en',
			comment: 'Köszönjük a vásárlást! Tom & Jerry <Kft.> "idézet" \'single\'',
			exchangeBank: 'MNB',
			exchangeRate: 392.17,
			orderNumber: 'ORD-42',
			proformaNumberToConvert: kind === 'proforma' ? undefined : 'D-TST-2026-3',
			prepaymentInvoiceNumber: kind === 'final' ? 'E-TST-2026-2' : undefined,
			correctedInvoiceNumber: kind === 'corrective' ? 'E-TST-2026-1' : undefined,
			logoExtra: 'logo2',
			invoicePrefix: 'WEB',
			payableCorrection: -0.01,
			paid: true,
			euVat: false,
			template: 'SzlaMost',
		},
		seller: {
			bank: 'OTP',
			bankAccount: '11111111-22222222-33333333',
			emailReplyTo: 'info@example.hu',
			emailSubject: 'Számla',
			emailText: 'Tisztelt Vevő!',
			signatoryName: 'Nagy Éva',
		},
		buyer: {
			name: 'Árvíztűrő Tükörfúrógép Kft. & Co',
			country: 'Magyarország',
			postalCode: '1111',
			city: 'Budapest',
			address: 'Fő utca 1.',
			email: 'a@example.hu,b@example.hu',
			sendEmail: true,
			taxpayerStatus: 1,
			taxNumber: '12345678-2-42',
			euTaxNumber: 'HU12345678',
			postalName: 'Postázási Név',
			postalCountry: 'HU',
			postalPostalCode: '2000',
			postalCity: 'Szentendre',
			postalAddress: 'Kossuth tér 2.',
			identifier: 'CUST-7',
			signatoryName: 'Kiss Béla',
			phone: '+36 1 234 5678',
			comment: 'VIP',
		},
		waybill: {
			carrier: 'MPL',
			barcode: 'BC123',
			comment: 'Fragile',
			tof: { identifier: '12345', shipmentId: 'S1', packageCount: 1, countryCode: 'HU', zip: '1111', service: 'X' },
			ppp: { barcodePrefix: 'PPP', barcodePostfix: '1234567' },
			sprinter: {
				identifier: 'SPR',
				senderCode: '0123456789',
				directionCode: '106',
				packageCount: 2,
				barcodePostfix: 'ABC1234',
				deliveryTime: '1 munkanap',
			},
			mpl: { customerCode: 'V1', barcode: 'MPL1', weight: '1.5', specialServices: 'K', declaredValue: 10000 },
		},
		lines: [
			{
				name: 'Kávé <Arabica> & "tej"',
				identifier: 'SKU-1',
				quantity: 1,
				unit: 'db',
				netUnitPrice: 7.87,
				vatKey: '27',
				netAmount: 7.87,
				vatAmount: 2.12,
				grossAmount: 9.99,
				comment: 'Őrölt',
			},
			{
				name: 'Könyv',
				quantity: 3,
				unit: 'db',
				netUnitPrice: 10,
				vatKey: '5',
				netAmount: 30,
				vatAmount: 1.5,
				grossAmount: 31.5,
			},
			{
				name: 'Export szolgáltatás',
				quantity: kind === 'final' || kind === 'corrective' ? -1 : 1,
				unit: 'óra',
				netUnitPrice: 50,
				vatKey: 'EUK',
				netAmount: kind === 'final' || kind === 'corrective' ? -50 : 50,
				vatAmount: 0,
				grossAmount: kind === 'final' || kind === 'corrective' ? -50 : 50,
			},
		],
	};
}

export function minimalReceipt(): CreateReceiptRequest {
	return {
		auth: KEY_AUTH,
		downloadPdf: false,
		prefix: 'NYGT',
		paymentMethod: 'készpénz',
		currency: 'HUF',
		lines: [{ name: 'Kávé', quantity: 1, unit: 'db', netUnitPrice: 394, vatKey: '27', netAmount: 394, vatAmount: 106, grossAmount: 500 }],
	};
}

export function fullReceipt(): CreateReceiptRequest {
	return {
		auth: USER_AUTH,
		downloadPdf: true,
		callId: 'wf1:order-42:receipt',
		prefix: 'NY1',
		paymentMethod: 'bankkártya',
		currency: 'EUR',
		exchangeRate: 392.17,
		exchangeBank: 'MNB',
		comment: 'Tom & Jerry <ajándék>',
		pdfTemplate: 'A',
		buyerLedgerId: 'VEVO-1',
		orderNumber: 'ORD-42',
		lines: [
			{
				name: 'Sütemény "Rigó Jancsi"',
				identifier: 'SKU-9',
				quantity: 2,
				unit: 'db',
				netUnitPrice: 3.15,
				vatKey: '5',
				netAmount: 6.3,
				vatAmount: 0.32,
				grossAmount: 6.62,
				comment: 'friss',
			},
			{ name: 'Szatyor', quantity: 1, unit: 'db', netUnitPrice: 0.5, vatKey: 'AAM', netAmount: 0.5, vatAmount: 0, grossAmount: 0.5 },
		],
		payments: [
			{ method: 'bankkártya', amount: 5, description: 'OTP' },
			{ method: 'SZÉP kártya', amount: 2.12 },
		],
	};
}
