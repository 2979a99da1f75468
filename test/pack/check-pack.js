#!/usr/bin/env node
/**
 * Checks what `npm pack` would ship: dist/ (every node, credential, codex file and icon), README, LICENSE and
 * package.json, and nothing else (no tests, sources, simulators or vendor schemas). Run after `npm run build`.
 */
const { execFileSync } = require('child_process');
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..', '..');
const pkg = require(path.join(root, 'package.json'));
const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
const files = report.files.map((f) => f.path).sort();

const problems = [];
const allowed = (file) => file.startsWith('dist/') || ['README.md', 'LICENSE', 'package.json'].includes(file);
for (const file of files) {
	if (!allowed(file)) problems.push(`unexpected file in package: ${file}`);
	if (/\.(test|spec)\.|\/test\/|simulator|\.xsd$|\.ts$/.test(file) && !file.endsWith('.d.ts')) problems.push(`should not ship: ${file}`);
}
function schemaFiles(folder) {
	const base = path.join(__dirname, '..', '..', 'nodes', folder, '__schema__');
	return fs.readdirSync(base, { recursive: true }).filter((f) => f.endsWith('.json')).map((f) => `dist/nodes/${folder}/__schema__/${f.split(path.sep).join('/')}`);
}
const required = [
	'README.md',
	'LICENSE',
	'package.json',
	...pkg.n8n.nodes,
	...pkg.n8n.credentials,
	...pkg.n8n.nodes.map((node) => node.replace(/\.js$/, '.json')),
	'dist/icons/szamlazz.svg',
	'dist/icons/szamlazz.dark.svg',
	'dist/icons/ekaer.svg',
	'dist/icons/ekaer.dark.svg',
	// Every output schema (npm run schemas) beside its compiled node, where n8n's editor asks for it.
	...schemaFiles('SzamlaAgent'),
	...schemaFiles('Ekaer'),
];
for (const file of required) if (!files.includes(file)) problems.push(`missing from package: ${file}`);

console.log(`package ${report.name}@${report.version}: ${files.length} files, ${(report.size / 1024).toFixed(1)} kB packed, ${(report.unpackedSize / 1024).toFixed(1)} kB unpacked`);
if (problems.length > 0) {
	for (const problem of problems) console.error(`  ${problem}`);
	console.log(`pack: 0 passed, ${problems.length} failed`);
	process.exit(1);
}
console.log(`pack: ${required.length} passed, 0 failed`);
