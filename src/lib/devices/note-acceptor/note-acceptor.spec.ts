import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineSettingsMismatchError } from '../serial/simulated-serial-port';
import { Id003NoteAcceptor } from './id003/id003-note-acceptor';
import { Id003Simulator } from './id003/id003-simulator';
import type { PollingNoteAcceptor } from './polling-note-acceptor';
import type { NoteAcceptorSimulator } from './simulator/note-acceptor-simulator';
import { SspNoteAcceptor } from './ssp/ssp-note-acceptor';
import { SspSimulator } from './ssp/ssp-simulator';
import type { NoteAcceptor, NoteAcceptorEventName, NoteAcceptorEvents } from './types';

const ALL_NOTES_PAISE = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 200_000];

type Logged = {
	[Name in NoteAcceptorEventName]: [Name, NoteAcceptorEvents[Name]];
}[NoteAcceptorEventName];

/** Every event the acceptor emits, in order. */
function record(acceptor: NoteAcceptor): Logged[] {
	const log: Logged[] = [];
	const names: NoteAcceptorEventName[] = [
		'stateChanged',
		'escrow',
		'credited',
		'returned',
		'rejected',
		'jam',
		'cashBoxFull',
		'cashBoxRemoved',
		'fraud',
		'noteAtPowerUp',
		'fault'
	];
	for (const name of names) acceptor.on(name, (payload) => log.push([name, payload] as Logged));
	return log;
}

/** The events that matter to the payment session: everything but state changes. */
function happenings(log: readonly Logged[]): Logged[] {
	return log.filter(([name]) => name !== 'stateChanged');
}

/** Lets simulated time pass, then settles `promise` (which may have settled during that time). */
async function after<Result>(ms: number, promise?: Promise<Result>): Promise<Result | undefined> {
	promise?.catch(() => undefined);
	await vi.advanceTimersByTimeAsync(ms);
	return promise;
}

interface Protocol {
	name: string;
	simulator: () => NoteAcceptorSimulator;
	driver: (simulator: NoteAcceptorSimulator) => PollingNoteAcceptor;
	/** What the driver knows of a note half-way in at power-up: SSP names its channel, ID003 not. */
	valueOfNoteFoundAtPowerUp: number | null;
}

const protocols: Protocol[] = [
	{
		name: 'JCM ID003',
		simulator: () => new Id003Simulator(),
		driver: (simulator) => new Id003NoteAcceptor(simulator.port),
		valueOfNoteFoundAtPowerUp: null
	},
	{
		name: 'Innovative Technology SSP',
		simulator: () => new SspSimulator(),
		driver: (simulator) => new SspNoteAcceptor(simulator.port),
		valueOfNoteFoundAtPowerUp: 50_000
	}
];

afterEach(() => {
	vi.useRealTimers();
});

