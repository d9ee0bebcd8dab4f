import type { OfflineCashLimits } from '$lib/machine/config';
import type { OutboxPayment } from '../outbox/types';

/** Why cash cannot be taken while the hub is unreachable; each is a message `offline.cash.<reason>`. */
export type OfflineCashRefusal = 'payment' | 'kiosk' | 'queuedTooLong' | 'billTooOld';

const HOUR_MS = 3_600_000;

/**
 * Whether this payment may be taken in cash with the hub unreachable, under the kiosk's offline
 * limits: the payment's size, what the kiosk already holds unsent, how long the oldest queued
 * payment has waited, and how old the bill is.
 */
export function offlineCashRefusal(
	limits: OfflineCashLimits,
	payment: { toCollectPaise: number; billFetchedAt: string },
	outbox: readonly Pick<OutboxPayment, 'queued' | 'toCollectPaise' | 'createdAt'>[],
	now: Date
): OfflineCashRefusal | null {
	if (payment.toCollectPaise > limits.maxPaymentPaise) return 'payment';
	const queued = outbox.filter((entry) => entry.queued);
	const heldPaise = queued.reduce((total, entry) => total + entry.toCollectPaise, 0);
	if (heldPaise + payment.toCollectPaise > limits.maxKioskPaise) return 'kiosk';
	const oldest = Math.min(...queued.map((entry) => Date.parse(entry.createdAt)));
	if (now.getTime() - oldest > limits.maxQueuedHours * HOUR_MS) return 'queuedTooLong';
	if (now.getTime() - Date.parse(payment.billFetchedAt) > limits.maxBillAgeHours * HOUR_MS) return 'billTooOld';
	return null;
}
