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
//                 binaries: {name: (binary|null)[]}, run, stdout, stderr, ms, userFolder }
//   simulators  { szamla, ekaer } — lib/simulators.js Simulator objects (stats(), reset(), fault(), documents(),
//               tradeCards(), sessionIds(), seedTradeCards()), or null when that simulator has not landed yet
//   runAgain()  executes the same workflow once more (static data persists between runs) → a new result
//   n8nVersion  '2.40.7' | '1.123.81'
//
// EVERY execution (the first and each runAgain()) is also checked for leaked secrets before its assertion runs: the
// raw output of `n8n execute` must contain none of the credential secrets nor any JSESSIONID the Számla simulator
// ever issued (see withSecretChecks at the end).
//
// Simulator state is the main witness (documents, trade cards, request counts): it does not depend on how the nodes
// shape their output. Output checks cover what users build on: numbers, statuses, error items, PDF binaries.
const { expectSuccess, expectFailure, outputOf, binariesOf, binaryBytes, check, expectEqual } = require('./lib/expect');
const { SZAMLA_ACCOUNT, EKAER_USER, SECRETS } = require('./credentials');
const { budapestDay, budapestTime, seedCardXml } = require('./lib/seed');

/** Throws when a scenario needs a simulator that isn't there (yet). */
function need(simulators, name) {
	if (!simulators[name]) throw new Error(`needs the ${name} simulator (test/simulators/${name}/cli.ts), which is not available`);
	return simulators[name];
}

// ---------- helpers ----------

async function invoicesIn(sim) {
	return (await sim.documents()).filter((d) => d.family === 'invoice');
}

async function receiptsIn(sim) {
	return (await sim.documents()).filter((d) => d.family === 'receipt');
}

/**
 * A PDF in binary data the way users consume it: property present, application/pdf, named `<document number>.pdf`,
 * and the bytes really are the simulator's PDF of that document (its /Title is the document number).
 */
function expectPdf(result, binary, property, documentNumber, what) {
	const entry = binary && binary[property];
	check(entry, `${what}: binary property "${property}" is missing (binary keys: ${binary ? Object.keys(binary).join(', ') : 'none'})`, result);
	expectEqual(entry.mimeType, 'application/pdf', `${what}: binary.${property}.mimeType`, result);
	expectEqual(entry.fileName, `${documentNumber}.pdf`, `${what}: binary.${property}.fileName`, result);
	const bytes = binaryBytes(result, entry);
	check(bytes.subarray(0, 5).toString('latin1') === '%PDF-', `${what}: the binary data starts with %PDF- (got ${JSON.stringify(bytes.subarray(0, 8).toString('latin1'))})`, result);
	check(bytes.toString('latin1').includes(`/Title (${documentNumber})`), `${what}: the PDF is the one of ${documentNumber}`, result);
}

/** Stats in one comparable object (absent counters are 0). */
function counts(stats, ...operations) {
	const out = {};
	for (const op of operations) out[op] = stats.byOperation[op] || 0;
	return out;
}

/** The two Számla invoices scenarios (session reuse, expired session) share this check of one execution's output. */
function expectSessionRunOutput(result, orders, what) {
	expectSuccess(result);
	const out = outputOf(result, 'Create invoices');
	expectEqual(out.map((o) => o.orderNumber), orders, `${what}: one invoice per order, in input order`, result);
	check(out.every((o) => typeof o.invoiceNumber === 'string' && o.invoiceNumber), `${what}: every item has an invoice number`, result);
	binariesOf(result, 'Create invoices').forEach((b, i) => expectPdf(result, b, 'data', out[i].invoiceNumber, `${what}, item ${i}`));
	return out;
}

