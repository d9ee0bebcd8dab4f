import type { CommandResult, PaymentHub } from '../payment-hub';
import type { PaymentView } from '$lib/contract';
import type { OutboxStore } from './store';
import { creditedPaise, isClosed, type OutboxPayment, type OutboxStep } from './types';

/**
 * A payment nobody has touched for this long was left by a reload or a power cut that did not come
 * back to it: a citizen's cash screen gives up on a note after 30 seconds, and a card sale waits at
 * most 150 s at the terminal and 120 s of status questions. The runner ends it: the notes credited
 * finish the payment if they reach the amount, else they become a voucher on the hub.
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;

export type ReplayHub = Pick<PaymentHub, 'create' | 'noteCredited' | 'complete' | 'cancel' | 'approval' | 'current'>;

/** What one replay pass tells the kiosk's screens and other tabs. */
export type ReplayEvent =
	| { kind: 'acknowledged'; reference: string; key: string; view: PaymentView | null }
	| { kind: 'refused'; reference: string; key: string; code: string }
	/** The pass stopped: the hub did not answer. Steps still waiting stay for the next pass. */
	| { kind: 'stalled' };

/** How a pass ended: everything sent, or the hub could not be reached (try again later). */
export type ReplayResult = 'drained' | 'unreachable';

/** The same key is still being answered (a pass in another tab, or a try cut off): ask again later. */
const STILL_RUNNING = 'request_in_progress';
/**
 * Refusals that clear by themselves (another kiosk is paying the bill this instant, payments
 * reopen at midnight): the step waits for a later pass under a new key, as the hub stored the refusal.
 */
const PASSING_REFUSALS = new Set(['bill_payment_in_progress', 'day_closing']);

type PaymentReplay = 'sent' | 'later' | 'unreachable';

/**
 * Sends every unacknowledged step to the hub, payment by payment, oldest first, each step with
 * its own idempotency key. The caller holds the kiosk-wide lock, so this is the only sender.
 */
export async function replayOutbox(
	store: OutboxStore,
	hub: ReplayHub,
	notify: (event: ReplayEvent) => void,
	now: () => Date = () => new Date()
): Promise<ReplayResult> {
	await closeAbandoned(store, now());
	for (const payment of await store.list()) {
		if (payment.deadLetter !== null) continue;
		if ((await replayPayment(store, hub, payment.reference, notify)) === 'unreachable') {
			notify({ kind: 'stalled' });
			return 'unreachable';
		}
	}
	return 'drained';
}

async function replayPayment(
	store: OutboxStore,
	hub: ReplayHub,
	reference: string,
	notify: (event: ReplayEvent) => void
): Promise<PaymentReplay> {
	for (;;) {
		const payment = await store.get(reference);
		const step = payment?.steps.find((candidate) => !candidate.acknowledged);
		if (payment === undefined || step === undefined) return 'sent';
		const result = await send(hub, payment, step);
		if (result.kind === 'unanswered') return 'unreachable';
		if (result.kind === 'done') {
			await store.acknowledge(reference, step.key, result.view);
			notify({ kind: 'acknowledged', reference, key: step.key, view: result.view });
			continue;
		}
		if (result.code === STILL_RUNNING) return 'later';
		if (PASSING_REFUSALS.has(result.code)) {
			await store.retry(reference);
			return 'later';
		}
		if (await settledAnyway(store, hub, payment, step, result.code, notify)) continue;
		notify({ kind: 'refused', reference, key: step.key, code: result.code });
		const tookMoney = payment.steps.some((candidate) => candidate.kind === 'note');
		if (step.kind === 'create' && !tookMoney) await store.remove(reference);
		else await store.deadLetter(reference, { code: result.code, at: new Date().toISOString(), step: step.kind });
		return 'sent';
	}
}

function send(hub: ReplayHub, payment: OutboxPayment, step: OutboxStep): Promise<CommandResult> {
	const id = payment.transactionId;
	if (step.kind === 'create') return hub.create(payment.request, step.key, payment.queued ? { queuedAt: step.at } : {});
	// Unreachable: a step after create is only sent once the create was acknowledged.
	if (id === null) return Promise.resolve({ kind: 'refused', code: 'unknown_payment' });
	switch (step.kind) {
		case 'note':
			return hub.noteCredited(id, step.valuePaise, step.key);
		case 'complete':
			return hub.complete(id, step.key);
		case 'cancel':
			return hub.cancel(id, step.reason, step.key);
		case 'approval':
			return hub.approval(id, step.approval, step.key);
	}
}

/**
 * A closing step the hub refuses because the payment is already closed the other way needs no one:
 * the hub has every note (a late one becomes a voucher there). Counted as acknowledged.
 */
async function settledAnyway(
	store: OutboxStore,
	hub: ReplayHub,
	payment: OutboxPayment,
	step: OutboxStep,
	code: string,
	notify: (event: ReplayEvent) => void
): Promise<boolean> {
	const closedOnHub =
		(step.kind === 'complete' && code === 'payment_cancelled') || (step.kind === 'cancel' && code === 'payment_not_cancellable');
	if (!closedOnHub || payment.transactionId === null) return false;
	const current = await hub.current(payment.transactionId);
	const view = current.kind === 'done' ? current.view : null;
	await store.acknowledge(payment.reference, step.key, view);
	notify({ kind: 'acknowledged', reference: payment.reference, key: step.key, view });
	return true;
}

async function closeAbandoned(store: OutboxStore, now: Date): Promise<void> {
	for (const payment of await store.list()) {
		if (isClosed(payment) || payment.deadLetter !== null) continue;
		const lastTouched = Math.max(...payment.steps.map((step) => Date.parse(step.at)));
		if (now.getTime() - lastTouched < ABANDONED_AFTER_MS) continue;
		const key = crypto.randomUUID();
		if (payment.request.mode === 'cash' && creditedPaise(payment) >= payment.toCollectPaise) {
			await store.append(payment.reference, { kind: 'complete', key });
		} else {
			await store.append(payment.reference, { kind: 'cancel', key, reason: 'device_failed' });
		}
	}
}
