import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Receipt, ReceiptBlock } from '$lib/devices/receipt-printer/receipt';
import { decodeEscPos } from '$lib/devices/receipt-printer/escpos-decoder';
import { encodeReceipt } from '$lib/devices/receipt-printer/receipt-encoder';
import { buildPreview } from '$lib/devices/receipt-printer/receipt-preview';
import { createTestCanvasFactory } from '$lib/devices/receipt-printer/test-canvas';
import { type Locale, LOCALES, maskAadhaar, maskCardNumber, type PaymentView } from '$lib/contract';
import { paymentViewFixture, type PaymentViewChanges } from '$lib/checkout/testing/payment-view';
import { paymentReceipt, summariseNotes } from './payment-receipt';

/** A ₹17 Airtel bill paid with a ₹20 note and posted (the manual's example): ₹3 to the next bill. */
function viewOf(changes: PaymentViewChanges = {}): PaymentView {
	return paymentViewFixture({
		status: 'posted',
		notes: [{ valuePaise: 2_000, receivedAt: '2026-11-22T04:29:50.000Z' }],
		posting: { billerReference: 'AIRTEL-PMT-7731', pending: false },
		paidAt: '2026-11-22T04:30:00.000Z',
		postedAt: '2026-11-22T04:30:02.000Z',
		...changes,
		amounts: { collectedPaise: 2_000, creditedPaise: 300, ...changes.amounts }
	});
}

const POSTED_CASH = viewOf();

/** ₹1,23,456.50 on a swiped card: lakh grouping, and the card's own references. */
const POSTED_CARD = viewOf({
	mode: 'card',
	biller: { id: 'jvvnl', name: { en: 'Jaipur Vidyut Vitran Nigam (JVVNL)', hi: 'जयपुर विद्युत वितरण निगम' } },
	consumer: { identifier: '210412000099', nameMasked: 'S**** T*****' },
	bill: { billNumber: 'JV2611000099', billDate: '2026-11-01', dueDate: '2026-11-30' },
	amounts: {
		billPaise: 12_345_650,
		payablePaise: 12_345_650,
		toCollectPaise: 12_345_650,
		collectedPaise: 12_345_650,
		creditedPaise: 0
	},
	notes: [],
	instrument: { masked: '607384XXXXXX4947', label: 'rupay', authCode: 'A1B2C3', rrn: '632612345678' },
	posting: { billerReference: 'JVVNL-99812', pending: false }
});

const AADHAAR_INSTRUMENT = {
	masked: 'XXXX XXXX 8847',
	label: 'State Bank of India',
	authCode: '482913',
	rrn: '632698765432'
};

/** Aadhaar pay with an earlier credit applied and a charge. */
const POSTED_AADHAAR = viewOf({
	mode: 'aadhaar',
	biller: {
		id: 'phed',
		name: { en: 'Public Health Engineering Department (water)', hi: 'जन स्वास्थ्य अभियांत्रिकी विभाग' }
	},
	consumer: { identifier: '210300004590', nameMasked: 'ग***** ल** क******' },
	bill: { billNumber: 'PH2611004590', billDate: '2026-11-01', dueDate: '2026-11-30' },
	amounts: {
		billPaise: 41_250,
		creditAppliedPaise: 800,
		payablePaise: 40_450,
		feePaise: 500,
		toCollectPaise: 40_950,
		collectedPaise: 40_950,
		creditedPaise: 0
	},
	notes: [],
	instrument: AADHAAR_INSTRUMENT,
	posting: { billerReference: 'PHED-4411', pending: false }
});

/** Cash taken, the biller not reached yet: a ₹500 note and two ₹10 notes for ₹517. */
const PENDING_CASH = viewOf({
	status: 'paid',
	amounts: {
		billPaise: 51_700,
		payablePaise: 51_700,
		toCollectPaise: 52_000,
		collectedPaise: 52_000,
		creditedPaise: 300
	},
	notes: [
		{ valuePaise: 1_000, receivedAt: '2026-11-22T04:29:30.000Z' },
		{ valuePaise: 50_000, receivedAt: '2026-11-22T04:29:40.000Z' },
		{ valuePaise: 1_000, receivedAt: '2026-11-22T04:29:50.000Z' }
	],
	posting: { billerReference: null, pending: true },
	postedAt: null
});

