import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4174);
export const baseURL = `http://localhost:${port}`;
/** The kiosk's touch screen. */
export const KIOSK_SCREEN = { width: 1280, height: 1024 };

/** Browser tests drive the production build in Debian's Chromium at the kiosk's screen size. */
export default defineConfig({
	testDir: 'tests',
	// tests/hub runs under vitest (vitest.hub.config.ts): the built hub over HTTP, without a browser.
	testIgnore: ['hub/**'],
	outputDir: 'test-results/playwright',
	fullyParallel: true,
	workers: 2,
	reporter: [['list']],
	// Budgets for a busy two-core machine (two browsers, the hub and its database share it): every
	// wait is for a state, and these only bound how long a state may take to come.
	timeout: 60_000,
	expect: { timeout: 15_000 },
	use: {
		baseURL,
		viewport: KIOSK_SCREEN,
		// Recording a trace costs a test 40 % more time on this machine (a DOM snapshot at every
		// step), so it is off; to see a failure step by step: npx playwright test --trace on FILE.
		trace: 'off',
		screenshot: 'only-on-failure',
		// A service worker precaches the whole app in every context that allows it; only the specs
		// about offline use, the outbox and updates need it, and they opt in with test.use().
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// The closed network refuses Chromium's background calls; root needs --no-sandbox.
			args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `${baseURL}/api/v1/health`,
		// Up is not enough: the tests' kiosks must be enrolled first (scripts/e2e-server.js).
		wait: { stdout: /e2e hub ready/ },
		env: { PORT: String(port) },
		reuseExistingServer: false,
		stdout: 'pipe',
		timeout: 60_000
	}
});
