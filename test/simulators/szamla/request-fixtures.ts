/**
 * Hand-written request XML for simulator tests (valid against the official request XSDs unless a test breaks
 * them on purpose). Element order follows xsd/szamla/request/*.xsd.
 */
import { DEFAULT_AGENT_KEY } from './config';
import { escapeXml } from './xml';

export interface LineSpec {
	name?: string;
	quantity?: number;
	unitPrice?: number;
	vatKey?: string;
	net?: number;
	vat?: number;
	gross?: number;
}

/** A line with correctly computed amounts unless overridden. */
export function line(spec: LineSpec = {}): Required<LineSpec> {
	const quantity = spec.quantity ?? 2;
	const unitPrice = spec.unitPrice ?? 1000;
	const vatKey = spec.vatKey ?? '27';
	const rate = /^\d+$/.test(vatKey) ? Number(vatKey) : 0;
	const net = spec.net ?? Math.round(quantity * unitPrice * 100) / 100;
	const vat = spec.vat ?? Math.round(net * rate) / 100;
	return { name: spec.name ?? 'Alma', quantity, unitPrice, vatKey, net, vat, gross: spec.gross ?? Math.round((net + vat) * 100) / 100 };
}

export interface InvoiceSpec {
	key?: string;
	username?: string;
	password?: string;
	version?: 1 | 2 | null;
	download?: boolean;
	externalId?: string;
	issueDate?: string;
	fulfillmentDate?: string;
	currency?: string;
	/** Extra fejlec elements placed after szamlaNyelve and before szamlaszamElotag, already in XSD order. */
	headerExtra?: string;
	orderNumber?: string;
	/** Flags/refs after rendelesSzam, before szamlaszamElotag (dijbekero, elolegszamla, ...), in XSD order. */
	kindXml?: string;
	prefix?: string | null;
	afterPrefix?: string;
	lines?: Array<Required<LineSpec>>;
	buyerName?: string;
}

function credentials(s: { key?: string; username?: string; password?: string }): string {
	if (s.username) return `<felhasznalo>${escapeXml(s.username)}</felhasznalo><jelszo>${escapeXml(s.password ?? '')}</jelszo>`;
	return `<szamlaagentkulcs>${escapeXml(s.key ?? DEFAULT_AGENT_KEY)}</szamlaagentkulcs>`;
}

