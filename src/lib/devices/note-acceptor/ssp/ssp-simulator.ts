import { NoteAcceptorSimulator, noteIndex, type NoteAcceptorSimulatorOptions } from '../simulator/note-acceptor-simulator';
import type { MechanismEvent, RejectCause } from '../simulator/note-mechanism';
import { encodeSspFrame, extractSspFrame, type SspFrame } from './frame';
import {
	encodePollEvents,
	encodeSetupResponse,
	enabledChannelsOf,
	SSP_LINE_SETTINGS,
	SSP_NOTE_VALIDATOR,
	SSP_PROTOCOL_VERSION,
	SspCommand,
	SspEvent,
	SspResponse,
	type SspPollEvent
} from './protocol';

export interface SspSimulatorOptions extends NoteAcceptorSimulatorOptions {
	address?: number;
}

/** The highest protocol version the simulator agrees to; the driver asks for 6. */
const HIGHEST_PROTOCOL_VERSION = 8;

/** LAST REJECT CODE for each cause. */
const REJECT_CODES: Readonly<Record<RejectCause, number>> = {
	notRecognised: 0x02,
	inhibited: 0x06,
	hostReturned: 0x08,
	fraud: 0x0e,
	escrowTimeout: 0x13
};

/** What a command did: the reply data, and anything that happens after the reply is sent. */
interface Outcome {
	reply: readonly number[];
	afterwards?: () => void;
}

/**
 * An Innovative Technology SSP note validator on a simulated serial port, 9600 8N2. Like the
 * real one, it answers a repeated sequence flag with its previous reply instead of acting twice.
 */
export class SspSimulator extends NoteAcceptorSimulator {
	readonly protocol = 'ssp';
	readonly name = 'Simulated Innovative Technology SSP note validator';
	readonly lineSettings = SSP_LINE_SETTINGS;
	readonly #address: number;
	#lastSequenceFlag: boolean | null = null;
	#lastReply: Uint8Array | null = null;
	#protocolVersion = SSP_PROTOCOL_VERSION;
	/** Events waiting for the next POLL, oldest first. */
	#events: SspPollEvent[] = [];
	/** A note in escrow is accepted by a POLL only after the host has been told about it. */
	#escrowReported = false;
	#lastRejectCode = 0;

	constructor(options: SspSimulatorOptions = {}) {
		// Five seconds in escrow without HOLD, as the `ssp` crate documents the HOLD command.
		super(options, { creditNeedsHostAck: false, waitsForResetAtPowerUp: false }, { stepMs: 500, escrowTimeoutMs: 5_000 });
		this.#address = options.address ?? 0;
	}

