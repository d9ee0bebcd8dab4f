import { checkScreen, deviceCard, expect, loginAsOperator, openTesterPanel, test, useDevices, waitForAcceptorReady } from './support';

for (const protocol of ['id003', 'ssp'] as const) {
	test(`notes inserted through the ${protocol.toUpperCase()} simulator are credited by the real driver`, async ({ page }) => {
		await useDevices(page, { noteAcceptor: `simulated-${protocol}` });
		await loginAsOperator(page, { next: '/operator/en/devices' });
		const acceptor = deviceCard(page, 'Cash acceptor');

		await acceptor.getByRole('button', { name: 'Initialise acceptor' }).click();
		await expect(acceptor.getByRole('status')).toContainText('Cash Acceptor Initialized Successfully');
		await expect(acceptor.getByRole('status')).toContainText(`Protocol ${protocol.toUpperCase()}`);
		await expect(acceptor.getByRole('status')).toContainText('₹2,000');

		await acceptor.getByRole('button', { name: 'Test note acceptance' }).click();
		await expect(acceptor.getByRole('status')).toContainText('Insert notes now');
		const panel = await openTesterPanel(page);
		await waitForAcceptorReady(panel);
		await panel.getByRole('button', { name: 'Insert ₹100' }).click();
		const notes = page.getByRole('table', { name: 'Notes credited' });
		await expect(notes.getByRole('row')).toHaveCount(3);
		await waitForAcceptorReady(panel);
		await panel.getByRole('button', { name: 'Insert ₹500' }).click();
		await expect(notes).toContainText('Total credited: ₹600');
		await expect(panel).toContainText('Cash box: 2 notes, ₹600');

		await acceptor.getByRole('button', { name: 'Stop taking notes' }).click();
		await expect(acceptor.getByRole('status')).toContainText('Total credited: ₹600');
		await expect(panel).toContainText('Not accepting');
	});
}

test.describe('at a real acceptor’s pace', () => {
	// Each outcome shows until the acceptor is ready again: half a second a movement, as a real one.
	test.use({ simulatedNoteStepMs: 500 });

	test('note acceptor faults are explained to the operator', async ({ page }) => {
		await loginAsOperator(page, { next: '/operator/en/devices' });
		const acceptor = deviceCard(page, 'Cash acceptor');
		await acceptor.getByRole('button', { name: 'Test note acceptance' }).click();
		const panel = await openTesterPanel(page);
		const status = acceptor.getByRole('status');
		await expect(status).toContainText('Insert notes now');
		await waitForAcceptorReady(panel);

		await panel.getByRole('button', { name: 'Unreadable note' }).click();
		await expect(status).toContainText('The note was handed back');

		await panel.getByRole('button', { name: 'Jam', exact: true }).click();
		await expect(status).toContainText('A note is stuck');
		await panel.getByRole('button', { name: 'Clear jam' }).click();
		await waitForAcceptorReady(panel);

		await panel.getByRole('button', { name: 'Cash box full' }).click();
		await expect(status).toContainText('The cash box is full');
		await panel.getByRole('button', { name: 'Empty cash box' }).click();

		await panel.getByRole('button', { name: 'Fraud attempt' }).click();
		await expect(status).toContainText('attempt to cheat');

		await panel.getByRole('button', { name: 'Stop responding' }).click();
		await expect(status).toContainText('The device does not answer', { timeout: 10_000 });
		await expect(page.getByRole('table', { name: 'Notes credited' })).toContainText('₹0');
	});
});

test('a Hindi receipt prints to the simulated printer and its preview is readable', async ({ page }) => {
	await loginAsOperator(page, { lang: 'hi', next: '/operator/hi/devices' });
	const printer = deviceCard(page, 'रसीद प्रिंटर');
	await printer.getByRole('button', { name: 'परीक्षण रसीद छापें' }).click();
	await expect(printer.getByRole('status')).toContainText('परीक्षण रसीद छप गई।');

	const panel = await openTesterPanel(page);
	const receipt = panel.getByRole('figure', { name: 'Printed receipt 1' });
	await expect(receipt).toContainText('e-Mitra+');
	await expect(receipt).toContainText('Hindi and English on one receipt');
	// Devanagari lines reach the printer as raster images, as no ESC/POS code page has them.
	expect(await receipt.locator('canvas.raster').count()).toBeGreaterThanOrEqual(3);
	await page.evaluate(() => document.fonts.ready);
	await receipt.scrollIntoViewIfNeeded();
	await receipt.screenshot({ path: 'test-results/screens/receipt-test-hi.png' });
	await checkScreen(page, 'hi-operator-devices-tester');
});

test('paper out is known before printing and nothing is half-printed', async ({ page }) => {
	await loginAsOperator(page, { next: '/operator/en/devices' });
	const panel = await openTesterPanel(page);
	await panel.getByRole('button', { name: 'Paper out' }).click();
	const printer = deviceCard(page, 'Receipt printer');

	await printer.getByRole('button', { name: 'Check the paper' }).click();
	await expect(printer.getByRole('status')).toContainText('Paper out');
	await printer.getByRole('button', { name: 'Print a test receipt' }).click();
	await expect(printer.getByRole('status')).toContainText('out of paper. Load a new roll.');
	await expect(panel).toContainText('Nothing printed yet.');

	await panel.getByRole('button', { name: 'Paper loaded' }).click();
	await printer.getByRole('button', { name: 'Print a test receipt' }).click();
	await expect(panel.getByRole('figure', { name: 'Printed receipt 1' })).toBeVisible();
});

test('the A4 test page goes to Chrome printing with an A4 print view', async ({ page }) => {
	await page.addInitScript(() => {
		(window as unknown as { printCalls: number }).printCalls = 0;
		window.print = () => {
			(window as unknown as { printCalls: number }).printCalls++;
		};
	});
	await loginAsOperator(page, { next: '/operator/en/devices' });
	const a4 = deviceCard(page, 'A4 printer');
	await a4.getByRole('button', { name: 'Print a test A4 page' }).click();
	await expect(a4.getByRole('status')).toContainText('default printer');
	expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByText('A4 printer test page', { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Device check' })).toBeHidden();
	await page.screenshot({ path: 'test-results/screens/a4-test-page.png' });
});

test('the card terminal check, and a terminal that does not answer', async ({ page }) => {
	await loginAsOperator(page, { next: '/operator/en/devices' });
	const terminal = deviceCard(page, 'Card terminal');
	await terminal.getByRole('button', { name: 'Check card terminal' }).click();
	await expect(terminal.getByRole('status')).toContainText('answers and is ready');

	const panel = await openTesterPanel(page);
	await panel.getByRole('button', { name: 'Go offline' }).click();
	await terminal.getByRole('button', { name: 'Check card terminal' }).click();
	await expect(terminal.getByRole('status')).toContainText('does not answer', { timeout: 15_000 });
});

test('the diagnostics page in both languages', async ({ page }) => {
	await loginAsOperator(page, { next: '/operator/en/devices' });
	await expect(page.getByRole('heading', { name: 'Device check' })).toBeVisible();
	await checkScreen(page, 'en-operator-devices');
	await page.getByRole('link', { name: 'हिन्दी' }).click();
	await expect(page.getByRole('heading', { name: 'उपकरणों की जांच' })).toBeVisible();
	await checkScreen(page, 'hi-operator-devices');
});