const PENDING_CARD = viewOf({
	...POSTED_CARD,
	status: 'paid',
	posting: { billerReference: null, pending: true },
	postedAt: null
});

/** The timer ran out after ₹300 of a ₹420 payment: a voucher, credited to the account. */
const CASH_KEPT = viewOf({
	status: 'cancelled',
	cancelReason: 'timeout',
	amounts: {
		billPaise: 41_250,
		payablePaise: 41_250,
		toCollectPaise: 42_000,
		collectedPaise: 30_000,
		creditedPaise: 30_000
	},
	notes: [
		{ valuePaise: 20_000, receivedAt: '2026-11-22T04:29:30.000Z' },
		{ valuePaise: 10_000, receivedAt: '2026-11-22T04:29:50.000Z' }
	],
	vouchers: [{ code: '7KQ4-MX2P', amountPaise: 30_000, createdAt: '2026-11-22T04:30:20.000Z' }],
	posting: { billerReference: null, pending: false },
	paidAt: null,
	postedAt: null,
	closedAt: '2026-11-22T04:30:20.000Z'
});

const DECLINED_CARD_ONLINE = viewOf({
	mode: 'cardOnline',
	status: 'cancelled',
	cancelReason: 'declined',
	declineReason: 'insufficient_funds',
	amounts: { toCollectPaise: 1_700, collectedPaise: 0, creditedPaise: 0 },
	notes: [],
	instrument: { masked: '400000XXXXXX9995', label: 'visa debit', authCode: null, rrn: null },
	posting: { billerReference: null, pending: false },
	paidAt: null,
	postedAt: null,
	closedAt: '2026-11-22T04:31:00.000Z'
});

const CANCELLED_EMPTY = viewOf({
	status: 'cancelled',
	cancelReason: 'citizen',
	amounts: { collectedPaise: 0, creditedPaise: 0 },
	notes: [],
	posting: { billerReference: null, pending: false },
	paidAt: null,
	postedAt: null,
	closedAt: '2026-11-22T04:31:00.000Z'
});

/** The biller refused a swiped card's ₹412.50: back by 27 Nov (T+5 from 22 Nov). */
const REVERSED_CARD = viewOf({
	...POSTED_CARD,
	status: 'reversed',
	amounts: { billPaise: 41_250, payablePaise: 41_250, toCollectPaise: 41_250, collectedPaise: 41_250, creditedPaise: 0 },
	posting: { billerReference: null, pending: false },
	reversal: { amountPaise: 41_250, reason: 'posting_failed', expectedBy: '2026-11-27' },
	postedAt: null,
	closedAt: '2026-11-22T04:30:05.000Z'
});

const ALL_OUTCOMES = {
	POSTED_CASH,
	POSTED_CARD,
	POSTED_AADHAAR,
	PENDING_CASH,
	PENDING_CARD,
	CASH_KEPT,
	DECLINED_CARD_ONLINE,
	CANCELLED_EMPTY,
	REVERSED_CARD
};

/** Each block as one line of what the citizen reads (a row as "label: value"). */
function readLines(receipt: Receipt): string[] {
	return receipt.blocks.flatMap((block) => {
		if (block.kind === 'text') return [block.text];
		if (block.kind === 'row') return [`${block.label}: ${block.value}`];
		return [];
	});
}

function rowValue(receipt: Receipt, label: string): string | undefined {
	const found = receipt.blocks.find((block) => block.kind === 'row' && block.label === label);
	return found?.kind === 'row' ? found.value : undefined;
}

type TextBlock = Extract<ReceiptBlock, { kind: 'text' }>;

