// ESLint for the whole project: JavaScript's and typescript-eslint's recommended rules, Svelte's
// (runes, a11y and template rules), Node and browser globals where each runs; formatting is
// Prettier's (.prettierrc), so eslint-config-prettier turns ESLint's style rules off.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'test-results/', 'static/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// Arguments and catch bindings named `_…` are there to say what is deliberately unused.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
			// The app is served at the root (no `paths.base`; kiosks open the hub's own address), so
			// `/hi/menu/bills` is already the resolved path: wrapping every link in resolve() adds nothing.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		// TypeScript in Svelte files, parsed without type information: no rule here needs types, and
		// a type-aware parse of every component costs minutes.
		languageOptions: { parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		// CommonJS configuration files read by tools that want CommonJS.
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' }
	},
	{
		// Migrations describe tables that later code must not depend on: `Kysely<any>` on purpose.
		files: ['src/lib/server/db/migrations/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	}
);
