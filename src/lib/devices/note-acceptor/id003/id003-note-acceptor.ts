import { sameBytes } from '../../serial/bytes';
import type { SerialPortLike } from '../../serial/serial-port';
import { PollingNoteAcceptor, type Denomination, type DeviceSetup, type NoteAcceptorOptions } from '../polling-note-acceptor';
import { PAISE_PER_RUPEE, type NoteAcceptorState } from '../types';
import { encodeId003Frame, extractId003Frame, type Id003Frame } from './frame';
import {
	decodeCurrencyAssignment,
	denominationSettingData,
	ID003_LINE_SETTINGS,
	Id003Command,
	id003FailureDetail,
	id003Rejection,
	Id003Status,
	JCM_COUNTRY_CODES
} from './protocol';

export interface Id003Options extends NoteAcceptorOptions {
	/**
	 * Escrow code → value in paise, for firmware that does not answer the currency assign
	 * request. Assumed to be in the kiosk's currency.
	 */
	denominationTable?: Readonly<Record<number, number>>;
}

/** Statuses a device passes through while it starts up after power-on or a reset. */
const START_UP_STATUSES: ReadonlySet<number> = new Set([
	Id003Status.initialize,
	Id003Status.powerUp,
	Id003Status.powerUpWithBillInAcceptor,
	Id003Status.powerUpWithBillInStacker
]);

const STATE_OF_STATUS: Readonly<Partial<Record<number, NoteAcceptorState>>> = {
	[Id003Status.idling]: 'idle',
	[Id003Status.accepting]: 'accepting',
	[Id003Status.pause]: 'accepting',
	[Id003Status.escrow]: 'escrow',
	[Id003Status.holding]: 'escrow',
	[Id003Status.stacking]: 'stacking',
	[Id003Status.vendValid]: 'stacking',
	[Id003Status.stacked]: 'stacking',
	[Id003Status.rejecting]: 'rejecting',
	[Id003Status.returning]: 'returning',
	[Id003Status.disabled]: 'disabled',
	[Id003Status.initialize]: 'initialising',
	[Id003Status.stackerFull]: 'cashBoxFull',
	[Id003Status.stackerOpen]: 'cashBoxRemoved',
	[Id003Status.jamInAcceptor]: 'jammed',
	[Id003Status.jamInStacker]: 'jammed',
	[Id003Status.failure]: 'fault'
};

/** Statuses in which the note is gone from the note path, so a note still in escrow has left it. */
const NOTE_PATH_EMPTY: ReadonlySet<number> = new Set([Id003Status.idling, Id003Status.accepting, Id003Status.disabled]);

function hex(byte: number): string {
	return `0x${byte.toString(16).padStart(2, '0')}`;
}