const textBlock = (receipt: Receipt, text: string) =>
	receipt.blocks.find((block): block is TextBlock => block.kind === 'text' && block.text === text);

describe('summariseNotes', () => {
	it('counts each denomination once, largest first', () => {
		expect(summariseNotes(PENDING_CASH.notes)).toEqual([
			{ valuePaise: 50_000, count: 1 },
			{ valuePaise: 1_000, count: 2 }
		]);
		expect(summariseNotes([])).toEqual([]);
	});
});

describe('a paid and posted bill', () => {
	it('has everything the citizen needs, in English', () => {
		const receipt = paymentReceipt(POSTED_CASH, { locale: 'en' });

		expect(receipt.blocks[0]).toEqual({ kind: 'text', text: 'e-Mitra+', align: 'center', bold: true, size: 2 });
		expect(textBlock(receipt, 'Bill payment receipt')).toBeDefined();
		expect(textBlock(receipt, 'Bill paid')).toBeDefined();
		expect(textBlock(receipt, '263260004217')).toMatchObject({ bold: true, size: 2 });
		expect(textBlock(receipt, 'Airtel Postpaid')).toBeDefined();
		expect(rowValue(receipt, 'Consumer number')).toBe('9829012017');
		expect(rowValue(receipt, 'Name')).toBe('R***** K**** M****');
		expect(rowValue(receipt, 'Bill number')).toBe('AT2610012017');
		expect(rowValue(receipt, 'Due date')).toBe('25 Oct 2026');
		expect(rowValue(receipt, 'Bill amount')).toBe('₹17');
		expect(rowValue(receipt, 'Amount paid')).toBe('₹20');
		expect(rowValue(receipt, 'Payment mode')).toBe('Cash');
		expect(readLines(receipt)).toContain('Notes: ₹20 × 1');
		expect(rowValue(receipt, 'Credited to your next bill')).toBe('₹3');
		expect(rowValue(receipt, 'Biller reference')).toBe('AIRTEL-PMT-7731');
		expect(rowValue(receipt, 'Kiosk code')).toBe('K1234567');
		expect(rowValue(receipt, 'Date and time')).toMatch(/^22 Nov 2026.*10:00\s?am$/i);
		expect(receipt.blocks.filter((block) => block.kind === 'qr')).toEqual([
			{ kind: 'qr', payload: 'https://hub.emitra.example/api/v1/receipts/263260004217/verify' }
		]);
		expect(readLines(receipt)).toContain('Scan to verify this receipt');
		expect(readLines(receipt)).toContain('If you gave a mobile number, the transaction ID is sent to it by SMS.');
	});

	it('has the same in Hindi, with the manual’s words', () => {
		const receipt = paymentReceipt(POSTED_CASH, { locale: 'hi' });

		expect(textBlock(receipt, 'बिल भुगतान रसीद')).toBeDefined();
		expect(textBlock(receipt, 'बिल का भुगतान हो गया')).toBeDefined();
		expect(textBlock(receipt, 'ट्रांजेक्शन आईडी')).toBeDefined();
		expect(textBlock(receipt, '263260004217')).toMatchObject({ bold: true, size: 2 });
		expect(textBlock(receipt, 'एयरटेल पोस्टपेड')).toBeDefined();
		expect(rowValue(receipt, 'उपभोक्ता नम्बर')).toBe('9829012017');
		expect(rowValue(receipt, 'देय तिथि')).toMatch(/^25 .*2026$/);
		expect(rowValue(receipt, 'बिल राशि')).toBe('₹17');
		expect(rowValue(receipt, 'भुगतान की गई राशि')).toBe('₹20');
		expect(rowValue(receipt, 'भुगतान का माध्यम')).toBe('कैश (नकद)');
		expect(readLines(receipt)).toContain('नोट: ₹20 × 1');
		expect(rowValue(receipt, 'आपके अगले बिल में जमा')).toBe('₹3');
		expect(rowValue(receipt, 'कियोस्क कोड')).toBe('K1234567');
		expect(readLines(receipt)).toContain('इस रसीद की जांच के लिए स्कैन करें');
		expect(readLines(receipt).some((line) => line.includes('एसएमएस'))).toBe(true);
	});

	it('groups large amounts by lakh and shows the card, its auth code and RRN', () => {
		for (const locale of LOCALES) {
			const receipt = paymentReceipt(POSTED_CARD, { locale });
			const amountPaid = locale === 'en' ? 'Amount paid' : 'भुगतान की गई राशि';
			expect(readLines(receipt)).toContain(`${amountPaid}: ₹1,23,456.50`);
		}
		const receipt = paymentReceipt(POSTED_CARD, { locale: 'en' });
		expect(rowValue(receipt, 'Payment mode')).toBe('Card (POS terminal)');
		expect(rowValue(receipt, 'Card')).toBe('RUPAY 607384XXXXXX4947');
		expect(rowValue(receipt, 'Auth code')).toBe('A1B2C3');
		expect(rowValue(receipt, 'RRN')).toBe('632612345678');
		expect(rowValue(receipt, 'Credited to your next bill')).toBeUndefined();
	});

	it('shows the masked Aadhaar, the bank, the credit applied and the charge', () => {
		const receipt = paymentReceipt(POSTED_AADHAAR, { locale: 'en' });
		expect(rowValue(receipt, 'Payment mode')).toBe('Aadhaar and fingerprint');
		expect(rowValue(receipt, 'Aadhaar')).toBe('XXXX XXXX 8847');
		expect(rowValue(receipt, 'Bank')).toBe('State Bank of India');
		expect(rowValue(receipt, 'RRN')).toBe('632698765432');
		expect(rowValue(receipt, 'Credit from an earlier payment')).toBe('-₹8');
		expect(rowValue(receipt, 'Charges')).toBe('₹5');
		expect(rowValue(receipt, 'Amount paid')).toBe('₹409.50');
	});

	it('leaves out the credit applied and the charge when there are none', () => {
		const receipt = paymentReceipt(POSTED_CASH, { locale: 'en' });
		expect(rowValue(receipt, 'Credit from an earlier payment')).toBeUndefined();
		expect(rowValue(receipt, 'Charges')).toBeUndefined();
	});
});

