'use strict';
// `npm pack` of the already-built repo: what users install, tested as such by the e2e suite and run by `npm start`.
const fs = require('node:fs');
const path = require('node:path');
const { run } = require('./proc');
const { cleanEnv } = require('./env');

/**
 * Packs `repo` into `dest` (created if missing); returns {tarball, filename, entryCount, size, ms}.
 * --ignore-scripts: the build already ran; prepack would build a second time.
 */
async function packRepo(repo, dest, { logFile } = {}) {
	if (!fs.existsSync(path.join(repo, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	fs.mkdirSync(dest, { recursive: true });
	const r = await run('npm', ['pack', '--json', '--ignore-scripts', `--pack-destination=${dest}`], {
		cwd: repo,
		env: cleanEnv(),
		timeoutMs: 120_000,
		logFile,
	});
	if (r.code !== 0) throw new Error(`npm pack failed:\n${r.stderr}`);
	const info = JSON.parse(r.stdout)[0];
	return { tarball: path.join(dest, info.filename), filename: info.filename, entryCount: info.entryCount, size: info.size, ms: r.ms };
}

module.exports = { packRepo };
