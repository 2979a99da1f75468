'use strict';
// What each end-to-end workflow must produce. Keyed by workflow FILE NAME (examples/*.json and
// test/e2e/workflows/*.json share one namespace). A workflow file without an entry here FAILS the run, so no example
// goes untested by accident.
//
// An entry is either
//   async ({ result, simulators, runAgain, n8nVersion }) => { … throw on mismatch … }
// or { before?: async ({ simulators, n8nVersion }) => {…}, assert: <the function above> }
// where `before` runs after the simulators were reset and before the first execution (e.g. to inject a fault).
//
//   result      normalised output of `n8n execute --id … --rawOutput` (lib/parse-output.js):
//               { ok, exitCode, status, error, errorDescription, errorNode, lastNode, nodes: {name: json[]},
//                 binaries: {name: (binary|null)[]}, run, ms }
//   simulators  { szamla, ekaer } — lib/simulators.js Simulator objects (stats(), reset(), fault(), documents(),
//               tradeCards()), or null when that simulator has not landed yet
//   runAgain()  executes the same workflow once more (static data persists between runs) → a new result
//   n8nVersion  '2.40.7' | '1.123.81'
const { expectSuccess, expectFailure, outputOf, binariesOf, check, expectEqual, notImplemented } = require('./lib/expect');

/** Throws when a scenario needs a simulator that isn't there (yet). */
function need(simulators, name) {
	if (!simulators[name]) throw new Error(`needs the ${name} simulator (test/simulators/${name}/cli.ts), which is not available`);
	return simulators[name];
}

