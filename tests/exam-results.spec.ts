import { checkScreen, expect, insertNote, kioskApiHeaders, openTesterPanel, screenshotDocument, test } from './support';

test.describe('secondary exam results', () => {
	// Whole services with payment, printing and axe on each screen: longer than one screen's test.
	test.describe.configure({ timeout: 60_000 });

	test('year from the list and roll number: the BSER Ajmer 10th record (English)', async ({ page }) => {
		await page.goto('/en/menu/government');
		await page.getByRole('link', { name: 'Secondary exam details' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'In which year did you take the exam?' })).toBeVisible();
		await checkScreen(page, 'exam-years-en');
		await page.getByRole('button', { name: '2024', exact: true }).click();
		await page.getByRole('textbox').fill('1234567');
		await page.getByRole('button', { name: 'Submit' }).click();
		await expect(page.locator('.field .error')).toContainText('There is no result for this roll number in the year you chose');

		await page.getByRole('link', { name: 'Back', exact: true }).click();
		await page.getByRole('button', { name: '2025', exact: true }).click();
		await expect(page.getByRole('textbox')).toHaveValue('1234567');
		await checkScreen(page, 'exam-roll-en');
		await page.getByRole('button', { name: 'Submit' }).click();
		const record = page.getByRole('article', { name: 'Board of Secondary Education, Rajasthan, Ajmer' });
		for (const text of [
			'2025',
			'Secondary Examination (Class 10)',
			'1234567',
			'Priya Sharma',
			'Female',
			'Rajendra Prasad Sharma',
			'Sunita Devi Sharma',
			'15 July 2009',
			'28 May 2025',
			'Passed — First Division'
		]) {
			await expect(record).toContainText(text);
		}
		await checkScreen(page, 'exam-record-en');
		await screenshotDocument(page, record, 'exam-record-document-en');
		await page.getByRole('button', { name: 'Finish' }).click();
		await expect(page).toHaveURL('/');
	});

	test('a printed copy, paid ₹10 in cash like a certificate (Hindi)', async ({ page }) => {
		await page.goto('/hi/menu/government');
		await page.getByRole('link', { name: 'माध्यमिक परीक्षा का विवरण' }).click();
		await page.getByRole('button', { name: '2023', exact: true }).click();
		await page.getByRole('textbox').fill('३४५६७८९');
		await page.getByRole('button', { name: 'दर्ज करें' }).click();
		const record = page.getByRole('article', { name: 'माध्यमिक शिक्षा बोर्ड, राजस्थान, अजमेर' });
		await expect(record).toContainText('इमरान खान');
		await expect(record).toContainText('पूरक');
		await checkScreen(page, 'exam-record-hi');
		await page.getByRole('button', { name: 'प्रति प्रिंट करें' }).click();
		await expect(page.getByRole('heading', { name: 'क्या आप इस विवरण की प्रिंट प्रति लेना चाहते हैं?' })).toBeVisible();
		await checkScreen(page, 'exam-print-question-hi');
		await page.getByRole('button', { name: 'सही' }).click();
		await page.getByRole('button', { name: /^कैश \(नकद\)/ }).click();
		const panel = await openTesterPanel(page);
		await insertNote(panel, 10);
		await page.getByRole('button', { name: 'हाँ, मुझे मिल गया' }).click();
		await expect(page.getByRole('heading', { name: 'भुगतान सफल रहा' })).toBeVisible();
		await expect(panel.getByRole('figure', { name: 'Printed receipt 1' })).toContainText(/\d{12}/);
	});

	// A kiosk of its own, so the limit it reaches holds up no other test.
	test.describe('on K4521096', () => {
		test.use({ enrolledKiosk: 'K4521096' });

		test('a kiosk past its lookups for the minute is told to wait, in the citizen’s words', async ({ page }) => {
			let status = 0;
			const headers = await kioskApiHeaders(page.request, 'K4521096');
			for (let count = 0; count < 70 && status !== 429; count++) {
				const response = await page.request.post('/api/v1/lookups/exam-result', {
					headers,
					data: { examYear: '2025', rollNumber: '1234567' }
				});
				status = response.status();
			}
			expect(status).toBe(429);
			await page.goto('/en/services/exam-results');
			await page.getByRole('button', { name: '2025', exact: true }).click();
			await page.getByRole('textbox').fill('1234567');
			await page.getByRole('button', { name: 'Submit' }).click();
			await expect(page.getByRole('alert')).toContainText('Too many searches from this kiosk. Please wait a minute and try again.');
			await checkScreen(page, 'exam-rate-limited-en');
		});
	});
});