describe('a paid bill the biller has not confirmed yet', () => {
	it('says the money is received and will reach the biller by itself', () => {
		const en = paymentReceipt(PENDING_CASH, { locale: 'en' });
		expect(textBlock(en, 'Payment received')).toBeDefined();
		expect(readLines(en)).toContain('It will reach the biller automatically. You do not need to do anything.');
		expect(readLines(en)).toContain('Notes: ₹500 × 1, ₹10 × 2');
		expect(rowValue(en, 'Amount paid')).toBe('₹520');
		expect(rowValue(en, 'Biller reference')).toBeUndefined();
		expect(readLines(en).some((line) => line.includes('goes back'))).toBe(false);

		const hi = paymentReceipt(PENDING_CASH, { locale: 'hi' });
		expect(textBlock(hi, 'भुगतान प्राप्त हुआ')).toBeDefined();
		expect(readLines(hi)).toContain('यह अपने-आप सेवा प्रदाता तक पहुंच जाएगा। आपको कुछ नहीं करना है।');
	});

	it('tells a card holder the charge goes back if the biller refuses it', () => {
		const receipt = paymentReceipt(PENDING_CARD, { locale: 'en' });
		expect(readLines(receipt)).toContain('If the biller cannot accept it, the money goes back to your card automatically.');
	});
});

