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

/** Sets part of this kiosk's local configuration (as an operator would) before any page loads. */
export async function useKioskConfig(page: Page, settings: Record<string, unknown>) {
	await page.addInitScript((overrides) => {
		const config = JSON.parse(localStorage.getItem('emitra.kioskConfig') ?? '{}');
		localStorage.setItem('emitra.kioskConfig', JSON.stringify({ ...config, ...overrides }));
	}, settings);
}

/** Shortens the idle timings, so the inactivity tests need not wait a minute. */
export async function useIdleTimings(page: Page, idleSeconds: number, idleCountdownSeconds: number) {
	await useKioskConfig(page, { idleSeconds, idleCountdownSeconds });
}

/** Types digits with the on-screen keypad, as a citizen would. */
export async function typeOnKeypad(page: Page, digits: string, keypadName: RegExp) {
	const keypad = page.getByRole('group', { name: keypadName });
	for (const digit of digits) await keypad.getByRole('button', { name: digit, exact: true }).click();
}

/** Sets this kiosk's device choice (as the operator's set-up would) before any page loads. */
export async function useDevices(page: Page, devices: Record<string, string>) {
	await useKioskConfig(page, { devices });
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

/** Opens a biller's form from the main menu and fetches the bill for `identifier`. */
export async function fetchBill(page: Page, biller: string, identifier: string, extra: { mobile?: string } = {}) {
	await page.goto('/en');
	await page.getByRole('link', { name: 'Bill payment' }).click();
	await page.getByRole('link', { name: biller }).click();
	// The bill's own number is always the first field; billers whose number is a mobile ask no other.
	await page.getByRole('textbox').first().fill(identifier);
	const mobile = page.getByLabel(/Your mobile number/);
	if (extra.mobile && (await mobile.count()) > 0) await mobile.fill(extra.mobile);
	await page.getByRole('button', { name: 'Get bill' }).click();
}

/** From the bill screen through "check your answers" to the payment-mode screen. */
export async function toPaymentModes(page: Page) {
	await expect(page.getByRole('heading', { name: 'Your bill' })).toBeVisible();
	await page.getByRole('button', { name: 'Click to pay' }).click();
	await page.getByRole('button', { name: 'Correct' }).click();
	await expect(page.getByRole('heading', { name: 'How would you like to pay?' })).toBeVisible();
}

export async function insertNote(panel: Locator, rupees: number) {
	await waitForAcceptorReady(panel);
	await panel.getByRole('button', { name: `Insert ₹${rupees}`, exact: true }).click();
}

/** A device's section on the operator's diagnostics page. */
export function deviceCard(page: Page, name: string) {
	return page.getByRole('region', { name, exact: true });
}

/** The Hindi path to a biller's payment modes: bill, "pay", "correct". */
export async function toHindiPaymentModes(page: Page, biller: string, identifier: string, mobile?: string) {
	await page.goto('/hi/menu/bills');
	await page.getByRole('link', { name: biller }).click();
	await page.getByRole('textbox').first().fill(identifier);
	if (mobile) await page.getByLabel(/आपका मोबाइल नम्बर/).fill(mobile);
	await page.getByRole('button', { name: 'बिल प्राप्त करें' }).click();
	await page.getByRole('button', { name: 'भुगतान करने के लिये क्लिक करें' }).click();
	await page.getByRole('button', { name: 'सही' }).click();
	await expect(page.getByRole('heading', { name: 'आप भुगतान कैसे करना चाहते हैं?' })).toBeVisible();
}
