/**
 * Before anything is timed: a few invoices from the node and from szamlazz.js and a few EKÁER cards against simulators
 * that check every request against the XSDs. The timed runs then use simulators with the checks off (libxml2 in
 * WebAssembly would otherwise be part of the numbers). Doubles as JIT warm-up for the code paths measured later.
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
	loadSzamlazzJs,
	orders,
	szamlaCredentials,
	szamlazzJsInvoice,
	SZAMLA_TYPE,
	tradeCards,
} from './fixtures';
import { redirectSzamlazzHu, szamlazzJsClient } from './szamlazzJs';

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
		const sz = loadSzamlazzJs();
		const restore = redirectSzamlazzHu(Number(new URL(szamla.url).port));
		try {
			const result = await szamlazzJsClient(sz).issueInvoice(szamlazzJsInvoice(sz, orders(1, lines)[0]));
			if (!result.invoiceId) throw new Error('szamlazz.js got no invoice number');
		} finally {
			restore();
		}
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
