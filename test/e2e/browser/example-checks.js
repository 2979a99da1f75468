'use strict';
// What each example workflow must show in the editor after *Execute workflow* (from its manual trigger), keyed by
// file name like scenarios.js: the node whose output the user looks at, how many items (or at least how many), the field holding the
// document's number (checked against the simulator's own records), and the binary field with its PDF. An example
// without an entry fails the suite, so no example goes unchecked in the browser.
const EXAMPLE_CHECKS = {
	'spreadsheet-rows-to-invoices.json': { node: 'Create invoices', items: 2, field: 'invoiceNumber', pdfField: 'invoice', simulator: 'szamla' },
	'b2b-invoices-buyer-from-nav.json': { node: 'Create invoices', items: 2, field: 'invoiceNumber', pdfField: 'invoice', simulator: 'szamla' },
	'webshop-order-to-invoice.json': { node: 'Invoice the order', items: 1, field: 'invoiceNumber', pdfField: 'data', simulator: 'szamla' },
	'ekaer-declarations-from-sheet.json': { node: 'Declare', items: 2, field: 'tcn', simulator: 'ekaer' },
	// npm start seeds two cards declared yesterday (scripts/start), which this example finds and finalizes, plus any
	// card declared since (the declarations example runs first).
	'ekaer-finalize-yesterday.json': { node: 'Report arrival', minItems: 2, field: 'tcn', simulator: 'ekaer' },
};

/** The numbers the simulator issued: Számla Agent documents' numbers, EKÁER cards' TCNs. */
async function issuedNumbers(simulator, url) {
	const suffix = simulator === 'szamla' ? '__admin/documents' : '__admin/tradeCards';
	const res = await fetch(new URL(suffix, url));
	if (!res.ok) throw new Error(`${simulator} simulator ${suffix} → HTTP ${res.status}`);
	const list = await res.json();
	return new Set(list.map((d) => (simulator === 'szamla' ? d.number : d.tcn)));
}

module.exports = { EXAMPLE_CHECKS, issuedNumbers };
