import type { Kysely, Updateable } from 'kysely';
import type { Database, Payment, PaymentTable, ReversalTable } from '$lib/server/db/schema';
import type { PostingResult } from '$lib/server/billers';
import { postedSms, reversedSms, type PaymentSmsFacts } from '$lib/server/sms/messages';
import { addCredit } from './credits';
import { addDays, istDate } from './india-time';
import type { PaymentDeps } from './deps';
import { findPayment, recordAudit, retryOnConcurrentChange, transition, updatePayment } from './store';
import { debitHold } from './wallet';

/**
 * Posting: handing a paid payment to the biller. One poster at a time per payment: whoever
 * marks it paid, or later claims it, holds a lease in `next_posting_at`.
 */
export const POSTING_LEASE_MS = 2 * 60_000;
/** Card and Aadhaar money not used for a bill goes back within T+5 (RBI's turnaround time). */
export const REVERSAL_DAYS = 5;
const MAX_RETRY_DELAY_MINUTES = 60;

export function postingLeaseUntil(now: Date): string {
	return new Date(now.getTime() + POSTING_LEASE_MS).toISOString();
}

/** 1, 2, 4 … minutes after each failed try, at most an hour. */
export function postingRetryDelayMs(attempts: number): number {
	return Math.min(2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MINUTES) * 60_000;
}

type Finisher<T> = (trx: Kysely<Database>, payment: Payment) => Promise<T>;

/** Claims a paid payment whose posting is due (its lease, if any, has run out). */
async function claimPosting(db: Kysely<Database>, paymentId: string, now: Date): Promise<Payment | undefined> {
	return db
		.updateTable('payments')
		.set({ next_posting_at: postingLeaseUntil(now) })
		.where('id', '=', paymentId)
		.where('status', '=', 'paid')
		.where((eb) => eb.or([eb('next_posting_at', 'is', null), eb('next_posting_at', '<=', now.toISOString())]))
		.returningAll()
		.executeTakeFirst();
}

/** Runs a step on the payment if it is still paid, then finishes with whatever it now is. */
function whilePaid<T>(
	deps: PaymentDeps,
	paymentId: string,
	finish: Finisher<T>,
	step: (trx: Kysely<Database>, payment: Payment, at: Date) => Promise<Payment>
): Promise<T> {
	const now = deps.now();
	return retryOnConcurrentChange(() =>
		deps.db.transaction().execute(async (trx) => {
			const payment = await findPayment(trx, paymentId);
			if (payment === undefined) throw new Error(`Payment ${paymentId} vanished`);
			return finish(trx, payment.status === 'paid' ? await step(trx, payment, now) : payment);
		})
	);
}

async function smsFacts(trx: Kysely<Database>, payment: Payment): Promise<PaymentSmsFacts> {
	const biller = await trx
		.selectFrom('billers')
		.select(['name_en', 'name_hi'])
		.where('id', '=', payment.biller_id)
		.executeTakeFirstOrThrow();
	return {
		transactionId: payment.id,
		billerName: payment.language === 'hi' ? biller.name_hi : biller.name_en,
		identifier: payment.identifier,
		billPaise: payment.bill_amount_paise,
		creditedPaise: payment.credited_paise
	};
}

async function recordPosted(
	deps: PaymentDeps,
	trx: Kysely<Database>,
	payment: Payment,
	billerReference: string,
	at: Date
): Promise<Payment> {
	const posted = await transition(trx, payment, 'posted', at, {
		biller_reference: billerReference,
		posted_at: at.toISOString(),
		next_posting_at: null,
		last_posting_error: null
	});
	const postedEvent = { paymentId: payment.id, event: 'posted', amountPaise: payment.bill_amount_paise };
	await recordAudit(trx, { ...postedEvent, detail: { billerReference } }, at);
	if (payment.mode === 'cash') {
		await debitHold(trx, payment.operator_sso_id, payment.id, payment.bill_amount_paise, at);
	}
	if (posted.citizen_mobile !== null) {
		const body = postedSms(await smsFacts(trx, posted), posted.language);
		const sms = { mobile: posted.citizen_mobile, language: posted.language, body, paymentId: posted.id };
		await deps.sms.send(trx, sms, at);
	}
	return posted;
}

async function scheduleRetry(trx: Kysely<Database>, payment: Payment, reason: string, at: Date): Promise<Payment> {
	const attempts = payment.posting_attempts + 1;
	const retried = await updatePayment(
		trx,
		payment,
		{
			posting_attempts: attempts,
			next_posting_at: new Date(at.getTime() + postingRetryDelayMs(attempts)).toISOString(),
			last_posting_error: reason
		},
		at
	);
	const failed = { paymentId: payment.id, event: 'posting_failed', detail: { reason, attempt: attempts } };
	await recordAudit(trx, failed, at);
	return retried;
}

