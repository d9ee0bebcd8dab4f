import { afterEach, describe, expect, it, vi } from 'vitest';
import { SerialTap } from '../../serial/serial-tap';
import { sameBytes } from '../../serial/bytes';
import { SimulatedSerialPort, type SimulatedSerialDevice } from '../../serial/simulated-serial-port';
import { encodeId003Frame, extractId003Frame } from './frame';
import { Id003NoteAcceptor, type Id003Options } from './id003-note-acceptor';
import { Id003Simulator, type Id003SimulatorOptions } from './id003-simulator';
import { Id003Command, Id003Status } from './protocol';

async function after<Result>(ms: number, promise?: Promise<Result>): Promise<Result | undefined> {
	promise?.catch(() => undefined);
	await vi.advanceTimersByTimeAsync(ms);
	return promise;
}

/** The frames that went one way through the tap, as [command, ...data]. */
function framesOf(tap: SerialTap, direction: 'toDevice' | 'toHost') {
	return tap.traffic
		.filter((chunk) => chunk.direction === direction)
		.map((chunk) => {
			const { frame } = extractId003Frame(chunk.bytes);
			return frame && [frame.command, ...frame.data];
		});
}

async function tapped(simulatorOptions: Id003SimulatorOptions = {}, driverOptions: Id003Options = {}) {
	vi.useFakeTimers();
	const simulator = new Id003Simulator(simulatorOptions);
	const tap = new SerialTap(simulator);
	const acceptor = new Id003NoteAcceptor(new SimulatedSerialPort(tap), driverOptions);
	await acceptor.connect();
	const hostFrames = () => framesOf(tap, 'toDevice');
	return { simulator, tap, acceptor, hostFrames };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('Id003NoteAcceptor', () => {
	it('starts the acceptor as ID003 asks: status, note table, reset, settings, then waits out start-up', async () => {
		const { acceptor, hostFrames } = await tapped();

		await after(3_000, acceptor.initialise());

		expect(hostFrames().slice(0, 6)).toEqual([
			[Id003Command.statusRequest],
			[Id003Command.currencyAssignRequest],
			[Id003Command.reset],
			[Id003Command.setDenominations, 0xff, 0xff],
			[Id003Command.setInhibit, 0x01],
			[Id003Command.statusRequest]
		]);
	});

	it('enables the chosen escrow codes and lifts the inhibit', async () => {
		const { acceptor, hostFrames } = await tapped();
		await after(3_000, acceptor.initialise());
		const before = hostFrames().length;

		await after(0, acceptor.enable([10_000, 200_000]));

		// ₹100 is escrow code 0x64 (bit 3), ₹2000 is 0x67 (bit 6); a clear bit enables.
		expect(hostFrames().slice(before)).toEqual([
			[Id003Command.setDenominations, 0b1011_0111, 0xff],
			[Id003Command.setInhibit, 0x00]
		]);
	});

	it('uses a configured note table when the firmware has no currency assign request', async () => {
		const table = {
			0x61: 1_000,
			0x62: 2_000,
			0x63: 5_000,
			0x64: 10_000,
			0x65: 20_000,
			0x66: 50_000,
			0x67: 200_000
		};
		const { acceptor } = await tapped({ answersCurrencyAssign: false }, { denominationTable: table });

		const description = await after(3_000, acceptor.initialise());

		expect(description?.denominationsPaise).toEqual(Object.values(table));
	});

	it('fails to initialise, saying why, when the note values are unknown', async () => {
		const { acceptor } = await tapped({ answersCurrencyAssign: false });

		await expect(after(3_000, acceptor.initialise())).rejects.toThrow('no denominationTable is configured');
		expect(acceptor.state).toBe('fault');
	});

	it('refuses a device set up for another currency', async () => {
		vi.useFakeTimers();
		const simulator = new Id003Simulator();
		const acceptor = new Id003NoteAcceptor(simulator.port, { currency: 'EUR' });
		await acceptor.connect();

		await expect(after(3_000, acceptor.initialise())).rejects.toThrow('set up for INR notes, but this kiosk takes EUR');
	});

	it('credits once when its ACK to VEND VALID is lost and VEND VALID repeats', async () => {
		const { simulator, tap, acceptor } = await tapped();
		const credits: number[] = [];
		const faults: string[] = [];
		acceptor.on('credited', ({ valuePaise }) => credits.push(valuePaise));
		acceptor.on('fault', ({ detail }) => faults.push(detail));
		await after(3_000, acceptor.initialise());
		await after(0, acceptor.enable([10_000]));
		simulator.insertNote(100);
		await after(1_000);
		const ack = encodeId003Frame(Id003Command.ack);
		tap.dropNext('toDevice', (bytes) => sameBytes(bytes, ack));

		await after(3_000, acceptor.stack());

		const vendValids = framesOf(tap, 'toHost').filter((frame) => frame?.[0] === Id003Status.vendValid);
		expect(vendValids.length).toBeGreaterThan(1);
		expect(credits).toEqual([10_000]);
		expect(faults).toEqual([]);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([100]);
	});

	it('disables once a note that was just credited has landed, though the device refuses at first', async () => {
		const { simulator, acceptor } = await tapped();
		const credits: number[] = [];
		acceptor.on('credited', ({ valuePaise }) => credits.push(valuePaise));
		acceptor.on('escrow', () => void acceptor.stack());
		await after(3_000, acceptor.initialise());
		await after(0, acceptor.enable([10_000]));
		simulator.insertNote(100);
		await vi.waitFor(async () => {
			await after(100);
			expect(credits).toEqual([10_000]);
		});
		expect(simulator.snapshot().note).not.toBeNull();

		await after(3_000, acceptor.disable());

		expect(simulator.snapshot().accepting).toBe(false);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([100]);
	});

	it('reports the failure a device names in its FAILURE status', async () => {
		vi.useFakeTimers();
		const device = new FailsOneStatusRequest(new Id003Simulator());
		const acceptor = new Id003NoteAcceptor(new SimulatedSerialPort(device));
		const faults: string[] = [];
		acceptor.on('fault', ({ detail }) => faults.push(detail));
		await acceptor.connect();
		await after(3_000, acceptor.initialise());

		device.failNextStatusRequest = true;
		await after(1_000);

		expect(faults).toEqual(['JCM ID003 note acceptor reported a stacker motor failure']);
		expect(acceptor.state).toBe('disabled');
	});
});

/** Passes everything to the simulator, but can answer one status request with a stacker motor FAILURE. */
class FailsOneStatusRequest implements SimulatedSerialDevice {
	failNextStatusRequest = false;
	readonly #simulator: Id003Simulator;
	#toHost: ((bytes: Uint8Array) => void) | null = null;

	constructor(simulator: Id003Simulator) {
		this.#simulator = simulator;
	}
	get name() {
		return this.#simulator.name;
	}
	get lineSettings() {
		return this.#simulator.lineSettings;
	}
	attach(toHost: (bytes: Uint8Array) => void): void {
		this.#toHost = toHost;
		this.#simulator.attach(toHost);
	}
	receive(bytes: Uint8Array): void {
		const command = extractId003Frame(bytes).frame?.command;
		if (this.failNextStatusRequest && command === Id003Command.statusRequest) {
			this.failNextStatusRequest = false;
			this.#toHost?.(encodeId003Frame(Id003Status.failure, [0xa2]));
		} else this.#simulator.receive(bytes);
	}
	detach(): void {
		this.#simulator.detach();
	}
}
