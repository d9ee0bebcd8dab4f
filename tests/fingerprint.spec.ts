import {
	checkScreen,
	deviceCard,
	expect,
	fetchBill,
	kioskApiHeaders,
	loginAsOperator,
	openTesterPanel,
	test,
	toHindiPaymentModes,
	toPaymentModes
} from './support';

// One RD Service simulator serves the whole run and its next capture is set for everyone, so
// every test that drives it lives here, one after another.
test.describe.configure({ mode: 'serial' });

test.describe('fingerprint through the RD Service', () => {
	test('finds the service, captures, and explains a poor-quality capture', async ({ page }) => {
		await loginAsOperator(page, { next: '/operator/en/devices' });
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

test.describe('Jan Aadhaar mobile-number update', () => {
	// Whole services with payment, printing and axe on each screen: longer than one screen's test.
	test.describe.configure({ timeout: 60_000 });

	/** The OTP the hub sent to a mobile number, read from the SMS outbox as the tester panel shows it. */
	async function otpSentTo(page: import('@playwright/test').Page, mobile: string): Promise<string> {
		let otp: string | undefined;
		const headers = await kioskApiHeaders(page.request, 'K1234567');
		await expect(async () => {
			const response = await page.request.get('/api/v1/payments/sms-outbox', { headers });
			const { messages } = (await response.json()) as { messages: { mobile: string; body: string }[] };
			otp = /\b(\d{6})\b/.exec(messages.find((message) => message.mobile === mobile)?.body ?? '')?.[1];
			expect(otp).toBeDefined();
		}).toPass();
		return otp ?? '';
	}

	test('members masked, new number, wrong OTP then the right one, fingerprint, receipt (English)', async ({ page }) => {
		await page.goto('/en/menu/government');
		await page.getByRole('link', { name: 'Jan Aadhaar: change mobile number' }).click();
		await page.getByRole('textbox').fill('104 123 4567');
		await page.getByRole('button', { name: 'Submit' }).click();
		await expect(page.getByRole('heading', { name: 'Whose mobile number do you want to change?' })).toBeVisible();
		await expect(page.getByRole('button', { name: /^S\*+ D\*+ S\*+/ })).toContainText('Mobile: XXXXXX2345');
		await expect(page.getByText('Sunita')).toHaveCount(0);
		await checkScreen(page, 'jan-aadhaar-members-en');
		await page.getByRole('button', { name: /^R\*+ P\*+ S\*+/ }).click();
		await page.getByRole('textbox').fill('98765 43210');
		await page.getByRole('button', { name: 'Send OTP' }).click();
		await expect(page.getByText('We sent a 6-digit OTP by SMS to XXXXXX3210.')).toBeVisible();
		const otp = await otpSentTo(page, '9876543210');
		const panel = await openTesterPanel(page);
		await expect(panel).toContainText(`${otp} is the OTP`);
		await page.getByRole('button', { name: 'Tester' }).click();

		await page.getByRole('textbox').fill(otp === '000000' ? '111111' : '000000');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { name: 'Fingerprint of the member' })).toBeVisible();
		await checkScreen(page, 'jan-aadhaar-finger-en');
		await page.getByRole('button', { name: 'Scan fingerprint' }).click();
		await expect(page.locator('.field .error')).toContainText('The OTP is not right. 2 tries left.');
		await checkScreen(page, 'jan-aadhaar-otp-wrong-en');
		await page.getByRole('textbox').fill(otp);
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.getByRole('button', { name: 'Scan fingerprint' }).click();
		await expect(page.getByText('The mobile number has been changed in Jan Aadhaar.')).toBeVisible();
		await checkScreen(page, 'jan-aadhaar-done-en');
		const tester = await openTesterPanel(page);
		await expect(tester.getByRole('figure', { name: 'Printed receipt 1' })).toContainText('XXXXXX3210');
	});

	test('a fingerprint that does not match the member changes nothing (Hindi)', async ({ page }) => {
		await page.goto('/hi/menu/government');
		await page.getByRole('link', { name: 'जन आधार: मोबाइल नंबर बदलें' }).click();
		await page.getByRole('textbox').fill('१०४९८७६५४३');
		await page.getByRole('button', { name: 'दर्ज करें' }).click();
		await page.getByRole('button', { name: /^ग/ }).click();
		await page.getByRole('textbox').fill('9001234567');
		await page.getByRole('button', { name: 'OTP भेजें' }).click();
		const otp = await otpSentTo(page, '9001234567');
		await page.getByRole('textbox').fill(otp);
		await checkScreen(page, 'jan-aadhaar-otp-hi');
		await page.getByRole('button', { name: 'आगे बढ़ें' }).click();
		await page.getByRole('button', { name: 'फिंगरप्रिंट स्कैन करें' }).click();
		await expect(page.getByRole('alert')).toContainText('यह फिंगरप्रिंट सदस्य के आधार से मेल नहीं खाता');
		await checkScreen(page, 'jan-aadhaar-mismatch-hi');
		await page.getByRole('button', { name: 'रोकें, कुछ न बदलें' }).click();
		await expect(page.getByRole('heading', { name: 'आपका जन आधार नंबर क्या है?' })).toBeVisible();
	});
});
