/**
 * Before anything is timed: a few invoices from the node and from szamlazz.js and a few EKÁER cards against simulators
 * that check every request against the XSDs (the timed runs use simulators with the checks off: libxml2 in WebAssembly
 * would otherwise be part of the numbers). The preflight simulators run in this thread: nothing is timed. Then a warm-up
 * of every timed code path against simulators without delays in the simulator worker thread (simulatorHost.ts), so the
 * first measurement pays for the JIT neither in the node's thread nor in the simulators' (a production n8n process is
 * long-lived).
 */
import type { IDataObject } from 'n8n-workflow';
import { startEkaerSimulator } from '../simulators/ekaer';
import { startSzamlaSimulator } from '../simulators/szamla';
import { runWorkflow } from '../workflow/harness';
import { sharedSessionStore } from './code';
import {
	ekaerCredentials,
	ekaerParameters,
	EKAER_TYPE,
	invoiceParameters,
	orders,
	szamlaCredentials,
	SZAMLA_TYPE,
	tradeCards,
} from './fixtures';
import { runBare } from './bareClient';
import { runInvoices } from './invoiceRun';
import type { SimulatorHost } from './simulatorHost';
import { issueWithSzamlazzJs } from './szamlazzJs';

export async function preflight(lines: number): Promise<string> {
	const szamla = await startSzamlaSimulator({ xsdValidation: 'all' });
	const ekaer = await startEkaerSimulator({ xsdValidation: 'all' });
	try {
		// One XML shape per client is enough for the schema; the other options (parallel, no session) send the same XML.
		sharedSessionStore.clear();
		const run = await runWorkflow({
			nodes: [{ name: 'Invoice', type: SZAMLA_TYPE, parameters: invoiceParameters({ parallelRequests: 2 }, true) }],
			input: orders(2, lines) as unknown as IDataObject[],
			credentials: szamlaCredentials(szamla.url),
		});
		if (run.error) throw run.error;
		if ((await issueWithSzamlazzJs(szamla, orders(1, lines))) !== 1) throw new Error('szamlazz.js got no invoice number');
		const cards = await runWorkflow({
			nodes: [{ name: 'EKÁER', type: EKAER_TYPE, parameters: ekaerParameters(2) }],
			input: tradeCards(2),
			credentials: ekaerCredentials(ekaer.baseUrl),
		});
		if (cards.error) throw cards.error;
		return `Preflight: ${szamla.stats.requests} Számla Agent requests (node and szamlazz.js) and ${ekaer.stats.requests} EKÁER requests passed the simulators' XSD checks.`;
	} finally {
		await szamla.close();
		await ekaer.close();
		sharedSessionStore.clear();
	}
}

/** Every timed path once over `count` items, against simulators in the worker that answer at once. */
export async function warmUp(host: SimulatorHost, lines: number, count: number): Promise<string> {
	const szamla = await host.startSzamla({ xsdValidation: 'off' });
	const ekaer = await host.startEkaer({ xsdValidation: 'off' });
	const noDelay = { loginMs: 0, requestMs: 0 };
	try {
		const input = orders(count, lines);
		for (const parallel of [1, 4]) {
			await runBare(szamla, input, parallel, noDelay);
			await runInvoices(szamla, input, { parallelRequests: parallel }, noDelay);
		}
		await issueWithSzamlazzJs(szamla, input);
		const cards = await runWorkflow({
			nodes: [{ name: 'EKÁER', type: EKAER_TYPE, parameters: ekaerParameters(1) }],
			input: tradeCards(count),
			credentials: ekaerCredentials(ekaer.url),
		});
		if (cards.error) throw cards.error;
		return `Warm-up: every timed path ran over ${count} items first.`;
	} finally {
		await szamla.close();
		await ekaer.close();
		sharedSessionStore.clear();
	}
}
