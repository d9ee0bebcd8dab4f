import Database from 'better-sqlite3';
import { dropNetwork, expectPaidExactlyOnce, hubPayments, OwnHub, restoreNetwork, waitForServiceWorker } from './offline-support';
import { checkScreen, expect, fetchBill, insertNote, openTesterPanel, test, toPaymentModes } from './support';

/**
 * The programme office moves the fleet to a newer kiosk version than this build (2.4.0). The hub
 * runs as this spec's own process, so the setting changes only here.
 */
const hub = new OwnHub('updates-hub', 4276);
test.use({ baseURL: hub.url, serviceWorkers: 'allow' });
test.describe.configure({ timeout: 120_000 });
test.beforeAll(() => hub.startFresh());
test.afterAll(() => hub.stop());

function setCurrentKioskVersion(version: string) {
	const db = new Database(hub.databaseFile);
	try {
		db.prepare(
			`INSERT INTO hub_settings (key, value, updated_at) VALUES ('current_kiosk_version', ?, ?)
			 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
		).run(version, new Date().toISOString());
	} finally {
		db.close();
	}
}

test('an outdated kiosk still sends its queued payments, then shows "updating" and starts no transaction', async ({ page, context }) => {
	// Paid offline while the kiosk was current…
	await fetchBill(page, 'Airtel Postpaid', '9829012003');
	await waitForServiceWorker(page);
	await toPaymentModes(page);
	await dropNetwork(context);
	await page.getByRole('button', { name: /^Cash/ }).click();
	const panel = await openTesterPanel(page);
	for (const rupees of [200, 100]) await insertNote(panel, rupees);
	await expect(page.getByRole('heading', { name: 'Payment received — queued' })).toBeVisible();

	// …and sent after the fleet moved on: the citizen already paid, so the hub takes it.
	setCurrentKioskVersion('9.9.9');
	await restoreNetwork(context);
	await expectPaidExactlyOnce(page, hub.databaseFile, 'airtel', '9829012003', 30_000);

	await page.getByRole('button', { name: 'Finish' }).click();
	await fetchBill(page, 'Airtel Postpaid', '9829012004');
	await toPaymentModes(page);
	await page.getByRole('button', { name: /^Cash/ }).click();
	await expect(page.getByRole('heading', { name: 'अपडेट हो रहा है Updating' })).toBeVisible();
	await expect(page.getByText('This kiosk is getting the latest e-Mitra+ software.')).toBeVisible();
	await checkScreen(page, 'updating');
	expect(hubPayments(hub.databaseFile, 'airtel', '9829012004').statuses).toEqual([]);

	// A restart does not bring the old version back into service.
	await page.goto('/en');
	await expect(page.getByRole('heading', { name: 'अपडेट हो रहा है Updating' })).toBeVisible();
});
