import {
	checkScreen,
	expect,
	fetchBill,
	insertNote,
	openTesterPanel,
	test,
	toHindiPaymentModes,
	toPaymentModes,
	useKioskConfig,
	waitForAcceptorReady
} from './support';

test.describe('bill payment by cash', () => {
	test('₹17 paid with a ₹20 note credits ₹3, which the next bill uses', async ({ page }) => {
		await fetchBill(page, 'Airtel Postpaid', '9829012017');
		await expect(page.getByRole('definition').filter({ hasText: /^₹17$/ }).first()).toBeVisible();
		await checkScreen(page, 'en-bill-details');
		await toPaymentModes(page);
		await expect(page.getByRole('button', { name: /Cash/ })).toContainText('₹20 will be taken, and the extra ₹3 is credited');
		await checkScreen(page, 'en-payment-modes');
		await page.getByRole('button', { name: /^Cash/ }).click();

		await expect(page.getByRole('heading', { name: 'Insert your notes' })).toBeVisible();
		// Home and Back are withheld while money is being taken.
		await expect(page.getByRole('button', { name: 'Home' })).toHaveCount(0);
		const panel = await openTesterPanel(page);
		await insertNote(panel, 20);
		await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
		await expect(page.getByRole('main').getByText('Credited to your next bill')).toBeVisible();
		await expect(page.getByText('Please take your receipt.')).toBeVisible();
		const receipt = panel.getByRole('figure', { name: 'Printed receipt 1' });
		await expect(receipt).toContainText('Bill payment receipt');
		await expect(panel.getByRole('region', { name: 'SMS sent' })).toContainText('9829012017');
		await receipt.scrollIntoViewIfNeeded();
		await receipt.screenshot({ path: 'test-results/screens/receipt-cash-en.png' });
		await checkScreen(page, 'en-payment-done');

		await page.getByRole('button', { name: 'Finish' }).click();
		await fetchBill(page, 'Airtel Postpaid', '9829012017');
		await expect(page.getByText('Credit from an earlier payment')).toBeVisible();
		await expect(page.getByRole('definition').filter({ hasText: /^₹346$/ })).toBeVisible();
	});

	test.describe('at a real acceptor’s pace', () => {
		// In a worker's shared K1234567 browser this test failed in 2 of 4 full runs (after "Give the
		// note back" the acceptor stayed disabled and the payment ended unpaid), never alone or in a
		// browser of its own, which the real pace gives it. Cause not yet found: see the issue note.
		test.use({ simulatedNoteStepMs: 500 });

		test('a ₹500 note that overshoots can be given back, then accepted as credit', async ({ page }) => {
			await fetchBill(page, 'Vodafone Postpaid', '9784012012');
			await toPaymentModes(page);
			await page.getByRole('button', { name: /^Cash/ }).click();
			const panel = await openTesterPanel(page);

			await insertNote(panel, 500);
			await expect(page.getByRole('heading', { name: 'This note is more than the amount' })).toBeVisible();
			await page.getByRole('button', { name: 'Give the note back' }).click();
			await expect(page.getByTestId('cash-inserted')).toHaveText('₹0');
			await expect(panel).toContainText('Cash box: 0 notes');

			await insertNote(panel, 500);
			await page.getByRole('button', { name: 'Accept and credit ₹488 to my next bill' }).click();
			await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
			await expect(page.getByRole('definition').filter({ hasText: /^₹488$/ })).toBeVisible();
		});
	});

	test('when the time for the next note runs out, the notes already taken become a voucher', async ({ page }) => {
		await useKioskConfig(page, { cashSecondsPerNote: 5 });
		await fetchBill(page, 'Public Health Engineering Department (water)', '210300004501', { mobile: '9414012345' });
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Cash/ }).click();
		const panel = await openTesterPanel(page);
		await insertNote(panel, 10);
		await expect(page.getByTestId('cash-inserted')).toHaveText('₹10');
		await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible({ timeout: 15_000 });
		await expect(page.getByText(/The ₹10 you inserted is safe/)).toBeVisible();
		// The voucher's own line carries ₹, so it prints as an image; its instruction prints as text.
		await expect(panel.getByRole('figure', { name: 'Printed receipt 1' })).toContainText('show the voucher');
	});

	test('a jam mid-payment stops it and keeps the notes as a voucher', async ({ page }) => {
		await fetchBill(page, 'Jaipur Vidyut Vitran Nigam (JVVNL)', '210412000001', { mobile: '9414012345' });
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Cash/ }).click();
		const panel = await openTesterPanel(page);
		await insertNote(panel, 100);
		await expect(page.getByTestId('cash-inserted')).toHaveText('₹100');
		await waitForAcceptorReady(panel);
		await panel.getByRole('button', { name: 'Jam', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
		await expect(page.getByText(/The ₹100 you inserted is safe/)).toBeVisible();
	});

	test('in Hindi, with the manual’s words', async ({ page }) => {
		// Five screens checked with axe and six notes fed: about 20 s alone, more on a busy machine.
		test.slow();
		await page.goto('/hi');
		await page.getByRole('link', { name: 'बिल भुगतान' }).click();
		await page.getByRole('link', { name: 'बीएसएनएल लैंडलाइन' }).click();
		await page.getByRole('textbox').first().fill('01412745699');
		await page.getByLabel(/आपका मोबाइल नम्बर/).fill('+91 94140 12345');
		await page.getByRole('button', { name: 'बिल प्राप्त करें' }).click();
		await expect(page.getByRole('heading', { name: 'आपके बिल का विवरण' })).toBeVisible();
		await checkScreen(page, 'hi-bill-details');
		await page.getByRole('button', { name: 'भुगतान करने के लिये क्लिक करें' }).click();
		await page.getByRole('button', { name: 'सही' }).click();
		await checkScreen(page, 'hi-payment-modes');
		await page.getByRole('button', { name: /^कैश \(नकद\)/ }).click();
		await expect(page.getByRole('heading', { name: 'नोट डालें' })).toBeVisible();
		const panel = await openTesterPanel(page);
		// ₹1,180 in six notes.
		for (const note of [500, 500, 100, 50, 20]) {
			await insertNote(panel, note);
			await expect(page.getByRole('table', { name: 'डाले गए नोट' })).toContainText(`₹${note}`);
		}
		await checkScreen(page, 'hi-cash-notes-inserted');
		await insertNote(panel, 10);
		await expect(page.getByRole('heading', { name: 'भुगतान सफल रहा' })).toBeVisible();
		await checkScreen(page, 'hi-payment-done');
		const receipt = panel.getByRole('figure', { name: 'Printed receipt 1' });
		await receipt.scrollIntoViewIfNeeded();
		await receipt.screenshot({ path: 'test-results/screens/receipt-cash-hi.png' });
	});
});

