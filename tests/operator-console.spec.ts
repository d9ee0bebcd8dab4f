import { checkScreen, DEMO_PIN, expect, loginAsOperator, openProgrammeOffice, test, type Page } from './support';

test.describe('the operator console on K1234567', () => {
	test('the operator logs in and sees the wallet, today’s transactions and the cash box', async ({ page }) => {
		await page.goto('/operator/en/devices');
		// Every console page needs the login, the device check too.
		await expect(page).toHaveURL(/\/operator\/en\/login\?next=%2Foperator%2Fen%2Fdevices$/);
		await checkScreen(page, 'en-operator-login');

		await loginAsOperator(page);
		await expect(page.getByRole('heading', { name: 'This machine today' })).toBeVisible();
		await expect(page.getByText('Suresh Kumar Sharma (SURESHSHARMA1984) · kiosk K1234567')).toBeVisible();
		await expect(page.getByRole('region', { name: 'e-Mitra wallet' })).toBeVisible();
		await expect(page.getByTestId('wallet-balance')).toHaveText(/^₹[\d,]+(\.\d\d)?$/);
		// Other tests pay on K1234567 too, so which movements are latest varies; the newest one always
		// leaves the balance the console shows.
		const balance = (await page.getByTestId('wallet-balance').textContent()) ?? '';
		const newest = page.getByRole('table', { name: 'Latest wallet movements' }).getByRole('row').nth(1);
		await expect(newest.getByRole('cell').last()).toHaveText(balance);
		await expect(page.getByRole('region', { name: 'Today’s transactions' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Queued and failed payments' })).toHaveAttribute('href', '/operator/en/payments');
		await expect(page.getByRole('link', { name: 'Chrome setup check' })).toHaveAttribute('href', '/operator/en/chrome');
		await checkScreen(page, 'en-operator-console');

		const cashBox = page.getByRole('region', { name: 'Cash in the cash box' });
		await cashBox.getByRole('button', { name: 'Cash box emptied' }).click();
		await expect(cashBox.getByText(/Record that you took all the notes out of the cash box/)).toBeVisible();
		await cashBox.getByRole('button', { name: 'Yes, I emptied it' }).click();
		await expect(page.getByTestId('cash-box-last-emptied')).toContainText('by SURESHSHARMA1984');
		await expect(page.getByTestId('cash-box-amount')).toHaveText(/^₹0(\.00)?$/);

		await page.getByRole('link', { name: 'Device check' }).click();
		await expect(page.getByRole('heading', { name: 'Device check' })).toBeVisible();
	});

	test('in Hindi', async ({ page }) => {
		await loginAsOperator(page, { lang: 'hi' });
		await expect(page.getByRole('heading', { name: 'आज यह मशीन' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'ई-मित्र वॉलेट' })).toBeVisible();
		await checkScreen(page, 'hi-operator-console');
	});

	test('an operator of another machine is not authorized here, in both languages', async ({ page }) => {
		test.slow();
		await page.goto('/operator/en/login');
		await page.getByLabel('SSO ID').fill('MEENAKUMARI1990');
		await page.getByLabel('Password').fill('Emitra@2026');
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page.getByRole('alert')).toContainText('You are not authorized to access this machine');
		await checkScreen(page, 'en-operator-not-authorized');

		await page.goto('/operator/hi/login');
		await page.getByLabel('एसएसओ आईडी').fill('meenakumari1990');
		await page.getByLabel('पासवर्ड').fill('Emitra@2026');
		await page.getByRole('button', { name: 'लॉग इन करें' }).click();
		await expect(page.getByRole('alert')).toContainText('आप इस मशीन को एक्सेस करने के लिए अधिकृत नहीं हैं');
		await checkScreen(page, 'hi-operator-not-authorized');

		await page.getByLabel('पासवर्ड').fill('wrong-password');
		await page.getByRole('button', { name: 'लॉग इन करें' }).click();
		await expect(page.getByRole('alert')).toContainText('एसएसओ आईडी या पासवर्ड गलत है');
	});

	test('leaving the console locks it; the key combination or five taps on the logo and the PIN open it again', async ({ page }) => {
		test.slow();
		await loginAsOperator(page);
		await page.getByRole('button', { name: 'Back to the kiosk' }).click();
		await expect(page.getByRole('link', { name: 'Bill payment' })).toBeVisible();

		await page.keyboard.press('Control+Alt+o');
		await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
		await page.getByLabel('PIN', { exact: true }).fill('1111');
		await page.getByRole('button', { name: 'Open the console' }).click();
		await expect(page.getByRole('alert')).toContainText('The PIN is wrong');
		await checkScreen(page, 'en-operator-pin');
		await page.getByLabel('PIN', { exact: true }).fill(DEMO_PIN);
		await page.getByRole('button', { name: 'Open the console' }).click();
		await expect(page.getByRole('heading', { name: 'This machine today' })).toBeVisible();

		await page.getByRole('button', { name: 'Back to the kiosk' }).click();
		await page.getByRole('link', { name: 'Bill payment' }).click();
		const logo = page.getByRole('link', { name: 'e-Mitra+' });
		for (let tap = 0; tap < 5; tap++) await logo.click();
		await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
		await page.getByLabel('PIN', { exact: true }).fill(DEMO_PIN);
		await page.getByRole('button', { name: 'Open the console' }).click();
		await expect(page.getByRole('heading', { name: 'This machine today' })).toBeVisible();

		await page.getByRole('button', { name: 'Log out' }).click();
		await expect(page.getByRole('heading', { name: 'Operator login' })).toBeVisible();
		await page.goto('/operator/en');
		await expect(page).toHaveURL(/\/operator\/en\/login/);
	});
});

async function logIn(page: Page, ssoId: string) {
	await page.goto('/operator/en/login');
	await page.getByLabel('SSO ID').fill(ssoId);
	await page.getByLabel('Password').fill('Emitra@2026');
	await page.getByRole('button', { name: 'Log in' }).click();
}

test.describe('changing the operator of K6104735', () => {
	test.use({ enrolledKiosk: 'K6104735' });

	test('the new mapping replaces the old one, and the change is in the audit log', async ({ page, browser }) => {
		test.slow();
		const office = await openProgrammeOffice(browser);
		await office.goto('/admin/en/machines');
		const row = office.getByRole('table', { name: 'All machines' }).getByRole('row', { name: /^K6104735/ });
		await row.getByLabel('Operator of K6104735').selectOption('PRIYAJOSHI1995');
		await row.getByRole('button', { name: 'Map operator K6104735' }).click();
		await expect(
			office
				.getByRole('table', { name: 'All machines' })
				.getByRole('row', { name: /^K6104735/ })
				.getByLabel('Operator of K6104735')
		).toHaveValue('PRIYAJOSHI1995');

		// Her first login on this machine: she chooses the PIN that opens the console again later.
		await logIn(page, 'PRIYAJOSHI1995');
		await expect(page.getByRole('heading', { name: 'Choose your PIN for this machine' })).toBeVisible();
		await page.getByLabel('New PIN (4 to 6 digits)').fill('1357');
		await page.getByLabel('Type the PIN again').fill('1375');
		await page.getByRole('button', { name: 'Save PIN' }).click();
		await expect(page.getByRole('alert')).toContainText('The two PINs are not the same');
		await checkScreen(page, 'en-operator-choose-pin');
		await page.getByLabel('New PIN (4 to 6 digits)').fill('1357');
		await page.getByLabel('Type the PIN again').fill('1357');
		await page.getByRole('button', { name: 'Save PIN' }).click();
		await expect(page.getByRole('heading', { name: 'This machine today' })).toBeVisible();
		await expect(page.getByText('Kiosk K6104735: Atal Seva Kendra, Gram Panchayat Kaithoon, Kota')).toBeVisible();
		await expect(page.getByText('No transactions on this machine today yet.')).toBeVisible();

		// No payment is in progress on this machine, so the app restarts at the language screen.
		await page.getByRole('button', { name: 'Restart the kiosk app' }).click();
		await expect(page.getByRole('link', { name: 'English' })).toBeVisible();
		await expect(page).toHaveURL(/\/$/);

		await office.goto('/admin/en/machines');
		const mapped = office.getByRole('table', { name: 'All machines' }).getByRole('row', { name: /^K6104735/ });
		await mapped.getByLabel('Operator of K6104735').selectOption('VIKRAMMEENA1988');
		await mapped.getByRole('button', { name: 'Change operator K6104735' }).click();
		const change = office
			.getByRole('table', { name: /Audit log/ })
			.getByRole('row')
			.filter({ hasText: 'Operator mapped' })
			.filter({ hasText: 'K6104735' })
			.filter({ hasText: '"previous":"PRIYAJOSHI1995"' });
		await expect(change).toContainText('"operator":"VIKRAMMEENA1988"');
		await expect(change).toContainText('PODIRECTOR2026');

		// Priya's session ended with her mapping; she is no longer authorized here.
		await page.goto('/operator/en');
		await expect(page).toHaveURL(/\/operator\/en\/login/);
		await logIn(page, 'PRIYAJOSHI1995');
		await expect(page.getByRole('alert')).toContainText('You are not authorized to access this machine');
		await logIn(page, 'VIKRAMMEENA1988');
		await expect(page.getByRole('heading', { name: 'Choose your PIN for this machine' })).toBeVisible();
		await office.context().close();
	});
});
