import { halve, splitRange } from '../../../nodes/Ekaer/client/queryWindows';

const DAY = 86_400_000;

describe('query windows', () => {
	it('cuts 90 days into three 30-day windows that cover the range exactly', () => {
		const from = new Date('2025-01-01T00:00:00Z');
		const to = new Date(from.getTime() + 90 * DAY);
		const windows = splitRange(from, to, 30);
		expect(windows).toHaveLength(3);
		expect(windows[0].from.toISOString()).toBe('2025-01-01T00:00:00.000Z');
		expect(windows[2].to.toISOString()).toBe('2025-04-01T00:00:00.000Z');
		for (let i = 1; i < windows.length; i++) expect(windows[i].from).toEqual(windows[i - 1].to);
		for (const w of windows) expect(w.to.getTime() - w.from.getTime()).toBeLessThanOrEqual(30 * DAY);
	});

	it('widens fractional bounds to whole seconds rather than lose the edges', () => {
		const windows = splitRange(new Date('2025-01-01T00:00:00.400Z'), new Date('2025-01-02T00:00:00.400Z'), 30);
		expect(windows).toEqual([{ from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-01-02T00:00:01Z') }]);
	});

	it('keeps a short range as one window and halves on whole seconds', () => {
		const windows = splitRange(new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:05Z'), 30);
		expect(windows).toHaveLength(1);
		const [a, b] = halve(windows[0])!;
		expect([a.from.toISOString(), a.to.toISOString(), b.to.toISOString()]).toEqual([
			'2025-01-01T00:00:00.000Z', '2025-01-01T00:00:02.000Z', '2025-01-01T00:00:05.000Z',
		]);
		expect(halve({ from: new Date(0), to: new Date(1000) })).toBeUndefined();
	});
});