test.describe('bill payment by card on the terminal', () => {
	test('approved on the terminal, then posted', async ({ page }) => {
		await fetchBill(page, 'Jodhpur Vidyut Vitran Nigam (JdVVNL)', '410123456701', { mobile: '9414012345' });
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Debit or credit card at the card machine/ }).click();
		await expect(page.getByText('Insert or swipe your card')).toBeVisible();
		const panel = await openTesterPanel(page);
		await panel.getByRole('button', { name: 'Approve', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
		await expect(panel.getByRole('figure', { name: 'Printed receipt 1' })).toContainText('******4321');
	});

	test('declined on the terminal: nothing charged', async ({ page }) => {
		await fetchBill(page, 'Ajmer Vidyut Vitran Nigam (AVVNL)', '110212345601', { mobile: '9414012345' });
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Debit or credit card at the card machine/ }).click();
		const panel = await openTesterPanel(page);
		await panel.getByRole('button', { name: 'Decline', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
		await expect(page.getByRole('main').getByText('Nothing was charged.')).toBeVisible();
	});

	test('a sale the terminal did not answer is resolved by asking it, never by charging again', async ({ page }) => {
		await useKioskConfig(page, { devices: { cardSaleTimeoutSeconds: 5 } });
		await fetchBill(page, 'Idea Postpaid', '9772012001');
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Debit or credit card at the card machine/ }).click();
		const panel = await openTesterPanel(page);
		await panel.getByRole('button', { name: 'No reply (was approved)' }).click();
		await expect(page.getByText('Checking with the bank')).toBeVisible({ timeout: 20_000 });
		await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible({ timeout: 20_000 });
	});

	test('the biller refuses after the card was charged: the money is reversed', async ({ page }) => {
		await fetchBill(page, 'Jaipur Vidyut Vitran Nigam (JVVNL)', '210412000099', { mobile: '9414012345' });
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Debit or credit card at the card machine/ }).click();
		const panel = await openTesterPanel(page);
		await panel.getByRole('button', { name: 'Approve', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'Payment returned' })).toBeVisible();
		await expect(page.getByText(/returns to your account automatically by/)).toBeVisible();
	});
});