export function invoiceXml(s: InvoiceSpec = {}): string {
	const version = s.version === undefined ? 2 : s.version;
	const lines = (s.lines ?? [line()])
		.map(
			(l) =>
				`<tetel><megnevezes>${escapeXml(l.name)}</megnevezes><mennyiseg>${l.quantity}</mennyiseg><mennyisegiEgyseg>db</mennyisegiEgyseg>` +
				`<nettoEgysegar>${l.unitPrice}</nettoEgysegar><afakulcs>${l.vatKey}</afakulcs><nettoErtek>${l.net}</nettoErtek>` +
				`<afaErtek>${l.vat}</afaErtek><bruttoErtek>${l.gross}</bruttoErtek></tetel>`,
		)
		.join('');
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n<xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<beallitasok>${credentials(s)}<eszamla>false</eszamla><szamlaLetoltes>${s.download ?? false}</szamlaLetoltes>` +
		(version === null ? '' : `<valaszVerzio>${version}</valaszVerzio>`) +
		(s.externalId ? `<szamlaKulsoAzon>${escapeXml(s.externalId)}</szamlaKulsoAzon>` : '') +
		'</beallitasok>' +
		`<fejlec>${s.issueDate ? `<keltDatum>${s.issueDate}</keltDatum>` : ''}<teljesitesDatum>${s.fulfillmentDate ?? '2026-01-10'}</teljesitesDatum>` +
		`<fizetesiHataridoDatum>2026-01-20</fizetesiHataridoDatum><fizmod>átutalás</fizmod><penznem>${s.currency ?? 'HUF'}</penznem>` +
		`<szamlaNyelve>hu</szamlaNyelve>${s.headerExtra ?? ''}` +
		(s.orderNumber ? `<rendelesSzam>${escapeXml(s.orderNumber)}</rendelesSzam>` : '') +
		(s.kindXml ?? '') +
		(s.prefix === null ? '' : `<szamlaszamElotag>${s.prefix ?? 'E2E'}</szamlaszamElotag>`) +
		(s.afterPrefix ?? '') +
		'</fejlec><elado></elado>' +
		`<vevo><nev>${escapeXml(s.buyerName ?? 'Vevő & Társa Kft.')}</nev><irsz>1111</irsz><telepules>Budapest</telepules><cim>Fő utca 1.</cim><email>vevo@example.com</email></vevo>` +
		`<tetelek>${lines}</tetelek></xmlszamla>`
	);
}

export function stornoXml(number: string, o: { key?: string; version?: 1 | 2; issueDate?: string; externalId?: string } = {}): string {
	return (
		`<?xml version="1.0" encoding="UTF-8"?><xmlszamlast xmlns="http://www.szamlazz.hu/xmlszamlast"><beallitasok>${credentials(o)}` +
		`<eszamla>false</eszamla><szamlaLetoltes>false</szamlaLetoltes><valaszVerzio>${o.version ?? 2}</valaszVerzio>` +
		(o.externalId ? `<szamlaKulsoAzon>${escapeXml(o.externalId)}</szamlaKulsoAzon>` : '') +
		`</beallitasok><fejlec><szamlaszam>${escapeXml(number)}</szamlaszam>${o.issueDate ? `<keltDatum>${o.issueDate}</keltDatum>` : ''}<tipus>SS</tipus></fejlec></xmlszamlast>`
	);
}

export function paymentXml(number: string, additive: boolean, payments: Array<{ amount: number; date?: string; method?: string }>, o: { key?: string; version?: 1 | 2 } = {}): string {
	return (
		`<?xml version="1.0" encoding="UTF-8"?><xmlszamlakifiz xmlns="http://www.szamlazz.hu/xmlszamlakifiz"><beallitasok>${credentials(o)}` +
		`<szamlaszam>${escapeXml(number)}</szamlaszam><additiv>${additive}</additiv><valaszVerzio>${o.version ?? 2}</valaszVerzio></beallitasok>` +
		payments.map((p) => `<kifizetes><datum>${p.date ?? '2026-01-15'}</datum><jogcim>${p.method ?? 'átutalás'}</jogcim><osszeg>${p.amount}</osszeg></kifizetes>`).join('') +
		'</xmlszamlakifiz>'
	);
}

export type InvoiceSelector = { number: string } | { orderNumber: string } | { externalId: string };

function selector(sel: InvoiceSelector, version?: number): string {
	const v = version === undefined ? '' : `<valaszVerzio>${version}</valaszVerzio>`;
	if ('number' in sel) return `<szamlaszam>${escapeXml(sel.number)}</szamlaszam>${v}`;
	if ('orderNumber' in sel) return `<rendelesSzam>${escapeXml(sel.orderNumber)}</rendelesSzam>${v}`;
	return `${v}<szamlaKulsoAzon>${escapeXml(sel.externalId)}</szamlaKulsoAzon>`;
}

export function pdfQueryXml(sel: InvoiceSelector, version: 1 | 2 = 2, key?: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?><xmlszamlapdf xmlns="http://www.szamlazz.hu/xmlszamlapdf">${credentials({ key })}${selector(sel, version)}</xmlszamlapdf>`;
}

export function dataQueryXml(sel: InvoiceSelector, withPdf = false, key?: string): string {
	const s = selector(sel);
	const body = 'externalId' in sel ? `<pdf>${withPdf}</pdf>${s}` : `${s}<pdf>${withPdf}</pdf>`;
	return `<?xml version="1.0" encoding="UTF-8"?><xmlszamlaxml xmlns="http://www.szamlazz.hu/xmlszamlaxml">${credentials({ key })}${body}</xmlszamlaxml>`;
}

export function proformaDeleteXml(sel: { number: string } | { orderNumber: string }, key?: string): string {
	const f = 'number' in sel ? `<szamlaszam>${escapeXml(sel.number)}</szamlaszam>` : `<rendelesszam>${escapeXml(sel.orderNumber)}</rendelesszam>`;
	return `<?xml version="1.0" encoding="UTF-8"?><xmlszamladbkdel xmlns="http://www.szamlazz.hu/xmlszamladbkdel"><beallitasok>${credentials({ key })}</beallitasok><fejlec>${f}</fejlec></xmlszamladbkdel>`;
}

export interface ReceiptSpec {
	key?: string;
	callId?: string;
	prefix?: string;
	orderNumber?: string;
	pdf?: boolean;
	lines?: Array<Required<LineSpec>>;
	payments?: Array<{ method: string; amount: number }>;
}

