import type { CommandResult } from '../payment-hub';
import type { ApprovalRequest, CancelRequest } from '$lib/contract';
import type { OutboxReplayer } from './replayer';
import type { OutboxStore } from './store';

/** What a payment screen records as money moves; the hub hears it through the outbox. */
export interface CashJournal {
	/** Resolves once the note is on disk; only then is the citizen shown it. */
	noteCredited(valuePaise: number): Promise<void>;
	/** Records that the money is all in, then waits for the hub's answer. */
	complete(): Promise<CommandResult>;
	/** Records that the payment stops (notes already in become a voucher), then waits for the hub. */
	cancel(reason: CancelRequest['reason']): Promise<CommandResult>;
}

/** What a card-terminal payment records: the terminal's approval, before the hub is told. */
export interface ModeJournal extends CashJournal {
	approval(approval: ApprovalRequest): Promise<CommandResult>;
}

/** One payment's steps, written to the outbox before anyone is told, sent by the one replay runner. */
export class PaymentJournal implements ModeJournal {
	readonly reference: string;
	readonly #store: OutboxStore;
	readonly #replayer: OutboxReplayer;

	constructor(store: OutboxStore, replayer: OutboxReplayer, reference: string) {
		this.#store = store;
		this.#replayer = replayer;
		this.reference = reference;
	}

	async noteCredited(valuePaise: number): Promise<void> {
		await this.#store.append(this.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise });
		void this.#replayer.kick();
	}

	async complete(): Promise<CommandResult> {
		const key = crypto.randomUUID();
		await this.#store.append(this.reference, { kind: 'complete', key });
		return this.#replayer.settle(this.reference, key);
	}

	async approval(approval: ApprovalRequest): Promise<CommandResult> {
		const key = crypto.randomUUID();
		await this.#store.append(this.reference, { kind: 'approval', key, approval });
		return this.#replayer.settle(this.reference, key);
	}

	async cancel(reason: CancelRequest['reason']): Promise<CommandResult> {
		const key = crypto.randomUUID();
		await this.#store.append(this.reference, { kind: 'cancel', key, reason });
		return this.#replayer.settle(this.reference, key);
	}
}