describe('a payment cancelled after some cash went in', () => {
	it('lists every voucher and says where the money is, in both languages', () => {
		const en = paymentReceipt(CASH_KEPT, { locale: 'en' });
		expect(textBlock(en, 'Payment not completed')).toBeDefined();
		expect(readLines(en)).toContain('Time ran out before the full amount was paid.');
		expect(readLines(en)).toContain('The bill is not paid.');
		expect(rowValue(en, 'Cash inserted')).toBe('₹300');
		expect(readLines(en)).toContain('Notes: ₹200 × 1, ₹100 × 1');
		expect(rowValue(en, 'Voucher 7KQ4-MX2P')).toBe('₹300');
		expect(readLines(en)).toContain('₹300 is credited to this bill account and taken off your next bill.');
		expect(readLines(en)).toContain('To get the cash back instead, show the voucher code to the e-Mitra operator.');
		expect(rowValue(en, 'Amount paid')).toBeUndefined();

		const hi = paymentReceipt(CASH_KEPT, { locale: 'hi' });
		expect(textBlock(hi, 'भुगतान पूरा नहीं हुआ')).toBeDefined();
		expect(rowValue(hi, 'वाउचर 7KQ4-MX2P')).toBe('₹300');
		expect(readLines(hi).some((line) => line.startsWith('₹300 इस बिल खाते में जमा'))).toBe(true);
		expect(readLines(hi)).toContain('इसके बदले नकद वापस चाहिए तो ई-मित्र संचालक को वाउचर कोड दिखाएं।');
	});

	it('lists each of several vouchers', () => {
		const vouchers = [
			{ code: '7KQ4-MX2P', amountPaise: 20_000, createdAt: '2026-11-22T04:30:20.000Z' },
			{ code: 'H3ZR-9WBT', amountPaise: 10_000, createdAt: '2026-11-22T04:35:00.000Z' }
		];
		const receipt = paymentReceipt(viewOf({ ...CASH_KEPT, vouchers }), { locale: 'en' });
		expect(rowValue(receipt, 'Voucher 7KQ4-MX2P')).toBe('₹200');
		expect(rowValue(receipt, 'Voucher H3ZR-9WBT')).toBe('₹100');
	});
});

describe('a payment that took nothing', () => {
	it('says a declined card was not charged, and why', () => {
		const en = paymentReceipt(DECLINED_CARD_ONLINE, { locale: 'en' });
		expect(textBlock(en, 'Payment declined')).toBeDefined();
		expect(readLines(en)).toContain('There is not enough balance in the account.');
		expect(readLines(en)).toContain('Nothing was charged. The bill is not paid.');
		expect(rowValue(en, 'Card')).toBe('VISA DEBIT 400000XXXXXX9995');
		expect(rowValue(en, 'Amount paid')).toBeUndefined();

		const hi = paymentReceipt(DECLINED_CARD_ONLINE, { locale: 'hi' });
		expect(textBlock(hi, 'भुगतान अस्वीकृत')).toBeDefined();
		expect(readLines(hi)).toContain('कोई राशि नहीं ली गई। बिल का भुगतान नहीं हुआ है।');
	});

	it('words a decline reason it does not know as the bank not approving', () => {
		const unknownReason = viewOf({ ...DECLINED_CARD_ONLINE, declineReason: 'issuer_code_91' });
		const receipt = paymentReceipt(unknownReason, { locale: 'en' });
		expect(readLines(receipt)).toContain('The bank did not approve the payment.');
	});

	it('says a cancelled payment was not charged', () => {
		const en = paymentReceipt(CANCELLED_EMPTY, { locale: 'en' });
		expect(textBlock(en, 'Payment cancelled')).toBeDefined();
		expect(readLines(en)).toContain('You cancelled the payment.');
		expect(readLines(en)).toContain('Nothing was charged. The bill is not paid.');

		const hi = paymentReceipt(CANCELLED_EMPTY, { locale: 'hi' });
		expect(textBlock(hi, 'भुगतान रद्द')).toBeDefined();
		expect(readLines(hi)).toContain('आपने भुगतान रद्द किया।');
	});

	it('promises no SMS, since the hub sends none for these', () => {
		for (const view of [CASH_KEPT, DECLINED_CARD_ONLINE, CANCELLED_EMPTY]) {
			expect(readLines(paymentReceipt(view, { locale: 'en' })).some((line) => line.includes('SMS'))).toBe(false);
		}
	});
});