export function receiptXml(s: ReceiptSpec = {}): string {
	const lines = (s.lines ?? [line({ vatKey: '27' })])
		.map(
			(l) =>
				`<tetel><megnevezes>${escapeXml(l.name)}</megnevezes><mennyiseg>${l.quantity}</mennyiseg><mennyisegiEgyseg>db</mennyisegiEgyseg>` +
				`<nettoEgysegar>${l.unitPrice}</nettoEgysegar><afakulcs>${l.vatKey}</afakulcs><netto>${l.net}</netto><afa>${l.vat}</afa><brutto>${l.gross}</brutto></tetel>`,
		)
		.join('');
	const payments = s.payments ? `<kifizetesek>${s.payments.map((p) => `<kifizetes><fizetoeszkoz>${p.method}</fizetoeszkoz><osszeg>${p.amount}</osszeg></kifizetes>`).join('')}</kifizetesek>` : '';
	return (
		`<?xml version="1.0" encoding="UTF-8"?><xmlnyugtacreate xmlns="http://www.szamlazz.hu/xmlnyugtacreate"><beallitasok>${credentials(s)}<pdfLetoltes>${s.pdf ?? false}</pdfLetoltes></beallitasok>` +
		`<fejlec>${s.callId ? `<hivasAzonosito>${escapeXml(s.callId)}</hivasAzonosito>` : ''}<elotag>${s.prefix ?? 'NYGT'}</elotag><fizmod>készpénz</fizmod><penznem>Ft</penznem>` +
		(s.orderNumber ? `<rendelesSzam>${escapeXml(s.orderNumber)}</rendelesSzam>` : '') +
		`</fejlec><tetelek>${lines}</tetelek>${payments}</xmlnyugtacreate>`
	);
}

export function receiptStornoXml(number: string, o: { key?: string; pdf?: boolean } = {}): string {
	return `<?xml version="1.0" encoding="UTF-8"?><xmlnyugtast xmlns="http://www.szamlazz.hu/xmlnyugtast"><beallitasok>${credentials(o)}<pdfLetoltes>${o.pdf ?? false}</pdfLetoltes></beallitasok><fejlec><nyugtaszam>${escapeXml(number)}</nyugtaszam></fejlec></xmlnyugtast>`;
}

export function receiptGetXml(sel: { number: string } | { orderNumber: string }, o: { key?: string; pdf?: boolean } = {}): string {
	const f = 'number' in sel ? `<nyugtaszam>${escapeXml(sel.number)}</nyugtaszam>` : `<rendelesSzam>${escapeXml(sel.orderNumber)}</rendelesSzam>`;
	return `<?xml version="1.0" encoding="UTF-8"?><xmlnyugtaget xmlns="http://www.szamlazz.hu/xmlnyugtaget"><beallitasok>${credentials(o)}<pdfLetoltes>${o.pdf ?? false}</pdfLetoltes></beallitasok><fejlec>${f}</fejlec></xmlnyugtaget>`;
}

export function receiptSendXml(number: string, email?: string, key?: string): string {
	const mail = email === undefined ? '' : `<emailKuldes><email>${escapeXml(email)}</email><emailTargy>Nyugta</emailTargy></emailKuldes>`;
	return `<?xml version="1.0" encoding="UTF-8"?><xmlnyugtasend xmlns="http://www.szamlazz.hu/xmlnyugtasend"><beallitasok>${credentials({ key })}</beallitasok><fejlec><nyugtaszam>${escapeXml(number)}</nyugtaszam></fejlec>${mail}</xmlnyugtasend>`;
}

export function taxpayerXml(taxNumber: string, key?: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?><xmltaxpayer xmlns="http://www.szamlazz.hu/xmltaxpayer"><beallitasok>${credentials({ key })}</beallitasok><torzsszam>${taxNumber}</torzsszam></xmltaxpayer>`;
}

export const FIELDS = {
	invoice: 'action-xmlagentxmlfile',
	storno: 'action-szamla_agent_st',
	payment: 'action-szamla_agent_kifiz',
	pdf: 'action-szamla_agent_pdf',
	data: 'action-szamla_agent_xml',
	proformaDelete: 'action-szamla_agent_dijbekero_torlese',
	receiptCreate: 'action-szamla_agent_nyugta_create',
	receiptStorno: 'action-szamla_agent_nyugta_storno',
	receiptGet: 'action-szamla_agent_nyugta_get',
	receiptSend: 'action-szamla_agent_nyugta_send',
	taxpayer: 'action-szamla_agent_taxpayer',
} as const;
