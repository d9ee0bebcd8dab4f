import type { KioskConfig } from '$lib/machine/config';

type IdleTimings = Pick<KioskConfig, 'idleSeconds' | 'idleCountdownSeconds'>;

/** Anything a citizen does at the screen or the metal keyboard counts as being there. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Notices when a citizen has walked away: after `idleSeconds` without a touch it asks "Do you need
 * more time?" and counts down; at zero it calls `onExpire`, which wipes the citizen's data.
 */
export class IdleWatch {
	phase = $state<'active' | 'asking'>('active');
	secondsLeft = $state(0);

	#config: IdleTimings;
	#onExpire: () => void;
	#isBusy: () => boolean;
	#idleTimer: ReturnType<typeof setTimeout> | undefined;
	#countdownTimer: ReturnType<typeof setInterval> | undefined;
	#deadline = 0;

	/** `isBusy`: while it says yes (a payment is taking money) the question is not asked. */
	constructor(config: IdleTimings, onExpire: () => void, isBusy: () => boolean = () => false) {
		this.#config = config;
		this.#onExpire = onExpire;
		this.#isBusy = isBusy;
	}

	/** Starts watching; the returned function stops it (for `$effect` cleanup). */
	start(target: EventTarget = window): () => void {
		const onActivity = () => {
			if (this.phase === 'active') this.#restartIdleTimer();
		};
		for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, { passive: true, capture: true });
		this.#restartIdleTimer();
		return () => {
			for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, { capture: true });
			this.#clearTimers();
			this.phase = 'active';
		};
	}

	/** "Yes, I need more time". */
	extend(): void {
		this.phase = 'active';
		this.#restartIdleTimer();
	}

	/** "No, I have finished", or the countdown reached zero. */
	expire(): void {
		this.#clearTimers();
		this.phase = 'active';
		this.#onExpire();
	}

	#restartIdleTimer(): void {
		this.#clearTimers();
		this.#idleTimer = setTimeout(() => this.#ask(), this.#config.idleSeconds * 1000);
	}

	#ask(): void {
		if (this.#isBusy()) {
			this.#restartIdleTimer();
			return;
		}
		this.phase = 'asking';
		this.#deadline = Date.now() + this.#config.idleCountdownSeconds * 1000;
		this.secondsLeft = this.#config.idleCountdownSeconds;
		// Counting against a deadline keeps the countdown true even if the tab was throttled.
		this.#countdownTimer = setInterval(() => {
			this.secondsLeft = Math.max(0, Math.ceil((this.#deadline - Date.now()) / 1000));
			if (this.secondsLeft === 0) this.expire();
		}, 250);
	}

	#clearTimers(): void {
		clearTimeout(this.#idleTimer);
		clearInterval(this.#countdownTimer);
	}
}
