'use strict';
// Debian's Chromium, driven by playwright-core (which downloads no browser of its own).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// Debian's binary itself before its launcher script (/usr/bin/chromium), whose shell checks only add noise here.
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

// Flags that work on this kind of machine (root, no GPU, no network but loopback): nothing Chromium does on its own
// (component updates, sync, background fetches, QUIC) may try to leave the machine.
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function findChromium() {
	if (process.env.E2E_CHROMIUM) return process.env.E2E_CHROMIUM;
	return CANDIDATES.find((p) => fs.existsSync(p));
}

/** The Chromium binary; installs Debian's package when it is missing and we may (root with apt-get). */
function ensureChromium(say) {
	let bin = findChromium();
	if (bin) return bin;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error('Chromium is missing: install Debian\'s package (sudo apt-get install chromium) or set E2E_CHROMIUM=/path/to/chromium');
	}
	const t = Date.now();
	say('Chromium is missing: apt-get install chromium (once)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
	bin = findChromium();
	if (!bin) throw new Error('apt-get install chromium finished but no chromium binary was found');
	say(`Chromium installed in ${((Date.now() - t) / 1000).toFixed(0)} s`);
	return bin;
}

/** A persistent context on a new, empty --user-data-dir (removed by close()). */
async function launch(executablePath) {
	const { chromium, selectors } = require('playwright-core');
	selectors.setTestIdAttribute('data-test-id'); // n8n's attribute (playwright's default is data-testid)
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-szamlazz-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath,
		headless: true,
		args: FLAGS,
		viewport: { width: 1440, height: 900 },
		locale: 'en-US',
		timezoneId: 'Europe/Budapest',
	});
	const close = async () => {
		await context.close().catch(() => {});
		fs.rmSync(userDataDir, { recursive: true, force: true });
	};
	return { context, close };
}

function chromiumVersion(bin) {
	return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
}

module.exports = { ensureChromium, launch, chromiumVersion, FLAGS };
