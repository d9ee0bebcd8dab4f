import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/translate';
import type { BillQuote, PaymentView } from '$lib/contract';
import {
	cardOnlineCharges,
	cardRefusalAtField,
	checkCardForm,
	checkCardNumber,
	checkExpiryMonth,
	checkExpiryYear,
	checkOtp,
	formatCardInput,
	groupInFours,
	lastFourDigits,
	otpProblem
} from './card-online-form';

describe('what the card boxes show while typing', () => {
	it('groups the card number in fours, as printed on the card', () => {
		expect(groupInFours('4111111111111111')).toBe('4111 1111 1111 1111');
		expect(groupInFours('411111')).toBe('4111 11');
		expect(groupInFours('4111')).toBe('4111');
		expect(formatCardInput('cardNumber', '4111 1111 1')).toBe('4111 1111 1');
	});

	it('keeps at most 19 digits, and only digits (Devanagari ones become ASCII)', () => {
		expect(formatCardInput('cardNumber', '6'.repeat(25))).toBe('6666 6666 6666 6666 666');
		expect(formatCardInput('cardNumber', '४१११-११११ ab')).toBe('4111 1111');
		expect(formatCardInput('expiryMonth', '0८9')).toBe('08');
		expect(formatCardInput('expiryYear', '20290')).toBe('2029');
		expect(formatCardInput('otp', '12 34 567')).toBe('123456');
	});
});

describe('checking the card', () => {
	it.each(['6073849700004947', '4012888888881881', '4111111111111111', '5555555555554444', '4000000000000002'])(
		'accepts the reference gateway’s test card %s',
		(number) => {
			expect(checkCardNumber(groupInFours(number))).toEqual({ ok: true, value: number });
		}
	);

	it('words each problem with the card number in its own words', () => {
		expect(checkCardNumber('')).toEqual({ ok: false, error: 'payment.cardOnline.cardNumber.required' });
		expect(checkCardNumber('4111 1111 111')).toEqual({ ok: false, error: 'payment.cardOnline.cardNumber.format' });
		expect(checkCardNumber('4'.repeat(20))).toEqual({ ok: false, error: 'payment.cardOnline.cardNumber.format' });
		expect(checkCardNumber('4111 1111 1111 1112')).toEqual({ ok: false, error: 'payment.cardOnline.cardNumber.checksum' });
	});

	it('takes the expiry month as 8 or 08, from 1 to 12', () => {
		expect(checkExpiryMonth('8')).toEqual({ ok: true, value: 8 });
		expect(checkExpiryMonth('08')).toEqual({ ok: true, value: 8 });
		expect(checkExpiryMonth('12')).toEqual({ ok: true, value: 12 });
		expect(checkExpiryMonth('')).toEqual({ ok: false, error: 'payment.cardOnline.expiryMonth.required' });
		for (const wrong of ['0', '00', '13', '1a']) {
			expect(checkExpiryMonth(wrong), wrong).toEqual({ ok: false, error: 'payment.cardOnline.expiryMonth.format' });
		}
	});

	it('takes the expiry year as four digits, or two as the card prints them', () => {
		expect(checkExpiryYear('2029')).toEqual({ ok: true, value: 2029 });
		expect(checkExpiryYear('29')).toEqual({ ok: true, value: 2029 });
		expect(checkExpiryYear('२०३१')).toEqual({ ok: true, value: 2031 });
		expect(checkExpiryYear('')).toEqual({ ok: false, error: 'payment.cardOnline.expiryYear.required' });
		for (const wrong of ['2', '202', '1999', '3029', '20290']) {
			expect(checkExpiryYear(wrong), wrong).toEqual({ ok: false, error: 'payment.cardOnline.expiryYear.format' });
		}
	});

	it('shows every problem at once and gives the hub the request it checks', () => {
		expect(checkCardForm({ cardNumber: '4111', expiryMonth: '', expiryYear: '2029' })).toEqual({
			ok: false,
			errors: {
				cardNumber: 'payment.cardOnline.cardNumber.format',
				expiryMonth: 'payment.cardOnline.expiryMonth.required'
			}
		});
		expect(checkCardForm({ cardNumber: '4111 1111 1111 1111', expiryMonth: '08', expiryYear: '29' })).toEqual({
			ok: true,
			card: { cardNumber: '4111111111111111', expiryMonth: 8, expiryYear: 2029 }
		});
	});

	it('checks the OTP is six digits', () => {
		expect(checkOtp('123456')).toEqual({ ok: true, value: '123456' });
		expect(checkOtp('')).toEqual({ ok: false, error: 'payment.cardOnline.otp.required' });
		expect(checkOtp('12345')).toEqual({ ok: false, error: 'payment.cardOnline.otp.format' });
	});
});

describe('the hub’s answers in the citizen’s words', () => {
	const otp = (value: PaymentView['otp']) => ({ otp: value }) as PaymentView;

	it('says how many tries are left after a wrong OTP, in both languages', () => {
		expect(otpProblem(otp(null))).toBeUndefined();
		expect(otpProblem(otp({ attemptsLeft: null, lastIncorrect: false }))).toBeUndefined();
		const wrong = otpProblem(otp({ attemptsLeft: 2, lastIncorrect: true }));
		expect(wrong).toEqual({ id: 'payment.cardOnline.otp.incorrect', values: { attemptsLeft: 2 } });
		expect(translator('en')(wrong!.id, wrong!.values)).toBe('That OTP is not right. 2 tries left.');
		expect(translator('en')('payment.cardOnline.otp.incorrect', { attemptsLeft: 1 })).toBe('That OTP is not right. 1 try left.');
		expect(translator('hi')(wrong!.id, wrong!.values)).toBe('यह ओटीपी सही नहीं है। 2 प्रयास बाकी हैं।');
		expect(otpProblem(otp({ attemptsLeft: null, lastIncorrect: true }))).toEqual({
			id: 'payment.cardOnline.otp.incorrectTryAgain'
		});
	});

	it('says an expired or unsupported card at its box, and leaves other refusals to the hub’s record', () => {
		expect(cardRefusalAtField('card_expired')).toEqual({ field: 'expiryMonth', message: 'payment.cardOnline.expired' });
		expect(cardRefusalAtField('card_not_supported')).toEqual({
			field: 'cardNumber',
			message: 'payment.cardOnline.cardNumber.notSupported'
		});
		expect(cardRefusalAtField('payment_cancelled')).toBeUndefined();
		expect(cardRefusalAtField('toString')).toBeUndefined();
	});

	it('shows the charge for each kind of card before the card is typed', () => {
		const charges = { debit: { feePaise: 0, toCollectPaise: 45_000 }, credit: { feePaise: 900, toCollectPaise: 45_900 } };
		const quote = (cardOnline: BillQuote['modes']['cardOnline']) => ({ modes: { cardOnline } }) as BillQuote;
		expect(cardOnlineCharges(quote({ available: true, ...charges }))).toEqual(charges);
		expect(cardOnlineCharges(quote({ available: false, reason: 'day_closing' }))).toBeNull();
	});

	it('names the card by its last four digits', () => {
		expect(lastFourDigits('607384XXXXXX4947')).toBe('4947');
	});
});
