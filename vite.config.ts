import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	preview: { port: 4173 },
	// SvelteKit's own write step dominates the build; the bundler's timing report is only noise.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['src/**/*.spec.ts', 'messages/**/*.spec.ts', 'deploy/**/*.spec.ts'],
		environment: 'node',
		setupFiles: ['src/demo/vitest-setup.ts'],
		expect: { requireAssertions: true },
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
