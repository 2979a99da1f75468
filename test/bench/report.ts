/** What every measurement gets and gives back, and the markdown it is printed as. */
import type { BenchConfig } from './config';
import type { Order } from './fixtures';
import type { RemoteEkaer, RemoteSzamla } from './simulatorHost';

export interface BenchContext {
	config: BenchConfig;
	/**
	 * Started in the simulator worker thread (simulatorHost.ts) with the configured login and request delays, XSD checks
	 * off (the preflight checks the requests).
	 */
	szamla: RemoteSzamla;
	ekaer: RemoteEkaer;
	orders: Order[];
}

/** A target from the issue, reported against (never asserted). */
export interface Target {
	what: string;
	target: string;
	measured: string;
	met: boolean;
}

export interface Section {
	title: string;
	header: string[];
	rows: string[][];
	targets: Target[];
	notes?: string[];
}

export function markdownTable(header: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fmt = {
	s: (ms: number) => `${(ms / 1000).toFixed(2)} s`,
	ms: (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`,
	us: (us: number) => `${us.toFixed(1)} µs`,
	x: (ratio: number) => `${ratio.toFixed(3)}×`,
	mb: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`,
};
