import type { Page } from '@playwright/test';
import { checkScreen, expect, test, typeOnKeypad, useIdleTimings } from './support';

/** The words each language uses on the screens under test. */
const words = {
	hi: {
		language: 'हिन्दी',
		government: 'सरकारी सेवाएं',
		bills: 'बिल भुगतान',
		video: 'वीडियो कॉन्फ्रेंसिंग',
		service: 'ई-मित्र ट्रांजेक्शन की स्थिति',
		question: 'आपकी ट्रांजेक्शन आईडी क्या है?',
		field: 'ट्रांजेक्शन आईडी',
		keypad: /अंक कीपैड/,
		submit: 'दर्ज करें',
		resultTitle: 'आपके ट्रांजेक्शन की स्थिति',
		birth: 'जन्म प्रमाण पत्र',
		received: 'आवेदन प्राप्त हुआ',
		next: 'आगे क्या होगा',
		required: 'अपनी ट्रांजेक्शन आईडी दर्ज करें',
		format: 'ट्रांजेक्शन आईडी 8 से 12 अंकों की होती है',
		notFound: 'इस आईडी का कोई ई-मित्र ट्रांजेक्शन नहीं मिला',
		unreachable: 'कियोस्क अभी ई-मित्र सर्वर से नहीं जुड़ पा रहा है',
		home: 'होम',
		back: 'वापस',
		other: 'English',
		moreTime: 'क्या आपको और समय चाहिए?',
		yesMore: 'हाँ, मुझे और समय चाहिए',
		empty: 'इस कियोस्क पर अभी इस प्रकार की कोई सेवा उपलब्ध नहीं है'
	},
	en: {
		language: 'English',
		government: 'Government services',
		bills: 'Bill payment',
		video: 'Video conferencing',
		service: 'e-Mitra transaction status',
		question: 'What is your transaction ID?',
		field: 'Transaction ID',
		keypad: /Number keypad/,
		submit: 'Submit',
		resultTitle: 'Status of your transaction',
		birth: 'Birth Certificate',
		received: 'Application received',
		next: 'What happens next',
		required: 'Enter your transaction ID',
		format: 'The transaction ID must be 8 to 12 digits',
		notFound: 'There is no e-Mitra transaction with this ID',
		unreachable: 'The kiosk cannot reach the e-Mitra server',
		home: 'Home',
		back: 'Back',
		other: 'हिन्दी',
		moreTime: 'Do you need more time?',
		yesMore: 'Yes, I need more time',
		empty: 'No services of this kind are available on this kiosk yet'
	}
} as const;

type Lang = keyof typeof words;

async function openStatusForm(page: Page, lang: Lang) {
	await page.goto('/');
	await page.getByRole('link', { name: words[lang].language }).click();
	await page.getByRole('link', { name: words[lang].government }).click();
	await page.getByRole('link', { name: words[lang].service }).click();
	await expect(page.getByRole('heading', { level: 1, name: words[lang].question })).toBeVisible();
}

for (const lang of ['hi', 'en'] as const) {
	const w = words[lang];

	test.describe(`transaction status in ${lang}`, () => {
		test('a citizen finds the status of their application', async ({ page }) => {
			await page.goto('/');
			await expect(page.getByRole('link', { name: 'हिन्दी' })).toBeVisible();
			await expect(page.getByRole('link', { name: 'English' })).toBeVisible();
			await checkScreen(page, 'language');

			await page.getByRole('link', { name: w.language }).click();
			await expect(page).toHaveURL(`/${lang}`);
			for (const tile of [w.government, w.bills, w.video]) {
				await expect(page.getByRole('link', { name: tile })).toBeVisible();
			}
			await checkScreen(page, `${lang}-main-menu`);

			await page.getByRole('link', { name: w.government }).click();
			await expect(page.getByRole('heading', { level: 1, name: w.government })).toBeVisible();
			await checkScreen(page, `${lang}-government-menu`);

			await page.getByRole('link', { name: w.service }).click();
			await expect(page).toHaveURL(`/${lang}/services/transaction-status/transaction-id`);
			await checkScreen(page, `${lang}-transaction-id`);

			await typeOnKeypad(page, '2611220001', w.keypad);
			await expect(page.getByLabel(w.field)).toHaveValue('2611220001');
			await page.getByRole('button', { name: w.submit }).click();

			await expect(page).toHaveURL(`/${lang}/services/transaction-status/status`);
			await expect(page.getByRole('heading', { level: 1, name: w.resultTitle })).toBeVisible();
			await expect(page.getByText(w.birth)).toBeVisible();
			await expect(page.getByText('R***** K**** M****')).toBeVisible();
			await expect(page.getByText(w.received)).toBeVisible();
			await expect(page.getByRole('heading', { name: w.next })).toBeVisible();
			await expect(page.getByText('Ramesh')).toHaveCount(0);
			await checkScreen(page, `${lang}-status`);
		});
	});
}

