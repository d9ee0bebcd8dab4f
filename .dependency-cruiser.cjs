// The dependency rule (DESIGN.md, "Folder layout"): three rooms, each entered through one door.
//   kiosk code (browser)  ──▶  $lib/contract  ◀──  the hub (src/lib/server, Node)
// The hub never imports kiosk code or Svelte components; kiosk code never imports the hub; the
// contract imports nothing of either; test helpers stay out of production code; no cycles.
// `npm test` runs it (npx depcruise src --config .dependency-cruiser.cjs).

/** Hub files outside src/lib/server: endpoints, server loads and actions, the server hook. */
const HUB_ROUTE_FILES = '(^src/routes/.*\\+(server|page\\.server|layout\\.server)\\.ts$)|(^src/hooks\\.server\\.ts$)';
const SPEC = '\\.spec\\.ts$';
const TEST_HELPERS = '(/testing/|/testing\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-cycles',
			comment: 'A cycle makes two modules one; split what both need into a third.',
			severity: 'error',
			from: { path: '^src/' },
			to: { circular: true }
		},
		{
			name: 'hub-imports-no-kiosk-code',
			comment: 'The hub (src/lib/server and the routes that run on it) takes from the kiosk side only the contract.',
			severity: 'error',
			from: { path: `(^src/lib/server/)|${HUB_ROUTE_FILES}`, pathNot: SPEC },
			to: { path: '^src/lib/', pathNot: '^src/lib/(server|contract)/' }
		},
		{
			name: 'kiosk-code-imports-no-hub',
			comment: 'Kiosk code runs in the browser: it talks to the hub over the wire, through the contract.',
			severity: 'error',
			from: { path: '^src/(lib|routes|params|service-worker)', pathNot: `(^src/lib/server/)|${HUB_ROUTE_FILES}` },
			to: { path: '^src/lib/server/' }
		},
		{
			name: 'contract-is-pure',
			comment: 'The contract is pure TypeScript shared by both sides: it imports only itself and valibot.',
			severity: 'error',
			from: { path: '^src/lib/contract/', pathNot: SPEC },
			to: { pathNot: '(^src/lib/contract/)|(^node_modules/valibot/)' }
		},
		{
			name: 'contract-through-its-door',
			comment: 'Everyone else imports the contract as $lib/contract (its index), never a file inside it.',
			severity: 'error',
			from: { path: '^src/', pathNot: '^src/lib/contract/' },
			to: { path: '^src/lib/contract/', pathNot: '^src/lib/contract/index\\.ts$' }
		},
		{
			name: 'hub-imports-no-demo-data',
			comment: 'Demo data (src/demo) sits above the hub: the start-up hook seeds it, tests use it; the hub library never needs it.',
			severity: 'error',
			from: { path: '^src/lib/', pathNot: `${SPEC}|${TEST_HELPERS}` },
			to: { path: '^src/demo/' }
		},
		{
			name: 'db-depends-on-nothing-above',
			comment: 'The database folder (instance, schema, migrations) is the bottom of the hub: it imports no other hub folder.',
			severity: 'error',
			from: { path: '^src/lib/server/db/', pathNot: `${SPEC}|${TEST_HELPERS}` },
			to: { path: '^src/lib/server/', pathNot: '^src/lib/server/db/' }
		},
		{
			name: 'no-test-helpers-in-production',
			comment: 'Test engines, beds and fixtures are for specs (and other test helpers) only.',
			severity: 'error',
			from: { path: '^src/', pathNot: `${SPEC}|${TEST_HELPERS}` },
			to: { path: TEST_HELPERS }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '(^|/)\\.svelte-kit/' },
		tsConfig: { fileName: 'tsconfig.json' },
		// SvelteKit's `$lib` alias, which its generated tsconfig states in a form the resolver misses.
		webpackConfig: { fileName: 'dependency-cruiser.aliases.cjs' },
		tsPreCompilationDeps: true,
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte'],
			extensions: ['.ts', '.js', '.svelte', '.json'],
			mainFields: ['module', 'main', 'types', 'typings']
		},
		reporterOptions: { text: { highlightFocused: true } }
	}
};
