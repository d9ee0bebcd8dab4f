import { PaymentHub, SEND_ONCE } from '../payment-hub';
import { OUTBOX_CHANNEL_NAME, OutboxReplayer } from './replayer';
import { OUTBOX_SYNC_TAG } from './sync';
import { OutboxStore } from './store';
import type { OutboxSummary } from './types';

export { PaymentJournal, type CashJournal, type ModeJournal } from './journal';
export { OutboxReplayer } from './replayer';
export { OutboxStore } from './store';
export { creditedPaise, isClosed, type DeadLetter, type OutboxPayment, type OutboxSummary } from './types';

/** The outbox on disk and the one runner that sends it. */
export interface KioskOutbox {
	store: OutboxStore;
	replayer: OutboxReplayer;
}

let outbox: KioskOutbox | undefined;

/** Asks the service worker for a Background Sync, where the browser has it. */
async function requestBackgroundSync(): Promise<void> {
	const registration = await navigator.serviceWorker?.getRegistration();
	const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
	await sync?.register(OUTBOX_SYNC_TAG);
}

/**
 * This kiosk's outbox and its replay runner, one per page. The runner tells the hub through
 * PaymentHub (and so through callHub, which proves who the kiosk is), sending each step once: the
 * runner's own backoff is the outbox layer's one retry loop (see OutboxReplayer).
 */
export function kioskOutbox(): KioskOutbox {
	if (outbox) return outbox;
	const store = new OutboxStore();
	const replayer = new OutboxReplayer({
		store,
		hub: new PaymentHub(fetch, SEND_ONCE),
		locks: navigator.locks,
		channel: typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(OUTBOX_CHANNEL_NAME),
		requestBackgroundSync
	});
	outbox = { store, replayer };
	return outbox;
}

/** How many payments wait for the hub, since when, and how many the hub refused for good. */
export function outboxSummary(): Promise<OutboxSummary> {
	return kioskOutbox().store.summary();
}
