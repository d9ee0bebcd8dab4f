import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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