const scenarios = {
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

	'spreadsheet-rows-to-invoices.json': async ({ result, simulators, runAgain }) => {
		const sim = need(simulators, 'szamla');
		expectSuccess(result);
		// 3 rows grouped by order number → 2 invoices.
		const out = outputOf(result, 'Create invoices');
		expectEqual(out.length, 2, 'output items (one per invoice)', result);
		const docs = await invoicesIn(sim);
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
		// Each invoice's PDF in binary property "invoice", named after its number.
		binariesOf(result, 'Create invoices').forEach((b, i) => expectPdf(result, b, 'invoice', out[i].invoiceNumber, `item ${i}`));

		// Second execution: ifExists=returnExisting must not issue anything again, and the stored session is reused.
		const again = await runAgain();
		expectSuccess(again);
		const out2 = outputOf(again, 'Create invoices');
		expectEqual(out2.map((o) => o.invoiceNumber).sort(), out.map((o) => o.invoiceNumber).sort(), 'the second execution returns the existing invoices', again);
		check(out2.every((o) => o.alreadyExisted === true), 'second execution: every item says alreadyExisted', again);
		binariesOf(again, 'Create invoices').forEach((b, i) => expectPdf(again, b, 'invoice', out2[i].invoiceNumber, `second execution, item ${i}`));
		expectEqual((await invoicesIn(sim)).length, 2, 'invoices after a second execution (no duplicates)', again);
		const stats = await sim.stats();
		expectEqual(stats.logins, 1, 'logins over two executions (JSESSIONID kept in workflow static data)', again);
		expectEqual(counts(stats, 'xmlszamla'), { xmlszamla: 2 }, 'create requests over two executions', again);
	},

	'b2b-invoices-buyer-from-nav.json': async ({ result, simulators }) => {
		const sim = need(simulators, 'szamla');
		expectSuccess(result);
		// 3 rows with only a tax number → 2 invoices, buyers from NAV's record; one look-up per buyer.
		const out = outputOf(result, 'Create invoices');
		expectEqual(out.length, 2, 'output items (one per invoice)', result);
		const docs = await invoicesIn(sim);
		const byOrder = (order) => docs.find((d) => d.orderNumber === order);
		expectEqual(
			[byOrder('B2B-2001').buyer.name, byOrder('B2B-2001').buyer.taxNumber],
			['PRÓBA KERESKEDELMI KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG', '12345676-2-42'],
			'buyer of B2B-2001 from NAV',
			result,
		);
		expectEqual(
			[byOrder('B2B-2002').buyer.zip, byOrder('B2B-2002').buyer.city, byOrder('B2B-2002').buyer.address],
			['1031', 'BUDAPEST', 'ZÁHONY UTCA 7.'],
			'address of B2B-2002 from NAV',
			result,
		);
		expectEqual(out[0].buyerFromNav, ['name', 'postalCode', 'city', 'address', 'taxNumber', 'taxpayerStatus'], 'buyerFromNav', result);
		expectEqual(counts(await sim.stats(), 'xmltaxpayer'), { xmltaxpayer: 2 }, 'taxpayer look-ups (one per buyer)', result);
	},

	'webshop-order-to-invoice.json': async ({ result, simulators, runAgain }) => {
		const sim = need(simulators, 'szamla');
		expectSuccess(result);
		const out = outputOf(result, 'Invoice the order');
		expectEqual(out.length, 1, 'output items', result);
		const docs = await invoicesIn(sim);
		expectEqual(docs.length, 1, 'invoices in the simulator', result);
		const inv = docs[0];
		expectEqual(
			{ orderNumber: inv.orderNumber, externalId: inv.externalId, paid: inv.paid, gross: inv.totals.gross, lines: inv.lines.length },
			{ orderNumber: 'WEB-50042', externalId: 'webshop:WEB-50042', paid: true, gross: 27390, lines: 2 },
			'the invoice (gross 25400 + 1990)',
			result,
		);
		expectEqual(out[0].invoiceNumber, inv.number, 'invoice number in the output = the one the simulator issued', result);
		expectPdf(result, binariesOf(result, 'Invoice the order')[0], 'data', inv.number, 'the invoice PDF');
		// The webshop may deliver the same order twice: the duplicate guard must return the existing invoice.
		const again = await runAgain();
		expectSuccess(again);
		expectEqual((await invoicesIn(sim)).length, 1, 'invoices after the same order again', again);
		const out2 = outputOf(again, 'Invoice the order')[0];
		expectEqual([out2.invoiceNumber, out2.alreadyExisted], [inv.number, true], 'the existing invoice is returned', again);
		expectPdf(again, binariesOf(again, 'Invoice the order')[0], 'data', inv.number, 'the existing invoice PDF');
		expectEqual(counts(await sim.stats(), 'xmlszamla'), { xmlszamla: 1 }, 'create requests over both executions', again);
	},

	'ekaer-declarations-from-sheet.json': async ({ result, simulators }) => {
		const sim = need(simulators, 'ekaer');
		expectSuccess(result);
		const rows = outputOf(result, 'Write back TCN (replace with Google Sheets update)');
		expectEqual(rows.map((r) => r.order), ['FRT-7001', 'FRT-7002'], 'rows written back, in sheet order', result);
		check(rows.every((r) => typeof r.tcn === 'string' && r.tcn && r.error === null && r.status === 'started'), 'every row got a TCN, status started and no error', result);
		const cards = await sim.tradeCards();
		expectEqual(cards.map((c) => c.orderNumber).sort(), ['FRT-7001', 'FRT-7002'], 'trade cards in the simulator', result);
		expectEqual(rows.map((r) => r.tcn).sort(), cards.map((c) => c.tcn).sort(), 'TCNs written back = TCNs issued', result);
		expectEqual(counts(await sim.stats(), 'manageTradeCards', 'create'), { manageTradeCards: 1, create: 2 }, 'both cards in one signed request', result);
	},

	'ekaer-finalize-yesterday.json': {
		// Yesterday's started cards (seeded as if declared yesterday), plus two that must be left alone: one declared
		// three days ago (outside the query window) and one of yesterday's that is already finalized.
		before: async ({ simulators }) => {
			const sim = need(simulators, 'ekaer');
			const yesterday = budapestDay(-1);
			const old = budapestDay(-3);
			await sim.seedTradeCards([
				{ tradeCard: seedCardXml('YDAY-1', budapestTime(yesterday, '07:00:00')), insertedAt: budapestTime(yesterday, '09:15:00') },
				{ tradeCard: seedCardXml('YDAY-2', budapestTime(yesterday, '13:00:00')), insertedAt: budapestTime(yesterday, '16:40:00') },
				{ tradeCard: seedCardXml('YDAY-DONE', budapestTime(yesterday, '06:00:00')), insertedAt: budapestTime(yesterday, '07:30:00'), status: 'F' },
				{ tradeCard: seedCardXml('OLD-1', budapestTime(old, '08:00:00')), insertedAt: budapestTime(old, '10:00:00') },
			]);
		},
		assert: async ({ result, simulators }) => {
			const sim = need(simulators, 'ekaer');
			expectSuccess(result);
			const cards = await sim.tradeCards();
			const byOrder = Object.fromEntries(cards.map((c) => [c.orderNumber, c]));
			const found = outputOf(result, 'Cards started since yesterday');
			expectEqual(found.map((c) => c.tcn).sort(), [byOrder['YDAY-1'].tcn, byOrder['YDAY-2'].tcn].sort(), 'started cards found for yesterday and today', result);
			const reported = outputOf(result, 'Report arrival');
			expectEqual(
				reported.map((r) => [r.tcn, r.status, r.error]).sort(),
				[
					[byOrder['YDAY-1'].tcn, 'finalized', undefined],
					[byOrder['YDAY-2'].tcn, 'finalized', undefined],
				].sort(),
				'every found card finalized, no error item',
				result,
			);
			expectEqual(
				Object.fromEntries(cards.map((c) => [c.orderNumber, c.status])),
				{ 'YDAY-1': 'F', 'YDAY-2': 'F', 'YDAY-DONE': 'F', 'OLD-1': 'S' },
				'card statuses in the simulator (the old card untouched)',
				result,
			);
			check(byOrder['YDAY-1'].arrivalDate && byOrder['YDAY-2'].arrivalDate, 'finalized cards carry an arrival date', result);
			expectEqual(byOrder['YDAY-DONE'].finalizationTime, budapestDay(-1), 'the already finalized card was not finalized again', result);
			expectEqual(counts(await sim.stats(), 'manageTradeCards', 'finalize'), { manageTradeCards: 1, finalize: 2 }, 'one signed request with two finalizes', result);
			const written = outputOf(result, 'Write back result (replace with Google Sheets update)');
			expectEqual(
				written.map((r) => [r.tcn, r.orderNumber, r.status, r.error]).sort(),
				[
					[byOrder['YDAY-1'].tcn, 'YDAY-1', 'finalized', null],
					[byOrder['YDAY-2'].tcn, 'YDAY-2', 'finalized', null],
				].sort(),
				'every row written back names its card (no tcn: null)',
				result,
			);
		},
	},

	// ---- Számla Agent: sessions ----

	'szamla-session-reuse.json': async ({ result, simulators, runAgain }) => {
		// Two executions of one workflow log in once: the JSESSIONID lives in workflow static data between
		// `execute --id` processes (no in-memory cache survives a process).
		const sim = need(simulators, 'szamla');
		const orders = ['SESS-1', 'SESS-2'];
		const out1 = expectSessionRunOutput(result, orders, 'first execution');
		let stats = await sim.stats();
		expectEqual(
			{ logins: stats.logins, requests: stats.requests, ...counts(stats, 'xmlszamla') },
			{ logins: 1, requests: 2, xmlszamla: 2 },
			'first execution: one login, one request per invoice',
			result,
		);
		const again = await runAgain();
		const out2 = expectSessionRunOutput(again, orders, 'second execution');
		stats = await sim.stats();
		expectEqual(
			{ logins: stats.logins, sessionsCreated: stats.sessionsCreated, requests: stats.requests, ...counts(stats, 'xmlszamla') },
			{ logins: 1, sessionsCreated: 1, requests: 4, xmlszamla: 4 },
			'after both executions: still one login, requests = 2 × invoices',
			again,
		);
		const numbers = [...out1, ...out2].map((o) => o.invoiceNumber);
		expectEqual((await invoicesIn(sim)).map((d) => d.number).sort(), [...numbers].sort(), 'the simulator holds the four invoices of the output', again);
		expectEqual(new Set(numbers).size, 4, 'four distinct invoice numbers', again);
	},

	'szamla-session-expired.json': {
		// The session stored by execution 1 is dropped on the server; execution 2 must still succeed (the request carries
		// the credentials, the service opens a new session) and keep the NEW cookie: execution 3 logs in no more.
		// Uses the username + password credential.
		assert: async ({ result, simulators, runAgain }) => {
			const sim = need(simulators, 'szamla');
			const orders = ['EXP-1', 'EXP-2'];
			expectSessionRunOutput(result, orders, 'first execution');
			expectEqual((await sim.stats()).logins, 1, 'logins after the first execution', result);
			await sim.expireSessions();

			const second = await runAgain();
			expectSessionRunOutput(second, orders, 'second execution (session expired on the server)');
			let stats = await sim.stats();
			expectEqual(
				{ logins: stats.logins, failedLogins: stats.failedLogins, requests: stats.requests, ...counts(stats, 'xmlszamla') },
				{ logins: 2, failedLogins: 0, requests: 4, xmlszamla: 4 },
				'second execution: exactly one new login, no extra or repeated request',
				second,
			);

			const third = await runAgain();
			expectSessionRunOutput(third, orders, 'third execution');
			stats = await sim.stats();
			expectEqual(
				{ logins: stats.logins, requests: stats.requests, ...counts(stats, 'xmlszamla') },
				{ logins: 2, requests: 6, xmlszamla: 6 },
				'third execution reuses the replacement session (kept in static data)',
				third,
			);
			expectEqual((await invoicesIn(sim)).length, 6, 'invoices in the simulator (one per order per execution)', third);
		},
	},

	// ---- Számla Agent: receipts and taxpayer ----

	'szamla-receipts-taxpayer.json': async ({ result, simulators }) => {
		const sim = need(simulators, 'szamla');
		expectSuccess(result);
		const created = outputOf(result, 'Create receipt')[0];
		check(/^NYE2E-\d{4}-\d+$/.test(created.receiptNumber || ''), `receipt number NYE2E-<year>-<n>, got ${created.receiptNumber}`, result);
		expectEqual(
			{ kind: created.kind, callId: created.callId, reversed: created.reversed, gross: created.totals && created.totals.grossAmount },
			{ kind: 'receipt', callId: 'e2e-receipt-call-0001', reversed: false, gross: 2286 },
			'created receipt (2×500 + 800 net, 27% → 2286 gross)',
			result,
		);
		expectEqual((created.payments || []).map((p) => [p.method, p.amount]), [['készpénz', 1000], ['bankkártya', 1286]], 'payments of the created receipt', result);
		expectPdf(result, binariesOf(result, 'Create receipt')[0], 'data', created.receiptNumber, 'create: receipt PDF');

		const got = outputOf(result, 'Get receipt')[0];
		expectEqual([got.receiptNumber, got.callId, got.orderNumber], [created.receiptNumber, 'e2e-receipt-call-0001', 'RCPT-1'], 'get returns the created receipt', result);
		expectPdf(result, binariesOf(result, 'Get receipt')[0], 'data', created.receiptNumber, 'get: receipt PDF');

		const reversal = outputOf(result, 'Reverse receipt')[0];
		expectEqual(
			{ kind: reversal.kind, reversedReceiptNumber: reversal.reversedReceiptNumber, gross: reversal.totals && reversal.totals.grossAmount },
			{ kind: 'receiptReversal', reversedReceiptNumber: created.receiptNumber, gross: -2286 },
			'reversal receipt',
			result,
		);
		check(reversal.receiptNumber && reversal.receiptNumber !== created.receiptNumber, 'the reversal has its own number', result);
		expectPdf(result, binariesOf(result, 'Reverse receipt')[0], 'data', reversal.receiptNumber, 'reverse: reversal PDF');

		expectEqual(outputOf(result, 'Send receipt'), [{ sent: true, receiptNumber: created.receiptNumber, to: 'vevo@example.com' }], 'send output', result);

		const receipts = await receiptsIn(sim);
		const original = receipts.find((d) => d.number === created.receiptNumber);
		const storno = receipts.find((d) => d.number === reversal.receiptNumber);
		check(original && storno && receipts.length === 2, `the simulator holds the receipt and its reversal (has ${receipts.map((d) => d.number).join(', ')})`, result);
		expectEqual(
			{ callId: original.callId, reversed: original.reversed, reversedBy: original.reversedBy, payments: original.payments.length, mailedTo: original.emails.map((e) => e.to) },
			{ callId: 'e2e-receipt-call-0001', reversed: true, reversedBy: storno.number, payments: 2, mailedTo: ['vevo@example.com'] },
			'the receipt in the simulator',
			result,
		);
		expectEqual([storno.kind, storno.refersTo, storno.callId], ['receiptStorno', original.number, 'e2e-receipt-call-0002'], 'the reversal in the simulator', result);

		// Taxpayer › Get: a known valid taxpayer and an unknown tax number (input "11111111-2-41": first 8 digits asked).
		const [known, unknown] = outputOf(result, 'Look up taxpayer');
		expectEqual(
			{ queried: known.queriedTaxNumber, valid: known.valid, name: known.name, id: known.taxNumber && known.taxNumber.taxpayerId },
			{ queried: '13421739', valid: true, name: 'KBOSS.HU KERESKEDELMI ÉS SZOLGÁLTATÓ KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG', id: '13421739' },
			'known taxpayer',
			result,
		);
		check((known.addresses || []).some((a) => a.city === 'BUDAPEST' && a.postalCode === '1031'), 'known taxpayer: its Budapest 1031 address', result);
		check(unknown && unknown.queriedTaxNumber === '11111111' && unknown.valid === false && !unknown.name && !unknown.error, 'unknown tax number: valid false, no name, not an error', result);

		const stats = await sim.stats();
		expectEqual(
			{ logins: stats.logins, ...counts(stats, 'xmlnyugtacreate', 'xmlnyugtaget', 'xmlnyugtast', 'xmlnyugtasend', 'xmltaxpayer') },
			{ logins: 1, xmlnyugtacreate: 1, xmlnyugtaget: 1, xmlnyugtast: 1, xmlnyugtasend: 1, xmltaxpayer: 2 },
			'one request per operation and item, one login for the whole execution',
			result,
		);
	},

	// ---- Continue On Fail ----

	'szamla-continue-on-fail.json': async ({ result, simulators }) => {
		const sim = need(simulators, 'szamla');
		expectSuccess(result);
		const out = outputOf(result, 'Create invoices');
		expectEqual(out.length, 3, 'one output item per input item', result);
		check(typeof out[1].error === 'string' && out[1].error.includes('XYZ'), 'item 1 is an error item naming the bad VAT key "XYZ"', result);
		check(typeof out[1].errorField === 'string' && /VAT Key/.test(out[1].errorField), 'item 1 names the field (… › VAT Key)', result);
		check(out[1].invoiceNumber === undefined, 'item 1 has no invoice number', result);
		expectEqual([out[0].orderNumber, out[2].orderNumber], ['COF-1', 'COF-3'], 'items 0 and 2 are their orders', result);
		check(out[0].invoiceNumber && out[2].invoiceNumber && out[0].invoiceNumber !== out[2].invoiceNumber, 'items 0 and 2 carry their own invoice numbers', result);
		const docs = await invoicesIn(sim);
		expectEqual(docs.map((d) => [d.orderNumber, d.number]), [['COF-1', out[0].invoiceNumber], ['COF-3', out[2].invoiceNumber]], 'invoices in the simulator', result);
		const stats = await sim.stats();
		expectEqual({ requests: stats.requests, ...counts(stats, 'xmlszamla') }, { requests: 2, xmlszamla: 2 }, 'exactly 2 create requests (nothing sent for item 1)', result);
	},

	'ekaer-continue-on-fail.json': async ({ result, simulators }) => {
		const sim = need(simulators, 'ekaer');
		expectSuccess(result);
		const out = outputOf(result, 'Declare');
		expectEqual(out.length, 3, 'one output item per input item', result);
		check(typeof out[1].error === 'string' && out[1].error.includes('0406-90X'), 'item 1 is an error item naming the bad VTSZ', result);
		check(typeof out[1].errorField === 'string' && /VTSZ/.test(out[1].errorField), 'item 1 names the field (… › VTSZ Code)', result);
		check(out[1].tcn === undefined, 'item 1 has no TCN', result);
		check([out[0], out[2]].every((o) => typeof o.tcn === 'string' && o.tcn && o.status === 'started'), 'items 0 and 2 carry a TCN, status started', result);
		const cards = await sim.tradeCards();
		expectEqual(cards.map((c) => [c.orderNumber, c.tcn]).sort(), [['COF-E1', out[0].tcn], ['COF-E3', out[2].tcn]].sort(), 'trade cards in the simulator', result);
		expectEqual(counts(await sim.stats(), 'manageTradeCards', 'create'), { manageTradeCards: 1, create: 2 }, 'one request with exactly 2 creates', result);
	},

	// ---- lost answers: never issue twice ----

	'szamla-fault-no-double-issue.json': {
		// The connection drops right after the simulator created the invoice. The node must not send it again: the create
		// is guarded (external ID), so after the recovery wait it looks the invoice up and reports it as recovered (issue
		// 10.4). A second execution (duplicate guard by external ID) returns the same invoice.
		before: async ({ simulators }) => {
			await need(simulators, 'szamla').fault({ fault: 'reset-after-create', times: 1, operation: 'xmlszamla' });
		},
		assert: async ({ result, simulators, runAgain }) => {
			const sim = need(simulators, 'szamla');
			expectSuccess(result);
			let docs = await invoicesIn(sim);
			expectEqual(docs.map((d) => d.externalId), ['e2e-lost:LOST-1'], 'exactly 1 invoice in the simulator', result);
			const first = outputOf(result, 'Invoice the order')[0];
			expectEqual([first.invoiceNumber, first.recovered], [docs[0].number, true], 'the lost answer is recovered: the invoice the lost request created', result);
			expectEqual(counts(await sim.stats(), 'xmlszamla'), { xmlszamla: 1 }, 'exactly 1 create request (not resent)', result);

			const again = await runAgain();
			expectSuccess(again);
			const out = outputOf(again, 'Invoice the order')[0];
			expectEqual([out.invoiceNumber, out.alreadyExisted], [docs[0].number, true], 'the second execution returns the invoice created by the lost request', again);
			docs = await invoicesIn(sim);
			expectEqual(docs.length, 1, 'still exactly 1 invoice', again);
			expectEqual(counts(await sim.stats(), 'xmlszamla'), { xmlszamla: 1 }, 'still exactly 1 create request', again);
		},
	},

	'szamla-fault-lost-answer-cof.json': {
		// The same lost answer under Continue On Fail: the execution succeeds with an error item flagged outcomeUnknown.
		before: async ({ simulators }) => {
			await need(simulators, 'szamla').fault({ fault: 'reset-after-create', times: 1, operation: 'xmlszamla' });
		},
		assert: async ({ result, simulators }) => {
			const sim = need(simulators, 'szamla');
			expectSuccess(result);
			const out = outputOf(result, 'Invoice the order');
			expectEqual(out.length, 1, 'one output item', result);
			expectEqual([out[0].outcomeUnknown, out[0].retryable, out[0].invoiceNumber], [true, false, undefined], 'error item: outcomeUnknown, not retryable, no number', result);
			check(typeof out[0].error === 'string' && /may have been created/i.test(out[0].error), 'the error item says the invoice may have been created', result);
			expectEqual((await invoicesIn(sim)).length, 1, 'exactly 1 invoice in the simulator', result);
			expectEqual(counts(await sim.stats(), 'xmlszamla'), { xmlszamla: 1 }, 'exactly 1 create request', result);
		},
	},

	'ekaer-fault-lost-create.json': {
		// The connection drops after NAV stored the card: manage requests are never retried (no idempotency key).
		before: async ({ simulators }) => {
			await need(simulators, 'ekaer').fault({ fault: 'reset-after-processing', times: 1, operation: 'manageTradeCards' });
		},
		assert: async ({ result, simulators }) => {
			const sim = need(simulators, 'ekaer');
			expectFailure(result);
			expectEqual(result.errorNode, 'Declare', 'failing node', result);
			check(/may have created/i.test(result.error || '') && (result.error || '').includes('LOST-E1'), 'the message says the card may have been created and names the order number', result);
			check(/outcome is unknown/i.test(`${result.error}\n${result.errorDescription}`), 'the error says the outcome is unknown', result);
			expectEqual((await sim.tradeCards()).map((c) => c.orderNumber), ['LOST-E1'], 'exactly 1 card in the simulator', result);
			expectEqual(counts(await sim.stats(), 'manageTradeCards', 'create'), { manageTradeCards: 1, create: 1 }, 'exactly 1 manage request (not resent)', result);
		},
	},

	'ekaer-fault-retry.json': {
		// A query whose connection is lost before the service answered is sent once more (with a new requestId).
		// (A technicalFault HTTP 500 is NOT retried by the client: NAV sends it for requests it cannot read.)
		before: async ({ simulators }) => {
			await need(simulators, 'ekaer').fault({ fault: 'reset-before-processing', times: 1, operation: 'queryTradeCards' });
		},
		assert: async ({ result, simulators }) => {
			const sim = need(simulators, 'ekaer');
			expectSuccess(result);
			const declared = outputOf(result, 'Declare')[0];
			const got = outputOf(result, 'Get card')[0];
			expectEqual([got.tcn, got.status, got.orderNumber], [declared.tcn, 'started', 'RETRY-1'], 'the card read back after the retry', result);
			expectEqual(counts(await sim.stats(), 'manageTradeCards', 'queryTradeCards'), { manageTradeCards: 1, queryTradeCards: 2 }, 'one lost query + one retry', result);
		},
	},

	// ---- EKÁER card lifecycle ----

	'ekaer-card-lifecycle.json': async ({ result, simulators }) => {
		const sim = need(simulators, 'ekaer');
		expectSuccess(result);
		const created = outputOf(result, 'Declare')[0];
		check(typeof created.tcn === 'string' && /^[A-Z0-9]{2,20}$/.test(created.tcn), `create returns a TCN, got ${created.tcn}`, result);
		expectEqual(created.status, 'started', 'status after create', result);
		const got = outputOf(result, 'Get card')[0];
		expectEqual(
			{ tcn: got.tcn, status: got.status, orderNumber: got.orderNumber, tradeType: got.tradeType, plate: got.vehicle && got.vehicle.plateNumber },
			{ tcn: created.tcn, status: 'started', orderNumber: 'LIFE-1', tradeType: 'import', plate: 'W12345X' },
			'Get by {{$json.tcn}}',
			result,
		);
		const finalized = outputOf(result, 'Finalize')[0];
		expectEqual([finalized.tcn, finalized.status, finalized.error], [created.tcn, 'finalized', undefined], 'Finalize output', result);
		const cards = await sim.tradeCards();
		expectEqual(cards.map((c) => [c.tcn, c.status]), [[created.tcn, 'F']], 'the card in the simulator is finalized (F)', result);
		check(cards[0].arrivalDate && cards[0].finalizationTime, 'the simulator recorded the arrival', result);
		expectEqual(
			counts(await sim.stats(), 'manageTradeCards', 'queryTradeCards', 'create', 'finalize'),
			{ manageTradeCards: 2, queryTradeCards: 1, create: 1, finalize: 1 },
			'requests: create, query, finalize',
			result,
		);
	},
};