function pause(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** JCM ID003 (9600 8E1): the host polls with status requests and answers VEND VALID with ACK. */
export class Id003NoteAcceptor extends PollingNoteAcceptor {
	readonly protocol = 'id003';
	protected readonly deviceName = 'JCM ID003 note acceptor';
	protected readonly lineSettings = ID003_LINE_SETTINGS;
	readonly #denominationTable: Readonly<Record<number, number>> | undefined;
	#lastStatus: Id003Frame | null = null;

	constructor(port: SerialPortLike, options: Id003Options = {}) {
		super(port, options);
		this.#denominationTable = options.denominationTable;
	}

	protected async startDevice(): Promise<DeviceSetup> {
		const status = await this.#statusRequest();
		this.#reportNoteAtPowerUp(status.command);
		const setup = await this.#readDenominations();
		if (!(await this.#operate(Id003Command.reset, 'the reset command'))) {
			throw new Error(`${this.deviceName} refused to reset`);
		}
		await this.#takeOnly(new Set());
		await this.#configure(Id003Command.setInhibit, [1], 'the inhibit setting');
		await this.#waitForStartUp();
		this.#lastStatus = null;
		return setup;
	}

	protected async pollDevice(): Promise<void> {
		const status = await this.#statusRequest();
		const previous = this.#lastStatus;
		this.#lastStatus = status;
		const changed = previous === null || previous.command !== status.command || !sameBytes(previous.data, status.data);
		await this.#report(status, changed, previous);
	}

	protected async acceptDenominations(denominations: readonly Denomination[]): Promise<void> {
		await this.#takeOnly(new Set(denominations.map((d) => d.code)));
		await this.#configure(Id003Command.setInhibit, [0], 'the inhibit setting');
	}

	protected async stopAccepting(): Promise<void> {
		await this.#configure(Id003Command.setInhibit, [1], 'the inhibit setting');
	}

	protected holdNote(): Promise<boolean> {
		return this.#operate(Id003Command.hold, 'the hold command');
	}

	/** A refusal means the device no longer holds the note; the next status says where it went. */
	protected async carryOut(decision: 'stack' | 'return'): Promise<void> {
		if (decision === 'stack') await this.#operate(Id003Command.stack1, 'the stack command');
		else await this.#operate(Id003Command.return, 'the return command');
	}

	async #report(status: Id003Frame, changed: boolean, previous: Id003Frame | null): Promise<void> {
		const code = status.data[0];
		switch (status.command) {
			case Id003Status.escrow:
				if (code !== undefined) this.noteEscrowed(code);
				break;
			case Id003Status.vendValid:
				await this.send(encodeId003Frame(Id003Command.ack));
				this.#credit(code, previous);
				break;
			case Id003Status.rejecting:
			case Id003Status.returning:
				if (this.escrowNote) this.noteReturned();
				else if (changed && status.command === Id003Status.rejecting && code !== undefined) {
					this.emit('rejected', id003Rejection(code));
				}
				break;
			case Id003Status.powerUp:
			case Id003Status.powerUpWithBillInAcceptor:
			case Id003Status.powerUpWithBillInStacker:
				await this.restartDevice();
				return;
			case Id003Status.stackerFull:
				if (changed) this.emit('cashBoxFull');
				break;
			case Id003Status.stackerOpen:
				if (changed) this.emit('cashBoxRemoved');
				break;
			case Id003Status.jamInAcceptor:
			case Id003Status.jamInStacker:
				if (changed) {
					const where = status.command === Id003Status.jamInAcceptor ? 'acceptor' : 'stacker';
					this.emit('jam', { where });
				}
				break;
			case Id003Status.cheated:
				if (changed) this.emit('fraud', { detail: 'The acceptor reported a cheating attempt' });
				break;
			case Id003Status.failure:
				if (changed) {
					this.emit('fault', { detail: `${this.deviceName} reported a ${id003FailureDetail(code)}` });
				}
				break;
		}
		if (NOTE_PATH_EMPTY.has(status.command)) this.settleVanishedNote();
		const state = STATE_OF_STATUS[status.command];
		if (state) this.setState(state);
	}

	/**
	 * VEND VALID repeats until the acceptor sees the ACK, so only the first one of a note credits.
	 * The value is the one seen in escrow; the status's own data byte is the fallback.
	 */
	#credit(code: number | undefined, previous: Id003Frame | null): void {
		if (previous?.command === Id003Status.vendValid) return;
		const escrow = this.escrowNote;
		if (escrow) {
			this.noteCredited(escrow.valuePaise);
			return;
		}
		const denomination = code === undefined ? undefined : this.denomination(code);
		if (denomination) this.noteCredited(denomination.valuePaise);
		else {
			this.emit('fault', {
				detail: `${this.deviceName} stacked a note of unknown value (VEND VALID without escrow); ` + 'check the cash box'
			});
		}
	}

	#reportNoteAtPowerUp(status: number): void {
		const valuePaise = this.escrowNote?.valuePaise ?? null;
		if (status === Id003Status.powerUpWithBillInAcceptor) {
			this.emit('noteAtPowerUp', { where: 'acceptor', valuePaise });
		} else if (status === Id003Status.powerUpWithBillInStacker) {
			this.emit('noteAtPowerUp', { where: 'stacker', valuePaise });
		}
	}

	async #readDenominations(): Promise<DeviceSetup> {
		const answer = await this.#request(Id003Command.currencyAssignRequest, [], 'the currency assign request');
		if (answer.command === Id003Command.currencyAssignRequest) {
			const entries = decodeCurrencyAssignment(answer.data);
			const currencies = new Set(
				entries.map((entry) => JCM_COUNTRY_CODES[entry.countryCode] ?? `JCM country code ${hex(entry.countryCode)}`)
			);
			const [currency, ...others] = currencies;
			if (currency === undefined || others.length > 0) {
				const listed = [...currencies].join(', ') || 'no currency';
				throw new Error(`${this.deviceName} reported notes in ${listed}`);
			}
			return {
				currency,
				denominations: entries.map((entry) => ({
					code: entry.escrowCode,
					valuePaise: entry.value * PAISE_PER_RUPEE
				}))
			};
		}
		if (answer.command === Id003Status.invalidCommand && this.#denominationTable) {
			return {
				currency: this.currency,
				denominations: Object.entries(this.#denominationTable).map(([code, valuePaise]) => ({
					code: Number(code),
					valuePaise
				}))
			};
		}
		throw new Error(
			`${this.deviceName} did not report its note values (answer ${hex(answer.command)}) ` + 'and no denominationTable is configured'
		);
	}

	async #waitForStartUp(): Promise<void> {
		const deadline = Date.now() + this.timings.startUpTimeoutMs;
		while (START_UP_STATUSES.has((await this.#statusRequest()).command)) {
			if (Date.now() >= deadline) {
				throw new Error(`${this.deviceName} was still starting up after ${this.timings.startUpTimeoutMs} ms`);
			}
			await pause(this.timings.pollIntervalMs);
		}
	}

	#takeOnly(codes: ReadonlySet<number>): Promise<void> {
		const data = denominationSettingData(codes);
		return this.#configure(Id003Command.setDenominations, data, 'which notes to take');
	}

	#statusRequest(): Promise<Id003Frame> {
		return this.#request(Id003Command.statusRequest, [], 'a status request');
	}

	#request(command: number, data: ArrayLike<number>, what: string): Promise<Id003Frame> {
		return this.exchange(encodeId003Frame(command, data), extractId003Frame, what);
	}

	/** Operation commands are answered with ACK, or INVALID COMMAND when the acceptor cannot obey. */
	async #operate(command: number, what: string): Promise<boolean> {
		const answer = await this.#request(command, [], what);
		if (answer.command === Id003Command.ack) return true;
		if (answer.command === Id003Status.invalidCommand) return false;
		throw new Error(`${this.deviceName} answered ${what} with ${hex(answer.command)}`);
	}

	/** Setting commands are answered with an echo of the command and its data. */
	/**
	 * A setting sent while a note is still on its way to the stacker is refused as an invalid
	 * command; the device takes it once the note has landed, so it is sent again until then.
	 */
	async #configure(command: number, data: ArrayLike<number>, what: string): Promise<void> {
		const deadline = Date.now() + this.timings.startUpTimeoutMs;
		for (;;) {
			const answer = await this.#request(command, data, what);
			if (answer.command === command && sameBytes(answer.data, data)) return;
			if (answer.command !== Id003Status.invalidCommand || Date.now() >= deadline) {
				throw new Error(`${this.deviceName} did not confirm ${what} (answer ${hex(answer.command)})`);
			}
			await pause(this.timings.pollIntervalMs);
		}
	}
}
