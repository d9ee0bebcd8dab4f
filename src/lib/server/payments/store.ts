import type { Kysely, Updateable } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Database, Payment, PaymentTable } from '$lib/server/db/schema';
import type { PaymentStatus } from '$lib/contract';
import { assertTransition } from './state-machine';

/** Someone else changed the payment between our read and our write; read again and redo. */
export class ConcurrentChangeError extends Error {
	override readonly name = 'ConcurrentChangeError';
}

/**
 * Runs a read-decide-write step again when another request changed the payment under it. This is
 * the hub's database layer, and its one retry loop: the race is settled inside the request, so the
 * kiosk never sees it (within a step, `takeCredit`'s compare-and-set re-reads one balance before it
 * gives up to this loop). The kiosk's layers retry whole requests (the request layer for a waiting
 * citizen, the outbox for queued steps) under idempotency keys; a request the hub is still running
 * is answered `request_in_progress`, never waited for or retried here.
 */
export async function retryOnConcurrentChange<T>(step: () => Promise<T>, attempts = 3): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await step();
		} catch (error) {
			if (!(error instanceof ConcurrentChangeError) || attempt >= attempts) throw error;
		}
	}
}

export async function findPayment(db: Kysely<Database>, id: string): Promise<Payment | undefined> {
	return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A payment of this kiosk; another kiosk's payments do not exist as far as it can tell. */
export async function requirePayment(db: Kysely<Database>, kioskCode: string, id: string): Promise<Payment> {
	const payment = await findPayment(db, id);
	if (payment === undefined || payment.kiosk_code !== kioskCode) {
		throw new ApiError(404, 'unknown_payment', `Kiosk ${kioskCode} has no payment ${id}`);
	}
	return payment;
}

export interface AuditEntry {
	paymentId: string;
	event: string;
	fromStatus?: PaymentStatus;
	toStatus?: PaymentStatus;
	amountPaise?: number;
	detail?: Record<string, unknown>;
}

/** Appends to the payment's audit trail (the table refuses changes and deletions). */
export async function recordAudit(trx: Kysely<Database>, entry: AuditEntry, at: Date): Promise<void> {
	await trx
		.insertInto('payment_audit')
		.values({
			payment_id: entry.paymentId,
			event: entry.event,
			from_status: entry.fromStatus ?? null,
			to_status: entry.toStatus ?? null,
			amount_paise: entry.amountPaise ?? null,
			detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
			at: at.toISOString()
		})
		.execute();
}

/**
 * Changes columns of a payment whose status is still the one we read; the state machine is not
 * involved (see `transition`). Throws `ConcurrentChangeError` when the status moved meanwhile.
 */
export async function updatePayment(
	trx: Kysely<Database>,
	payment: Payment,
	changes: Updateable<PaymentTable>,
	at: Date
): Promise<Payment> {
	const updated = await trx
		.updateTable('payments')
		.set({ ...changes, updated_at: at.toISOString() })
		.where('id', '=', payment.id)
		.where('status', '=', payment.status)
		.returningAll()
		.executeTakeFirst();
	if (updated === undefined) {
		throw new ConcurrentChangeError(`Payment ${payment.id} is no longer ${payment.status}`);
	}
	return updated;
}

/** Moves a payment to another status, if the state machine allows it, and audits the move. */
export async function transition(
	trx: Kysely<Database>,
	payment: Payment,
	to: PaymentStatus,
	at: Date,
	changes: Updateable<PaymentTable> = {},
	detail?: Record<string, unknown>
): Promise<Payment> {
	assertTransition(payment.mode, payment.status, to);
	const updated = await updatePayment(trx, payment, { ...changes, status: to }, at);
	const move = { paymentId: payment.id, event: 'status', fromStatus: payment.status, toStatus: to };
	await recordAudit(trx, { ...move, detail }, at);
	return updated;
}
