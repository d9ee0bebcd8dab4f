import {
	dropNetwork,
	E2E_DATABASE,
	expectPaidExactlyOnce,
	hubPayments,
	outboxCount,
	OwnHub,
	restoreNetwork,
	setWalletBalance,
	waitForServiceWorker
} from './offline-support';
import { checkScreen, expect, fetchBill, insertNote, loginAsOperator, openTesterPanel, test, toPaymentModes } from './support';

// These specs are about the service worker: it must run (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 90_000 });

test.describe('offline', () => {
	test('the kiosk starts and renders every screen with the network off', async ({ page, context }) => {
		await page.goto('/en/menu/bills');
		await expect(page.getByRole('link', { name: 'Airtel Postpaid' })).toBeVisible();
		await waitForServiceWorker(page);
		// Offline: pages, code and fonts now come from the service worker's cache. (Routing every
		// request would bypass the service worker in Playwright, so only hub calls are aborted.)
		await dropNetwork(context);

		await page.goto('/');
		await expect(page.getByRole('link', { name: 'English' })).toBeVisible();
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.getByTestId('offline-banner')).toContainText('The kiosk is offline just now');
		await checkScreen(page, 'en-offline-main-menu');

		await page.getByRole('link', { name: 'Government services' }).click();
		await expect(page.getByText('Needs the connection').first()).toBeVisible();
		await checkScreen(page, 'en-offline-government');

		await page.goto('/hi/menu/bills');
		await expect(page.getByRole('heading', { name: 'बिल भुगतान' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'एयरटेल पोस्टपेड' })).toBeVisible();
		await expect(page.getByTestId('offline-banner')).toContainText('कियोस्क अभी ऑफ़लाइन है');
		await checkScreen(page, 'hi-offline-bills');

		await page.goto('/en/services/bill-airtel/consumer');
		await expect(page.getByRole('heading', { name: 'Airtel Postpaid' })).toBeVisible();
		await page.getByRole('textbox').first().fill('9829099999');
		await page.getByRole('button', { name: 'Get bill' }).click();
		await expect(page.getByText('has no bill kept for this number').first()).toBeVisible();
		await checkScreen(page, 'en-offline-no-kept-bill');
	});

	test('a bill fetched earlier is paid in cash offline, with its age shown, and reaches the hub once when back', async ({
		page,
		context
	}) => {
		await fetchBill(page, 'Airtel Postpaid', '9829012007');
		await expect(page.getByRole('heading', { name: 'Your bill' })).toBeVisible();
		await waitForServiceWorker(page);
		await page.getByRole('button', { name: 'Home' }).click();

		await dropNetwork(context);
		await fetchBill(page, 'Airtel Postpaid', '9829012007');
		await expect(page.getByTestId('kept-answer-age')).toContainText('The kiosk is offline. This bill was fetched');
		await checkScreen(page, 'en-offline-kept-bill');
		await toPaymentModes(page);
		await expect(page.getByText('only cash can be taken now')).toBeVisible();
		await expect(page.getByText('Not while the kiosk is offline')).toHaveCount(3);
		await checkScreen(page, 'en-offline-payment-modes');
		await page.getByRole('button', { name: /^Cash/ }).click();

		await expect(page.getByText(/Your cash is recorded on this kiosk \(reference Q-K1234567-\d{4}\)/)).toBeVisible();
		const panel = await openTesterPanel(page);
		for (const rupees of [500, 100, 50]) await insertNote(panel, rupees);
		await expect(page.getByRole('heading', { name: 'Payment received — queued' })).toBeVisible();
		await expect(page.getByTestId('queued-reference')).toHaveText(/^Q-K1234567-\d{4}$/);
		await expect(panel.getByRole('figure', { name: 'Printed receipt 1' })).toContainText(
			'This payment goes to e-Mitra automatically when the kiosk is back'
		);
		await checkScreen(page, 'en-offline-queued-receipt');
		expect(hubPayments(E2E_DATABASE, 'airtel', '9829012007').statuses).toEqual([]);
		expect(await outboxCount(page)).toBe(1);

		await restoreNetwork(context);
		await expectPaidExactlyOnce(page, E2E_DATABASE, 'airtel', '9829012007', 65_000);
	});
});

test.describe('the operator’s queued and refused payments', () => {
	// A hub of its own: this test spends the demo operator's wallet, which other specs rely on.
	const hub = new OwnHub('operator-outbox-hub', 4277);
	test.use({ baseURL: hub.url });
	test.beforeAll(() => hub.startFresh());
	test.afterAll(() => hub.stop());

	test('a queued payment is listed until it is sent; a refused one says what to do', async ({ page, context }) => {
		await fetchBill(page, 'Airtel Postpaid', '9829012008');
		await expect(page.getByRole('heading', { name: 'Your bill' })).toBeVisible();
		await waitForServiceWorker(page);
		await toPaymentModes(page);
		await dropNetwork(context);
		await page.getByRole('button', { name: /^Cash/ }).click();
		const panel = await openTesterPanel(page);
		for (const rupees of [500, 500]) await insertNote(panel, rupees);
		await expect(page.getByRole('heading', { name: 'Payment received — queued' })).toBeVisible();
		const reference = (await page.getByTestId('queued-reference').textContent()) ?? '';

		// While the kiosk was offline the operator's wallet was spent down to ₹15 elsewhere.
		const wallet = setWalletBalance(hub.databaseFile, 'SURESHSHARMA1984', 1_500);
		// The operator logs in once the hub answers again, while payments still cannot get through
		// (blocked before the network returns: the replay runner sends the moment it is back).
		await context.route('**/api/v1/payments**', (route) => route.abort('internetdisconnected'));
		await restoreNetwork(context);
		await loginAsOperator(page, { next: '/operator/en/payments' });
		await expect(page.getByRole('heading', { name: 'Waiting to be sent: 1' })).toBeVisible();
		await expect(page.getByRole('cell', { name: reference })).toBeVisible();
		await expect(page.getByRole('cell', { name: '₹1,000' })).toBeVisible();
		await checkScreen(page, 'en-operator-queued-payments');

		await context.unroute('**/api/v1/payments**');
		await page.getByRole('button', { name: 'Send now' }).click();
		await expect(page.getByRole('heading', { name: 'Refused by e-Mitra — your action needed: 1' })).toBeVisible();
		const refused = page.getByRole('article', { name: reference });
		await expect(refused).toContainText('wallet_insufficient');
		await expect(refused).toContainText('Top up the wallet, then choose Try again.');
		await expect(page.getByRole('heading', { name: 'Waiting to be sent: 0' })).toBeVisible();
		await checkScreen(page, 'en-operator-refused-payment');
		expect(hubPayments(hub.databaseFile, 'airtel', '9829012008').statuses).toEqual([]);
		expect(await outboxCount(page)).toBe(1);

		await page.goto('/operator/hi/payments');
		await expect(page.getByRole('heading', { name: 'ई-मित्र द्वारा अस्वीकृत — आपकी कार्रवाई ज़रूरी: 1' })).toBeVisible();
		await checkScreen(page, 'hi-operator-refused-payment');

		// Topped up, the operator tries again: the citizen's ₹1,000 reaches the biller once.
		setWalletBalance(hub.databaseFile, 'SURESHSHARMA1984', wallet);
		await page.goto('/operator/en/payments');
		await page.getByRole('article', { name: reference }).getByRole('button', { name: 'Try again' }).click();
		await expectPaidExactlyOnce(page, hub.databaseFile, 'airtel', '9829012008', 100_000);
	});
});
