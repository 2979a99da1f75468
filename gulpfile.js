const { src, dest } = require('gulp');

// tsc does not copy assets: put the icons where the compiled nodes and credentials reference them.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
