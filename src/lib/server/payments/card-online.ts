import { ApiError } from '$lib/server/api/http';
import type { Kiosk, Payment } from '$lib/server/db/schema';
import { type CardOnlineOtpRequest, type CardOnlineStartRequest, maskCardNumber } from '$lib/contract';
import { acceptApproval } from './approvals';
import { paymentAmounts } from './amounts';
import { closeOpenPayment } from './cancel';
import { istDate } from './india-time';
import type { PaymentDeps } from './deps';
import { settleIfDue } from './settle';
import { recordAudit, requirePayment, retryOnConcurrentChange, updatePayment } from './store';
import type { Finish } from './view';

async function requireCardOnline(deps: PaymentDeps, kiosk: Kiosk, paymentId: string): Promise<Payment> {
	const payment = await requirePayment(deps.db, kiosk.code, paymentId);
	if (payment.mode !== 'cardOnline') {
		throw new ApiError(409, 'wrong_mode', `Payment ${paymentId} is paid by ${payment.mode}, not card online`);
	}
	if (payment.status === 'cancelled') {
		throw new ApiError(409, 'payment_cancelled', `Payment ${paymentId} was cancelled`);
	}
	return payment;
}

/** Idempotency sees the card masked: a hash of a full card number is easily reversed. */
export function cardStartFingerprint(card: CardOnlineStartRequest): unknown {
	return { ...card, cardNumber: maskCardNumber(card.cardNumber) };
}

/** A card is good through the last day of its expiry month, on the hub's (IST) calendar. */
function isExpired(card: CardOnlineStartRequest, now: Date): boolean {
	const [year, month] = istDate(now).split('-').map(Number) as [number, number];
	return card.expiryYear * 12 + card.expiryMonth < year * 12 + month;
}

/**
 * The citizen typed a card: the gateway names its kind, which fixes the card charge, and asks
 * the issuer to send the OTP for the amount with that charge.
 */
export async function startCardOnline(deps: PaymentDeps, kiosk: Kiosk, paymentId: string, card: CardOnlineStartRequest, finish: Finish) {
	const payment = await requireCardOnline(deps, kiosk, paymentId);
	if (payment.status !== 'awaiting_payment') {
		throw new ApiError(409, 'payment_not_awaiting', `Payment ${paymentId} is already ${payment.status}`);
	}
	if (isExpired(card, deps.now())) throw new ApiError(422, 'card_expired', 'The card has expired');
	const identity = await deps.cardGateway.identifyCard(card.cardNumber);
	if (identity === null) {
		throw new ApiError(422, 'card_not_supported', 'The payment gateway does not take this card');
	}

	const amounts = paymentAmounts(payment.bill_amount_paise, payment.credit_applied_paise, {
		mode: 'cardOnline',
		cardKind: identity.kind
	});
	const instrument = {
		instrument_masked: maskCardNumber(card.cardNumber),
		instrument_label: `${identity.scheme} ${identity.kind}`
	};
	const start = await deps.cardGateway.startPayment({
		reference: paymentId,
		card,
		amountPaise: amounts.toCollectPaise
	});
	if (start.outcome === 'declined') {
		const declined = { ...instrument, decline_reason: start.reason };
		return closeOpenPayment(deps, paymentId, 'declined', declined, finish);
	}
	const now = deps.now();
	return retryOnConcurrentChange(() =>
		deps.db.transaction().execute(async (trx) => {
			const current = await requirePayment(trx, kiosk.code, paymentId);
			const challenged = await updatePayment(
				trx,
				current,
				{
					...instrument,
					fee_paise: amounts.feePaise,
					to_collect_paise: amounts.toCollectPaise,
					gateway_session_id: start.sessionId,
					otp_attempts_left: null,
					otp_last_incorrect: 0
				},
				now
			);
			const sent = { paymentId, event: 'otp_sent', amountPaise: amounts.toCollectPaise };
			await recordAudit(trx, { ...sent, detail: { feePaise: amounts.feePaise } }, now);
			return finish(trx, challenged);
		})
	);
}

/** The citizen typed the OTP: approved → paid and posted; declined → cancelled; wrong → try again. */
export async function confirmCardOtp(deps: PaymentDeps, kiosk: Kiosk, paymentId: string, request: CardOnlineOtpRequest, finish: Finish) {
	const payment = await requireCardOnline(deps, kiosk, paymentId);
	if (payment.status !== 'awaiting_payment') return settleIfDue(deps, paymentId, finish);
	if (payment.gateway_session_id === null) {
		throw new ApiError(409, 'card_session_missing', 'Start the card payment before sending an OTP');
	}
	const sessionId = payment.gateway_session_id;
	const result = await deps.cardGateway.confirmOtp({ sessionId, otp: request.otp });
	switch (result.outcome) {
		case 'approved':
			return acceptApproval(
				deps,
				payment,
				{
					masked: payment.instrument_masked ?? '',
					label: payment.instrument_label ?? '',
					authCode: result.authCode,
					rrn: result.rrn,
					amountPaise: payment.to_collect_paise
				},
				finish
			);
		case 'declined':
			return closeOpenPayment(deps, paymentId, 'declined', { decline_reason: result.reason }, finish);
		case 'otp_incorrect': {
			const now = deps.now();
			return retryOnConcurrentChange(() =>
				deps.db.transaction().execute(async (trx) => {
					const current = await requirePayment(trx, kiosk.code, paymentId);
					const { attemptsLeft } = result;
					const retried = await updatePayment(trx, current, { otp_attempts_left: attemptsLeft, otp_last_incorrect: 1 }, now);
					await recordAudit(trx, { paymentId, event: 'otp_incorrect', detail: { attemptsLeft } }, now);
					return finish(trx, retried);
				})
			);
		}
	}
}
