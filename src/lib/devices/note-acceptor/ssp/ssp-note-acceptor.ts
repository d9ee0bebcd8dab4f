import type { FrameExtraction } from '../../serial/byte-stream-reader';
import type { SerialPortLike } from '../../serial/serial-port';
import { PollingNoteAcceptor, type Denomination, type DeviceSetup, type NoteAcceptorOptions } from '../polling-note-acceptor';
import type { NoteAcceptorState } from '../types';
import { encodeSspFrame, extractSspFrame, type SspFrame } from './frame';
import {
	channelInhibitsData,
	decodePollEvents,
	decodeSetupResponse,
	SSP_LINE_SETTINGS,
	SSP_NOTE_VALIDATOR,
	SSP_PROTOCOL_VERSION,
	SspCommand,
	SspEvent,
	sspRejection,
	SspResponse,
	sspResponseName,
	type SspPollEvent
} from './protocol';

export interface SspOptions extends NoteAcceptorOptions {
	/** The device's SSP address; 0 is a note validator's default. */
	address?: number;
}

/**
 * Innovative Technology SSP (9600 8N2). A note read into escrow is accepted by the next POLL,
 * so while the app decides the driver sends only HOLD.
 */
export class SspNoteAcceptor extends PollingNoteAcceptor {
	readonly protocol = 'ssp';
	protected readonly deviceName = 'Innovative Technology SSP note acceptor';
	protected readonly lineSettings = SSP_LINE_SETTINGS;
	readonly #address: number;
	/** The flag of the next new command; SYNC always goes with the flag set. */
	#sequenceFlag = false;
	#channelCount = 0;
	/** Event codes in the last POLL reply: jams and cash box conditions repeat while they last. */
	#lastCodes: ReadonlySet<number> = new Set();

	constructor(port: SerialPortLike, options: SspOptions = {}) {
		super(port, options);
		this.#address = options.address ?? 0;
	}

	protected async startDevice(): Promise<DeviceSetup> {
		await this.#expectOk([SspCommand.sync], 'SYNC');
		await this.#expectOk([SspCommand.hostProtocolVersion, SSP_PROTOCOL_VERSION], `HOST PROTOCOL VERSION ${SSP_PROTOCOL_VERSION}`);
		const setupReply = await this.#expectOk([SspCommand.setupRequest], 'SETUP REQUEST');
		const setup = decodeSetupResponse(setupReply);
		if (setup.unitType !== SSP_NOTE_VALIDATOR) {
			throw new Error(`${this.deviceName} reports unit type ${setup.unitType}, not a note validator`);
		}
		this.#channelCount = setup.channels.length;
		this.#lastCodes = new Set();
		await this.#setInhibits(new Set());
		await this.#expectOk([SspCommand.disable], 'DISABLE');
		const currencies = new Set(setup.channels.map((channel) => channel.currency));
		const [currency, ...others] = currencies;
		if (currency === undefined || others.length > 0) {
			const listed = [...currencies].join(', ') || 'no currency';
			throw new Error(`${this.deviceName} reported notes in ${listed}`);
		}
		return {
			currency,
			denominations: setup.channels.map((channel, index) => ({
				code: index + 1,
				valuePaise: channel.value * setup.realValueMultiplier
			}))
		};
	}

