import { onAcceptorProblem, type DeviceMessage } from '$lib/devices/device-messages';
import type { NoteAcceptor } from '$lib/devices/note-acceptor';
import type { CashJournal } from './outbox/journal';
import type { CommandResult } from './payment-hub';
import { NOTE_DENOMINATIONS_PAISE, type CancelRequest, type PaymentView } from '$lib/contract';

export type CashPhase =
	/** Waiting for the citizen's next note (the per-note timer runs). */
	| 'inserting'
	/** A note is in the acceptor on its way to the cash box. */
	| 'note-moving'
	/** A note would take more than the amount: the citizen chooses to credit the excess or take it back. */
	| 'overshoot'
	/** Telling the hub the money is all in, or that the payment stops. */
	| 'closing'
	| 'finished';

export interface CashSessionOptions {
	acceptor: NoteAcceptor;
	/** The payment's outbox: every note is on disk there before the citizen sees it counted. */
	journal: CashJournal;
	/**
	 * The hub's payment, created before any note goes in; or, while the hub is unreachable, the
	 * kiosk's own view of it. After a reload its notes are the ones the outbox recorded.
	 */
	payment: PaymentView;
	/** The manual's 30 seconds per note. */
	secondsPerNote?: number;
	/** Called once with the hub's final record (posted, paid, or cancelled with a voucher). */
	onFinished: (view: PaymentView) => void;
	/** The hub could not be told how the payment ended: it waits in the outbox, queued. */
	onUnsettled: (transactionId: string) => void;
}

/**
 * Takes the notes for one cash payment. The hub's transaction exists before the first note; each
 * credited note is reported to the hub; when the amount is reached the hub completes the payment,
 * and when the timer runs out or the acceptor fails the hub cancels it and turns the notes already
 * taken into a voucher. A note is never credited before the acceptor says it is in the cash box.
 */
export class CashSession {
	phase = $state<CashPhase>('inserting');
	secondsLeft = $state(30);
	notes = $state<{ valuePaise: number }[]>([]);
	/** The note waiting in escrow while the citizen decides, and the credit it would make. */
	overshoot = $state<{ valuePaise: number; excessPaise: number } | null>(null);
	problem = $state<DeviceMessage | null>(null);
	readonly toCollectPaise: number;
	readonly payablePaise: number;
	readonly collectedPaise = $derived(this.notes.reduce((total, note) => total + note.valuePaise, 0));

	readonly #options: CashSessionOptions;
	readonly #secondsPerNote: number;
	readonly #transactionId: string;
	#stops: (() => void)[] = [];
	#timer: ReturnType<typeof setInterval> | undefined;
	#deadline = 0;
	/** Notes being written to the outbox; closing waits for them. */
	#reports: Promise<unknown>[] = [];

	constructor(options: CashSessionOptions) {
		this.#options = options;
		this.#secondsPerNote = options.secondsPerNote ?? 30;
		this.#transactionId = options.payment.transactionId;
		this.toCollectPaise = options.payment.amounts.toCollectPaise;
		this.payablePaise = options.payment.amounts.payablePaise;
		this.notes = options.payment.notes.map(({ valuePaise }) => ({ valuePaise }));
	}

