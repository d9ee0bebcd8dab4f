import type { PaymentView } from '$lib/contract';

export interface SettlingSessionOptions {
	/** The hub's payment this session collects. */
	payment: PaymentView;
	/** The hub's final record: paid, declined or cancelled. */
	onFinished: (view: PaymentView) => void;
	/** The hub could not be asked in time: the operator settles the payment from its transaction ID. */
	onUnsettled: (transactionId: string) => void;
}

/**
 * What the card-online and Aadhaar sessions share: each ends exactly once, either with the hub's
 * final record or as unsettled, and forgets what the citizen typed the moment it ends.
 */
export abstract class SettlingSession {
	readonly #onFinished: SettlingSessionOptions['onFinished'];
	readonly #onUnsettled: SettlingSessionOptions['onUnsettled'];
	protected readonly transactionId: string;
	#ended = false;

	constructor(options: SettlingSessionOptions) {
		this.#onFinished = options.onFinished;
		this.#onUnsettled = options.onUnsettled;
		this.transactionId = options.payment.transactionId;
	}

	/** Whether the session has ended; nothing more is sent once it has. */
	protected get ended(): boolean {
		return this.#ended;
	}

	protected finish(view: PaymentView): void {
		if (this.#ended) return;
		this.#ended = true;
		this.forget();
		this.#onFinished(view);
	}

	protected unsettled(): void {
		if (this.#ended) return;
		this.#ended = true;
		this.forget();
		this.#onUnsettled(this.transactionId);
	}

	/** Wipes what the citizen typed and shows the session as finished. */
	protected abstract forget(): void;
}
