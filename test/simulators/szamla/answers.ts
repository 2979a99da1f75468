/**
 * How the simulator answers: one `Answer` value per request, and the vendor's error channels (szlahu_error headers
 * and/or a body whose shape depends on the operation and on valaszVerzio). See szamla-agent.md §3.
 */
import type { ActionInfo } from './actions';
import { XML_DECL, cdata, el } from './xml';

export interface Answer {
	status: number;
	headers: Record<string, string>;
	body: Buffer | string;
}

/** A vendor error. `headers=false` means the real service reports it in the body only (e.g. 7 on query-XML, 463). */
export class AgentError extends Error {
	constructor(
		readonly code: number,
		message: string,
		readonly headers = true,
		/** For 56: the invoice was issued, its number and totals travel with the error. */
		readonly issued?: { number: string; id: number; net: number; gross: number; outstanding: number },
	) {
		super(message);
	}
}

export const XML_CT = 'application/xml;charset=UTF-8';
export const TEXT_CT = 'text/plain;charset=UTF-8';
export const HTML_CT = 'text/html;charset=UTF-8';

/** application/x-www-form-urlencoded style: the vendor writes `+` for spaces (JS client decodes it that way). */
export function formEncode(value: string): string {
	return encodeURIComponent(value).replace(/%20/g, '+');
}

export function xmlAnswer(body: string, headers: Record<string, string> = {}): Answer {
	return { status: 200, headers: { 'content-type': XML_CT, ...headers }, body };
}

export function textAnswer(body: string, headers: Record<string, string> = {}): Answer {
	return { status: 200, headers: { 'content-type': TEXT_CT, ...headers }, body };
}

export function pdfAnswer(pdf: Buffer, fileName: string, headers: Record<string, string> = {}): Answer {
	return {
		status: 200,
		headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${fileName}.pdf"`, ...headers },
		body: pdf,
	};
}

export function htmlAnswer(status: number, body: string): Answer {
	return { status, headers: { 'content-type': HTML_CT }, body };
}

/** The v1 error body: `[ERR] msg ---------- t.getMessage(): msg ---------- [CEG:…]` and a Java stack trace (sample). */
export function v1ErrorText(message: string, accountId: number | undefined): string {
	const flat = message.replace(/\s+/g, ' ');
	return [
		`[ERR] ${flat} ---------- t.getMessage(): ${flat} ---------- [CEG:${accountId ?? 0}] `,
		`[MODUL:SZAMLAZZGUI] [INSTANCE:hu.kboss.szamlazz.gui.action.AcXmlSzamla] ${flat}`,
		'[LOCATION:hu.kboss.szamlazz.api.bean.SzFej.insert (SzFej.java) #1700]',
		'hu.kboss.szamlazz.api.bean.SzFej.insert(SzFej.java:1700)',
		'hu.kboss.szamlazz.controller.Controller.doPost(Controller.java:639)',
		'javax.servlet.http.HttpServlet.service(HttpServlet.java:641)',
		'java.lang.Thread.run(Thread.java:662)',
		'',
	].join('\n');
}

export function szamlaValasz(fields: string): string {
	return `${XML_DECL}<xmlszamlavalasz xmlns="http://www.szamlazz.hu/xmlszamlavalasz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${fields}</xmlszamlavalasz>`;
}

function simpleValasz(root: string, err: AgentError): string {
	return `${XML_DECL}\n<${root} xmlns="http://www.szamlazz.hu/${root}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${el('sikeres', false)}${el('hibakod', err.code)}${cdata('hibauzenet', err.message)}</${root}>`;
}

/**
 * Error answer in the channel(s) the real service uses for this operation. `version` is the request's valaszVerzio
 * (only the invoice family switches between the text and XML forms).
 */
export function errorAnswer(action: ActionInfo | undefined, err: AgentError, version: number, accountId?: number): Answer {
	const headers: Record<string, string> = {};
	if (err.headers) {
		headers.szlahu_error = formEncode(err.message);
		headers.szlahu_error_code = String(err.code);
	}
	if (err.issued) {
		headers.szlahu_szamlaszam = err.issued.number;
		headers.szlahu_id = String(err.issued.id);
		headers.szlahu_nettovegosszeg = String(err.issued.net);
		headers.szlahu_bruttovegosszeg = String(err.issued.gross);
		headers.szlahu_kintlevoseg = String(err.issued.outstanding);
	}
	const kind = action?.errorBody;
	if (kind === 'proforma-delete') return xmlAnswer(simpleValasz('xmlszamladbkdelvalasz', err), headers);
	if (kind === 'receipt') return xmlAnswer(simpleValasz('xmlnyugtavalasz', err), headers);
	if (kind === 'receipt-send') return xmlAnswer(simpleValasz('xmlnyugtasendvalasz', err), headers);
	if (kind === 'query-xml' || (kind === 'invoice' && version === 2)) {
		const issued = err.issued
			? `${el('szamlaszam', err.issued.number)}${el('szamlanetto', err.issued.net)}${el('szamlabrutto', err.issued.gross)}`
			: '';
		return xmlAnswer(szamlaValasz(`${el('sikeres', false)}${el('hibakod', err.code)}${cdata('hibauzenet', err.message)}${issued}`), headers);
	}
	return textAnswer(v1ErrorText(err.message, accountId), headers);
}

/** Vendor wording where the notes or samples give it; the rest is plain Hungarian in the same style. */
export const MESSAGES = {
	login: 'Bejelentkezési hiba - a megadott login név és jelszó pároshoz nem létezik felhasználó',
	loginKey: 'Bejelentkezési hiba - érvénytelen Számla Agent kulcs',
	loginMissing: 'Bejelentkezési hiba - hiányzó azonosító adatok (Számla Agent kulcs vagy login név és jelszó)',
	multipleAccounts: 'A felhasználó több céghez is hozzáfér, kérjük használjon Számla Agent kulcsot',
	missingXml: 'Hiányzó XML fájl: az XML-t fájlként kell feltölteni a megfelelő action mezőben',
	maintenance: 'Az oldal jelenleg karbantartás alatt áll, kérjük próbálja újra néhány perc múlva.',
	queryXmlNotFound: 'Hiányzó adat: számla xml (ismeretlen számlaszám, rendelésszám vagy külső azonosító)',
	proformaMissing: 'nincs ilyen díjbekérő a rendszerben, már törlésre került vagy nem is létezett',
	mail56: 'A számla elkészült, de az értesítő e-mail kiküldése nem sikerült',
} as const;
