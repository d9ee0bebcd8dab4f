import type { Kysely } from 'kysely';
import type { Database, Kiosk, Payment } from '$lib/server/db/schema';
import { maskName } from '$lib/server/privacy/mask';
import { API_PATHS, type PaymentView } from '$lib/contract';
import type { SaveAnswer } from './idempotency';
import { requirePayment } from './store';

/** Everything the kiosk is told about a payment: for the next step, for the receipt, for replay. */
export async function paymentView(db: Kysely<Database>, payment: Payment, origin: string): Promise<PaymentView> {
	const biller = await db
		.selectFrom('billers')
		.select(['name_en', 'name_hi'])
		.where('id', '=', payment.biller_id)
		.executeTakeFirstOrThrow();
	const notes = await db
		.selectFrom('payment_notes')
		.select(['value_paise', 'received_at'])
		.where('payment_id', '=', payment.id)
		.orderBy('id')
		.execute();
	const vouchers = await db
		.selectFrom('vouchers')
		.select(['code', 'amount_paise', 'created_at'])
		.where('payment_id', '=', payment.id)
		.orderBy('created_at')
		.execute();
	const reversal = await db
		.selectFrom('reversals')
		.select(['amount_paise', 'reason', 'expected_by'])
		.where('payment_id', '=', payment.id)
		.executeTakeFirst();
	const otpPending = payment.status === 'awaiting_payment' && payment.gateway_session_id !== null;
	return {
		transactionId: payment.id,
		status: payment.status,
		mode: payment.mode,
		kioskCode: payment.kiosk_code,
		language: payment.language,
		biller: { id: payment.biller_id, name: { en: biller.name_en, hi: biller.name_hi } },
		consumer: { identifier: payment.identifier, nameMasked: maskName(payment.consumer_name) },
		bill: { billNumber: payment.bill_number, billDate: payment.bill_date, dueDate: payment.due_date },
		amounts: {
			billPaise: payment.bill_amount_paise,
			creditAppliedPaise: payment.credit_applied_paise,
			payablePaise: payment.bill_amount_paise - payment.credit_applied_paise,
			feePaise: payment.fee_paise,
			toCollectPaise: payment.to_collect_paise,
			collectedPaise: payment.collected_paise,
			creditedPaise: payment.credited_paise
		},
		notes: notes.map((note) => ({ valuePaise: note.value_paise, receivedAt: note.received_at })),
		instrument:
			payment.instrument_masked === null
				? null
				: {
						masked: payment.instrument_masked,
						label: payment.instrument_label ?? '',
						authCode: payment.auth_code,
						rrn: payment.rrn
					},
		otp: otpPending ? { attemptsLeft: payment.otp_attempts_left, lastIncorrect: payment.otp_last_incorrect === 1 } : null,
		posting: {
			billerReference: payment.biller_reference,
			pending: payment.status === 'paid'
		},
		vouchers: vouchers.map((voucher) => ({
			code: voucher.code,
			amountPaise: voucher.amount_paise,
			createdAt: voucher.created_at
		})),
		reversal: reversal ? { amountPaise: reversal.amount_paise, reason: reversal.reason, expectedBy: reversal.expected_by } : null,
		cancelReason: payment.cancel_reason,
		declineReason: payment.decline_reason,
		createdAt: payment.created_at,
		paidAt: payment.paid_at,
		postedAt: payment.posted_at,
		closedAt: payment.closed_at,
		verificationUrl: new URL(API_PATHS.verifyReceipt(payment.id), origin).href
	};
}

/** One of the kiosk's payments as it stands now. */
export async function getPayment(db: Kysely<Database>, kiosk: Kiosk, paymentId: string, origin: string): Promise<PaymentView> {
	return paymentView(db, await requirePayment(db, kiosk.code, paymentId), origin);
}

/**
 * How a payment command ends: inside the transaction of its last change it builds the kiosk's
 * answer and stores it with the idempotency key, so the two commit together.
 */
export type Finish = (trx: Kysely<Database>, payment: Payment) => Promise<PaymentView>;

export function finisher(origin: string, save?: SaveAnswer): Finish {
	return async (trx, payment) => {
		const view = await paymentView(trx, payment, origin);
		await save?.(trx, view);
		return view;
	};
}
