import type { NoteLocation } from '../types';

/** The notes a simulated acceptor knows, as its dataset would list them. */
export interface SimulatedNoteSet {
	currency: string;
	notesRupees: readonly number[];
}

export const INDIAN_RUPEE_NOTES: SimulatedNoteSet = {
	currency: 'INR',
	notesRupees: [10, 20, 50, 100, 200, 500, 2000]
};

export interface MechanismTimings {
	/** How long each movement of a note takes: reading, stacking, rejecting, returning. */
	stepMs: number;
	/** How long a note waits in escrow for the host before the device hands it back. */
	escrowTimeoutMs: number;
}

/** Why a note came back out of the front. */
export type RejectCause = 'notRecognised' | 'inhibited' | 'hostReturned' | 'escrowTimeout' | 'fraud';

export type NotePhase = 'reading' | 'escrow' | 'stacking' | 'awaitingCreditAck' | 'stacked' | 'rejecting' | 'returning';

export interface NoteInPath {
	/** Null for a note the device cannot recognise. */
	readonly rupees: number | null;
	readonly phase: NotePhase;
	/** Whether the host has told the device to hold this note in escrow. */
	readonly held: boolean;
	readonly cause: RejectCause | null;
}

export type StartUp = 'powerUp' | 'initialising' | 'ready';

export interface LeftoverNote {
	rupees: number;
	where: NoteLocation;
}

export type MechanismEvent =
	| { type: 'escrow'; rupees: number }
	| { type: 'credited'; rupees: number }
	| { type: 'stacked'; rupees: number }
	| { type: 'rejected'; cause: RejectCause }
	| { type: 'fraud'; rupees: number | null }
	| { type: 'cashBoxReplaced' }
	| { type: 'startedUp'; leftover: LeftoverNote | null };

export interface MechanismBehaviour {
	/** ID003 waits for the host's ACK of VEND VALID; SSP moves on by itself. */
	creditNeedsHostAck: boolean;
	/** ID003 waits in power-up for the host's RESET; SSP starts up by itself. */
	waitsForResetAtPowerUp: boolean;
}

export interface CashBox {
	present: boolean;
	full: boolean;
	notesRupees: number[];
}

/**
 * The moving parts of a note acceptor, without any protocol: a note path with escrow, a cash
 * box and the faults a tester can cause. Each protocol simulator reports this state in its
 * own bytes.
 */