/**
 * Gives a card or Aadhaar charge back: a reversal record the receipt and SMS announce, and the
 * credit the payment took goes back to the account if it had not already.
 */
export async function reverseCharge(
	deps: PaymentDeps,
	trx: Kysely<Database>,
	payment: Payment,
	reason: ReversalTable['reason'],
	at: Date,
	changes: Updateable<PaymentTable> = {}
): Promise<Payment> {
	const closed = { ...changes, closed_at: at.toISOString(), next_posting_at: null };
	const reversed = await transition(trx, payment, 'reversed', at, closed, { reason });
	const expectedBy = addDays(istDate(at), REVERSAL_DAYS);
	await trx
		.insertInto('reversals')
		.values({
			payment_id: payment.id,
			amount_paise: reversed.collected_paise,
			reason,
			expected_by: expectedBy,
			created_at: at.toISOString()
		})
		.execute();
	const reversal = { paymentId: payment.id, event: 'reversal', amountPaise: reversed.collected_paise };
	await recordAudit(trx, { ...reversal, detail: { reason, expectedBy } }, at);
	// A cancelled payment gave its credit back when it was cancelled.
	if (payment.status === 'paid') {
		const account = { billerId: payment.biller_id, identifier: payment.identifier };
		await addCredit(trx, account, 'restored', payment.credit_applied_paise, payment.id, at);
	}
	if (reversed.citizen_mobile !== null) {
		const facts = { ...(await smsFacts(trx, reversed)), reversedPaise: reversed.collected_paise, expectedBy };
		const body = reversedSms(facts, reversed.language);
		const sms = { mobile: reversed.citizen_mobile, language: reversed.language, body, paymentId: reversed.id };
		await deps.sms.send(trx, sms, at);
	}
	return reversed;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Posts a paid payment whose lease the caller holds, and records what happened: posted; or, when
 * the biller refuses or does not answer, cash is tried again later (a machine cannot give cash
 * back) and a card or Aadhaar charge is reversed once the biller surely does not have it.
 */
export async function postPaidPayment<T>(deps: PaymentDeps, payment: Payment, finish: Finisher<T>): Promise<T> {
	const adapter = deps.billers(payment.biller_id);
	let outcome: PostingResult | { status: 'unknown'; reason: string };
	try {
		outcome = await adapter.postPayment({
			reference: payment.id,
			billNumber: payment.bill_number,
			amountPaise: payment.bill_amount_paise
		});
	} catch (error) {
		outcome = { status: 'unknown', reason: `no answer: ${messageOf(error)}` };
	}
	if (outcome.status === 'posted') {
		const { billerReference } = outcome;
		return whilePaid(deps, payment.id, finish, (trx, paid, at) => recordPosted(deps, trx, paid, billerReference, at));
	}
	const failure = outcome.reason;
	if (payment.mode === 'cash') {
		return whilePaid(deps, payment.id, finish, (trx, paid, at) => scheduleRetry(trx, paid, failure, at));
	}
	if (outcome.status === 'unknown') {
		// The biller may have taken it: make sure it has not before the money goes back.
		try {
			await adapter.reverse(payment.id);
		} catch (error) {
			const reason = `${failure}; reverse: ${messageOf(error)}`;
			return whilePaid(deps, payment.id, finish, (trx, paid, at) => scheduleRetry(trx, paid, reason, at));
		}
	}
	return whilePaid(deps, payment.id, finish, (trx, paid, at) => reverseCharge(deps, trx, paid, 'posting_failed', at));
}

/**
 * Finishes with the payment as it is, after posting it if it is paid and its posting is due (a
 * replayed "complete", a card outcome asked for again, the retry job).
 */
export async function settleIfDue<T>(deps: PaymentDeps, paymentId: string, finish: Finisher<T>): Promise<T> {
	const claimed = await claimPosting(deps.db, paymentId, deps.now());
	if (claimed) return postPaidPayment(deps, claimed, finish);
	return deps.db.transaction().execute(async (trx) => {
		const payment = await findPayment(trx, paymentId);
		if (payment === undefined) throw new Error(`Payment ${paymentId} vanished`);
		return finish(trx, payment);
	});
}

/** The posting retry job: every paid payment whose next try is due. Returns their statuses. */
export async function retryDuePostings(deps: PaymentDeps, limit = 50): Promise<Payment['status'][]> {
	const due = await deps.db
		.selectFrom('payments')
		.select('id')
		.where('status', '=', 'paid')
		.where('next_posting_at', '<=', deps.now().toISOString())
		.orderBy('next_posting_at')
		.limit(limit)
		.execute();
	const statuses: Payment['status'][] = [];
	for (const { id } of due) {
		statuses.push(await settleIfDue(deps, id, async (_trx, payment) => payment.status));
	}
	return statuses;
}
