import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { cancelOpenPayment, isOpen } from './cancel';
import { markCashPaid } from './cash';
import { abandonmentCutoff, nextClosingSweepAt } from './day-closing';
import type { PaymentDeps } from './deps';
import { retryDuePostings } from './settle';
import { OPEN_STATUSES } from './state-machine';
import { findPayment, retryOnConcurrentChange } from './store';

export interface AbandonedPayments {
	cancelled: string[];
	/** Cash payments whose money was all in but never completed: paid, to be posted by the retry job. */
	paid: string[];
}

/**
 * The midnight job: payments still waiting for money at the end of their IST day are closed.
 * Depends only on the database and `now` (see `abandonmentCutoff`), so it can run at any time.
 */
export async function cancelAbandonedPayments(db: Kysely<Database>, now: Date): Promise<AbandonedPayments> {
	const abandoned = await db
		.selectFrom('payments')
		.select('id')
		.where('status', 'in', OPEN_STATUSES)
		.where('created_at', '<', abandonmentCutoff(now).toISOString())
		.orderBy('created_at')
		.execute();
	const result: AbandonedPayments = { cancelled: [], paid: [] };
	for (const { id } of abandoned) {
		await retryOnConcurrentChange(() =>
			db.transaction().execute(async (trx) => {
				const payment = await findPayment(trx, id);
				if (payment === undefined || !isOpen(payment)) return;
				const allCashIn =
					payment.mode === 'cash' && payment.status === 'awaiting_payment' && payment.collected_paise >= payment.to_collect_paise;
				if (allCashIn) {
					await markCashPaid(trx, payment, now);
					result.paid.push(id);
				} else {
					await cancelOpenPayment(trx, payment, 'abandoned', now);
					result.cancelled.push(id);
				}
			})
		);
	}
	return result;
}

export const POSTING_RETRY_INTERVAL_MS = 60_000;

export interface PaymentJobs {
	/** Stops the timers and waits for a job that is running to finish. */
	stop(): Promise<void>;
}

/**
 * The hub's payment jobs: the abandoned-payment sweep now (for days the hub was not running)
 * and at each closing time, and the posting retries every minute. Several hub processes may
 * run them at once: every step re-checks the payment and posting takes a lease.
 */
export function startPaymentJobs(deps: PaymentDeps): PaymentJobs {
	const running = new Set<Promise<void>>();
	const run = (name: string, job: () => Promise<unknown>) => {
		const done = job().then(
			() => undefined,
			(error: unknown) => console.error(`[payments] the ${name} job failed`, error)
		);
		running.add(done);
		void done.finally(() => running.delete(done));
		return done;
	};
	const sweep = () => run('abandoned payments', () => cancelAbandonedPayments(deps.db, deps.now()));

	let sweepTimer: ReturnType<typeof setTimeout> | undefined;
	const scheduleSweep = () => {
		const now = deps.now();
		sweepTimer = setTimeout(
			async () => {
				await sweep();
				scheduleSweep();
			},
			nextClosingSweepAt(now).getTime() - now.getTime()
		);
		sweepTimer.unref();
	};
	void sweep();
	scheduleSweep();

	const retry = () => void run('posting retry', () => retryDuePostings(deps));
	const retryTimer = setInterval(retry, POSTING_RETRY_INTERVAL_MS);
	retryTimer.unref();

	return {
		async stop() {
			clearTimeout(sweepTimer);
			clearInterval(retryTimer);
			await Promise.all(running);
		}
	};
}
