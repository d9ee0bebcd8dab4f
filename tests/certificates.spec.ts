import type { Page } from '@playwright/test';
import { checkScreen, expect, insertNote, openTesterPanel, screenshotDocument, test } from './support';

/** The words of each language on the certificate screens. */
const words = {
	en: {
		government: 'Government services',
		service: 'View / print certificate',
		typeQuestion: 'Which certificate do you want?',
		submit: 'Submit',
		certificate: 'Your certificate',
		print: 'Print certificate',
		printQuestion: 'Do you want a print of the certificate?',
		correct: 'Correct',
		cash: /^Cash/,
		cameOut: 'Yes, I have it',
		paid: 'Payment successful'
	},
	hi: {
		government: 'सरकारी सेवाएं',
		service: 'प्रमाणपत्र देखें/छापें',
		typeQuestion: 'आपको कौन सा प्रमाणपत्र चाहिए?',
		submit: 'दर्ज करें',
		certificate: 'आपका प्रमाणपत्र',
		print: 'प्रमाणपत्र प्रिंट करें',
		printQuestion: 'क्या आप प्रमाणपत्र का प्रिन्ट लेना चाहते हैं?',
		correct: 'सही',
		cash: /^कैश \(नकद\)/,
		cameOut: 'हाँ, मुझे मिल गया',
		paid: 'भुगतान सफल रहा'
	}
} as const;

async function openCertificate(page: Page, lang: 'en' | 'hi', type: RegExp, transactionId: string) {
	const w = words[lang];
	await page.goto(`/${lang}`);
	await page.getByRole('link', { name: w.government }).click();
	await page.getByRole('link', { name: w.service }).click();
	await expect(page.getByRole('heading', { level: 1, name: w.typeQuestion })).toBeVisible();
	await page.getByRole('button', { name: type }).click();
	await page.getByRole('textbox').fill(transactionId);
	await page.getByRole('button', { name: w.submit }).click();
}

/** From the certificate on screen to the note acceptor: print, confirm, cash (the only mode). */
async function payForPrint(page: Page, lang: 'en' | 'hi') {
	const w = words[lang];
	await page.getByRole('button', { name: w.print }).click();
	await expect(page.getByRole('heading', { name: w.printQuestion })).toBeVisible();
	await page.getByRole('button', { name: w.correct }).click();
	await expect(page.getByRole('button', { name: w.cash })).toBeVisible();
	// Printing fees are cash only: no other mode is offered, not even greyed out.
	await expect(page.locator('.modes li')).toHaveCount(1);
	await page.getByRole('button', { name: w.cash }).click();
}

