import { expect, test } from '@playwright/test';
import { checkScreen, deviceCard, fetchBill, openTesterPanel, toHindiPaymentModes, toPaymentModes } from './support';

// One RD Service simulator serves the whole run and its next capture is set for everyone, so
// every test that drives it lives here, one after another.
test.describe.configure({ mode: 'serial' });

test.describe('fingerprint through the RD Service', () => {
	test('finds the service, captures, and explains a poor-quality capture', async ({ page }) => {
		await page.goto('/operator/en/devices');
		const scanner = deviceCard(page, 'Fingerprint scanner (RD Service)');
		await scanner.getByRole('button', { name: 'Find RD Service' }).click();
		await expect(scanner.getByRole('status')).toContainText(/RD Service on port 111\d\d/);
		await expect(page.getByRole('region', { name: 'What Chrome allows on this kiosk' })).toContainText('Reachable');

		await scanner.getByRole('button', { name: 'Capture a test fingerprint' }).click();
		await expect(scanner.getByRole('status')).toContainText(/Fingerprint captured, quality \d+ out of 100/);

		const panel = await openTesterPanel(page);
		await panel.getByRole('button', { name: 'poor-quality' }).click();
		await expect(panel).toContainText('next capture: poor-quality');
		await scanner.getByRole('button', { name: 'Capture a test fingerprint' }).click();
		await expect(scanner.getByRole('status')).toContainText('The fingerprint was not clear');

		await panel.getByRole('button', { name: 'not-ready' }).click();
		await scanner.getByRole('button', { name: 'Capture a test fingerprint' }).click();
		await expect(scanner.getByRole('status')).toContainText('not ready');
	});
});

test.describe('bill payment by Aadhaar and fingerprint', () => {
	test('Aadhaar number shown masked, bank chosen, fingerprint captured, bill paid', async ({ page }) => {
		await fetchBill(page, 'Idea Postpaid', '9772012004');
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Aadhaar and fingerprint/ }).click();
		await expect(page.getByRole('heading', { name: 'What is your Aadhaar number?' })).toBeVisible();
		await page.getByLabel('Aadhaar number').fill('1234 5678 9012');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('alert')).toContainText('never starts with 0 or 1');
		await page.getByLabel('Aadhaar number').fill('9999 4105 7058');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByText('XXXX XXXX 7058')).toBeVisible();
		await expect(page.getByText('9999 4105 7058')).toHaveCount(0);
		await page.getByRole('radio', { name: /State Bank of India/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { name: 'Place your finger on the scanner' })).toBeVisible();
		await checkScreen(page, 'en-aadhaar-finger');
		await page.getByRole('button', { name: 'Scan fingerprint' }).click();
		await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
	});

	test('a fingerprint that is not clear can be tried again', async ({ page }) => {
		await fetchBill(page, 'BSNL Mobile', '9414012004', { mobile: '9414012345' });
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Aadhaar and fingerprint/ }).click();
		await page.getByLabel('Aadhaar number').fill('999941057058');
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.getByRole('radio', { name: /HDFC Bank/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		const panel = await openTesterPanel(page);
		await panel.getByRole('button', { name: 'poor-quality' }).click();
		await expect(panel).toContainText('next capture: poor-quality');
		await page.getByRole('button', { name: 'Scan fingerprint' }).click();
		await expect(page.getByRole('alert')).toContainText('not clear');
		await page.getByRole('button', { name: /Scan fingerprint|Try again/ }).first().click();
		await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
	});

	test('a fingerprint that does not match: nothing charged', async ({ page }) => {
		await fetchBill(page, 'Airtel Postpaid', '9829012005');
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Aadhaar and fingerprint/ }).click();
		await page.getByLabel('Aadhaar number').fill('499118665246');
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.getByRole('radio', { name: /Punjab National Bank/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.getByRole('button', { name: 'Scan fingerprint' }).click();
		await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
	});

	test('in Hindi', async ({ page }) => {
		await toHindiPaymentModes(page, 'वोडाफ़ोन पोस्टपेड', '9784012006');
		await page.getByRole('button', { name: /^आधार और फिंगरप्रिंट/ }).click();
		await expect(page.getByRole('heading', { name: 'आपकी आधार संख्या क्या है?' })).toBeVisible();
		await page.getByLabel('आधार संख्या').fill('९९९९ ४१०५ ७०५८');
		await page.getByRole('button', { name: 'आगे बढ़ें' }).click();
		await expect(page.getByRole('heading', { name: 'आपका खाता किस बैंक में है?' })).toBeVisible();
		await page.getByRole('radio', { name: /भारतीय स्टेट बैंक/ }).check();
		await page.getByRole('button', { name: 'आगे बढ़ें' }).click();
		await expect(page.getByRole('heading', { name: 'अपनी उंगली स्कैनर पर रखें' })).toBeVisible();
		await checkScreen(page, 'hi-aadhaar-finger');
		await page.getByRole('button', { name: 'फिंगरप्रिंट स्कैन करें' }).click();
		await expect(page.getByRole('heading', { name: 'भुगतान सफल रहा' })).toBeVisible();
	});
});
