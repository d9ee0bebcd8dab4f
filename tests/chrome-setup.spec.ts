import type { Page } from '@playwright/test';
import config from '../playwright.config';
import { checkScreen, expect, loginAsOperator, test, useDevices, useEnrolledKiosk } from './support';

// Trace snapshots run scripts in the page as if the operator had touched it, and Chrome allows a
// pop-up right after a touch whatever its settings: the pop-up check needs the page left alone.
test.use({ trace: 'off' });

/** One line of the Chrome setup check, found by its heading. */
function checkRow(page: Page, name: string) {
	return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/** Waits until every check has answered. */
async function checksDone(page: Page) {
	await expect(page.getByRole('region', { name: /What the page can check|पेज क्या जांच सकता है/ })).toHaveAttribute('aria-busy', 'false', {
		timeout: 15_000
	});
}

/** What the service worker check must say, read straight from Chromium. */
async function serviceWorkerState(page: Page) {
	return page.evaluate(async () =>
		navigator.serviceWorker.controller ? 'active' : (await navigator.serviceWorker.getRegistration()) ? 'registered' : 'none'
	);
}

test('the Chrome setup check reports what Chromium under test allows', async ({ page }) => {
	await loginAsOperator(page, { next: '/operator/en/devices' });
	await page.getByRole('link', { name: 'Full Chrome setup check' }).click();
	await expect(page.getByRole('heading', { name: 'Chrome setup check', level: 2 })).toBeVisible();
	await checksDone(page);

	expect(await page.evaluate(() => 'serial' in navigator && 'usb' in navigator && window.isSecureContext)).toBe(true);
	await expect(checkRow(page, 'WebSerial (cash acceptor, card terminal)')).toContainText('Right: Available');
	await expect(checkRow(page, 'WebUSB (receipt printer)')).toContainText('Right: Available');
	for (const device of ['Cash acceptor', 'Card terminal', 'Receipt printer']) {
		await expect(checkRow(page, `Chrome may use the ${device}`)).toContainText('Simulated: A simulator stands in for it');
	}
	// The test server's RD Service simulator answers this page on one of 11100–11120.
	await expect(checkRow(page, 'RD Service on 127.0.0.1')).toContainText(/Right: Reachable on port 111\d\d/);
	// Playwright starts Chromium with pop-up blocking off, as the kiosk policy turns it off for the site.
	await expect(checkRow(page, 'Pop-ups for the kiosk')).toContainText('Right: Allowed');
	expect(page.context().pages()).toHaveLength(1);
	await expect(checkRow(page, 'Full screen (kiosk mode)')).toContainText('Right: Full screen, 1280 × 1024');

	const offline = checkRow(page, 'Working without the network (service worker)');
	const expected = {
		active: 'Right: Active',
		registered: 'Needs fixing: Installed, but not yet working for this page',
		none: 'Needs fixing: Not installed'
	}[await serviceWorkerState(page)];
	await expect(offline).toContainText(expected);

	const problems = await page.locator('li.problem').count();
	await expect(page.getByRole('status').first()).toHaveText(
		problems === 0
			? 'Everything this page can check is set up right.'
			: `${problems} ${problems === 1 ? 'thing needs' : 'things need'} fixing.`
	);
	await checkScreen(page, 'en-operator-chrome');
});

test('a real device Chrome may not use gets its fix and the way to the Allow buttons', async ({ page }) => {
	await useDevices(page, { noteAcceptor: 'id003', receiptPrinter: 'usb', cardTerminal: 'serial' });
	await loginAsOperator(page, { next: '/operator/en/chrome' });
	await checksDone(page);
	for (const device of ['Cash acceptor', 'Card terminal', 'Receipt printer']) {
		const row = checkRow(page, `Chrome may use the ${device}`);
		await expect(row).toContainText('Needs fixing: Not plugged in, or Chrome is not allowed to use it');
		await expect(row).toContainText("put its USB ID in the kiosk's Chrome policy (deploy kit, steps 3 and 4)");
	}
	await checkRow(page, 'Chrome may use the Cash acceptor').getByRole('link', { name: 'Open the Device check page' }).click();
	await expect(page.getByRole('heading', { name: 'Device check' })).toBeVisible();
});

test('in a Chromium that blocks pop-ups they are reported blocked, also when checked right after a touch', async ({ playwright }) => {
	test.setTimeout(60_000);
	// The kiosk's own Chromium, without the switch with which Playwright turns pop-up blocking off.
	const browser = await playwright.chromium.launch({ ...config.use?.launchOptions, ignoreDefaultArgs: ['--disable-popup-blocking'] });
	try {
		const context = await browser.newContext({ baseURL: config.use?.baseURL, viewport: config.use?.viewport });
		await useEnrolledKiosk(context, 'K1234567');
		const page = await context.newPage();
		// Chrome counts each look Playwright takes at the page as a touch: leave the page alone until
		// the check has waited out any touch (5 s, the check waits up to 8 s) and tried its pop-up.
		const leavePageAlone = () => page.waitForTimeout(10_000);
		await loginAsOperator(page, { next: '/operator/en/chrome' });
		await leavePageAlone();
		const popups = checkRow(page, 'Pop-ups for the kiosk');
		await expect(popups).toContainText('Needs fixing: Blocked');
		await expect(popups).toContainText("Install the kiosk's Chrome policy (deploy kit, steps 3 and 4)");

		// A touch lets any page open a pop-up for a few seconds; the check waits that out.
		await page.getByRole('button', { name: 'Check again' }).click();
		await leavePageAlone();
		await expect(popups).toContainText('Needs fixing: Blocked');
		expect(page.context().pages()).toHaveLength(1);
	} finally {
		await browser.close();
	}
});

test.describe('in a browser window that does not fill the screen', () => {
	test.use({ viewport: { width: 1280, height: 900 }, screen: { width: 1280, height: 1024 } });

	test('full screen is reported missing with the launcher as the fix', async ({ page }) => {
		await loginAsOperator(page, { lang: 'hi', next: '/operator/hi/chrome' });
		await checksDone(page);
		const row = checkRow(page, 'पूरी स्क्रीन (कियोस्क मोड)');
		await expect(row).toContainText('ठीक करना है: क्रोम पूरी स्क्रीन पर नहीं, एक विंडो में है (स्क्रीन 1280 × 1024)');
		await expect(row).toContainText('क्रोम को कियोस्क लॉन्चर से शुरू करें (डिप्लॉय किट, चरण 5)');
	});
});

test('the silent-print test sheet goes to Chrome printing and the operator says what happened', async ({ page }) => {
	await page.addInitScript(() => {
		(window as unknown as { printCalls: number }).printCalls = 0;
		window.print = () => {
			(window as unknown as { printCalls: number }).printCalls++;
		};
	});
	await loginAsOperator(page, { next: '/operator/en/chrome' });
	const card = page.getByRole('region', { name: 'Silent printing to the Canon A4 printer' });
	const printCalls = () => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
	await card.getByRole('button', { name: 'Print the test sheet' }).click();
	// The sheet takes its new time on the next frame, and only then goes to the printer.
	await expect.poll(printCalls).toBe(1);
	const question = card.getByRole('group', { name: /Did the test sheet come out of the Canon printer/ });
	await expect(question).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByText('A4 printer test page', { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Chrome setup check' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	await question.getByRole('button', { name: 'A print window appeared' }).click();
	await expect(card.getByRole('status')).toContainText('start Chrome with the kiosk launcher (deploy kit, step 5)');
	await expect(question).toBeHidden();

	await card.getByRole('button', { name: 'Print the test sheet' }).click();
	await question.getByRole('button', { name: 'Nothing came out' }).click();
	await expect(card.getByRole('status')).toContainText('has A4 paper and is the default printer (deploy kit, step 2)');

	await card.getByRole('button', { name: 'Print the test sheet' }).click();
	await expect(card.getByRole('status')).toBeEmpty();
	await checkScreen(page, 'en-operator-chrome-print-question');
	await question.getByRole('button', { name: 'Yes, it printed by itself' }).click();
	await expect(card.getByRole('status')).toContainText('Silent printing works: certificates will print on the Canon.');
	expect(await printCalls()).toBe(3);
});

test('the Chrome setup check in Hindi', async ({ page }) => {
	await page.addInitScript(() => {
		window.print = () => undefined;
	});
	await loginAsOperator(page, { next: '/operator/en/chrome' });
	await checksDone(page);
	await page.getByRole('link', { name: 'हिन्दी' }).click();
	await expect(page.getByRole('heading', { name: 'क्रोम सेटअप की जांच', level: 2 })).toBeVisible();
	await checksDone(page);
	await expect(checkRow(page, 'कियोस्क के लिए पॉप-अप')).toContainText('सही: अनुमति है');
	await expect(checkRow(page, '127.0.0.1 पर आरडी सर्विस')).toContainText(/सही: पोर्ट 111\d\d पर उपलब्ध/);
	const card = page.getByRole('region', { name: 'कैनन A4 प्रिंटर पर बिना पूछे छपाई' });
	await card.getByRole('button', { name: 'परीक्षण पेज छापें' }).click();
	await card.getByRole('button', { name: 'हां, अपने आप छप गया' }).click();
	await expect(card.getByRole('status')).toContainText('बिना पूछे छपाई काम कर रही है');
	await checkScreen(page, 'hi-operator-chrome');
});