// ---------- secrets: checked on every execution ----------

/** Throws when what `n8n execute` printed contains a credential secret or a JSESSIONID the simulator issued. */
async function expectNoSecrets(result, simulators, which) {
	const printed = `${result.stdout || ''}\n${result.stderr || ''}`;
	const leaks = Object.entries(SECRETS)
		.filter(([, value]) => printed.includes(value))
		.map(([label]) => label);
	const sessions = simulators.szamla ? await simulators.szamla.sessionIds() : [];
	const leakedSessions = sessions.filter((id) => printed.includes(id));
	if (leakedSessions.length) leaks.push(`${leakedSessions.length} JSESSIONID value(s) issued by the Számla simulator`);
	if (leaks.length) {
		let masked = printed;
		for (const value of [...Object.values(SECRETS), ...leakedSessions]) masked = masked.split(value).join('«SECRET»');
		const at = masked.indexOf('«SECRET»');
		throw new Error(`${which}: the output of n8n execute contains ${leaks.join(', ')}; first one in: …${masked.slice(Math.max(0, at - 300), at + 100)}…`);
	}
}

/** Every scenario gets the secret check on its first execution and on each runAgain(). */
function withSecretChecks(table) {
	const out = {};
	for (const [file, entry] of Object.entries(table)) {
		const spec = typeof entry === 'function' ? { assert: entry } : entry;
		out[file] = {
			...spec,
			assert: async (ctx) => {
				await expectNoSecrets(ctx.result, ctx.simulators, 'execution 1');
				let n = 1;
				const runAgain = async () => {
					const again = await ctx.runAgain();
					n += 1;
					await expectNoSecrets(again, ctx.simulators, `execution ${n}`);
					return again;
				};
				await spec.assert({ ...ctx, runAgain });
			},
		};
	}
	return out;
}

module.exports = withSecretChecks(scenarios);
