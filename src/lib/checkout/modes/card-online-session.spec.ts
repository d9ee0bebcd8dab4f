import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../payment-hub';
import type { PaymentView } from '$lib/contract';
import { paymentViewFixture, type PaymentViewChanges } from '../testing/payment-view';
import { CardOnlineSession } from './card-online-session.svelte';

/** The hub's card-online payment for a ₹450 bill, before the card is known. */
function awaiting(changes: PaymentViewChanges = {}): PaymentView {
	return paymentViewFixture({
		transactionId: '263260000042',
		mode: 'cardOnline',
		language: 'en',
		...changes,
		amounts: { billPaise: 45_000, payablePaise: 45_000, toCollectPaise: 45_000, ...changes.amounts }
	});
}

const instrument = { masked: '411111XXXXXX1111', label: 'visa credit', authCode: null, rrn: null };
const otpSent = awaiting({
	instrument,
	otp: { attemptsLeft: null, lastIncorrect: false },
	amounts: { ...awaiting().amounts, feePaise: 900, toCollectPaise: 45_900 }
});
const done = (view: PaymentView): CommandResult => ({ kind: 'done', view });
const refused = (code: string): CommandResult => ({ kind: 'refused', code });
const unanswered: CommandResult = { kind: 'unanswered' };

/** A hub that answers each command from a script and records what it was told. */
function scriptedHub(script: Partial<Record<'cardOnlineStart' | 'cardOnlineOtp' | 'cancel' | 'current', CommandResult[]>>) {
	const told: { command: string; args: unknown[] }[] = [];
	const answer =
		(command: keyof typeof script) =>
		async (...args: unknown[]) => {
			told.push({ command, args: args.slice(1) });
			const next = script[command]?.shift();
			if (!next) throw new Error(`The script has no answer for ${command}`);
			return next;
		};
	const hub = {
		cardOnlineStart: answer('cardOnlineStart'),
		cardOnlineOtp: answer('cardOnlineOtp'),
		cancel: answer('cancel'),
		current: answer('current')
	};
	return { hub, told };
}

function session(script: Parameters<typeof scriptedHub>[0], payment = awaiting()) {
	const { hub, told } = scriptedHub(script);
	const finished: PaymentView[] = [];
	const unsettled: string[] = [];
	const card = new CardOnlineSession({
		hub,
		payment,
		onFinished: (view) => finished.push(view),
		onUnsettled: (id) => unsettled.push(id)
	});
	card.begin();
	return { card, told, finished, unsettled };
}

function typeCard(card: CardOnlineSession, number = '4111111111111111', month = '12', year = '2030') {
	card.type('cardNumber', number);
	card.type('expiryMonth', month);
	card.type('expiryYear', year);
}