test.describe('certificates', () => {
	// Whole services with payment, printing and axe on each screen: longer than one screen's test.
	test.describe.configure({ timeout: 60_000 });

	test('a birth certificate shown as issued, printed for ₹10 in cash, with a receipt (English)', async ({ page }) => {
		await page.goto('/en');
		await page.getByRole('link', { name: 'Government services' }).click();
		for (const service of [
			'View / print certificate',
			'e-Mitra transaction status',
			'Secondary exam details',
			'View land records',
			'Jan Aadhaar: change mobile number',
			'Print a paid document again'
		]) {
			await expect(page.getByRole('link', { name: service })).toBeVisible();
		}
		await page.getByRole('link', { name: 'View / print certificate' }).click();
		await expect(page.getByRole('button', { name: /Certificate/ })).toHaveCount(9);
		await checkScreen(page, 'certificate-types-en');

		await page.getByRole('button', { name: /^Birth Certificate/ }).click();
		await checkScreen(page, 'certificate-id-en');
		await page.getByRole('textbox').fill('2611 2300 05');
		await page.getByRole('button', { name: 'Submit' }).click();
		await expect(page.getByRole('heading', { name: 'Your certificate' })).toBeVisible();
		const document = page.getByRole('article', { name: 'Birth Certificate' });
		await expect(document).toContainText('B-2026-08-115-004217');
		await expect(document).toContainText('Aarav Rathore');
		await expect(document).toContainText('Registrar (Births and Deaths)');
		await expect(document.getByRole('img', { name: /QR code/ })).toBeVisible();
		await checkScreen(page, 'certificate-en');
		await screenshotDocument(page, document, 'certificate-document-en');

		await page.getByRole('button', { name: 'Print certificate' }).click();
		await checkScreen(page, 'certificate-print-question-en');
		await page.getByRole('button', { name: 'Correct' }).click();
		await expect(page.locator('.modes li')).toHaveCount(1);
		await checkScreen(page, 'certificate-cash-only-en');
		await page.getByRole('button', { name: /^Cash/ }).click();
		const panel = await openTesterPanel(page);
		await insertNote(panel, 10);
		await expect(page.getByRole('heading', { name: 'Has your document come out of the printer?' })).toBeVisible();
		await expect(panel.getByTestId('a4-pages')).toHaveText('Pages printed: 1');
		await checkScreen(page, 'certificate-printed-en');
		await page.getByRole('button', { name: 'Yes, I have it' }).click();
		await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
		await expect(panel.getByRole('figure', { name: 'Printed receipt 1' })).toContainText('e-Mitra document printing');
		await expect(panel.getByRole('figure', { name: 'Printed receipt 1' })).toContainText('print it again free');
	});

	test('the QR code’s address says the certificate is genuine, with the holder masked', async ({ page }) => {
		const answer = await page.request.get('/api/v1/documents/certificate/RJ%2FDOM%2FSNG%2F2026%2F004512/verify');
		expect(answer.status()).toBe(200);
		expect(await answer.json()).toMatchObject({
			genuine: true,
			number: 'RJ/DOM/SNG/2026/004512',
			holderNameMasked: { en: 'R***** K**** M****' }
		});
		expect((await page.request.get('/api/v1/documents/certificate/RJ%2FXX%2F1/verify')).status()).toBe(404);
	});

	test('a death certificate printed in Hindi', async ({ page }) => {
		await openCertificate(page, 'hi', /^मृत्यु प्रमाण पत्र/, '२६११२३०००६');
		await expect(page.getByRole('heading', { name: 'आपका प्रमाणपत्र' })).toBeVisible();
		await expect(page.getByRole('article')).toContainText('घीसा राम सैनी');
		await checkScreen(page, 'certificate-hi');
		await screenshotDocument(page, page.getByRole('article'), 'certificate-document-hi');
		await payForPrint(page, 'hi');
		const panel = await openTesterPanel(page);
		await insertNote(panel, 10);
		await page.getByRole('button', { name: words.hi.cameOut }).click();
		await expect(page.getByRole('heading', { name: words.hi.paid })).toBeVisible();
	});

	for (const lang of ['en', 'hi'] as const) {
		test(`another type's transaction ID, one not issued, and an unknown ID each get their own message (${lang})`, async ({ page }) => {
			const messages = {
				en: {
					otherType: 'This transaction ID is for a different certificate',
					notIssued: 'This certificate has not been issued yet',
					notFound: 'There is no application with this transaction ID'
				},
				hi: {
					otherType: 'यह ट्रांजेक्शन आईडी किसी दूसरे प्रमाणपत्र की है',
					notIssued: 'यह प्रमाणपत्र अभी जारी नहीं हुआ है',
					notFound: 'इस ट्रांजेक्शन आईडी का कोई आवेदन नहीं मिला'
				}
			}[lang];
			await openCertificate(page, lang, lang === 'en' ? /^Birth Certificate/ : /^जन्म प्रमाण पत्र/, '2611230004');
			await expect(page.locator('.field .error')).toContainText(messages.otherType);
			await checkScreen(page, `certificate-other-type-${lang}`);
			await openCertificate(page, lang, lang === 'en' ? /^Caste Certificate/ : /^जाति प्रमाण पत्र/, '2611230010');
			await expect(page.locator('.field .error')).toContainText(messages.notIssued);
			await page.getByRole('textbox').fill('2611239999');
			await page.getByRole('button', { name: words[lang].submit }).click();
			await expect(page.locator('.field .error')).toContainText(messages.notFound);
			await expect(page.getByRole('textbox')).toHaveValue('2611239999');
		});
	}

	test('the printer is off after the ₹10 is paid: printed again free from the same screen', async ({ page }) => {
		await openCertificate(page, 'en', /^Marriage Registration Certificate/, '2611230007');
		await payForPrint(page, 'en');
		const panel = await openTesterPanel(page);
		await panel.getByRole('button', { name: 'Switch A4 printer off' }).click();
		await insertNote(panel, 10);
		await expect(page.getByText('The A4 printer is switched off, so nothing was printed.')).toBeVisible();
		await expect(page.getByText('You have already paid. Printing again is free.')).toBeVisible();
		await checkScreen(page, 'certificate-print-failed-en');
		await panel.getByRole('button', { name: 'Switch A4 printer on' }).click();
		await page.getByRole('button', { name: 'Print again (free)' }).click();
		await page.getByRole('button', { name: 'No, it did not come out' }).click();
		await expect(page.getByText('Your document did not come out of the printer.')).toBeVisible();
		await page.getByRole('button', { name: 'Print again (free)' }).click();
		await page.getByRole('button', { name: 'Yes, I have it' }).click();
		await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
		await expect(panel.getByTestId('a4-pages')).toHaveText('Pages printed: 2');
		// Paid once: one ₹10 note in the cash box, however many tries the print took.
		await expect(panel).toContainText('Cash box: 1 notes, ₹10');
	});

	test('no paper after paying: the citizen leaves with the receipt and reprints later with its reference (Hindi)', async ({ page }) => {
		await openCertificate(page, 'hi', /^पुलिस सत्यापन प्रमाण पत्र/, '2611230009');
		await payForPrint(page, 'hi');
		const panel = await openTesterPanel(page);
		await panel.getByRole('button', { name: 'Empty the A4 tray' }).click();
		await insertNote(panel, 10);
		await expect(page.getByText('A4 प्रिंटर में कागज़ नहीं है, इसलिए कुछ नहीं छपा।')).toBeVisible();
		await page.getByRole('button', { name: 'रसीद लें और बाद में प्रिंट करें' }).click();
		await expect(page.getByRole('heading', { name: words.hi.paid })).toBeVisible();
		const reference = (await page.locator('.summary .id dd').textContent())?.trim() ?? '';
		expect(reference).toMatch(/^\d{12}$/);
		await panel.getByRole('button', { name: 'Fill the A4 tray' }).click();

		await page.goto('/hi/menu/government');
		await page.getByRole('link', { name: 'भुगतान हो चुके दस्तावेज़ का दोबारा प्रिंट' }).click();
		await page.getByRole('textbox').fill(reference);
		await checkScreen(page, 'reprint-reference-hi');
		await page.getByRole('button', { name: 'दर्ज करें' }).click();
		await page.getByRole('button', { name: words.hi.cameOut }).click();
		await expect(page.getByText('धन्यवाद। अपना दस्तावेज़ सुरक्षित रखें।')).toBeVisible();

		await page.goto('/hi/services/reprint');
		await page.getByRole('textbox').fill(reference);
		await page.getByRole('button', { name: 'दर्ज करें' }).click();
		await expect(page.locator('.field .error')).toContainText('यह दस्तावेज़ पहले ही छप चुका है');
	});
});