test.describe('bills that cannot be paid', () => {
	test('unknown consumer, already paid and biller down each say so at the right place', async ({ page }) => {
		await fetchBill(page, 'Airtel Postpaid', '9829099999');
		await expect(page.getByRole('alert')).toContainText('No bill was found for this number');
		await expect(page.getByRole('textbox').first()).toHaveValue('9829099999');

		await fetchBill(page, 'Idea Postpaid', '9772012099');
		await expect(page.getByRole('alert')).toContainText('This bill is already paid');

		await page.goto('/en/menu/bills');
		await expect(page.getByText('Not available now')).toBeVisible();
	});

	// One test per biller: each is a short flow of its own, and a failure names the biller.
	const billers: [string, string][] = [
		['Airtel Postpaid', '9829012003'],
		['Vodafone Postpaid', '9784012003'],
		['Idea Postpaid', '9772012003'],
		['Public Health Engineering Department (water)', '210300004503'],
		['Jaipur Vidyut Vitran Nigam (JVVNL)', '210412000003'],
		['Ajmer Vidyut Vitran Nigam (AVVNL)', '110212345603'],
		['Jodhpur Vidyut Vitran Nigam (JdVVNL)', '410123456703'],
		['BSNL Landline', '01412745603'],
		['BSNL Mobile', '9414012003']
	];
	for (const [biller, identifier] of billers) {
		test(`${biller} fetches its bill`, async ({ page }) => {
			await fetchBill(page, biller, identifier, { mobile: '9414012345' });
			await expect(page.getByRole('heading', { name: 'Your bill' })).toBeVisible();
			await expect(page.getByText(biller).first()).toBeVisible();
		});
	}
});

test.describe('bill payment by card online with OTP', () => {
	test('a declined card: nothing charged', async ({ page }) => {
		await fetchBill(page, 'Vodafone Postpaid', '9784012004');
		await toPaymentModes(page);
		await page.getByRole('button', { name: /^Card online with OTP/ }).click();
		await page.getByLabel('Card number').fill('4000000000000002');
		await page.getByLabel('Expiry month').fill('12');
		await page.getByLabel('Expiry year').fill('2030');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { name: 'What is the OTP your bank sent?' })).toBeVisible();
		await page.getByLabel(/6-digit OTP/).fill('123456');
		await page.getByRole('button', { name: /^Pay ₹/ }).click();
		await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
		await expect(page.getByRole('main').getByText('did not approve')).toBeVisible();
	});
});

test.describe('the card modes in Hindi', () => {
	test('card on the terminal', async ({ page }) => {
		await toHindiPaymentModes(page, 'जयपुर विद्युत वितरण निगम', '210412000005', '9414012345');
		await page.getByRole('button', { name: /^कार्ड मशीन पर डेबिट\/क्रेडिट कार्ड/ }).click();
		await expect(page.getByRole('heading', { name: 'कार्ड मशीन पर भुगतान करें' })).toBeVisible();
		await checkScreen(page, 'hi-card-terminal');
		const panel = await openTesterPanel(page);
		await panel.getByRole('button', { name: 'Approve', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'भुगतान सफल रहा' })).toBeVisible();
	});

	test('card online with OTP', async ({ page }) => {
		await toHindiPaymentModes(page, 'एयरटेल पोस्टपेड', '9829012006');
		await page.getByRole('button', { name: /^ओटीपी से ऑनलाइन कार्ड भुगतान/ }).click();
		await page.getByLabel('कार्ड नम्बर').fill('6073849700004947');
		await page.getByLabel('समाप्ति का महीना').fill('06');
		await page.getByLabel('समाप्ति का वर्ष').fill('2031');
		await page.getByRole('button', { name: 'आगे बढ़ें' }).click();
		await expect(page.getByRole('heading', { name: 'आपके बैंक ने कौन-सा ओटीपी भेजा है?' })).toBeVisible();
		await checkScreen(page, 'hi-card-online-otp');
		await page.getByLabel(/6 अंकों का ओटीपी/).fill('123456');
		await page.getByRole('button', { name: /का भुगतान करें$/ }).click();
		await expect(page.getByRole('heading', { name: 'भुगतान सफल रहा' })).toBeVisible();
	});
});