module.exports = {
	// ---- plumbing (core nodes only; proves install, import, execute and output parsing on each n8n line) ----

	'smoke.json': async ({ result }) => {
		expectSuccess(result);
		expectEqual(
			outputOf(result, 'Done'),
			[{ greeting: 'szia', answer: 42, accented: 'Számla – EKÁER ő ű' }],
			'NoOp output after Set (expression {{ 40 + 2 }} evaluated by the expression engine)',
			result,
		);
	},

	'smoke-failure.json': async ({ result }) => {
		// The failure shape must be recognised: not ok, the node's message and name extracted.
		expectFailure(result, 'e2e-expected-failure-marker');
		expectEqual(result.errorNode, 'Fail on purpose', 'failing node name', result);
	},

	'smoke-static-data.json': async ({ result, runAgain }) => {
		// `execute --id` persists workflow static data; the session-reuse scenarios rely on it.
		expectSuccess(result);
		const first = outputOf(result, 'Count runs')[0].runs;
		const again = await runAgain();
		expectSuccess(again);
		expectEqual(outputOf(again, 'Count runs')[0].runs, first + 1, 'static data counter after a second execute', again);
	},

	// ---- examples/ (the README's workflows) ----
	// Checked mostly against the SIMULATOR's state (documents, trade cards, stats), which does not depend on how the
	// nodes shape their output; output checks are limited to item counts and PDF binaries. Tighten them once the
	// node's output fields are settled.

	'spreadsheet-rows-to-invoices.json': async ({ result, simulators, runAgain }) => {
		const sim = need(simulators, 'szamla');
		expectSuccess(result);
		// 3 rows grouped by order number → 2 invoices.
		const out = outputOf(result, 'Create invoices');
		expectEqual(out.length, 2, 'output items (one per invoice)', result);
		const pdfs = binariesOf(result, 'Create invoices');
		check(pdfs.every((b) => b && b.invoice && b.invoice.mimeType === 'application/pdf'), 'every item carries the PDF in binary property "invoice"', result);
		const docs = (await sim.documents()).filter((d) => d.family === 'invoice');
		expectEqual(docs.map((d) => d.orderNumber).sort(), ['SHEET-1001', 'SHEET-1002'], 'invoices in the simulator', result);
		const first = docs.find((d) => d.orderNumber === 'SHEET-1001');
		expectEqual(first.lines.length, 2, 'lines of SHEET-1001', result);
		expectEqual(first.totals, { net: 35000, vat: 9450, gross: 44450 }, 'totals of SHEET-1001 (2×15000 + 5000 net, 27%)', result);
		expectEqual(first.externalId, 'sheet:SHEET-1001', 'external id of SHEET-1001', result);
		expectEqual(
			out.map((o) => [o.orderNumber, o.invoiceNumber]).sort(),
			docs.map((d) => [d.orderNumber, d.number]).sort(),
			'invoice numbers in the output = numbers issued by the simulator',
			result,
		);

		// Second execution: ifExists=returnExisting must not issue anything again, and the stored session is reused.
		const again = await runAgain();
		expectSuccess(again);
		expectEqual(
			outputOf(again, 'Create invoices').map((o) => o.invoiceNumber).sort(),
			out.map((o) => o.invoiceNumber).sort(),
			'the second execution returns the existing invoices',
			again,
		);
		expectEqual((await sim.documents()).filter((d) => d.family === 'invoice').length, 2, 'invoices after a second execution (no duplicates)', again);
		const stats = await sim.stats();
		expectEqual(stats.logins, 1, 'logins over two executions (JSESSIONID kept in workflow static data)', again);
	},

	'webshop-order-to-invoice.json': async ({ result, simulators, runAgain }) => {
		const sim = need(simulators, 'szamla');
		expectSuccess(result);
		expectEqual(outputOf(result, 'Invoice the order').length, 1, 'output items', result);
		const pdf = binariesOf(result, 'Invoice the order')[0];
		check(pdf && pdf.data && pdf.data.mimeType === 'application/pdf', 'the PDF in binary property "data"', result);
		const docs = (await sim.documents()).filter((d) => d.family === 'invoice');
		expectEqual(docs.length, 1, 'invoices in the simulator', result);
		const inv = docs[0];
		expectEqual(
			{ orderNumber: inv.orderNumber, externalId: inv.externalId, paid: inv.paid, gross: inv.totals.gross, lines: inv.lines.length },
			{ orderNumber: 'WEB-50042', externalId: 'webshop:WEB-50042', paid: true, gross: 27390, lines: 2 },
			'the invoice (gross 25400 + 1990)',
			result,
		);
		// The webshop may deliver the same order twice: the duplicate guard must return the existing invoice.
		const again = await runAgain();
		expectSuccess(again);
		expectEqual((await sim.documents()).filter((d) => d.family === 'invoice').length, 1, 'invoices after the same order again', again);
		expectEqual(outputOf(again, 'Invoice the order')[0].invoiceNumber, inv.number, 'the existing invoice is returned', again);
	},

	'ekaer-declarations-from-sheet.json': async ({ result, simulators }) => {
		const sim = need(simulators, 'ekaer');
		expectSuccess(result);
		const rows = outputOf(result, 'Write back TCN (replace with Google Sheets update)');
		expectEqual(rows.map((r) => r.order), ['FRT-7001', 'FRT-7002'], 'rows written back, in sheet order', result);
		check(rows.every((r) => typeof r.tcn === 'string' && r.tcn && r.error === null), 'every row got a TCN and no error', result);
		const cards = await sim.tradeCards();
		expectEqual(cards.map((c) => c.orderNumber).sort(), ['FRT-7001', 'FRT-7002'], 'trade cards in the simulator', result);
		expectEqual(rows.map((r) => r.tcn).sort(), cards.map((c) => c.tcn).sort(), 'TCNs written back = TCNs issued', result);
	},

	'ekaer-finalize-yesterday.json': async ({ result, simulators }) => {
		// TODO(ekaer): seed started cards before the run (needs a simulator admin endpoint such as
		// POST __admin/tradeCards, or a before() hook that declares cards through the protocol), then expect each
		// to be finalized. Until then: an empty day must be a clean no-op that only queries.
		const sim = need(simulators, 'ekaer');
		expectSuccess(result);
		const stats = await sim.stats();
		check((stats.byOperation.queryTradeCards || 0) >= 1, 'queried the trade cards', result);
		expectEqual(stats.byOperation.manageTradeCards || 0, 0, 'nothing to finalize on an empty day', result);
	},

	// ---- STUBS: rename the key to a workflow file once it exists (test/e2e/workflows/), then fill in. ----
	// They only run when a workflow file with that name exists, and fail with "scenario stub" until written.

	'szamla-fault-no-double-issue.json': {
		// TODO(szamla): the connection drops after the invoice was created; the node must not issue a second one
		// (it should report "outcome unknown" or find the existing invoice by external id).
		before: async ({ simulators }) => {
			await need(simulators, 'szamla').fault({ fault: 'reset-after-create', times: 1 });
		},
		assert: async () => notImplemented('szamla-fault-no-double-issue.json'),
	},

	'szamla-session-expired.json': {
		// TODO(szamla): expire the stored session between two executions; the node logs in again once and succeeds.
		assert: async ({ simulators, runAgain }) => {
			await need(simulators, 'szamla').expireSessions();
			await runAgain();
			notImplemented('szamla-session-expired.json');
		},
	},

	'ekaer-fault-retry.json': {
		// TODO(ekaer): a technical fault on a query is retried; a fault after processing a create is NOT retried.
		before: async ({ simulators }) => {
			await need(simulators, 'ekaer').fault({ fault: 'technical-fault-500', times: 1, operation: 'queryTradeCards' });
		},
		assert: async () => notImplemented('ekaer-fault-retry.json'),
	},
};
