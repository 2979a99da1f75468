const { parallel, src, dest } = require('gulp');

// tsc does not copy assets: put the icons where the compiled nodes and credentials reference them.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

// The output schemas n8n's editor shows before a node has run (npm run schemas), beside each compiled node.
function buildSchemas() {
	return src('nodes/**/__schema__/**/*.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
exports['build:schemas'] = buildSchemas;
exports['build:assets'] = parallel(buildIcons, buildSchemas);
