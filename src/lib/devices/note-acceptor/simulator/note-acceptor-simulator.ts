import type { FrameExtractor } from '../../serial/byte-stream-reader';
import { concatBytes } from '../../serial/bytes';
import type { SerialLineSettings } from '../../serial/serial-port';
import { SimulatedSerialPort, type SimulatedSerialDevice } from '../../serial/simulated-serial-port';
import type { NoteLocation, NoteAcceptorProtocol } from '../types';
import {
	INDIAN_RUPEE_NOTES,
	NoteMechanism,
	type MechanismBehaviour,
	type MechanismEvent,
	type MechanismTimings,
	type NotePhase,
	type SimulatedNoteSet,
	type StartUp
} from './note-mechanism';

export interface NoteAcceptorSimulatorOptions {
	/** The notes the simulated dataset knows; Indian rupee notes by default. */
	notes?: SimulatedNoteSet;
	timings?: Partial<MechanismTimings>;
}

/** What a tester panel shows. */
export interface NoteAcceptorSimulatorSnapshot {
	protocol: NoteAcceptorProtocol;
	responding: boolean;
	startUp: StartUp;
	accepting: boolean;
	enabledNotesRupees: readonly number[];
	note: { rupees: number | null; phase: NotePhase } | null;
	jam: NoteLocation | null;
	cashBox: { present: boolean; full: boolean; notesRupees: readonly number[]; totalRupees: number };
}

/** A rupee value as the simulated dataset would number it: position in ascending order, from 0. */
export function noteIndex(notes: SimulatedNoteSet, rupees: number | null): number {
	return rupees === null ? -1 : [...notes.notesRupees].sort((a, b) => a - b).indexOf(rupees);
}

/**
 * A simulated note acceptor on a simulated serial port. The protocol subclass speaks the
 * bytes; this class holds the mechanism and the tester controls used by the tester panel
 * and by Playwright.
 */
export abstract class NoteAcceptorSimulator implements SimulatedSerialDevice {
	abstract readonly protocol: NoteAcceptorProtocol;
	abstract readonly name: string;
	abstract readonly lineSettings: SerialLineSettings;
	/** Hand this to the driver in place of a port from `navigator.serial`. */
	readonly port: SimulatedSerialPort;
	protected readonly mechanism: NoteMechanism;
	readonly #subscribers = new Set<(snapshot: NoteAcceptorSimulatorSnapshot) => void>();
	#toHost: ((bytes: Uint8Array) => void) | null = null;
	#responding = true;
	#received: Uint8Array = new Uint8Array(0);

	protected constructor(options: NoteAcceptorSimulatorOptions, behaviour: MechanismBehaviour, defaultTimings: MechanismTimings) {
		this.mechanism = new NoteMechanism(
			options.notes ?? INDIAN_RUPEE_NOTES,
			{ ...defaultTimings, ...options.timings },
			behaviour,
			(event) => this.mechanismEvent(event),
			() => this.#changed()
		);
		this.port = new SimulatedSerialPort(this);
	}

	attach(toHost: (bytes: Uint8Array) => void): void {
		this.#toHost = toHost;
	}

	detach(): void {
		this.#toHost = null;
	}

	receive(bytes: Uint8Array): void {
		if (this.#responding) this.hostBytes(bytes);
	}

	/** Bytes from the host, while the device is answering. */
	protected abstract hostBytes(bytes: Uint8Array): void;
	/** Something happened in the mechanism that the protocol may need to report later. */
	protected abstract mechanismEvent(event: MechanismEvent): void;

	/** Adds `bytes` to what arrived before and hands each whole frame to `handle`. */
	protected framesIn<Frame>(bytes: Uint8Array, extract: FrameExtractor<Frame>, handle: (frame: Frame) => void): void {
		this.#received = concatBytes(this.#received, bytes);
		for (;;) {
			const { frame, consumed } = extract(this.#received);
			this.#received = this.#received.subarray(consumed);
			if (frame) handle(frame);
			else if (consumed === 0) return;
		}
	}

	protected reply(bytes: Uint8Array): void {
		this.#toHost?.(bytes);
	}

	// Tester controls.

	/** A citizen feeds a note; false if the device does not draw it in (disabled, busy, cash box out). */
	insertNote(valueRupees: number): boolean {
		return this.mechanism.insertNote(valueRupees);
	}

	/** A citizen feeds something the device cannot recognise; it is rejected. */
	forceReject(): boolean {
		return this.mechanism.insertNote(null);
	}

	forceJam(): void {
		this.mechanism.forceJam();
	}

	/** Returns the rupees of the note an operator took out of the jam, if there was one. */
	clearJam(): number | null {
		return this.mechanism.clearJam();
	}

	setCashBoxFull(full: boolean): void {
		this.mechanism.setCashBoxFull(full);
	}

	removeCashBox(): void {
		this.mechanism.removeCashBox();
	}

	/** Puts back an emptied cash box; returns the notes that were in it. */
	replaceCashBox(): number[] {
		return this.mechanism.replaceCashBox();
	}

	fraudAttempt(): void {
		this.mechanism.fraudAttempt();
	}

	/**
	 * Power fails and comes back with a note inside: the one in the note path, or else a note
	 * of `valueRupees` half-way in.
	 */
	powerCycleWithNoteInAcceptor(valueRupees = 100): void {
		this.mechanism.powerCycle(valueRupees);
	}

	/** The cable is pulled or the device hangs: host bytes go unanswered. */
	stopResponding(): void {
		this.#responding = false;
		this.#changed();
	}

	resumeResponding(): void {
		this.#responding = true;
		this.#changed();
	}

	snapshot(): NoteAcceptorSimulatorSnapshot {
		const mechanism = this.mechanism;
		const note = mechanism.note;
		const cashBox = mechanism.cashBox;
		return {
			protocol: this.protocol,
			responding: this.#responding,
			startUp: mechanism.startUp,
			accepting: mechanism.accepting,
			enabledNotesRupees: [...mechanism.enabledRupees].sort((a, b) => a - b),
			note: note && { rupees: note.rupees, phase: note.phase },
			jam: mechanism.jam,
			cashBox: {
				present: cashBox.present,
				full: cashBox.full,
				notesRupees: [...cashBox.notesRupees],
				totalRupees: cashBox.notesRupees.reduce((total, rupees) => total + rupees, 0)
			}
		};
	}

	/** The Svelte store contract, so a tester panel can write `$simulator`. */
	subscribe(listener: (snapshot: NoteAcceptorSimulatorSnapshot) => void): () => void {
		this.#subscribers.add(listener);
		listener(this.snapshot());
		return () => {
			this.#subscribers.delete(listener);
		};
	}

	#changed(): void {
		if (this.#subscribers.size === 0) return;
		const snapshot = this.snapshot();
		for (const subscriber of this.#subscribers) subscriber(snapshot);
	}
}