	protected hostBytes(bytes: Uint8Array): void {
		this.framesIn(bytes, extractSspFrame, (frame) => this.#handle(frame));
	}

	protected mechanismEvent(event: MechanismEvent): void {
		switch (event.type) {
			case 'escrow':
				this.#escrowReported = false;
				this.#events.push({ code: SspEvent.readNote, channel: this.#channel(event.rupees) });
				break;
			case 'credited':
				this.#events.push({ code: SspEvent.creditNote, channel: this.#channel(event.rupees) });
				break;
			case 'stacked':
				this.#events.push({ code: SspEvent.noteStacked, channel: null });
				break;
			case 'rejected':
				this.#lastRejectCode = REJECT_CODES[event.cause];
				this.#events.push({ code: SspEvent.noteRejected, channel: null });
				break;
			case 'fraud':
				this.#events.push({ code: SspEvent.fraudAttempt, channel: this.#channel(event.rupees) });
				break;
			case 'cashBoxReplaced':
				this.#events.push({ code: SspEvent.cashBoxReplaced, channel: null });
				break;
			case 'startedUp':
				this.#lastSequenceFlag = null;
				this.#protocolVersion = SSP_PROTOCOL_VERSION;
				this.#events = [{ code: SspEvent.slaveReset, channel: null }];
				if (event.leftover) {
					const code = event.leftover.where === 'acceptor' ? SspEvent.noteClearedFromFront : SspEvent.noteClearedIntoCashBox;
					this.#events.push({ code, channel: this.#channel(event.leftover.rupees) });
				}
				break;
		}
	}

	#handle(frame: SspFrame): void {
		if (frame.address !== this.#address) return;
		const command = frame.data[0];
		const repeated = frame.sequenceFlag === this.#lastSequenceFlag && command !== SspCommand.sync;
		if (repeated && this.#lastReply) {
			this.reply(this.#lastReply);
			return;
		}
		const outcome = this.#execute(frame.data);
		const reply = encodeSspFrame({
			sequenceFlag: frame.sequenceFlag,
			address: this.#address,
			data: Uint8Array.from(outcome.reply)
		});
		this.#lastSequenceFlag = frame.sequenceFlag;
		this.#lastReply = reply;
		this.reply(reply);
		outcome.afterwards?.();
	}

	#execute(data: Uint8Array): Outcome {
		const mechanism = this.mechanism;
		const ok: Outcome = { reply: [SspResponse.ok] };
		const cannot: Outcome = { reply: [SspResponse.cannotProcess] };
		switch (data[0]) {
			case SspCommand.sync:
				return ok;
			case SspCommand.reset:
				return { ...ok, afterwards: () => mechanism.powerCycle(null) };
			case SspCommand.hostProtocolVersion: {
				const version = data[1];
				if (version === undefined) return { reply: [SspResponse.wrongParameters] };
				if (version < SSP_PROTOCOL_VERSION || version > HIGHEST_PROTOCOL_VERSION) {
					return { reply: [SspResponse.fail] };
				}
				this.#protocolVersion = version;
				return ok;
			}
			case SspCommand.setupRequest:
				return { reply: [SspResponse.ok, ...encodeSetupResponse(this.#setup())] };
			case SspCommand.setChannelInhibits: {
				if (data.length < 3) return { reply: [SspResponse.wrongParameters] };
				const channels = enabledChannelsOf(data.subarray(1));
				const rupees = mechanism.notes.notesRupees.filter((note) => channels.has(this.#channel(note)));
				mechanism.setEnabledRupees(new Set(rupees));
				return ok;
			}
			case SspCommand.enable:
				mechanism.setAccepting(true);
				return ok;
			case SspCommand.disable:
				mechanism.setAccepting(false);
				return ok;
			case SspCommand.poll:
				return { reply: [SspResponse.ok, ...encodePollEvents(this.#poll())] };
			case SspCommand.hold:
				return mechanism.hold() ? ok : cannot;
			case SspCommand.rejectBanknote:
				return mechanism.returnNote() ? ok : cannot;
			case SspCommand.lastRejectCode:
				return { reply: [SspResponse.ok, this.#lastRejectCode] };
			default:
				return { reply: [SspResponse.unknownCommand] };
		}
	}

	/** One-off events in the order they happened, then the conditions that last. */
	#poll(): SspPollEvent[] {
		const mechanism = this.mechanism;
		if (mechanism.note?.phase === 'escrow' && this.#escrowReported) mechanism.stack();
		const events = this.#events;
		this.#events = [];
		if (events.some((event) => event.code === SspEvent.readNote && event.channel)) {
			this.#escrowReported = true;
		}
		const lasting = (code: number): SspPollEvent => ({ code, channel: null });
		if (mechanism.jam === 'acceptor') events.push(lasting(SspEvent.unsafeNoteJam));
		if (mechanism.jam === 'stacker') events.push(lasting(SspEvent.safeNoteJam));
		if (!mechanism.cashBox.present) events.push(lasting(SspEvent.cashBoxRemoved));
		if (mechanism.cashBox.full) events.push(lasting(SspEvent.stackerFull));
		switch (mechanism.note?.phase) {
			case 'reading':
				events.push({ code: SspEvent.readNote, channel: 0 });
				break;
			case 'stacking':
				events.push(lasting(SspEvent.noteStacking));
				break;
			case 'rejecting':
			case 'returning':
				events.push(lasting(SspEvent.noteRejecting));
				break;
		}
		if (!mechanism.accepting && mechanism.idle) events.push(lasting(SspEvent.disabled));
		return events;
	}

	#setup() {
		const notes = [...this.mechanism.notes.notesRupees].sort((a, b) => a - b);
		const valueMultiplier = [1, 10, 100, 1000].find((multiplier) =>
			notes.every((rupees) => rupees % multiplier === 0 && rupees / multiplier <= 0xff)
		);
		return {
			unitType: SSP_NOTE_VALIDATOR,
			firmwareVersion: '0420',
			countryCode: this.mechanism.notes.currency,
			valueMultiplier: valueMultiplier ?? 1,
			channels: notes.map((value) => ({ value, currency: this.mechanism.notes.currency })),
			realValueMultiplier: 100,
			protocolVersion: this.#protocolVersion
		};
	}

	/** Channels are numbered from 1 in ascending value; 0 means unknown. */
	#channel(rupees: number | null): number {
		return noteIndex(this.mechanism.notes, rupees) + 1;
	}
}
