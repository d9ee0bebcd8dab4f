import type { CommandResult } from '../payment-hub';
import { replayOutbox, type ReplayEvent, type ReplayHub } from './runner';
import type { OutboxStore } from './store';
import { OUTBOX_SYNC_MESSAGE } from './sync';

/** One runner at a time across every tab of this kiosk's browser. */
const LOCK_NAME = 'emitra-outbox-replay';
/** Tells the kiosk's other tabs what a pass acknowledged, so whoever waits for a step hears it. */
const CHANNEL_NAME = 'emitra-outbox';
/** After a pass the hub did not answer: soon at first, then less often, at most every 5 minutes. */
const BACKOFF_MS = [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000];
/** With nothing pending the timer still looks now and then (a dead letter the operator retried). */
const IDLE_CHECK_MS = 60_000;
/** How long a citizen waits for the hub's answer before the kiosk treats the hub as unreachable. */
export const SETTLE_TIMEOUT_MS = 30_000;

export interface ReplayerOptions {
	store: OutboxStore;
	hub: ReplayHub;
	/** Web Locks; absent in tests and old browsers, where one tab is the only runner. */
	locks?: LockManager;
	channel?: BroadcastChannel;
	/** The service worker's Background Sync, where the browser has it (never the only trigger). */
	requestBackgroundSync?: () => Promise<void>;
}

/**
 * Runs the outbox's replay passes: on page load, on `online`, on a timer with backoff, when the
 * service worker's Background Sync fires, and whenever the kiosk records a step. Passes never
 * overlap: within the tab they queue, across tabs the Web Lock holds the second runner back.
 */
export class OutboxReplayer {
	readonly #options: ReplayerOptions;
	readonly #listeners = new Set<(event: ReplayEvent) => void>();
	#running: Promise<void> | undefined;
	#again = false;
	#failures = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(options: ReplayerOptions) {
		this.#options = options;
		options.channel?.addEventListener('message', (message: MessageEvent<ReplayEvent>) => this.#emit(message.data, false));
	}

	/** Starts a pass, or asks for one more after the pass that is running. */
	kick(): Promise<void> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = (async () => {
			do {
				this.#again = false;
				await this.#pass();
			} while (this.#again);
		})().finally(() => {
			this.#running = undefined;
		});
		return this.#running;
	}

	/** The hub's answer to one recorded step: acknowledged, refused, or not reachable now. */
	settle(reference: string, key: string, timeoutMs = SETTLE_TIMEOUT_MS): Promise<CommandResult> {
		return new Promise((resolve) => {
			const finish = (result: CommandResult) => {
				clearTimeout(timer);
				unsubscribe();
				resolve(result);
			};
			const unsubscribe = this.subscribe((event) => {
				if (event.kind === 'stalled') finish({ kind: 'unanswered' });
				else if (event.reference !== reference || event.key !== key) return;
				else if (event.kind === 'refused') finish({ kind: 'refused', code: event.code });
				else finish(event.view ? { kind: 'done', view: event.view } : { kind: 'unanswered' });
			});
			const timer = setTimeout(() => finish({ kind: 'unanswered' }), timeoutMs);
			void this.kick();
		});
	}

	subscribe(listener: (event: ReplayEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Wires the triggers for this page; returns what stops them. */
	start(): () => void {
		const onOnline = () => {
			this.#failures = 0;
			void this.kick();
		};
		const onWorkerMessage = (message: MessageEvent) => {
			if (message.data?.type === OUTBOX_SYNC_MESSAGE) void this.kick();
		};
		addEventListener('online', onOnline);
		navigator.serviceWorker?.addEventListener('message', onWorkerMessage);
		void this.kick();
		return () => {
			removeEventListener('online', onOnline);
			navigator.serviceWorker?.removeEventListener('message', onWorkerMessage);
			clearTimeout(this.#timer);
		};
	}

	async #pass(): Promise<void> {
		clearTimeout(this.#timer);
		const { store, hub, locks } = this.#options;
		const run = () => replayOutbox(store, hub, (event) => this.#emit(event, true));
		const result = locks ? await locks.request(LOCK_NAME, run) : await run();
		if (result === 'unreachable') {
			this.#failures++;
			void this.#options.requestBackgroundSync?.().catch(() => undefined);
		} else {
			this.#failures = 0;
		}
		// The outbox layer's one retry loop: a pass that could not reach the hub is tried again with
		// backoff (and at once on `online` or Background Sync). Its steps went out once each: a request
		// layer retrying inside the pass would only hold the kiosk-wide lock while the citizen's screen
		// already says the payment is queued, and the hub retries no request, only its own transaction.
		const delay = result === 'unreachable' ? BACKOFF_MS[Math.min(this.#failures, BACKOFF_MS.length) - 1] : IDLE_CHECK_MS;
		this.#timer = setTimeout(() => void this.kick(), delay);
	}

	#emit(event: ReplayEvent, broadcast: boolean): void {
		for (const listener of this.#listeners) listener(event);
		if (broadcast) this.#options.channel?.postMessage(event);
	}
}

export { CHANNEL_NAME as OUTBOX_CHANNEL_NAME };
