/**
 * The target ratios (node / bare client) from several interleaved pairs instead of one: a single pair of runs moves by
 * ±2 % on this 2-vCPU machine (garbage left by the previous run, the other thread's work), which is the whole margin of
 * the 4-parallel target. Each run starts after a full GC (the bench runs with --expose-gc); bare and node alternate, so
 * both see the same conditions. The reported ratio is the median of the pairs' ratios, the rows are the pair it came
 * from, and every pair's ratio goes into the notes.
 */
import type { InvoiceRunResult } from './invoiceRun';
import { fmt } from './report';

export interface PairsResult {
	bare: InvoiceRunResult;
	node: InvoiceRunResult;
	/** Median of the pairs' node / bare ratios. */
	ratio: number;
	/** For the notes: "3 interleaved pairs: 1.091×, 1.084×, 1.102×; the rows are the median pair (pairs.ts)". */
	summary: string;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export async function interleavedPairs(
	repeat: number,
	bareRun: () => Promise<InvoiceRunResult>,
	nodeRun: () => Promise<InvoiceRunResult>,
): Promise<PairsResult> {
	const pairs: Array<{ bare: InvoiceRunResult; node: InvoiceRunResult; ratio: number }> = [];
	for (let k = 0; k < repeat; k++) {
		collectGarbage();
		const bare = await bareRun();
		collectGarbage();
		const node = await nodeRun();
		pairs.push({ bare, node, ratio: node.wallMs / bare.wallMs });
	}
	// The middle pair; with an even count the upper of the two middle ones, so the choice never flatters the node.
	const median = [...pairs].sort((a, b) => a.ratio - b.ratio)[pairs.length >> 1];
	const spread = pairs.map((p) => fmt.x(p.ratio)).join(', ');
	return { ...median, summary: `${repeat} interleaved pairs: ${spread}; the rows are the median pair (pairs.ts)` };
}