describe.each(protocols)('$name driver on its simulator', (protocol) => {
	async function ready(enabledPaise: readonly number[] | null = ALL_NOTES_PAISE) {
		vi.useFakeTimers();
		const simulator = protocol.simulator();
		const acceptor = protocol.driver(simulator);
		const log = record(acceptor);
		await acceptor.connect();
		const description = await after(3_000, acceptor.initialise());
		if (enabledPaise) await after(0, acceptor.enable(enabledPaise));
		return { simulator, acceptor, log, description };
	}

	async function noteInEscrow(rupees = 100) {
		const setup = await ready();
		expect(setup.simulator.insertNote(rupees)).toBe(true);
		await after(1_000);
		return setup;
	}

	it('reads the note values from the device and leaves it disabled', async () => {
		const { acceptor, description } = await ready(null);

		expect(description).toEqual({
			protocol: acceptor.protocol,
			currency: 'INR',
			denominationsPaise: ALL_NOTES_PAISE
		});
		expect(acceptor.denominationsPaise).toEqual(ALL_NOTES_PAISE);
		await after(500);
		expect(acceptor.state).toBe('disabled');
	});

	it('takes no note while disabled', async () => {
		const { simulator, log } = await ready(null);

		expect(simulator.insertNote(100)).toBe(false);
		await after(2_000);

		expect(happenings(log)).toEqual([]);
	});

	it('enables only the values asked for and says which those were', async () => {
		const { acceptor, simulator } = await ready(null);

		const enabled = await after(0, acceptor.enable([10_000, 50_000, 123]));
		await after(500);

		expect(enabled).toEqual([10_000, 50_000]);
		expect(simulator.snapshot().enabledNotesRupees).toEqual([100, 500]);
		expect(acceptor.state).toBe('idle');
		await expect(acceptor.enable([123])).rejects.toThrow(RangeError);
	});

	it('offers ₹100 in escrow, stacks it on request and credits it only then', async () => {
		const { acceptor, simulator, log } = await noteInEscrow(100);

		expect(happenings(log)).toEqual([['escrow', { valuePaise: 10_000 }]]);
		expect(acceptor.state).toBe('escrow');
		expect(acceptor.escrowPaise).toBe(10_000);

		await after(3_000, acceptor.stack());

		expect(happenings(log)).toEqual([
			['escrow', { valuePaise: 10_000 }],
			['credited', { valuePaise: 10_000 }]
		]);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([100]);
		expect(acceptor.state).toBe('idle');
	});

	it('hands a note in escrow back without crediting it', async () => {
		const { acceptor, simulator, log } = await noteInEscrow(500);

		await after(3_000, acceptor.returnNote());

		expect(happenings(log)).toEqual([
			['escrow', { valuePaise: 50_000 }],
			['returned', { valuePaise: 50_000 }]
		]);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([]);
		expect(acceptor.escrowPaise).toBeNull();
	});

	it("keeps holding a note past the device's own escrow limit while the app decides", async () => {
		const { acceptor, log } = await noteInEscrow(200);

		await after(15_000);
		expect(acceptor.escrowPaise).toBe(20_000);
		await after(3_000, acceptor.stack());

		expect(happenings(log)).toEqual([
			['escrow', { valuePaise: 20_000 }],
			['credited', { valuePaise: 20_000 }]
		]);
	});

	it('hands the note back itself when the app never decides', async () => {
		const { log } = await noteInEscrow(100);

		await after(25_000);

		expect(happenings(log)).toEqual([
			['escrow', { valuePaise: 10_000 }],
			['returned', { valuePaise: 10_000 }]
		]);
	});

	it('refuses to stack when no note is in escrow', async () => {
		const { acceptor } = await ready();

		await expect(acceptor.stack()).rejects.toThrow('No note is waiting in escrow');
	});

	it('refuses to change what it takes while a note waits in escrow', async () => {
		const { acceptor } = await noteInEscrow();

		await expect(acceptor.disable()).rejects.toThrow('note in escrow first');
	});

	it('reports a note it could not recognise', async () => {
		const { simulator, log } = await ready();

		simulator.forceReject();
		await after(2_000);

		expect(happenings(log)).toEqual([['rejected', expect.objectContaining({ reason: 'notRecognised' })]]);
	});

	it('reports a note of a value that is not enabled as inhibited', async () => {
		const { simulator, log } = await ready([10_000]);

		simulator.insertNote(500);
		await after(2_000);

		expect(happenings(log)).toEqual([['rejected', expect.objectContaining({ reason: 'inhibited' })]]);
	});

	it('reports a jam once and recovers when it is cleared', async () => {
		const { acceptor, simulator, log } = await ready();

		simulator.forceJam();
		await after(1_000);
		expect(acceptor.state).toBe('jammed');
		simulator.clearJam();
		await after(1_000);

		expect(happenings(log)).toEqual([['jam', { where: 'acceptor' }]]);
		expect(acceptor.state).toBe('idle');
	});

	it('reports a full cash box and a removed one', async () => {
		const { acceptor, simulator, log } = await ready();

		simulator.setCashBoxFull(true);
		await after(1_000);
		expect(acceptor.state).toBe('cashBoxFull');
		simulator.removeCashBox();
		await after(1_000);
		expect(acceptor.state).toBe('cashBoxRemoved');
		simulator.replaceCashBox();
		await after(1_000);

		expect(happenings(log)).toEqual([
			['cashBoxFull', undefined],
			['cashBoxRemoved', undefined]
		]);
		expect(acceptor.state).toBe('idle');
	});

	it('reports a fraud attempt and does not credit the note', async () => {
		const { simulator, log } = await noteInEscrow(100);

		simulator.fraudAttempt();
		await after(2_000);

		const events = happenings(log).map(([name]) => name);
		expect(events).toContain('fraud');
		expect(events).not.toContain('credited');
	});

	it('reports a note found in the acceptor after a power cut, sets the device up again and takes notes', async () => {
		const { acceptor, simulator, log } = await ready();

		simulator.powerCycleWithNoteInAcceptor(500);
		await after(3_000);

		expect(happenings(log)).toEqual([['noteAtPowerUp', { where: 'acceptor', valuePaise: protocol.valueOfNoteFoundAtPowerUp }]]);
		expect(acceptor.state).toBe('idle');
		expect(simulator.insertNote(100)).toBe(true);
	});

	it('reports the value of a note that was in escrow at a power cut, without crediting it', async () => {
		const { simulator, log } = await noteInEscrow(100);

		simulator.powerCycleWithNoteInAcceptor();
		await after(3_000);

		expect(happenings(log)).toEqual([
			['escrow', { valuePaise: 10_000 }],
			['noteAtPowerUp', { where: 'acceptor', valuePaise: 10_000 }]
		]);
	});

	it('reports a note that was on its way to the stacker at a power cut, without crediting it', async () => {
		const { acceptor, simulator, log } = await noteInEscrow(100);

		await after(0, acceptor.stack());
		simulator.powerCycleWithNoteInAcceptor();
		await after(3_000);

		expect(happenings(log)).toEqual([
			['escrow', { valuePaise: 10_000 }],
			['noteAtPowerUp', { where: 'stacker', valuePaise: 10_000 }]
		]);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([100]);
	});

	it('faults with a clear reason when the device stops answering, and stops polling', async () => {
		const { acceptor, simulator, log } = await ready();

		simulator.stopResponding();
		await after(3_000);

		expect(acceptor.state).toBe('fault');
		expect(happenings(log)).toEqual([['fault', { detail: expect.stringMatching(/did not answer .*3 tries, 500 ms each/) }]]);
		simulator.resumeResponding();
		await after(3_000);
		expect(happenings(log)).toHaveLength(1);
	});

	it('hands back a note in escrow when closed, and closes the port', async () => {
		const { acceptor, simulator } = await noteInEscrow(100);

		await after(0, acceptor.close());
		await after(2_000);

		expect(acceptor.state).toBe('closed');
		expect(simulator.port.readable).toBeNull();
		expect(simulator.snapshot().note).toBeNull();
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([]);
	});

	it('tells tester panel subscribers what the simulated device is doing', async () => {
		const { simulator } = await ready();
		const phases: (string | null)[] = [];
		const unsubscribe = simulator.subscribe((snapshot) => phases.push(snapshot.note?.phase ?? null));

		simulator.insertNote(100);
		await after(1_000);
		unsubscribe();
		simulator.forceJam();

		expect(phases).toEqual([null, 'reading', 'escrow']);
	});

	it("cannot open the other protocol's device", async () => {
		const other = protocols.find((candidate) => candidate !== protocol)!;
		const acceptor = protocol.driver(other.simulator());

		await expect(acceptor.connect()).rejects.toThrow(LineSettingsMismatchError);
	});
});
