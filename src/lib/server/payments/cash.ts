import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Database, Kiosk, Payment } from '$lib/server/db/schema';
import { excessCashPaise, type NoteCreditedRequest } from '$lib/contract';
import { addCredit } from './credits';
import type { PaymentDeps } from './deps';
import { postingLeaseUntil, postPaidPayment, settleIfDue } from './settle';
import { ConcurrentChangeError, recordAudit, requirePayment, retryOnConcurrentChange, transition } from './store';
import type { Finish } from './view';
import { issueVoucher } from './vouchers';

function requireCash(payment: Payment): void {
	if (payment.mode !== 'cash') {
		throw new ApiError(409, 'wrong_mode', `Payment ${payment.id} is paid by ${payment.mode}, not cash`);
	}
}

/**
 * One note the acceptor credited. While the payment awaits cash it counts towards it; a note
 * that arrives after the payment was completed or cancelled (a replay from the kiosk's outbox)
 * is still the citizen's money: it becomes a voucher and a credit on the account.
 */
export async function reportNote(deps: PaymentDeps, kiosk: Kiosk, paymentId: string, note: NoteCreditedRequest, finish: Finish) {
	const now = deps.now();
	return retryOnConcurrentChange(() =>
		deps.db.transaction().execute(async (trx) => {
			const payment = await requirePayment(trx, kiosk.code, paymentId);
			requireCash(payment);
			const late = payment.status === 'paid' || payment.status === 'posted' || payment.status === 'cancelled';
			if (!late && payment.status !== 'awaiting_payment') {
				throw new ApiError(409, 'payment_not_awaiting', `Payment ${paymentId} is ${payment.status}`);
			}
			const value = note.valuePaise;
			const counted = await trx
				.updateTable('payments')
				.set((eb) => ({
					collected_paise: eb('collected_paise', '+', value),
					credited_paise: eb('credited_paise', '+', late ? value : 0),
					updated_at: now.toISOString()
				}))
				.where('id', '=', paymentId)
				.where('status', '=', payment.status)
				.returningAll()
				.executeTakeFirst();
			if (counted === undefined) throw new ConcurrentChangeError(`Payment ${paymentId} changed`);
			await trx
				.insertInto('payment_notes')
				.values({
					payment_id: paymentId,
					value_paise: value,
					applied_to: late ? 'voucher' : 'payment',
					received_at: now.toISOString()
				})
				.execute();
			await recordAudit(trx, { paymentId, event: 'cash_note', amountPaise: value, detail: { late } }, now);
			if (late) await issueVoucher(trx, counted, value, 'late_cash', now);
			return finish(trx, counted);
		})
	);
}

/**
 * The cash is all in: the payment is paid, and whatever came in beyond what was owed is
 * credited to the account for the next bill. The caller holds the posting lease afterwards.
 */
export async function markCashPaid(trx: Kysely<Database>, payment: Payment, at: Date): Promise<Payment> {
	const excess = excessCashPaise(payment.collected_paise, {
		payablePaise: payment.bill_amount_paise - payment.credit_applied_paise,
		feePaise: payment.fee_paise
	});
	const paid = await transition(trx, payment, 'paid', at, {
		credited_paise: excess,
		paid_at: at.toISOString(),
		next_posting_at: postingLeaseUntil(at)
	});
	const collected = { paymentId: payment.id, event: 'cash_collected', amountPaise: payment.collected_paise };
	await recordAudit(trx, collected, at);
	const account = { billerId: payment.biller_id, identifier: payment.identifier };
	await addCredit(trx, account, 'excess_cash', excess, payment.id, at);
	return paid;
}

/** The kiosk has taken at least the amount to collect: mark paid, post, answer with the receipt. */
export async function completeCashPayment(deps: PaymentDeps, kiosk: Kiosk, paymentId: string, finish: Finish) {
	const payment = await requirePayment(deps.db, kiosk.code, paymentId);
	requireCash(payment);
	if (payment.status === 'cancelled') {
		throw new ApiError(409, 'payment_cancelled', `Payment ${paymentId} was cancelled`);
	}
	if (payment.status !== 'awaiting_payment') return settleIfDue(deps, paymentId, finish);
	const now = deps.now();
	const paid = await retryOnConcurrentChange(() =>
		deps.db.transaction().execute(async (trx) => {
			const current = await requirePayment(trx, kiosk.code, paymentId);
			if (current.status !== 'awaiting_payment') return undefined;
			if (current.collected_paise < current.to_collect_paise) {
				throw new ApiError(
					409,
					'amount_not_reached',
					`${current.collected_paise} of ${current.to_collect_paise} paise collected so far`
				);
			}
			return markCashPaid(trx, current, now);
		})
	);
	return paid ? postPaidPayment(deps, paid, finish) : settleIfDue(deps, paymentId, finish);
}
