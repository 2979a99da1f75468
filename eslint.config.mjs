// Lint: n8n's own community-node rules (@n8n/eslint-plugin-community-nodes, no-cloud configuration), the older
// eslint-plugin-n8n-nodes-base rule sets, and typed @typescript-eslint rules for promises. Sources and tests.
import js from '@eslint/js';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const n8nBase = { 'n8n-nodes-base': n8nNodesBase };

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '**/*.js', '**/*.cjs', 'docs/**'] },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		languageOptions: {
			// tsconfig.test.json covers sources and tests (tsconfig.json, the build's, covers only sources).
			parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			// n8n calls execute with its context as `this`; an operation names it `ctx` once so the closures it hands to the
			// item runner can use it.
			'@typescript-eslint/no-this-alias': ['error', { allowedNames: ['ctx'] }],
			// Unused arguments are named `_x` on purpose (interfaces the code implements).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...communityNodes.configs.recommendedWithoutN8nCloudSupport,
		rules: {
			...communityNodes.configs.recommendedWithoutN8nCloudSupport.rules,
			// Self-hosted package on purpose: undici (transport), xmlbuilder2 and fast-xml-parser (the design card).
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		// package.json is read by @typescript-eslint's parser as one object expression, which both plugins' rules expect.
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { project: null } },
		plugins: n8nBase,
		rules: {
			...n8nNodesBase.configs.community.rules,
			'n8n-nodes-base/community-package-json-name-still-default': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: n8nBase,
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// The rule's own doc: "only applicable to nodes in the main repository"; community credentials link full URLs.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: n8nBase,
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two still ask for the string 'main'; n8n 1.x/2.x and the community-node rule node-connection-type-literal
			// require NodeConnectionTypes.Main, which is what the nodes use.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['test/**/*.ts'],
		rules: {
			// Tests build fakes and read untyped JSON from n8n and the simulators.
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off',
			// Tests load the e2e suite's CommonJS helpers and the built dist files by path.
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
);