	protected async pollDevice(): Promise<void> {
		if (this.awaitingDecision) return;
		const events = decodePollEvents(await this.#expectOk([SspCommand.poll], 'POLL'));
		const codes = new Set(events.map((event) => event.code));
		const lastCodes = this.#lastCodes;
		this.#lastCodes = codes;
		let restarted = false;
		for (const event of events) {
			if (event.code === SspEvent.slaveReset) restarted = true;
			else await this.#report(event, !lastCodes.has(event.code));
		}
		if (restarted) {
			await this.restartDevice();
			return;
		}
		const state = this.#stateAfter(codes, events);
		if (state === 'idle' || state === 'disabled' || state === 'accepting') this.settleVanishedNote();
		this.setState(state);
	}

	protected async acceptDenominations(denominations: readonly Denomination[]): Promise<void> {
		await this.#setInhibits(new Set(denominations.map((d) => d.code)));
		await this.#expectOk([SspCommand.enable], 'ENABLE');
	}

	protected async stopAccepting(): Promise<void> {
		await this.#expectOk([SspCommand.disable], 'DISABLE');
	}

	protected async holdNote(): Promise<boolean> {
		const reply = await this.#command([SspCommand.hold], 'HOLD');
		return reply[0] === SspResponse.ok;
	}

	/**
	 * POLL is what accepts a note in escrow. A refused REJECT means the note has gone already;
	 * the next POLL tells where.
	 */
	protected async carryOut(decision: 'stack' | 'return'): Promise<void> {
		if (decision === 'stack') await this.pollDevice();
		else await this.#command([SspCommand.rejectBanknote], 'REJECT BANKNOTE');
	}

	/** `began` is false for a condition that was already in the previous reply. */
	async #report(event: SspPollEvent, began: boolean): Promise<void> {
		const valuePaise = event.channel ? (this.denomination(event.channel)?.valuePaise ?? null) : null;
		switch (event.code) {
			case SspEvent.readNote:
				if (event.channel) this.noteEscrowed(event.channel);
				break;
			case SspEvent.creditNote:
				if (valuePaise !== null) this.noteCredited(valuePaise);
				else {
					this.emit('fault', {
						detail: `${this.deviceName} credited a note on unknown channel ${event.channel}; ` + 'check the cash box'
					});
				}
				break;
			case SspEvent.noteRejected:
				if (this.escrowNote) this.noteReturned();
				else {
					const reply = await this.#expectOk([SspCommand.lastRejectCode], 'LAST REJECT CODE');
					this.emit('rejected', sspRejection(reply[0]));
				}
				break;
			case SspEvent.safeNoteJam:
			case SspEvent.unsafeNoteJam:
				// An unsafe jam is one the citizen could reach from the front.
				if (began) {
					this.emit('jam', { where: event.code === SspEvent.unsafeNoteJam ? 'acceptor' : 'stacker' });
				}
				break;
			case SspEvent.stackerFull:
				if (began) this.emit('cashBoxFull');
				break;
			case SspEvent.cashBoxRemoved:
				if (began) this.emit('cashBoxRemoved');
				break;
			case SspEvent.fraudAttempt:
				this.emit('fraud', {
					detail: 'The validator reported a fraud attempt' + (valuePaise ? ` on a ${valuePaise}-paise note` : '')
				});
				break;
			case SspEvent.noteClearedFromFront:
				this.emit('noteAtPowerUp', { where: 'acceptor', valuePaise });
				break;
			case SspEvent.noteClearedIntoCashBox:
				this.emit('noteAtPowerUp', { where: 'stacker', valuePaise });
				break;
			case SspEvent.notePathOpen:
				if (began) this.emit('fault', { detail: `${this.deviceName} reports its note path open` });
				break;
		}
	}

	/** Lasting conditions repeat in every POLL reply, so one reply gives the state. */
	#stateAfter(codes: ReadonlySet<number>, events: readonly SspPollEvent[]): NoteAcceptorState {
		if (codes.has(SspEvent.safeNoteJam) || codes.has(SspEvent.unsafeNoteJam)) return 'jammed';
		if (codes.has(SspEvent.notePathOpen)) return 'fault';
		if (codes.has(SspEvent.cashBoxRemoved)) return 'cashBoxRemoved';
		if (codes.has(SspEvent.stackerFull)) return 'cashBoxFull';
		if (this.awaitingDecision) return 'escrow';
		if (codes.has(SspEvent.noteRejecting)) return this.escrowNote ? 'returning' : 'rejecting';
		if (codes.has(SspEvent.noteStacking)) return 'stacking';
		const reading = events.some((event) => event.code === SspEvent.readNote && event.channel === 0);
		if (reading) return 'accepting';
		if (codes.has(SspEvent.disabled)) return 'disabled';
		return this.accepting ? 'idle' : 'disabled';
	}

	async #setInhibits(channels: ReadonlySet<number>): Promise<void> {
		const data = channelInhibitsData(channels, this.#channelCount);
		await this.#expectOk([SspCommand.setChannelInhibits, ...data], 'SET CHANNEL INHIBITS');
	}

	async #expectOk(data: readonly number[], what: string): Promise<Uint8Array> {
		const reply = await this.#command(data, what);
		if (reply[0] !== SspResponse.ok) {
			throw new Error(`${this.deviceName} answered ${what} with ${sspResponseName(reply[0])}`);
		}
		return reply.subarray(1);
	}

	/** Sends one command and returns the reply's data; a retry repeats the same sequence flag. */
	async #command(data: readonly number[], what: string): Promise<Uint8Array> {
		const sequenceFlag = data[0] === SspCommand.sync ? true : this.#sequenceFlag;
		const address = this.#address;
		const request = encodeSspFrame({ sequenceFlag, address, data: Uint8Array.from(data) });
		const replyToThis = (bytes: Uint8Array): FrameExtraction<SspFrame> => {
			const found = extractSspFrame(bytes);
			const reply = found.frame;
			const mine = reply && reply.address === address && reply.sequenceFlag === sequenceFlag;
			return mine ? found : { frame: null, consumed: found.consumed };
		};
		const reply = await this.exchange(request, replyToThis, what);
		this.#sequenceFlag = !sequenceFlag;
		return reply.data;
	}
}