describe('a reversed card payment', () => {
	it('says the money returns by itself within T+5, with the amount and the date', () => {
		const en = paymentReceipt(REVERSED_CARD, { locale: 'en' });
		expect(textBlock(en, 'Bill not paid')).toBeDefined();
		expect(readLines(en)).toContain('The biller could not accept this payment.');
		expect(readLines(en)).toContain('₹412.50 goes back to your card automatically by 27 Nov 2026. You do not need to do anything.');
		expect(rowValue(en, 'Amount returning')).toBe('₹412.50');
		expect(rowValue(en, 'Money back by')).toBe('27 Nov 2026');
		expect(rowValue(en, 'RRN')).toBe('632612345678');

		const hi = paymentReceipt(REVERSED_CARD, { locale: 'hi' });
		expect(textBlock(hi, 'बिल जमा नहीं हुआ')).toBeDefined();
		const returnBy = rowValue(hi, 'वापसी की अंतिम तिथि');
		expect(returnBy).toMatch(/^27 .*2026$/);
		expect(readLines(hi)).toContain(`₹412.50 अपने-आप ${returnBy} तक आपके कार्ड में लौट आएंगे। आपको कुछ नहीं करना है।`);
	});

	it('sends Aadhaar money back to the bank account', () => {
		const view = viewOf({
			...POSTED_AADHAAR,
			status: 'reversed',
			reversal: { amountPaise: 40_950, reason: 'posting_failed', expectedBy: '2026-11-27' },
			posting: { billerReference: null, pending: false },
			postedAt: null,
			closedAt: '2026-11-22T04:30:05.000Z'
		});
		expect(readLines(paymentReceipt(view, { locale: 'en' }))).toContain(
			'₹409.50 goes back to your bank account automatically by 27 Nov 2026. You do not need to do anything.'
		);
	});
});

describe('a queued payment', () => {
	it('carries its reference and no QR code the hub could not answer yet', () => {
		const receipt = paymentReceipt(PENDING_CASH, { locale: 'en', queuedReference: 'Q-K1234567-0042' });
		expect(textBlock(receipt, 'Queued — reference Q-K1234567-0042')).toMatchObject({ bold: true });
		expect(readLines(receipt)).toContain(
			'The kiosk is offline. This payment goes to e-Mitra automatically when the kiosk is back online.'
		);
		expect(receipt.blocks.some((block) => block.kind === 'qr')).toBe(false);
		expect(readLines(receipt)).not.toContain('Scan to verify this receipt');

		const hi = paymentReceipt(PENDING_CASH, { locale: 'hi', queuedReference: 'Q-K1234567-0042' });
		expect(textBlock(hi, 'कतार में — संदर्भ Q-K1234567-0042')).toBeDefined();
	});
});

