import { fork } from 'child_process';
import { join } from 'path';
import {
	formatTimestamp,
	newRequestId,
	passwordHash,
	requestSignature,
	REQUEST_ID_PATTERN,
	utcSignatureTime,
} from '../../../nodes/Ekaer/signature';

describe('EKÁER signature', () => {
	it('reproduces NAV’s worked example', () => {
		expect(utcSignatureTime('2015-01-15T13:25:45+01:00')).toBe('20150115122545');
		expect(requestSignature('TSTKFT1222564', '2015-01-15T13:25:45+01:00', 'Elek65Titkos')).toBe(
			'AF84DC456B82234E67550C80169E517FBDAB4403607293985DECB09F534D9F73FADAABEFEE932554FABBC49F6E8F74A5DD54EA359D6B7644D95CFF3530AFB889',
		);
		expect(requestSignature('TSTKFT1222564', new Date('2015-01-15T12:25:45.999Z'), 'Elek65Titkos')).toMatch(/^AF84DC456B82234E/);
	});

	it('hashes the password as uppercase SHA-512 of its UTF-8 bytes', () => {
		expect(passwordHash('abc')).toBe(
			'DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F',
		);
		// Non-ASCII passwords must be hashed as UTF-8, not Latin-1.
		expect(passwordHash('ő')).not.toBe(passwordHash('\u00f5'));
		expect(passwordHash('Jelszó1')).toMatch(/^[0-9A-F]{128}$/);
	});

	it('formats timestamps with an explicit offset and no fractions, signing the same instant', () => {
		const date = new Date('2015-01-15T12:25:45.678Z');
		expect(formatTimestamp(date)).toBe('2015-01-15T12:25:45Z');
		expect(formatTimestamp(date, 60)).toBe('2015-01-15T13:25:45+01:00');
		expect(formatTimestamp(date, -150)).toBe('2015-01-15T09:55:45-02:30');
		for (const text of [formatTimestamp(date), formatTimestamp(date, 60), formatTimestamp(date, -150)]) {
			expect(utcSignatureTime(text)).toBe(utcSignatureTime(date));
		}
	});
});

describe('newRequestId', () => {
	it('produces 100 000 distinct schema-valid ids in one process', () => {
		const ids = new Set<string>();
		for (let i = 0; i < 100_000; i++) ids.add(newRequestId());
		expect(ids.size).toBe(100_000);
		const invalid = [...ids].filter((id) => !REQUEST_ID_PATTERN.test(id) || id.length > 50);
		expect(invalid).toEqual([]);
	});

	it('stays unique within a process even when the clock stands still or steps back', () => {
		const a = newRequestId(1_700_000_000_000);
		const b = newRequestId(1_700_000_000_000);
		const c = newRequestId(1_699_999_999_000);
		expect(new Set([a, b, c]).size).toBe(3);
	});

	it('stays unique across forked processes started at the same moment', async () => {
		const worker = join(__dirname, 'helpers', 'requestIdWorker.js');
		const children = Array.from({ length: 4 }, () => fork(worker, [], { stdio: 'ignore' }));
		try {
			await Promise.all(children.map((child) => new Promise<void>((resolve) => child.once('message', () => resolve()))));
			const results = children.map(
				(child) => new Promise<string[]>((resolve) => child.once('message', (m: { ids: string[] }) => resolve(m.ids))),
			);
			for (const child of children) child.send({ go: true, count: 20_000 });
			const all = (await Promise.all(results)).flat();
			for (let i = 0; i < 1000; i++) all.push(newRequestId());
			expect(all.length).toBe(81_000);
			expect(new Set(all).size).toBe(all.length);
			expect(all.every((id) => REQUEST_ID_PATTERN.test(id))).toBe(true);
		} finally {
			for (const child of children) if (child.exitCode === null) child.kill();
		}
	}, 30_000);
});
