'use strict';
// The few raw Számla Agent calls the trigger suite needs to set the scene (issue an invoice), sent straight to the
// simulator as multipart, independent of the package under test.
const { SZAMLA_ACCOUNT } = require('../credentials');

function multipart(field, xml) {
	const boundary = `----e2e${Math.random().toString(16).slice(2)}`;
	const body = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${field}.xml"\r\nContent-Type: text/xml\r\n\r\n${xml}\r\n--${boundary}--\r\n`;
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const esc = (s) => String(s).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

/** Issues a one-line HUF invoice (net 10 000 + 27 % = gross 12 700) with `orderNumber`; resolves with its number. */
async function issueInvoice(szamlaUrl, orderNumber) {
	const xml =
		'<?xml version="1.0" encoding="UTF-8"?><xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla">' +
		`<beallitasok><szamlaagentkulcs>${esc(SZAMLA_ACCOUNT.agentKey)}</szamlaagentkulcs><eszamla>false</eszamla><szamlaLetoltes>false</szamlaLetoltes><valaszVerzio>1</valaszVerzio></beallitasok>` +
		'<fejlec><teljesitesDatum>2026-12-01</teljesitesDatum><fizetesiHataridoDatum>2026-12-08</fizetesiHataridoDatum><fizmod>átutalás</fizmod><penznem>HUF</penznem>' +
		`<szamlaNyelve>hu</szamlaNyelve><rendelesSzam>${esc(orderNumber)}</rendelesSzam><szamlaszamElotag>E2E</szamlaszamElotag></fejlec><elado></elado>` +
		'<vevo><nev>Webshop Vevő</nev><irsz>1111</irsz><telepules>Budapest</telepules><cim>Fő utca 1.</cim></vevo>' +
		'<tetelek><tetel><megnevezes>Termék</megnevezes><mennyiseg>1</mennyiseg><mennyisegiEgyseg>db</mennyisegiEgyseg><nettoEgysegar>10000</nettoEgysegar>' +
		'<afakulcs>27</afakulcs><nettoErtek>10000</nettoErtek><afaErtek>2700</afaErtek><bruttoErtek>12700</bruttoErtek></tetel></tetelek></xmlszamla>';
	const { body, contentType } = multipart('action-xmlagentxmlfile', xml);
	const res = await fetch(szamlaUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
	const number = res.headers.get('szlahu_szamlaszam');
	if (!res.ok || !number) throw new Error(`issuing a test invoice failed: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
	return number;
}

module.exports = { issueInvoice };