describe('a card-online payment', () => {
	it('checks the card before asking the hub, and keeps what was typed', async () => {
		const { card, told } = session({});
		typeCard(card, '4111 1111 1111 1112', '13', '');
		await card.submitCard();
		expect(told).toEqual([]);
		expect(card.stage).toBe('card');
		expect(card.errors).toEqual({
			cardNumber: { id: 'payment.cardOnline.cardNumber.checksum' },
			expiryMonth: { id: 'payment.cardOnline.expiryMonth.format' },
			expiryYear: { id: 'payment.cardOnline.expiryYear.required' }
		});
		expect(card.values.cardNumber).toBe('4111 1111 1111 1112');
	});

	it('sends the card, forgets it, shows the OTP screen, and ends when the OTP is right', async () => {
		const posted = { ...otpSent, status: 'posted' as const, otp: null };
		const { card, told, finished } = session({ cardOnlineStart: [done(otpSent)], cardOnlineOtp: [done(posted)] });
		typeCard(card, '4111 1111 1111 1111', '8', '29');
		await card.submitCard();
		expect(told).toEqual([
			{ command: 'cardOnlineStart', args: [{ cardNumber: '4111111111111111', expiryMonth: 8, expiryYear: 2029 }] }
		]);
		expect(card.stage).toBe('otp');
		expect(card.values).toEqual({ cardNumber: '', expiryMonth: '', expiryYear: '', otp: '' });
		expect(card.view.amounts.toCollectPaise).toBe(45_900);

		card.type('otp', '123456');
		await card.submitOtp();
		expect(told.at(-1)).toEqual({ command: 'cardOnlineOtp', args: ['123456'] });
		expect(finished).toEqual([posted]);
		expect(card.stage).toBe('finished');
	});

	it('keeps the citizen on the OTP screen after a wrong OTP, saying how many tries are left', async () => {
		const wrong = { ...otpSent, otp: { attemptsLeft: 2, lastIncorrect: true } };
		const { card, finished } = session({ cardOnlineOtp: [done(wrong)] }, otpSent);
		expect(card.stage).toBe('otp');
		card.type('otp', '111111');
		await card.submitOtp();
		expect(card.stage).toBe('otp');
		expect(card.errors.otp).toEqual({ id: 'payment.cardOnline.otp.incorrect', values: { attemptsLeft: 2 } });
		expect(card.values.otp).toBe('');
		expect(finished).toEqual([]);
	});

	it('ends with the declined payment when the bank declines', async () => {
		const declined = { ...otpSent, status: 'cancelled' as const, otp: null, declineReason: 'card_declined' };
		const { card, finished } = session({ cardOnlineOtp: [done(declined)] }, otpSent);
		card.type('otp', '123456');
		await card.submitOtp();
		expect(finished).toEqual([declined]);
	});

	it.each([
		['card_expired', 'expiryMonth', 'payment.cardOnline.expired'],
		['card_not_supported', 'cardNumber', 'payment.cardOnline.cardNumber.notSupported']
	] as const)('says %s at the %s box and keeps the card typed', async (code, field, message) => {
		const { card, told } = session({ cardOnlineStart: [refused(code)] });
		typeCard(card, '4111111111111111', '01', '2020');
		await card.submitCard();
		expect(card.stage).toBe('card');
		expect(card.errors).toEqual({ [field]: { id: message } });
		expect(card.values.cardNumber).toBe('4111 1111 1111 1111');
		expect(told.map((call) => call.command)).toEqual(['cardOnlineStart']);
	});

	it('hands an unanswered start to the collect step once, and forgets the card', async () => {
		const { card, unsettled, finished } = session({ cardOnlineStart: [unanswered] });
		typeCard(card);
		await card.submitCard();
		expect(unsettled).toEqual(['263260000042']);
		expect(finished).toEqual([]);
		expect(card.values.cardNumber).toBe('');
		await card.cancel();
		expect(unsettled).toHaveLength(1);
	});

	it('asks the hub for its record after a refusal it cannot word, and follows it', async () => {
		const cancelled = { ...awaiting(), status: 'cancelled' as const, cancelReason: 'abandoned' };
		const { card, finished } = session({ cardOnlineStart: [refused('payment_cancelled')], current: [done(cancelled)] });
		typeCard(card);
		await card.submitCard();
		expect(finished).toEqual([cancelled]);
	});

	it('goes back to the card when the gateway’s OTP session is gone', async () => {
		const { card } = session({ cardOnlineOtp: [refused('card_session_missing')], current: [done(awaiting())] }, otpSent);
		card.type('otp', '123456');
		await card.submitOtp();
		expect(card.stage).toBe('card');
		expect(card.problem).toEqual({ id: 'payment.cardOnline.sessionLost' });
	});

	it('stays put and says so when the hub refuses and then cannot say more', async () => {
		const { card, finished, unsettled } = session({ cardOnlineStart: [refused('invalid_request')], current: [unanswered] });
		typeCard(card);
		await card.submitCard();
		expect(card.stage).toBe('card');
		expect(card.problem).toEqual({ id: 'error.hubUnreachable' });
		expect([finished, unsettled]).toEqual([[], []]);
	});

	it('cancels for the citizen on either screen and ends exactly once', async () => {
		const cancelled = { ...otpSent, status: 'cancelled' as const, otp: null, cancelReason: 'citizen' };
		const { card, told, finished } = session({ cancel: [done(cancelled)] }, otpSent);
		await Promise.all([card.cancel(), card.cancel()]);
		expect(told).toEqual([{ command: 'cancel', args: ['citizen'] }]);
		expect(finished).toEqual([cancelled]);
		await card.submitOtp();
		expect(finished).toHaveLength(1);
	});

	it('ends with the payment when a cancel comes too late', async () => {
		const posted = { ...otpSent, status: 'posted' as const, otp: null };
		const { card, finished } = session({ cancel: [refused('payment_not_cancellable')], current: [done(posted)] }, otpSent);
		await card.cancel();
		expect(finished).toEqual([posted]);
	});

	it('sends one start however often Continue is pressed', async () => {
		const { card, told } = session({ cardOnlineStart: [done(otpSent)] });
		typeCard(card);
		await Promise.all([card.submitCard(), card.submitCard()]);
		expect(told).toHaveLength(1);
	});

	it('ends at once with a payment that is no longer waiting', () => {
		const posted = { ...otpSent, status: 'posted' as const, otp: null };
		const { finished } = session({}, posted);
		expect(finished).toEqual([posted]);
	});

	it('comes back to the OTP screen after a reload, with the last wrong OTP said', () => {
		const { card } = session({}, { ...otpSent, otp: { attemptsLeft: 1, lastIncorrect: true } });
		expect(card.stage).toBe('otp');
		expect(card.errors.otp).toEqual({ id: 'payment.cardOnline.otp.incorrect', values: { attemptsLeft: 1 } });
	});
});
