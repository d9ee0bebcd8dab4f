import * as v from 'valibot';
import {
	type BillQuote,
	cardOnlineStartRequest,
	type CardOnlineStartRequest,
	isLuhnValid,
	normaliseDigits,
	type PaymentView
} from '$lib/contract';
import type { MessageId, MessageValues } from '$lib/i18n/translate';

/**
 * The card-online screen's rules, apart from the screen: what the citizen may type in each box,
 * how it is shown, how it is checked, and how the hub's answers are worded.
 */

export type CardField = 'cardNumber' | 'expiryMonth' | 'expiryYear';
export type CardForm = Record<CardField, string>;

/** Words for the citizen: a message and its values. */
export interface Said {
	id: MessageId;
	values?: MessageValues;
}

export const CARD_NUMBER_DIGITS = { min: 12, max: 19 } as const;

/** The longest text each box holds: the card number is shown in groups of four. */
export const CARD_FIELD_MAX_LENGTH = {
	cardNumber: CARD_NUMBER_DIGITS.max + Math.ceil(CARD_NUMBER_DIGITS.max / 4) - 1,
	expiryMonth: 2,
	expiryYear: 4,
	otp: 6
} as const;

/** Only the digits of what was typed (Devanagari digits become ASCII), at most `max` of them. */
export function digitsOf(text: string, max: number): string {
	return normaliseDigits(text).replace(/\D/g, '').slice(0, max);
}

/** "4111111111111111" → "4111 1111 1111 1111", as printed on a card and easy to compare. */
export function groupInFours(digits: string): string {
	return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** What a box shows after a key press: the card number grouped, the others digits only. */
export function formatCardInput(field: CardField | 'otp', text: string): string {
	if (field === 'cardNumber') return groupInFours(digitsOf(text, CARD_NUMBER_DIGITS.max));
	return digitsOf(text, CARD_FIELD_MAX_LENGTH[field]);
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: MessageId };

export function checkCardNumber(text: string): Checked<string> {
	const digits = normaliseDigits(text).replace(/[\s-]/g, '');
	if (digits === '') return { ok: false, error: 'payment.cardOnline.cardNumber.required' };
	if (!/^\d{12,19}$/.test(digits)) return { ok: false, error: 'payment.cardOnline.cardNumber.format' };
	if (!isLuhnValid(digits)) return { ok: false, error: 'payment.cardOnline.cardNumber.checksum' };
	return { ok: true, value: digits };
}

/** "8" or "08" → 8; the month as printed on the card. */
export function checkExpiryMonth(text: string): Checked<number> {
	const digits = normaliseDigits(text).trim();
	if (digits === '') return { ok: false, error: 'payment.cardOnline.expiryMonth.required' };
	const month = /^\d{1,2}$/.test(digits) ? Number(digits) : NaN;
	if (!(month >= 1 && month <= 12)) return { ok: false, error: 'payment.cardOnline.expiryMonth.format' };
	return { ok: true, value: month };
}

/**
 * "2029" → 2029. Cards print the year with two digits ("08/29"), so "29" is taken as 2029 too
 * rather than sending the citizen back.
 */
export function checkExpiryYear(text: string): Checked<number> {
	const digits = normaliseDigits(text).trim();
	if (digits === '') return { ok: false, error: 'payment.cardOnline.expiryYear.required' };
	if (/^\d{2}$/.test(digits)) return { ok: true, value: 2000 + Number(digits) };
	if (/^20\d{2}$/.test(digits)) return { ok: true, value: Number(digits) };
	return { ok: false, error: 'payment.cardOnline.expiryYear.format' };
}

export type CardFormResult = { ok: true; card: CardOnlineStartRequest } | { ok: false; errors: Partial<Record<CardField, MessageId>> };

/**
 * Checks all three boxes at once, so every problem is shown together. Whether the card has
 * expired is the hub's to say: it goes by its own clock, not the kiosk's.
 */
export function checkCardForm(form: CardForm): CardFormResult {
	const cardNumber = checkCardNumber(form.cardNumber);
	const expiryMonth = checkExpiryMonth(form.expiryMonth);
	const expiryYear = checkExpiryYear(form.expiryYear);
	if (cardNumber.ok && expiryMonth.ok && expiryYear.ok) {
		// The request schema is the hub's own check; the rules above only word its failures.
		const card = v.parse(cardOnlineStartRequest, {
			cardNumber: cardNumber.value,
			expiryMonth: expiryMonth.value,
			expiryYear: expiryYear.value
		});
		return { ok: true, card };
	}
	const errors: Partial<Record<CardField, MessageId>> = {};
	if (!cardNumber.ok) errors.cardNumber = cardNumber.error;
	if (!expiryMonth.ok) errors.expiryMonth = expiryMonth.error;
	if (!expiryYear.ok) errors.expiryYear = expiryYear.error;
	return { ok: false, errors };
}

export function checkOtp(text: string): Checked<string> {
	const digits = normaliseDigits(text).replace(/[\s-]/g, '');
	if (digits === '') return { ok: false, error: 'payment.cardOnline.otp.required' };
	if (!/^\d{6}$/.test(digits)) return { ok: false, error: 'payment.cardOnline.otp.format' };
	return { ok: true, value: digits };
}

/** What to say at the OTP box when the bank said the last OTP was wrong. */
export function otpProblem(view: PaymentView): Said | undefined {
	if (!view.otp?.lastIncorrect) return undefined;
	const { attemptsLeft } = view.otp;
	return attemptsLeft === null
		? { id: 'payment.cardOnline.otp.incorrectTryAgain' }
		: { id: 'payment.cardOnline.otp.incorrect', values: { attemptsLeft } };
}

/** Hub refusals that are about what the citizen typed: said at that box, and what was typed kept. */
const FIELD_REFUSALS: Partial<Record<string, { field: CardField; message: MessageId }>> = {
	card_expired: { field: 'expiryMonth', message: 'payment.cardOnline.expired' },
	card_not_supported: { field: 'cardNumber', message: 'payment.cardOnline.cardNumber.notSupported' }
};

export function cardRefusalAtField(code: string): { field: CardField; message: MessageId } | undefined {
	return Object.hasOwn(FIELD_REFUSALS, code) ? FIELD_REFUSALS[code] : undefined;
}

export interface CardCharge {
	feePaise: number;
	toCollectPaise: number;
}

/**
 * What the citizen pays by each kind of card, shown before the card is typed (the gateway says
 * which kind it is only after). Null when the quote has no card-online charges.
 */
export function cardOnlineCharges(quote: BillQuote): { debit: CardCharge; credit: CardCharge } | null {
	const mode = quote.modes.cardOnline;
	return mode.available ? { debit: mode.debit, credit: mode.credit } : null;
}

/** The last four digits of a masked card number (`607384XXXXXX4947` → `4947`). */
export function lastFourDigits(masked: string): string {
	return masked.replace(/\D/g, '').slice(-4);
}
