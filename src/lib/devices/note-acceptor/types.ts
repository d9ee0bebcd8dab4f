/** The wire protocols this kiosk's note acceptors speak. */
export type NoteAcceptorProtocol = 'id003' | 'ssp';

export type NoteAcceptorState =
	| 'closed'
	| 'connected'
	| 'initialising'
	| 'disabled'
	| 'idle'
	| 'accepting'
	| 'escrow'
	| 'stacking'
	| 'returning'
	| 'rejecting'
	| 'jammed'
	| 'cashBoxFull'
	| 'cashBoxRemoved'
	| 'fault';

/** Why the device refused a note, in words common to both protocols. */
export type NoteRejectReason = 'inhibited' | 'notRecognised' | 'insertion' | 'length' | 'doubleNote' | 'transport' | 'other';

export interface NoteRejection {
	reason: NoteRejectReason;
	/** The device's own wording, for logs and the operator. */
	detail: string;
}

export type NoteLocation = 'acceptor' | 'stacker';

export interface NoteAcceptorEvents {
	stateChanged: { state: NoteAcceptorState; previous: NoteAcceptorState };
	/** A note is held in escrow; the app must `stack()` or `returnNote()` it. */
	escrow: { valuePaise: number };
	/** The note is past the point of no return: the only event that may credit the citizen. */
	credited: { valuePaise: number };
	/** A note that was offered in escrow went back to the citizen. */
	returned: { valuePaise: number };
	rejected: NoteRejection;
	jam: { where: NoteLocation };
	cashBoxFull: undefined;
	cashBoxRemoved: undefined;
	fraud: { detail: string };
	/**
	 * The device restarted with a note inside. A note in the stacker went to the cash box
	 * without a credit; the operator must check whether the citizen paid it.
	 */
	noteAtPowerUp: { where: NoteLocation; valuePaise: number | null };
	/**
	 * Something an operator must look at. When the device stopped answering, the state is
	 * `fault` and polling has stopped until `initialise()` is called again.
	 */
	fault: { detail: string };
}

export type NoteAcceptorEventName = keyof NoteAcceptorEvents;

export type NoteAcceptorListener<Name extends NoteAcceptorEventName> = (payload: NoteAcceptorEvents[Name]) => void;

export interface NoteAcceptorDescription {
	protocol: NoteAcceptorProtocol;
	/** ISO 4217 code the device's note set is for. */
	currency: string;
	/** Note values the device reported, ascending. */
	denominationsPaise: readonly number[];
}

/** A bank-note acceptor with escrow, whatever protocol it speaks. Money is in integer paise. */
export interface NoteAcceptor {
	readonly protocol: NoteAcceptorProtocol;
	readonly state: NoteAcceptorState;
	/** What `initialise()` read from the device; empty before. */
	readonly denominationsPaise: readonly number[];
	/** The value of the note waiting for a decision, if any. */
	readonly escrowPaise: number | null;

	/** Opens the serial port with the line settings the protocol needs. */
	connect(): Promise<void>;
	/**
	 * Resets the device, reads its note values, leaves it not accepting and starts polling.
	 * Notes found inside at start-up are reported with `noteAtPowerUp`.
	 */
	initialise(): Promise<NoteAcceptorDescription>;
	/** Starts taking notes of these values; resolves with the values actually enabled. */
	enable(acceptedValuesPaise: readonly number[]): Promise<readonly number[]>;
	disable(): Promise<void>;
	/** Keeps the note in escrow; `credited` follows once the device has stacked it. */
	stack(): Promise<void>;
	/** Hands the note in escrow back to the citizen; `returned` follows. */
	returnNote(): Promise<void>;
	/** Stops polling and closes the port. A note still in escrow is handed back first. */
	close(): Promise<void>;
	/** Returns a function that removes the listener. */
	on<Name extends NoteAcceptorEventName>(event: Name, listener: NoteAcceptorListener<Name>): () => void;
}

export const PAISE_PER_RUPEE = 100;
