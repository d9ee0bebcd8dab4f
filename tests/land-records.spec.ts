import { checkScreen, expect, screenshotDocument, test, typeOnKeypad } from './support';

test.describe('land records', () => {
	// Whole services with payment, printing and axe on each screen: longer than one screen's test.
	test.describe.configure({ timeout: 60_000 });

	test('district, tehsil and village from searchable lists, then the khasra: owners, shares, area, charges (English)', async ({
		page
	}) => {
		await page.goto('/en/menu/government');
		await page.getByRole('link', { name: 'View land records' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Which district is the land in?' })).toBeVisible();
		const list = page.getByRole('list', { name: 'Which district is the land in?' });
		await expect(list.getByRole('button')).toHaveCount(41);
		await checkScreen(page, 'land-districts-en');

		const keys = page.getByRole('group', { name: 'Keyboard' });
		for (const letter of 'jai') await keys.getByRole('button', { name: letter, exact: true }).click();
		await expect(page.getByLabel(/Search the list/)).toHaveValue('jai');
		await expect(list.getByRole('button')).toHaveCount(2);
		await list.getByRole('button', { name: /^Jaipur/ }).click();

		await expect(page.getByRole('heading', { level: 1, name: 'Which tehsil is the land in?' })).toBeVisible();
		await page.getByLabel(/Search the list/).fill('सांगा');
		await page.getByRole('button', { name: /^Sanganer/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Which village is the land in?' })).toBeVisible();
		await checkScreen(page, 'land-villages-en');
		await page.getByRole('button', { name: /^Muhana/ }).click();

		await expect(page.getByRole('heading', { level: 1, name: 'What is the khasra number of the land?' })).toBeVisible();
		await typeOnKeypad(page, '999', /Number keypad/);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('.field .error')).toContainText('There is no khasra with this number in the village you chose');
		await checkScreen(page, 'land-khasra-unknown-en');

		await page.getByRole('button', { name: 'Clear' }).click();
		await typeOnKeypad(page, '123/45', /Number keypad/);
		await expect(page.getByRole('textbox')).toHaveValue('123/45');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Land record' })).toBeVisible();
		const record = page.getByRole('article', { name: /Jamabandi/ });
		await expect(record).toContainText('Tehsil Sanganer, District Jaipur');
		await expect(record).toContainText('0.6320 hectares');
		await expect(record).toContainText('217');
		await expect(record).toContainText('Ramkishan Meena');
		await expect(record.getByRole('cell', { name: '1/2' })).toBeVisible();
		await expect(record.getByRole('cell', { name: '1/4' })).toHaveCount(2);
		await expect(record).toContainText('Mortgaged to State Bank of India');
		await checkScreen(page, 'land-record-en');
		await screenshotDocument(page, record, 'land-record-document-en');

		// Back to the khasra keeps the village; another khasra of the same village.
		await page.getByRole('button', { name: 'Look up another khasra' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Which district is the land in?' })).toBeVisible();
	});

	test('in Hindi, a rain-fed khasra with one owner and nothing charged on it', async ({ page }) => {
		await page.goto('/hi/menu/government');
		await page.getByRole('link', { name: 'भूमि रिकॉर्ड देखें' }).click();
		// The search keys speak Hindi on a Hindi screen: ज, य finds जयपुर without its vowel signs.
		const keys = page.getByRole('group', { name: 'कीबोर्ड' });
		for (const letter of 'जय') await keys.getByRole('button', { name: letter, exact: true }).click();
		await expect(page.getByRole('list', { name: 'भूमि किस ज़िले में है?' }).getByRole('button')).toHaveCount(1);
		await checkScreen(page, 'land-districts-search-hi');
		await page.getByRole('button', { name: /^जयपुर/ }).click();
		await page.getByRole('button', { name: /^सांगानेर/ }).click();
		await page.getByRole('button', { name: /^मुहाना/ }).click();
		await page.getByRole('textbox').fill('१२४');
		await checkScreen(page, 'land-khasra-hi');
		await page.getByRole('button', { name: 'आगे बढ़ें' }).click();
		const record = page.getByRole('article', { name: 'जमाबंदी की नकल' });
		await expect(record).toContainText('गोपाल लाल जाट');
		await expect(record).toContainText('असिंचित (वर्षा आधारित)');
		await expect(record).toContainText('कोई दर्ज नहीं');
		await checkScreen(page, 'land-record-hi');
		await screenshotDocument(page, record, 'land-record-document-hi');

		// A khasra that is not digits with slashes is refused at the kiosk, in the field's words.
		await page.getByRole('link', { name: 'वापस' }).click();
		await page.getByRole('textbox').fill('12//4');
		await page.getByRole('button', { name: 'आगे बढ़ें' }).click();
		await expect(page.locator('.field .error')).toContainText('खसरा नंबर अंकों में');
	});
});
