/**
 * 7. EKÁER node, Trade Card › Create for N cards: one operation per signed request, then batched (options.batchSize,
 * up to the service's 100 operations per request). Requests made and wall time, sequential.
 */
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../workflow/harness';
import { ekaerCredentials, ekaerParameters, EKAER_TYPE, tradeCards } from './fixtures';
import { fmt, type BenchContext, type Section } from './report';
import { timed } from './measure';

export async function ekaer(ctx: BenchContext): Promise<Section> {
	const { n, ekaerBatch, requestMs, ekaerPerOperationMs } = ctx.config;
	const cards = tradeCards(n);
	const rows: string[][] = [];
	let batchedRequests = NaN;
	for (const batchSize of [1, ekaerBatch]) {
		await ctx.ekaer.reset();
		const run = await timed(() =>
			runWorkflow({
				nodes: [{ name: 'EKÁER', type: EKAER_TYPE, parameters: ekaerParameters(batchSize) }],
				input: cards as IDataObject[],
				credentials: ekaerCredentials(ctx.ekaer.url),
			}),
		);
		if (run.result.error) throw run.result.error;
		const created = run.result.output('EKÁER').filter((item) => typeof item.json.tcn === 'string').length;
		if (created !== n) throw new Error(`EKÁER batch ${batchSize}: expected ${n} trade cards, got ${created}`);
		const { requests, operations } = (await ctx.ekaer.stats()).stats;
		rows.push([
			batchSize === 1 ? 'one card per request' : `${batchSize} cards per request`,
			String(requests),
			String(operations),
			fmt.s(run.wallMs),
			fmt.ms(run.wallMs / n),
			fmt.ms(run.cpuMs / n),
		]);
		if (batchSize !== 1) batchedRequests = requests;
	}
	return {
		title: `7. EKÁER node, create ${n} trade cards, sequential (request ${requestMs} ms, ${ekaerPerOperationMs} ms per operation)`,
		header: ['run', 'requests', 'operations', 'wall', 'wall / card', 'process CPU / card'],
		rows,
		targets: [
			{
				what: `7. EKÁER requests for ${n} cards (batched)`,
				target: `≤ ${Math.ceil(n / 50)}`,
				measured: String(batchedRequests),
				met: batchedRequests <= Math.ceil(n / 50),
			},
		],
	};
}
