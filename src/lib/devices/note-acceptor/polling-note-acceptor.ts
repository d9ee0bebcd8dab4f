import { SerialClosedError, SerialTimeoutError, type FrameExtractor } from '../serial/byte-stream-reader';
import { SerialConnection } from '../serial/serial-connection';
import type { SerialLineSettings, SerialPortLike } from '../serial/serial-port';
import { Listeners, type EventArguments } from './listeners';
import type {
	NoteAcceptor,
	NoteAcceptorDescription,
	NoteAcceptorEventName,
	NoteAcceptorEvents,
	NoteAcceptorListener,
	NoteAcceptorProtocol,
	NoteAcceptorState
} from './types';

/** A note value as the device names it: an ID003 escrow code or an SSP channel number. */
export interface Denomination {
	code: number;
	valuePaise: number;
}

/** What a device reports about itself when it starts. */
export interface DeviceSetup {
	currency: string;
	denominations: readonly Denomination[];
}

export interface NoteAcceptorTimings {
	/** Time between two polls. */
	pollIntervalMs: number;
	/** How long to wait for each answer. */
	answerTimeoutMs: number;
	/** How many times a request is sent before the device counts as gone. */
	attempts: number;
	/** How often the driver tells the device to keep holding a note; well inside the device's limit. */
	holdIntervalMs: number;
	/** How long the app may take to decide on a note in escrow before the driver hands it back. */
	escrowDecisionMs: number;
	/** How long the device may take to start up after a reset. */
	startUpTimeoutMs: number;
}

export const DEFAULT_TIMINGS: NoteAcceptorTimings = {
	pollIntervalMs: 200,
	answerTimeoutMs: 500,
	attempts: 3,
	holdIntervalMs: 1000,
	escrowDecisionMs: 20_000,
	startUpTimeoutMs: 15_000
};

export interface NoteAcceptorOptions {
	/** The currency this kiosk takes; initialisation fails if the device is set up for another. */
	currency?: string;
	timings?: Partial<NoteAcceptorTimings>;
}

export type EscrowDecision = 'pending' | 'stack' | 'return';

export interface EscrowNote {
	readonly valuePaise: number;
	/** False for a note the driver sends back on its own, which the app never saw. */
	readonly announced: boolean;
	decision: EscrowDecision;
	/** Whether the decision has been sent to the device. */
	sent: boolean;
	readonly since: number;
	heldAt: number;
}

/**
 * What both protocols share: the serial connection, one exchange at a time, the poll loop,
 * escrow bookkeeping and events. A protocol driver fills in how to talk to its device.
 */
export abstract class PollingNoteAcceptor implements NoteAcceptor {
	abstract readonly protocol: NoteAcceptorProtocol;
	/** Names the device in messages, e.g. "JCM ID003 note acceptor". */
	protected abstract readonly deviceName: string;
	protected abstract readonly lineSettings: SerialLineSettings;
	protected readonly timings: NoteAcceptorTimings;
	protected readonly currency: string;

