import { defineConfig } from 'vitest/config';

/**
 * The hub over HTTP (tests/hub): the production build (`node build`) on SQLite and on PostgreSQL,
 * started once for the run by tests/hub/global-setup.ts. `npx vite build` must have run first
 * (npm test and npm run fuzz see to it). No SvelteKit plugin: these tests only speak HTTP to the
 * built hub and read its database.
 */
export default defineConfig({
	test: {
		include: ['tests/hub/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['tests/hub/global-setup.ts'],
		// One file at a time: the files share the hubs (a fuzz batch checks that the database did
		// not change, which another file's requests would upset), PGlite takes only one connection
		// besides the hub's, and the machine has two cores for the hubs, their databases and us.
		fileParallelism: false,
		expect: { requireAssertions: true },
		testTimeout: 120_000,
		hookTimeout: 120_000
	}
});
