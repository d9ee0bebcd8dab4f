import type { Kysely, Updateable } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { CancelReason, Database, Kiosk, Payment, PaymentTable } from '$lib/server/db/schema';
import type { CancelRequest } from '$lib/contract';
import { addCredit } from './credits';
import type { PaymentDeps } from './deps';
import { OPEN_STATUSES } from './state-machine';
import { findPayment, requirePayment, retryOnConcurrentChange, transition } from './store';
import type { Finish } from './view';
import { issueVoucher } from './vouchers';
import { releaseHold } from './wallet';

export function isOpen(payment: Payment): boolean {
	return (OPEN_STATUSES as readonly string[]).includes(payment.status);
}

/**
 * Cancels a payment that is still waiting for money, undoing what starting it did: the wallet
 * hold is released, the credit it took goes back to the account, and any cash already in
 * becomes a voucher (and a credit) so it is never lost.
 */
export async function cancelOpenPayment(
	trx: Kysely<Database>,
	payment: Payment,
	reason: CancelReason,
	at: Date,
	changes: Updateable<PaymentTable> = {}
): Promise<Payment> {
	const cancelled = await transition(trx, payment, 'cancelled', at, {
		...changes,
		cancel_reason: reason,
		credited_paise: payment.collected_paise,
		closed_at: at.toISOString()
	});
	if (payment.mode === 'cash') {
		await releaseHold(trx, payment.operator_sso_id, payment.id, payment.bill_amount_paise, at);
	}
	const account = { billerId: payment.biller_id, identifier: payment.identifier };
	await addCredit(trx, account, 'restored', payment.credit_applied_paise, payment.id, at);
	if (payment.collected_paise > 0) {
		await issueVoucher(trx, cancelled, payment.collected_paise, 'cancelled_cash', at);
	}
	return cancelled;
}

/** Declines or cancels an open payment by id (outside any transaction); a decided one is left alone. */
export function closeOpenPayment<T>(
	deps: PaymentDeps,
	paymentId: string,
	reason: CancelReason,
	changes: Updateable<PaymentTable>,
	finish: (trx: Kysely<Database>, payment: Payment) => Promise<T>
): Promise<T> {
	const now = deps.now();
	return retryOnConcurrentChange(() =>
		deps.db.transaction().execute(async (trx) => {
			const payment = await findPayment(trx, paymentId);
			if (payment === undefined) throw new Error(`Payment ${paymentId} vanished`);
			return finish(trx, isOpen(payment) ? await cancelOpenPayment(trx, payment, reason, now, changes) : payment);
		})
	);
}

/** The kiosk gives up (timer ran out, acceptor failed, citizen cancelled); cancelling twice is fine. */
export async function cancelPayment(deps: PaymentDeps, kiosk: Kiosk, paymentId: string, request: CancelRequest, finish: Finish) {
	const payment = await requirePayment(deps.db, kiosk.code, paymentId);
	if (!isOpen(payment) && payment.status !== 'cancelled') {
		throw new ApiError(409, 'payment_not_cancellable', `Payment ${paymentId} is already ${payment.status}`);
	}
	return closeOpenPayment(deps, paymentId, request.reason, {}, finish);
}
