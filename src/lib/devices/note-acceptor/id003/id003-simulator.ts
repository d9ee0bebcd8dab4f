import { NoteAcceptorSimulator, noteIndex, type NoteAcceptorSimulatorOptions } from '../simulator/note-acceptor-simulator';
import type { MechanismEvent, RejectCause } from '../simulator/note-mechanism';
import { encodeId003Frame, extractId003Frame, type Id003Frame } from './frame';
import {
	encodeCurrencyAssignment,
	enabledCodesOf,
	FIRST_ESCROW_CODE,
	ID003_LINE_SETTINGS,
	Id003Command,
	Id003Status,
	JCM_COUNTRY_CODES
} from './protocol';

export interface Id003SimulatorOptions extends NoteAcceptorSimulatorOptions {
	/**
	 * Older firmware answers the currency assign request with INVALID COMMAND; the driver then
	 * needs a configured table.
	 */
	answersCurrencyAssign?: boolean;
}

/** The reject code each cause is reported with. */
const REJECT_CODES: Readonly<Record<RejectCause, number>> = {
	notRecognised: 0x76,
	inhibited: 0x79,
	fraud: 0x7b,
	hostReturned: 0x7b,
	escrowTimeout: 0x7b
};

/** A JCM ID003 acceptor on a simulated serial port, 9600 8E1. */
export class Id003Simulator extends NoteAcceptorSimulator {
	readonly protocol = 'id003';
	readonly name = 'Simulated JCM ID003 note acceptor';
	readonly lineSettings = ID003_LINE_SETTINGS;
	readonly #answersCurrencyAssign: boolean;
	readonly #countryCode: number;
	/** CHEATED is shown to the next status request, then the acceptor carries on. */
	#cheated = false;

	constructor(options: Id003SimulatorOptions = {}) {
		super(options, { creditNeedsHostAck: true, waitsForResetAtPowerUp: true }, { stepMs: 500, escrowTimeoutMs: 10_000 });
		this.#answersCurrencyAssign = options.answersCurrencyAssign ?? true;
		const currency = this.mechanism.notes.currency;
		const country = Object.entries(JCM_COUNTRY_CODES).find(([, known]) => known === currency);
		if (!country) throw new Error(`No JCM country code is known for ${currency}`);
		this.#countryCode = Number(country[0]);
	}

	protected hostBytes(bytes: Uint8Array): void {
		this.framesIn(bytes, extractId003Frame, (frame) => {
			const answer = this.#answer(frame);
			if (answer) this.reply(answer);
		});
	}

	protected mechanismEvent(event: MechanismEvent): void {
		if (event.type === 'fraud') this.#cheated = true;
	}

	#answer(frame: Id003Frame): Uint8Array | null {
		const mechanism = this.mechanism;
		switch (frame.command) {
			case Id003Command.statusRequest:
				return this.#status();
			case Id003Command.reset:
				mechanism.reset();
				// Settings go back to the factory defaults: every note enabled, acceptance inhibited.
				mechanism.setEnabledRupees(new Set(mechanism.notes.notesRupees));
				return this.#ack();
			case Id003Command.stack1:
				return mechanism.stack() ? this.#ack() : this.#invalid();
			case Id003Command.return:
				return mechanism.returnNote() ? this.#ack() : this.#invalid();
			case Id003Command.hold:
				return mechanism.hold() ? this.#ack() : this.#invalid();
			case Id003Command.ack:
				mechanism.acknowledgeCredit();
				return null;
			case Id003Command.setDenominations:
				if (frame.data.length !== 2 || !mechanism.idle) return this.#invalid();
				mechanism.setEnabledRupees(this.#rupeesOf(enabledCodesOf(frame.data)));
				return encodeId003Frame(frame.command, frame.data);
			case Id003Command.setInhibit:
				if (frame.data.length !== 1 || !mechanism.idle) return this.#invalid();
				mechanism.setAccepting(frame.data[0] === 0);
				return encodeId003Frame(frame.command, frame.data);
			case Id003Command.currencyAssignRequest:
				if (!this.#answersCurrencyAssign) return this.#invalid();
				return encodeId003Frame(frame.command, encodeCurrencyAssignment(this.#currencyTable()));
			default:
				return this.#invalid();
		}
	}

	#status(): Uint8Array {
		const mechanism = this.mechanism;
		const note = mechanism.note;
		if (mechanism.startUp === 'powerUp') {
			const where = mechanism.leftover?.where;
			if (where === 'acceptor') return encodeId003Frame(Id003Status.powerUpWithBillInAcceptor);
			if (where === 'stacker') return encodeId003Frame(Id003Status.powerUpWithBillInStacker);
			return encodeId003Frame(Id003Status.powerUp);
		}
		if (mechanism.startUp === 'initialising') return encodeId003Frame(Id003Status.initialize);
		if (mechanism.jam === 'acceptor') return encodeId003Frame(Id003Status.jamInAcceptor);
		if (mechanism.jam === 'stacker') return encodeId003Frame(Id003Status.jamInStacker);
		if (!mechanism.cashBox.present) return encodeId003Frame(Id003Status.stackerOpen);
		if (this.#cheated) {
			this.#cheated = false;
			return encodeId003Frame(Id003Status.cheated);
		}
		if (note) {
			switch (note.phase) {
				case 'reading':
					return encodeId003Frame(Id003Status.accepting);
				case 'escrow':
					return note.held
						? encodeId003Frame(Id003Status.holding)
						: encodeId003Frame(Id003Status.escrow, [this.#escrowCode(note.rupees)]);
				case 'stacking':
					return encodeId003Frame(Id003Status.stacking);
				case 'awaitingCreditAck':
					return encodeId003Frame(Id003Status.vendValid);
				case 'stacked':
					return encodeId003Frame(Id003Status.stacked);
				case 'rejecting':
					return encodeId003Frame(Id003Status.rejecting, [REJECT_CODES[note.cause ?? 'notRecognised']]);
				case 'returning':
					return encodeId003Frame(Id003Status.returning);
			}
		}
		if (mechanism.cashBox.full) return encodeId003Frame(Id003Status.stackerFull);
		return encodeId003Frame(mechanism.accepting ? Id003Status.idling : Id003Status.disabled);
	}

	#currencyTable() {
		return [...this.mechanism.notes.notesRupees]
			.sort((a, b) => a - b)
			.map((value, index) => ({
				escrowCode: FIRST_ESCROW_CODE + index,
				countryCode: this.#countryCode,
				value
			}));
	}

	#escrowCode(rupees: number | null): number {
		return FIRST_ESCROW_CODE + noteIndex(this.mechanism.notes, rupees);
	}

	#rupeesOf(codes: ReadonlySet<number>): Set<number> {
		const notes = this.mechanism.notes.notesRupees;
		return new Set(notes.filter((rupees) => codes.has(this.#escrowCode(rupees))));
	}

	#ack(): Uint8Array {
		return encodeId003Frame(Id003Command.ack);
	}

	#invalid(): Uint8Array {
		return encodeId003Frame(Id003Status.invalidCommand);
	}
}