	/** Opens the acceptor for every note the hub accepts and the device reads. */
	async start(): Promise<void> {
		const { acceptor } = this.#options;
		if (acceptor.denominationsPaise.length === 0 || acceptor.state === 'fault') await acceptor.initialise();
		this.#stops = [
			acceptor.on('escrow', ({ valuePaise }) => this.#escrow(valuePaise)),
			acceptor.on('credited', ({ valuePaise }) => this.#credited(valuePaise)),
			acceptor.on('returned', () => this.#noteGone()),
			acceptor.on('rejected', () => this.#noteGone()),
			onAcceptorProblem(acceptor, (message) => this.#deviceProblem(message))
		];
		const accepted = acceptor.denominationsPaise.filter((paise) => (NOTE_DENOMINATIONS_PAISE as readonly number[]).includes(paise));
		await acceptor.enable(accepted);
		this.#restartTimer();
	}

	/** "Accept and credit ₹X to my next bill". */
	async acceptOvershoot(): Promise<void> {
		if (this.phase !== 'overshoot') return;
		this.overshoot = null;
		this.phase = 'note-moving';
		await this.#options.acceptor.stack();
	}

	/** "Give the note back". */
	async returnOvershoot(): Promise<void> {
		if (this.phase !== 'overshoot') return;
		this.overshoot = null;
		this.phase = 'note-moving';
		await this.#options.acceptor.returnNote();
	}

	/** The citizen stops: nothing more is taken; notes already in become a voucher. */
	cancel(): Promise<void> {
		return this.#stop('citizen');
	}

	#escrow(valuePaise: number): void {
		this.#pauseTimer();
		const after = this.collectedPaise + valuePaise;
		if (after > this.toCollectPaise) {
			this.overshoot = { valuePaise, excessPaise: after - this.payablePaise };
			this.phase = 'overshoot';
		} else {
			this.phase = 'note-moving';
			void this.#options.acceptor.stack();
		}
	}

	#credited(valuePaise: number): void {
		this.#reports.push(this.#record(valuePaise));
	}

	/** The note is written to the outbox first; only then does the citizen see it counted. */
	async #record(valuePaise: number): Promise<void> {
		await this.#options.journal.noteCredited(valuePaise);
		this.notes = [...this.notes, { valuePaise }];
		this.problem = null;
		if (this.collectedPaise >= this.toCollectPaise) void this.#complete();
		else this.#noteGone();
	}

	/** The note path is empty again: the next note's time starts. */
	#noteGone(): void {
		if (this.phase === 'closing' || this.phase === 'finished') return;
		this.overshoot = null;
		this.phase = 'inserting';
		this.#restartTimer();
	}

	#deviceProblem(message: DeviceMessage): void {
		this.problem = message;
		// A refused note is the citizen's to retry; anything else means the acceptor cannot go on.
		if (message.id !== 'device.fault.rejected') void this.#stop('device_failed');
	}

	async #complete(): Promise<void> {
		this.#pauseTimer();
		this.phase = 'closing';
		await this.#closeAcceptor();
		await Promise.all(this.#reports);
		this.#finish(await this.#options.journal.complete());
	}

	async #stop(reason: CancelRequest['reason']): Promise<void> {
		if (this.phase === 'closing' || this.phase === 'finished') return;
		this.#pauseTimer();
		this.phase = 'closing';
		this.overshoot = null;
		// A failed acceptor may never confirm it stopped; the citizen must not wait on it. A note it
		// still credits later reaches the hub after the cancel and becomes a voucher there.
		const closing = this.#closeAcceptor();
		if (reason !== 'device_failed') await closing;
		await Promise.all(this.#reports);
		this.#finish(await this.#options.journal.cancel(reason));
	}

	async #closeAcceptor(): Promise<void> {
		const { acceptor } = this.#options;
		for (const stop of this.#stops.splice(0)) stop();
		try {
			if (acceptor.escrowPaise !== null) await acceptor.returnNote();
			await acceptor.disable();
		} catch {
			// A failed acceptor cannot be disabled; the payment still closes on the hub.
		}
	}

	#finish(result: CommandResult): void {
		this.phase = 'finished';
		if (result.kind === 'done') this.#options.onFinished(result.view);
		else this.#options.onUnsettled(this.#transactionId);
	}

	#restartTimer(): void {
		this.#pauseTimer();
		this.#deadline = Date.now() + this.#secondsPerNote * 1000;
		this.secondsLeft = this.#secondsPerNote;
		this.#timer = setInterval(() => {
			this.secondsLeft = Math.max(0, Math.ceil((this.#deadline - Date.now()) / 1000));
			if (this.secondsLeft === 0) void this.#stop('timeout');
		}, 250);
	}

	#pauseTimer(): void {
		clearInterval(this.#timer);
	}
}
