import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/** The hub's side (Node): its library, its demo data, the Chrome kit's policy check. */
const SERVER_SPECS = ['src/lib/server/**/*.spec.ts', 'src/demo/**/*.spec.ts', 'deploy/**/*.spec.ts'];
/** A spec named after a component (FormStep.spec.ts) renders it in a simulated DOM. */
const COMPONENT_SPECS = ['src/lib/**/[A-Z]*.spec.ts'];

export default defineConfig({
	plugins: [sveltekit()],
	preview: { port: 4173 },
	// SvelteKit's own write step dominates the build; the bundler's timing report is only noise.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		expect: { requireAssertions: true },
		testTimeout: 20_000,
		hookTimeout: 60_000,
		// Three projects, as SvelteKit's templates have them: the kiosk's code (and the contract and
		// messages it shares), the kiosk's screens rendered in jsdom, and the hub's. The hub's tests
		// open databases and get the demo data the start-up hook would seed (src/demo/vitest-setup.ts);
		// the kiosk's never do.
		projects: [
			{
				extends: true,
				test: {
					name: 'client',
					include: ['src/**/*.spec.ts', 'messages/**/*.spec.ts'],
					exclude: [...SERVER_SPECS, ...COMPONENT_SPECS],
					environment: 'node'
				}
			},
			{
				extends: true,
				// Svelte's browser build, as the Svelte docs say for component tests: its server build cannot mount.
				resolve: { conditions: ['browser'] },
				test: {
					name: 'components',
					include: COMPONENT_SPECS,
					environment: 'jsdom',
					// One jsdom and one module graph for all its files: twice as fast on a two-core machine.
					// The set-up (src/lib/ui/testing) keeps the doubles in one module and resets them after each test.
					isolate: false,
					setupFiles: ['src/lib/ui/testing/component-setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'server',
					include: SERVER_SPECS,
					environment: 'node',
					setupFiles: ['src/demo/vitest-setup.ts']
				}
			}
		]
	}
});
