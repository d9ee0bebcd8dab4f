import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Looks at a screen the way the team must: no accessibility violations, and a screenshot at the
 * kiosk's size (test-results/screens) once the bundled Devanagari font has loaded.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
	await page.evaluate(() => document.fonts.ready);
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`),
		`accessibility of ${name}`
	).toEqual([]);
	await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Shortens the idle timings through the kiosk's local configuration, before any page loads. */
export async function useIdleTimings(page: Page, idleSeconds: number, idleCountdownSeconds: number) {
	await page.addInitScript(
		(config) => localStorage.setItem('emitra.kioskConfig', JSON.stringify(config)),
		{ idleSeconds, idleCountdownSeconds }
	);
}

/** Types digits with the on-screen keypad, as a citizen would. */
export async function typeOnKeypad(page: Page, digits: string, keypadName: RegExp) {
	const keypad = page.getByRole('group', { name: keypadName });
	for (const digit of digits) await keypad.getByRole('button', { name: digit, exact: true }).click();
}

/** Sets this kiosk's device choice (as the operator's set-up would) before any page loads. */
export async function useDevices(page: Page, devices: Record<string, string>) {
	await page.addInitScript((choice) => {
		const config = JSON.parse(localStorage.getItem('emitra.kioskConfig') ?? '{}');
		localStorage.setItem('emitra.kioskConfig', JSON.stringify({ ...config, devices: choice }));
	}, devices);
}

/** Opens the simulated-devices panel. */
export async function openTesterPanel(page: Page) {
	await page.getByRole('button', { name: 'Tester' }).click();
	return page.getByRole('complementary', { name: 'Simulated devices' });
}

/** Waits until the simulated acceptor takes notes and none is on its way, as a tester would. */
export async function waitForAcceptorReady(panel: Locator) {
	await expect(panel.getByTestId('acceptor-state')).toHaveText('Accepting notes');
}