describe('every receipt', () => {
	const cases = Object.entries(ALL_OUTCOMES).flatMap(([name, view]) => LOCALES.map((locale) => ({ name, view, locale })));

	it.each(cases)('$name in $locale ends with a single cut', ({ view, locale }) => {
		const { blocks } = paymentReceipt(view, { locale });
		expect(blocks.at(-1)).toEqual({ kind: 'cut' });
		expect(blocks.filter((block) => block.kind === 'cut')).toHaveLength(1);
	});

	it.each(cases)('$name in $locale carries the transaction ID, kiosk code and verification QR', ({ view, locale }) => {
		const receipt = paymentReceipt(view, { locale });
		expect(textBlock(receipt, view.transactionId)).toBeDefined();
		expect(readLines(receipt).some((line) => line.endsWith(`: ${view.kioskCode}`))).toBe(true);
		expect(receipt.blocks).toContainEqual({ kind: 'qr', payload: view.verificationUrl });
	});

	it.each(cases)('$name in $locale prints on 48 columns through the real encoder', ({ view, locale }) => {
		const { createCanvas } = createTestCanvasFactory();
		const bytes = encodeReceipt(paymentReceipt(view, { locale }), { columns: 48, createCanvas });

		expect(bytes.length).toBeGreaterThan(0);
		const printed = buildPreview(decodeEscPos(bytes).commands);
		expect(printed).toContainEqual(expect.objectContaining({ kind: 'qr', payload: view.verificationUrl }));
		// The encoder feeds one line after the cut, so the paper ends with the cut and a blank line.
		expect(printed.slice(-2)).toEqual([
			{ kind: 'cut', partial: true },
			{ kind: 'text', spans: [] }
		]);
	});

	// The printer's own font prints plain ASCII; the encoder wraps it at words, but splits a row
	// onto two lines and breaks a word longer than the line. Drawn (non-ASCII) lines wrap themselves.
	it.each(cases)('$name in $locale keeps plain-text rows, large lines and words in 48 columns', ({ view, locale }) => {
		const ascii = (text: string) => /^[\x20-\x7e]*$/.test(text);
		for (const block of paymentReceipt(view, { locale }).blocks) {
			if (block.kind === 'row' && ascii(block.label) && ascii(block.value)) {
				expect(`${block.label} ${block.value}`.length, block.label).toBeLessThanOrEqual(48);
			}
			if (block.kind === 'text' && ascii(block.text)) {
				const size = block.size ?? 1;
				if (size === 2) expect(block.text.length * size, block.text).toBeLessThanOrEqual(48);
				for (const word of block.text.split(' ')) expect(word.length * size, word).toBeLessThanOrEqual(48);
			}
		}
	});
});

describe('privacy', () => {
	const cardViews = [POSTED_CARD, PENDING_CARD, DECLINED_CARD_ONLINE, REVERSED_CARD];
	const locale = fc.constantFrom<Locale>(...LOCALES);

	it('never prints a full card number, even if one is sent instead of the masked form', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...cardViews),
				// 3–5 first: no clash with the fixtures' transaction ID, RRN or mobile number.
				fc.stringMatching(/^[3-5]\d{11,18}$/),
				fc.boolean(),
				locale,
				(view, pan, sentMasked, language) => {
					const instrument = { masked: sentMasked ? maskCardNumber(pan) : pan, label: 'visa', authCode: null, rrn: null };
					const receipt = paymentReceipt({ ...view, instrument }, { locale: language });
					expect(readLines(receipt).some((line) => line.includes(pan))).toBe(false);
					expect(rowValue(receipt, language === 'en' ? 'Card' : 'कार्ड')).toBe(`VISA ${maskCardNumber(pan)}`);
				}
			)
		);
	});

	it('never prints a full Aadhaar number, even if one is sent instead of the masked form', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[3-5]\d{11}$/), fc.boolean(), locale, (aadhaar, sentMasked, language) => {
				const instrument = { ...AADHAAR_INSTRUMENT, masked: sentMasked ? maskAadhaar(aadhaar) : aadhaar };
				const receipt = paymentReceipt({ ...POSTED_AADHAAR, instrument }, { locale: language });
				expect(readLines(receipt).some((line) => line.includes(aadhaar))).toBe(false);
				expect(rowValue(receipt, language === 'en' ? 'Aadhaar' : 'आधार')).toBe(`XXXX XXXX ${aadhaar.slice(-4)}`);
			})
		);
	});
});

describe('purity', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('depends on the view alone, not on the clock', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2026-11-22T04:31:00.000Z'));
		const first = paymentReceipt(REVERSED_CARD, { locale: 'hi' });
		vi.setSystemTime(new Date('2027-03-01T18:00:00.000Z'));
		expect(paymentReceipt(REVERSED_CARD, { locale: 'hi' })).toEqual(first);
	});

	it('refuses a payment that has not ended, rather than print a receipt for it', () => {
		for (const status of ['created', 'awaiting_payment'] as const) {
			expect(() => paymentReceipt(viewOf({ status }), { locale: 'en' })).toThrow(RangeError);
		}
	});
});
