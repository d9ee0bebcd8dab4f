import { webcrypto } from 'node:crypto';
import { checkScreen, expect, newMachineIds, openProgrammeOffice, registerMachine, test } from './support';

// A machine fresh from the vendor: nothing in its key store.
test.use({ enrolledKiosk: null });

test('an administrator registers a machine and the installer enrols it once with the code', async ({ page, browser, request }) => {
	test.slow();
	const office = await openProgrammeOffice(browser);
	const { code, serial } = newMachineIds();
	const enrolmentCode = await registerMachine(office, {
		code,
		serial,
		vendor: 'eConnect',
		district: 'Sikar',
		place: 'Atal Seva Kendra, Gram Panchayat Khandela',
		kind: 'Atal Seva Kendra'
	});
	await checkScreen(office, 'admin-machine-registered');

	// The citizen screens are not offered until the machine is enrolled.
	await page.goto('/');
	await expect(page).toHaveURL(/\/enrol\/hi$/);
	await expect(page.getByRole('heading', { name: 'इस कियोस्क का नामांकन करें' })).toBeVisible();
	await checkScreen(page, 'hi-enrolment');
	await page.getByRole('link', { name: 'भाषा बदलकर अंग्रेज़ी करें' }).click();
	await expect(page.getByRole('heading', { name: 'Enrol this kiosk' })).toBeVisible();

	await page.getByRole('button', { name: 'Enrol', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the enrolment code');
	await page.getByLabel('Enrolment code').fill('2345-6789-ABCD');
	await page.getByRole('button', { name: 'Enrol', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('This enrolment code is wrong, already used or expired');
	await expect(page.getByLabel('Enrolment code')).toHaveValue('2345-6789-ABCD');
	await checkScreen(page, 'en-enrolment-wrong-code');

	// Typed in lower case on the on-screen keyboard, as an installer might.
	await page.getByLabel('Enrolment code').fill('');
	const keyboard = page.getByRole('group', { name: /keyboard/i });
	for (const key of enrolmentCode.replaceAll('-', '').toLowerCase()) {
		await keyboard.getByRole('button', { name: key, exact: true }).click();
	}
	await page.getByRole('button', { name: 'Enrol', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Kiosk enrolled' })).toBeVisible();
	await expect(page.getByText(`This machine is now kiosk ${code}: Atal Seva Kendra, Gram Panchayat Khandela, Sikar.`)).toBeVisible();
	await checkScreen(page, 'en-enrolment-done');

	// The private key is in the key store and cannot be read out of it.
	const stored = await page.evaluate(
		() =>
			new Promise<{ kioskCode: string; extractable: boolean; type: string }>((resolve, reject) => {
				const open = indexedDB.open('emitra-kiosk-identity');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const read = open.result.transaction('identity').objectStore('identity').get('this-kiosk');
					read.onsuccess = () =>
						resolve({
							kioskCode: read.result.kioskCode,
							extractable: read.result.privateKey.extractable,
							type: read.result.privateKey.type
						});
				};
			})
	);
	expect(stored).toEqual({ kioskCode: code, extractable: false, type: 'private' });

	await page.getByRole('button', { name: 'Start the kiosk' }).click();
	await expect(page.getByRole('link', { name: 'Bill payment' })).toBeVisible();
	// The machine proves itself to the hub: it can fetch a bill.
	await page.getByRole('link', { name: 'Bill payment' }).click();
	await expect(page.getByRole('link', { name: 'Airtel Postpaid' })).toBeVisible();

	// The code worked once; a copy of it enrols nothing else.
	const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
	const { kty, crv, x, y } = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
	const again = await request.post('/api/v1/kiosk/enrol', { data: { enrolmentCode, publicKey: { kty, crv, x, y } } });
	expect(again.status()).toBe(403);
	expect((await again.json()).error.code).toBe('enrolment_code_invalid');

	await office.goto('/admin/en/machines');
	await expect(office.getByRole('table', { name: 'All machines' }).getByRole('row', { name: new RegExp(`^${code}`) })).toContainText(
		'Enrolled'
	);
	await office.context().close();
});

test('a wrong or malformed code is refused in Hindi, at the field', async ({ page }) => {
	await page.goto('/enrol/hi');
	await page.getByLabel('नामांकन कोड').fill('ZZZZ-ZZZZ-ZZZZ');
	await page.getByRole('button', { name: 'नामांकन करें' }).click();
	await expect(page.getByRole('alert')).toContainText('यह नामांकन कोड गलत है');
	await page.getByLabel('नामांकन कोड').fill('12');
	await page.getByRole('button', { name: 'नामांकन करें' }).click();
	await expect(page.getByRole('alert')).toContainText('नामांकन कोड के 12 अक्षर और अंक लिखें');
	await checkScreen(page, 'hi-enrolment-format');
});