// The form's messages in both languages are component tests (FormStep.spec.ts); here the real
// lookup, the screens' accessibility, and Devanagari digits reaching the hub.
test('empty, malformed and unknown IDs get a message at the field and keep the input; Devanagari digits are understood', async ({
	page
}) => {
	const w = words.hi;
	await openStatusForm(page, 'hi');
	const field = page.getByLabel(w.field);

	await page.getByRole('button', { name: w.submit }).click();
	await expect(page.getByRole('alert')).toContainText(w.required);
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await checkScreen(page, 'hi-error-empty');

	await field.fill('12AB');
	await page.getByRole('button', { name: w.submit }).click();
	await expect(page.getByRole('alert')).toContainText(w.format);
	await expect(field).toHaveValue('12AB');

	await field.fill('9999999999');
	await page.getByRole('button', { name: w.submit }).click();
	await expect(page.getByRole('alert')).toContainText(w.notFound);
	await expect(field).toHaveValue('9999999999');
	await expect(page).toHaveURL(/\/transaction-id$/);
	await checkScreen(page, 'hi-error-not-found');

	await field.fill('२६११ २२० ००७');
	await page.getByRole('button', { name: w.submit }).click();
	await expect(page.getByText('अस्वीकृत', { exact: true })).toBeVisible();
});

test('switching language keeps the step, what was typed and the result', async ({ page }) => {
	await openStatusForm(page, 'en');
	await typeOnKeypad(page, '26112200', words.en.keypad);
	await page.getByRole('link', { name: 'Change the language to Hindi' }).click();
	await expect(page).toHaveURL('/hi/services/transaction-status/transaction-id');
	await expect(page.getByRole('heading', { level: 1, name: words.hi.question })).toBeVisible();
	await expect(page.getByLabel(words.hi.field)).toHaveValue('26112200');

	await typeOnKeypad(page, '04', words.hi.keypad);
	await page.getByRole('button', { name: words.hi.submit }).click();
	await expect(page.getByText('स्वीकृत', { exact: true })).toBeVisible();
	await page.getByRole('link', { name: 'भाषा बदलकर अंग्रेज़ी करें' }).click();
	await expect(page).toHaveURL('/en/services/transaction-status/status');
	await expect(page.getByText('Approved', { exact: true })).toBeVisible();
});

test('reload and browser Back work because the URL names the step', async ({ page }) => {
	await openStatusForm(page, 'en');
	await page.getByLabel(words.en.field).fill('2611220003');
	await page.getByRole('button', { name: words.en.submit }).click();
	await expect(page.getByText('Sent back for correction')).toBeVisible();

	await page.reload();
	await expect(page.getByText('Sent back for correction')).toBeVisible();

	await page.goBack();
	await expect(page).toHaveURL(/\/transaction-id$/);
	await expect(page.getByLabel(words.en.field)).toHaveValue('2611220003');

	await page.getByRole('link', { name: words.en.back }).click();
	await expect(page).toHaveURL('/en/menu/government');
	await page.getByRole('link', { name: words.en.back }).click();
	await expect(page).toHaveURL('/en');
	await page.getByRole('link', { name: words.en.back }).click();
	await expect(page).toHaveURL('/');
});

test('a deep link to the status screen without an ID asks for the ID', async ({ page }) => {
	await page.goto('/en/services/transaction-status/status');
	await expect(page).toHaveURL('/en/services/transaction-status/transaction-id');
});

test('Home wipes what the citizen typed', async ({ page }) => {
	await openStatusForm(page, 'en');
	await typeOnKeypad(page, '2611', words.en.keypad);
	await page.getByRole('button', { name: words.en.home }).click();
	await expect(page).toHaveURL('/en');
	expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
	await page.getByRole('link', { name: words.en.government }).click();
	await page.getByRole('link', { name: words.en.service }).click();
	await expect(page.getByLabel(words.en.field)).toHaveValue('');
});

test('menus without built services say so instead of showing nothing', async ({ page }) => {
	await page.goto('/hi/menu/video');
	await expect(page.getByText(words.hi.empty)).toBeVisible();
	await checkScreen(page, 'hi-video-menu');
});

test.describe('inactivity', () => {
	test('after the idle time and the countdown everything is wiped and the kiosk starts over', async ({ page }) => {
		await useIdleTimings(page, 2, 2);
		await openStatusForm(page, 'en');
		await page.getByLabel(words.en.field).fill('2611220001');
		await page.getByRole('button', { name: words.en.submit }).click();
		await expect(page.getByText(words.en.received)).toBeVisible();

		const dialog = page.getByRole('dialog', { name: words.en.moreTime });
		await expect(dialog).toBeVisible({ timeout: 4_000 });
		await checkScreen(page, 'en-timeout-dialog');
		await expect(page).toHaveURL('/', { timeout: 5_000 });
		expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

		await page.goto('/en/services/transaction-status/status');
		await expect(page).toHaveURL(/\/transaction-id$/);
		await expect(page.getByLabel(words.en.field)).toHaveValue('');
	});

	test('"I need more time" keeps the citizen where they were', async ({ page }) => {
		await useIdleTimings(page, 2, 3);
		await openStatusForm(page, 'hi');
		await page.getByLabel(words.hi.field).fill('2611');
		const dialog = page.getByRole('dialog', { name: words.hi.moreTime });
		await expect(dialog).toBeVisible({ timeout: 4_000 });
		await dialog.getByRole('button', { name: words.hi.yesMore }).click();
		await expect(dialog).toBeHidden();
		await expect(page.getByLabel(words.hi.field)).toHaveValue('2611');
		await expect(page).toHaveURL(/\/transaction-id$/);
	});

	test('the language screen itself never counts down', async ({ page }) => {
		await useIdleTimings(page, 1, 1);
		await page.goto('/');
		await page.waitForTimeout(2_500);
		await expect(page.getByRole('dialog')).toHaveCount(0);
	});
});
