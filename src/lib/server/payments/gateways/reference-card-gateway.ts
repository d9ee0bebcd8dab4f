import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { maskCardNumber } from '$lib/contract';
import { randomDigits } from '../ids';
import type { CardIdentity, CardStart, OtpResult, PaymentGateway } from './index';

/** The OTP the reference gateway "sends" for every payment. */
export const REFERENCE_OTP = '123456';
export const REFERENCE_OTP_ATTEMPTS = 3;

/** The cards the reference gateway knows (all pass the Luhn check); any other card is refused. */
export const REFERENCE_TEST_CARDS: Readonly<Record<string, CardIdentity & { declineReason: string | null }>> = {
	'6073849700004947': { scheme: 'rupay', kind: 'debit', declineReason: null },
	'4012888888881881': { scheme: 'visa', kind: 'debit', declineReason: null },
	'4111111111111111': { scheme: 'visa', kind: 'credit', declineReason: null },
	'5555555555554444': { scheme: 'mastercard', kind: 'credit', declineReason: null },
	'4000000000000002': { scheme: 'visa', kind: 'debit', declineReason: 'card_declined' },
	'4000000000009995': { scheme: 'visa', kind: 'debit', declineReason: 'insufficient_funds' }
};

/**
 * A card gateway with an OTP step, kept in the hub's database (only the masked card number is
 * stored). The issuer's answer is decided by the test card; the OTP is always `REFERENCE_OTP`.
 */
export class ReferenceCardGateway implements PaymentGateway {
	constructor(
		private readonly db: Kysely<Database>,
		private readonly now: () => Date
	) {}

	async identifyCard(cardNumber: string): Promise<CardIdentity | null> {
		const card = REFERENCE_TEST_CARDS[cardNumber];
		return card ? { scheme: card.scheme, kind: card.kind } : null;
	}

	async startPayment(request: Parameters<PaymentGateway['startPayment']>[0]): Promise<CardStart> {
		const card = REFERENCE_TEST_CARDS[request.card.cardNumber];
		if (card === undefined) return { outcome: 'declined', reason: 'card_not_supported' };
		const sessionId = randomUUID();
		await this.db
			.insertInto('reference_card_sessions')
			.values({
				id: sessionId,
				payment_reference: request.reference,
				masked_pan: maskCardNumber(request.card.cardNumber),
				amount_paise: request.amountPaise,
				decline_reason: card.declineReason,
				attempts_left: REFERENCE_OTP_ATTEMPTS,
				status: 'otp_sent',
				created_at: this.now().toISOString()
			})
			.execute();
		return { outcome: 'otp_sent', sessionId };
	}

	async confirmOtp(request: Parameters<PaymentGateway['confirmOtp']>[0]): Promise<OtpResult> {
		return this.db.transaction().execute(async (trx): Promise<OtpResult> => {
			const session = await trx
				.selectFrom('reference_card_sessions')
				.selectAll()
				.where('id', '=', request.sessionId)
				.executeTakeFirst();
			if (session === undefined || session.status !== 'otp_sent') {
				return { outcome: 'declined', reason: 'session_expired' };
			}
			if (request.otp !== REFERENCE_OTP) {
				const attemptsLeft = session.attempts_left - 1;
				await trx
					.updateTable('reference_card_sessions')
					.set({ attempts_left: attemptsLeft, status: attemptsLeft > 0 ? 'otp_sent' : 'declined' })
					.where('id', '=', session.id)
					.execute();
				return attemptsLeft > 0
					? { outcome: 'otp_incorrect', attemptsLeft }
					: { outcome: 'declined', reason: 'otp_attempts_exceeded' };
			}
			await trx
				.updateTable('reference_card_sessions')
				.set({ status: session.decline_reason === null ? 'approved' : 'declined' })
				.where('id', '=', session.id)
				.execute();
			return session.decline_reason !== null
				? { outcome: 'declined', reason: session.decline_reason }
				: { outcome: 'approved', authCode: randomDigits(6), rrn: randomDigits(12) };
		});
	}
}
