import { RepeatMemory, repeatKey, type PersistedRepeats } from '../../../nodes/SzamlaAgentTrigger/ipn/repeats';

describe('repeat memory', () => {
	let now = 1_000_000;
	const memory = () => new RepeatMemory({ windowMs: 60 * 60 * 1000, maxEntries: 5, now: () => now });

	it('keys by invoice and paid amount, to the fillér', () => {
		expect(repeatKey('E-1', 12700)).toBe(repeatKey('E-1', 12700.0001));
		expect(repeatKey('E-1', 12700)).not.toBe(repeatKey('E-1', 6350));
		expect(repeatKey('E-1', undefined)).toBe('E-1|?');
	});

	it('drops every copy within the window (the service retries every 3 min, 10 times), not after it', () => {
		const m = memory();
		const persisted: PersistedRepeats = {};
		expect(m.claim('a', persisted)).toBe(true);
		m.remember(['a'], persisted);
		for (let i = 1; i <= 10; i++) {
			now += 3 * 60 * 1000;
			expect(m.claim('a', persisted)).toBe(false);
		}
		now += 31 * 60 * 1000;
		expect(m.claim('a', persisted)).toBe(true);
	});

	it('lets only one of two copies being checked at the same time through; a released claim is judged again', () => {
		const m = memory();
		expect(m.claim('b')).toBe(true);
		expect(m.claim('b')).toBe(false);
		m.release('b');
		expect(m.claim('b')).toBe(true);
	});

	it('remembers across a restart through the persisted copy', () => {
		const persisted: PersistedRepeats = {};
		memory().remember(['c'], persisted);
		const afterRestart = memory();
		expect(afterRestart.has('c', persisted)).toBe(true);
		expect(afterRestart.has('c')).toBe(false);
	});

	it('is bounded: at most maxEntries in memory and in static data, oldest forgotten first', () => {
		const m = memory();
		const persisted: PersistedRepeats = {};
		for (let i = 0; i < 50; i++) {
			now += 1000;
			m.remember([`k${i}`], persisted);
		}
		expect(m.size).toBe(5);
		expect(Object.keys(persisted)).toEqual(['k45', 'k46', 'k47', 'k48', 'k49']);
		expect(m.has('k44', persisted)).toBe(false);
		expect(m.has('k49', persisted)).toBe(true);
	});

	it('forgets expired entries from static data', () => {
		const m = memory();
		const persisted: PersistedRepeats = { old: now - 2 * 60 * 60 * 1000, junk: 'x' as unknown as number };
		m.remember(['new'], persisted);
		expect(Object.keys(persisted)).toEqual(['new']);
	});
});