	readonly #port: SerialPortLike;
	readonly #listeners = new Listeners<NoteAcceptorEvents>();
	#connection: SerialConnection | null = null;
	#state: NoteAcceptorState = 'closed';
	#denominations: readonly Denomination[] = [];
	/** The escrow codes or channels the app enabled; null while the app wants no notes. */
	#enabledCodes: ReadonlySet<number> | null = null;
	#escrow: EscrowNote | null = null;
	#exchanges: Promise<unknown> = Promise.resolve();
	#polling = false;
	#pollTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(port: SerialPortLike, options: NoteAcceptorOptions = {}) {
		this.#port = port;
		this.currency = options.currency ?? 'INR';
		this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
	}

	get state(): NoteAcceptorState {
		return this.#state;
	}

	get denominationsPaise(): readonly number[] {
		return this.#denominations.map((denomination) => denomination.valuePaise);
	}

	get escrowPaise(): number | null {
		const escrow = this.#escrow;
		return escrow?.announced && escrow.decision === 'pending' ? escrow.valuePaise : null;
	}

	on<Name extends NoteAcceptorEventName>(event: Name, listener: NoteAcceptorListener<Name>): () => void {
		return this.#listeners.on(event, listener);
	}

	async connect(): Promise<void> {
		if (this.#connection) return;
		this.#connection = await SerialConnection.open(this.#port, this.lineSettings);
		this.setState('connected');
	}

	async initialise(): Promise<NoteAcceptorDescription> {
		this.#requireConnection();
		this.#stopPolling();
		try {
			const setup = await this.#exclusive(() => {
				this.setState('initialising');
				return this.#start();
			});
			this.#enabledCodes = null;
			this.setState('disabled');
			this.#startPolling();
			return {
				protocol: this.protocol,
				currency: setup.currency,
				denominationsPaise: this.denominationsPaise
			};
		} catch (error) {
			this.#fail(error);
			throw error;
		}
	}

	async enable(acceptedValuesPaise: readonly number[]): Promise<readonly number[]> {
		const wanted = new Set(acceptedValuesPaise);
		const denominations = this.#requireDenominations().filter((d) => wanted.has(d.valuePaise));
		if (denominations.length === 0) {
			throw new RangeError(
				`${this.deviceName} takes notes of ${this.denominationsPaise.join(', ')} paise; ` +
					`none of ${acceptedValuesPaise.join(', ')} is among them`
			);
		}
		await this.#command(async () => {
			this.#requireNoEscrow();
			await this.acceptDenominations(denominations);
			this.#enabledCodes = new Set(denominations.map((d) => d.code));
		});
		return denominations.map((d) => d.valuePaise);
	}

	async disable(): Promise<void> {
		this.#requireDenominations();
		await this.#command(async () => {
			this.#requireNoEscrow();
			await this.stopAccepting();
			this.#enabledCodes = null;
		});
	}

	stack(): Promise<void> {
		return this.#decide('stack');
	}

	returnNote(): Promise<void> {
		return this.#decide('return');
	}

	async close(): Promise<void> {
		this.#stopPolling();
		const connection = this.#connection;
		if (!connection) return;
		const escrow = this.#escrow;
		if (escrow?.decision === 'pending' && this.#state !== 'fault') {
			escrow.decision = 'return';
			// If this fails the device still hands the note back itself once its escrow limit passes.
			await this.#exclusive(() => this.#sendDecision(escrow)).catch(() => undefined);
		}
		await this.#exchanges.catch(() => undefined);
		this.#connection = null;
		await connection.close();
		this.setState('closed');
	}

	/** Resets the device and reads its note values, leaving it taking no notes. */
	protected abstract startDevice(): Promise<DeviceSetup>;
	/** Asks the device what happened since the last poll and reports it. */
	protected abstract pollDevice(): Promise<void>;
	/** Makes the device take exactly these notes and start accepting. */
	protected abstract acceptDenominations(denominations: readonly Denomination[]): Promise<void>;
	protected abstract stopAccepting(): Promise<void>;
	/** Tells the device to keep the note in escrow; false if it no longer holds one. */
	protected abstract holdNote(): Promise<boolean>;
	/** Tells the device to stack or return the note in escrow. */
	protected abstract carryOut(decision: 'stack' | 'return'): Promise<void>;

	protected async exchange<Frame>(request: Uint8Array, extract: FrameExtractor<Frame>, what: string): Promise<Frame> {
		try {
			return await this.#requireConnection().exchange(request, extract, this.timings);
		} catch (error) {
			if (!(error instanceof SerialTimeoutError)) throw error;
			throw new SerialTimeoutError(
				`${this.deviceName} did not answer ${what} ` + `(${this.timings.attempts} tries, ${this.timings.answerTimeoutMs} ms each)`,
				{ cause: error }
			);
		}
	}

	/** Sends bytes that get no answer, such as ID003's ACK. */
	protected async send(bytes: Uint8Array): Promise<void> {
		await this.#requireConnection().write(bytes);
	}

	protected setState(state: NoteAcceptorState): void {
		const previous = this.#state;
		if (state === previous) return;
		this.#state = state;
		this.emit('stateChanged', { state, previous });
	}

	protected emit<Name extends NoteAcceptorEventName>(name: Name, ...payload: EventArguments<NoteAcceptorEvents[Name]>): void {
		this.#listeners.emit(name, ...payload);
	}

	protected denomination(code: number): Denomination | undefined {
		return this.#denominations.find((d) => d.code === code);
	}

	/** Whether the app has asked for notes to be taken. */
	protected get accepting(): boolean {
		return this.#enabledCodes !== null;
	}

	protected get escrowNote(): Readonly<EscrowNote> | null {
		return this.#escrow;
	}

	/** True while the app has yet to decide on the note in escrow, so nothing may accept it. */
	protected get awaitingDecision(): boolean {
		return this.#escrow?.decision === 'pending';
	}

	/**
	 * The device holds a note in escrow. A note the app did not enable, or one of unknown
	 * value, goes back without the app ever seeing it.
	 */
	protected noteEscrowed(code: number): void {
		if (this.#escrow) return;
		const denomination = this.denomination(code);
		const wanted = denomination !== undefined && this.#enabledCodes?.has(code) === true;
		const now = Date.now();
		this.#escrow = {
			valuePaise: denomination?.valuePaise ?? 0,
			announced: wanted,
			decision: wanted ? 'pending' : 'return',
			sent: false,
			since: now,
			heldAt: now
		};
		if (denomination && wanted) this.emit('escrow', { valuePaise: denomination.valuePaise });
		else if (denomination) {
			this.emit('rejected', {
				reason: 'inhibited',
				detail: `A ${denomination.valuePaise}-paise note reached escrow but is not enabled`
			});
		} else {
			this.emit('rejected', {
				reason: 'notRecognised',
				detail: `The device escrowed a note with unknown code ${code}`
			});
		}
	}

	protected noteCredited(valuePaise: number): void {
		this.#escrow = null;
		this.emit('credited', { valuePaise });
	}

	protected noteReturned(): void {
		const escrow = this.#escrow;
		this.#escrow = null;
		if (escrow?.announced) this.emit('returned', { valuePaise: escrow.valuePaise });
	}

	/** A note left escrow without the device saying where it went. */
	protected settleVanishedNote(): void {
		const escrow = this.#escrow;
		if (!escrow) return;
		if (escrow.decision !== 'stack' || !escrow.sent) {
			this.noteReturned();
			return;
		}
		this.#escrow = null;
		this.emit('fault', {
			detail:
				`${this.deviceName} was told to stack a ${escrow.valuePaise}-paise note but never ` +
				'reported a credit; check the cash box'
		});
	}

	/** The device restarted on its own (a power cut): set it up again as the app had it. */
	protected async restartDevice(): Promise<void> {
		this.setState('initialising');
		await this.#start();
		const enabledCodes = this.#enabledCodes;
		if (enabledCodes) {
			await this.acceptDenominations(this.#denominations.filter((d) => enabledCodes.has(d.code)));
		}
	}

	async #start(): Promise<DeviceSetup> {
		const setup = await this.startDevice();
		if (setup.currency !== this.currency) {
			throw new Error(`${this.deviceName} is set up for ${setup.currency} notes, ` + `but this kiosk takes ${this.currency}`);
		}
		this.#escrow = null;
		this.#denominations = [...setup.denominations].sort((a, b) => a.valuePaise - b.valuePaise);
		return setup;
	}

	async #decide(decision: 'stack' | 'return'): Promise<void> {
		const escrow = this.#escrow;
		if (!escrow?.announced || escrow.decision !== 'pending') {
			throw new Error('No note is waiting in escrow');
		}
		escrow.decision = decision;
		await this.#command(() => this.#sendDecision(escrow));
	}

	async #sendDecision(escrow: EscrowNote): Promise<void> {
		if (escrow.sent || escrow !== this.#escrow || escrow.decision === 'pending') return;
		escrow.sent = true;
		await this.carryOut(escrow.decision);
	}

	async #tick(): Promise<void> {
		const escrow = this.#escrow;
		if (escrow?.decision === 'pending') {
			const now = Date.now();
			if (now - escrow.since >= this.timings.escrowDecisionMs) escrow.decision = 'return';
			else if (now - escrow.heldAt >= this.timings.holdIntervalMs) {
				escrow.heldAt = now;
				if (!(await this.holdNote())) {
					// The device already let go of the note; the next poll says where it went.
					escrow.decision = 'return';
					escrow.sent = true;
				}
			}
		}
		if (escrow) await this.#sendDecision(escrow);
		await this.pollDevice();
	}

	#startPolling(): void {
		this.#polling = true;
		this.#schedulePoll();
	}

	#stopPolling(): void {
		this.#polling = false;
		if (this.#pollTimer) clearTimeout(this.#pollTimer);
		this.#pollTimer = null;
	}

	#schedulePoll(): void {
		this.#pollTimer = setTimeout(() => void this.#pollOnce(), this.timings.pollIntervalMs);
	}

	async #pollOnce(): Promise<void> {
		this.#pollTimer = null;
		if (!this.#polling) return;
		try {
			await this.#exclusive(() => this.#tick());
		} catch (error) {
			this.#fail(error);
			return;
		}
		if (this.#polling && !this.#pollTimer) this.#schedulePoll();
	}

	/** Runs `work` after every exchange queued before it, so frames never interleave on the wire. */
	#exclusive<Result>(work: () => Promise<Result>): Promise<Result> {
		const result = this.#exchanges.then(work);
		this.#exchanges = result.catch(() => undefined);
		return result;
	}

	/** An app command: a device that stops answering faults the driver; a refusal fails the call. */
	async #command(work: () => Promise<void>): Promise<void> {
		try {
			await this.#exclusive(work);
		} catch (error) {
			if (error instanceof SerialTimeoutError || error instanceof SerialClosedError) this.#fail(error);
			throw error;
		}
	}

	#fail(error: unknown): void {
		this.#stopPolling();
		this.setState('fault');
		this.emit('fault', { detail: error instanceof Error ? error.message : String(error) });
	}

	#requireConnection(): SerialConnection {
		if (!this.#connection) {
			throw new Error(`${this.deviceName} is not connected; call connect() first`);
		}
		return this.#connection;
	}

	#requireDenominations(): readonly Denomination[] {
		if (this.#denominations.length === 0) {
			throw new Error(`${this.deviceName} is not initialised; call initialise() first`);
		}
		return this.#denominations;
	}

	#requireNoEscrow(): void {
		if (this.#escrow) throw new Error('Stack or return the note in escrow first');
	}
}