export class NoteMechanism {
	readonly notes: SimulatedNoteSet;
	readonly #timings: MechanismTimings;
	readonly #behaviour: MechanismBehaviour;
	readonly #onEvent: (event: MechanismEvent) => void;
	readonly #onChange: () => void;
	#startUp: StartUp;
	#accepting = false;
	#enabledRupees: ReadonlySet<number> = new Set();
	#note: NoteInPath | null = null;
	#jam: NoteLocation | null = null;
	#cashBox: CashBox = { present: true, full: false, notesRupees: [] };
	#leftover: LeftoverNote | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		notes: SimulatedNoteSet,
		timings: MechanismTimings,
		behaviour: MechanismBehaviour,
		onEvent: (event: MechanismEvent) => void,
		onChange: () => void
	) {
		this.notes = notes;
		this.#timings = timings;
		this.#behaviour = behaviour;
		this.#onEvent = onEvent;
		this.#onChange = onChange;
		this.#startUp = behaviour.waitsForResetAtPowerUp ? 'powerUp' : 'ready';
	}

	get startUp(): StartUp {
		return this.#startUp;
	}
	get accepting(): boolean {
		return this.#accepting;
	}
	get enabledRupees(): ReadonlySet<number> {
		return this.#enabledRupees;
	}
	get note(): NoteInPath | null {
		return this.#note;
	}
	get jam(): NoteLocation | null {
		return this.#jam;
	}
	get cashBox(): Readonly<CashBox> {
		return this.#cashBox;
	}
	get leftover(): LeftoverNote | null {
		return this.#leftover;
	}

	/** Nothing is in the note path and nothing is jammed. */
	get idle(): boolean {
		return this.#note === null && this.#jam === null;
	}

	// Host side: what a protocol command makes the device do.

	setAccepting(accepting: boolean): void {
		this.#accepting = accepting;
		this.#onChange();
	}

	setEnabledRupees(rupees: ReadonlySet<number>): void {
		this.#enabledRupees = rupees;
		this.#onChange();
	}

	hold(): boolean {
		const note = this.#note;
		if (note?.phase !== 'escrow' || this.#jam) return false;
		this.#note = { ...note, held: true };
		this.#after(this.#timings.escrowTimeoutMs, () => this.#return('escrowTimeout'));
		this.#onChange();
		return true;
	}

	stack(): boolean {
		const note = this.#note;
		if (note?.phase !== 'escrow' || note.rupees === null || this.#jam) return false;
		const rupees = note.rupees;
		this.#move('stacking', () => {
			this.#cashBox.notesRupees.push(rupees);
			this.#onEvent({ type: 'credited', rupees });
			if (this.#behaviour.creditNeedsHostAck) this.#move('awaitingCreditAck');
			else this.#finishStacking(rupees);
		});
		return true;
	}

	acknowledgeCredit(): void {
		const note = this.#note;
		if (note?.phase === 'awaitingCreditAck' && note.rupees !== null) this.#finishStacking(note.rupees);
	}

	returnNote(): boolean {
		if (this.#note?.phase !== 'escrow' || this.#jam) return false;
		this.#return('hostReturned');
		return true;
	}

	/** ID003's RESET: start up again; a note still inside is cleared as at power-up. */
	reset(): void {
		this.#restart(null);
		this.#startUp = 'initialising';
		this.#after(this.#timings.stepMs, () => this.#finishStartUp());
		this.#onChange();
	}

	// Tester side: what happens in front of or inside the machine.

	/** A citizen feeds a note; false if the device would not draw it in. */
	insertNote(rupees: number | null): boolean {
		if (this.#startUp !== 'ready' || !this.#accepting || !this.idle) return false;
		if (!this.#cashBox.present || this.#cashBox.full) return false;
		this.#note = { rupees, phase: 'reading', held: false, cause: null };
		this.#after(this.#timings.stepMs, () => {
			if (rupees === null || !this.notes.notesRupees.includes(rupees)) this.#reject('notRecognised');
			else if (!this.#enabledRupees.has(rupees)) this.#reject('inhibited');
			else {
				this.#move('escrow');
				this.#after(this.#timings.escrowTimeoutMs, () => this.#return('escrowTimeout'));
				this.#onEvent({ type: 'escrow', rupees });
			}
		});
		this.#onChange();
		return true;
	}

	/** Jams the note path: in the stacker if a note is on its way there, else in the acceptor. */
	forceJam(): void {
		this.#jam = this.#noteHeadsForStacker() ? 'stacker' : 'acceptor';
		this.#clearTimer();
		this.#onChange();
	}

	/** An operator clears the jam; returns the rupees of the note taken out, if any. */
	clearJam(): number | null {
		const rupees = this.#note?.rupees ?? null;
		this.#jam = null;
		this.#note = null;
		this.#onChange();
		return rupees;
	}

	/** A note pulled back on a string, or similar: the device reports it and throws the note out. */
	fraudAttempt(): void {
		const note = this.#note;
		this.#onEvent({ type: 'fraud', rupees: note?.rupees ?? null });
		if (note?.phase === 'reading' || note?.phase === 'escrow') this.#reject('fraud');
	}

	setCashBoxFull(full: boolean): void {
		this.#cashBox.full = full;
		this.#onChange();
	}

	removeCashBox(): void {
		this.#cashBox.present = false;
		this.#onChange();
	}

	/** An operator puts back an emptied cash box; returns the notes that were in it. */
	replaceCashBox(): number[] {
		const removed = this.#cashBox.notesRupees;
		this.#cashBox = { present: true, full: false, notesRupees: [] };
		this.#onEvent({ type: 'cashBoxReplaced' });
		this.#onChange();
		return removed;
	}

	/**
	 * Power goes off and on. A note inside stays inside; when none is, `noteInAcceptorRupees`
	 * puts one half-way in, as if the power cut came while a citizen fed it.
	 */
	powerCycle(noteInAcceptorRupees: number | null): void {
		this.#restart(noteInAcceptorRupees);
		if (this.#behaviour.waitsForResetAtPowerUp) {
			this.#startUp = 'powerUp';
			this.#onChange();
		} else this.#finishStartUp();
	}

	#restart(noteInAcceptorRupees: number | null): void {
		this.#clearTimer();
		const note = this.#note;
		if (note && note.rupees !== null) {
			this.#leftover = {
				rupees: note.rupees,
				where: this.#noteHeadsForStacker() ? 'stacker' : 'acceptor'
			};
		} else if (noteInAcceptorRupees !== null) {
			this.#leftover = { rupees: noteInAcceptorRupees, where: 'acceptor' };
		}
		this.#note = null;
		this.#jam = null;
		this.#accepting = false;
		this.#enabledRupees = new Set();
	}

	/** A note left in the acceptor goes out of the front; one in the stacker into the cash box, uncredited. */
	#finishStartUp(): void {
		const leftover = this.#leftover;
		if (leftover?.where === 'stacker') this.#cashBox.notesRupees.push(leftover.rupees);
		this.#leftover = null;
		this.#startUp = 'ready';
		this.#onEvent({ type: 'startedUp', leftover });
		this.#onChange();
	}

	#noteHeadsForStacker(): boolean {
		const phase = this.#note?.phase;
		return phase === 'stacking' || phase === 'awaitingCreditAck' || phase === 'stacked';
	}

	#finishStacking(rupees: number): void {
		this.#move('stacked', () => {
			this.#note = null;
			this.#onEvent({ type: 'stacked', rupees });
			this.#onChange();
		});
	}

	#reject(cause: RejectCause): void {
		this.#moveOut('rejecting', cause);
	}

	#return(cause: RejectCause): void {
		this.#moveOut('returning', cause);
	}

	#moveOut(phase: 'rejecting' | 'returning', cause: RejectCause): void {
		const note = this.#note;
		if (!note) return;
		this.#note = { ...note, phase, cause };
		this.#after(this.#timings.stepMs, () => {
			this.#note = null;
			this.#onEvent({ type: 'rejected', cause });
			this.#onChange();
		});
		this.#onChange();
	}

	/** Puts the note into `phase`; `next` runs one step later unless something interrupts. */
	#move(phase: NotePhase, next?: () => void): void {
		const note = this.#note;
		if (!note) return;
		this.#note = { ...note, phase };
		if (next) this.#after(this.#timings.stepMs, next);
		else this.#clearTimer();
		this.#onChange();
	}

	#after(ms: number, action: () => void): void {
		this.#clearTimer();
		this.#timer = setTimeout(() => {
			this.#timer = null;
			action();
		}, ms);
	}

	#clearTimer(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
