import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeId003Frame, extractId003Frame } from './frame';
import { Id003Simulator } from './id003-simulator';
import { Id003Command, Id003Status } from './protocol';

/** Talks to the simulator frame by frame, as a host would, and returns its answer as [command, ...data]. */
function host(simulator: Id003Simulator) {
	let answers: Uint8Array[] = [];
	simulator.attach((bytes) => answers.push(bytes));
	return (command: number, data: number[] = []) => {
		answers = [];
		simulator.receive(encodeId003Frame(command, data));
		const frame = answers[0] && extractId003Frame(answers[0]).frame;
		return frame ? [frame.command, ...frame.data] : null;
	};
}

async function started(simulator = new Id003Simulator()) {
	vi.useFakeTimers();
	const send = host(simulator);
	send(Id003Command.reset);
	await vi.advanceTimersByTimeAsync(1_000);
	send(Id003Command.setInhibit, [0]);
	return { simulator, send };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('Id003Simulator', () => {
	it('waits in power-up for a reset, then starts with every note enabled', async () => {
		vi.useFakeTimers();
		const simulator = new Id003Simulator();
		const send = host(simulator);

		expect(send(Id003Command.statusRequest)).toEqual([Id003Status.powerUp]);
		expect(send(Id003Command.reset)).toEqual([Id003Command.ack]);
		expect(send(Id003Command.statusRequest)).toEqual([Id003Status.initialize]);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(send(Id003Command.statusRequest)).toEqual([Id003Status.disabled]);
		expect(simulator.snapshot().enabledNotesRupees).toEqual([10, 20, 50, 100, 200, 500, 2000]);
	});

	it('echoes settings and answers the currency assign request with its note table', async () => {
		const { send } = await started();

		expect(send(Id003Command.setDenominations, [0xf7, 0xff])).toEqual([Id003Command.setDenominations, 0xf7, 0xff]);
		expect(send(Id003Command.currencyAssignRequest)?.slice(0, 9)).toEqual([
			Id003Command.currencyAssignRequest,
			0x61,
			0x63,
			10,
			0,
			0x62,
			0x63,
			20,
			0
		]);
	});

	it('returns a note the host neither holds nor stacks within its escrow limit', async () => {
		const { simulator, send } = await started();

		simulator.insertNote(100);
		await vi.advanceTimersByTimeAsync(600);
		expect(send(Id003Command.statusRequest)).toEqual([Id003Status.escrow, 0x64]);
		await vi.advanceTimersByTimeAsync(10_000);

		expect(send(Id003Command.statusRequest)).toEqual([Id003Status.returning]);
		await vi.advanceTimersByTimeAsync(600);
		expect(send(Id003Command.statusRequest)).toEqual([Id003Status.idling]);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([]);
	});

	it('holds a note in escrow for as long as the host keeps sending HOLD', async () => {
		const { simulator, send } = await started();
		simulator.insertNote(100);
		await vi.advanceTimersByTimeAsync(600);

		for (let second = 0; second < 20; second++) {
			expect(send(Id003Command.hold)).toEqual([Id003Command.ack]);
			await vi.advanceTimersByTimeAsync(1_000);
		}

		expect(send(Id003Command.statusRequest)).toEqual([Id003Status.holding]);
	});

	it('waits at VEND VALID until the host acknowledges, and counts the note into the cash box', async () => {
		const { simulator, send } = await started();
		simulator.insertNote(500);
		await vi.advanceTimersByTimeAsync(600);

		expect(send(Id003Command.stack1)).toEqual([Id003Command.ack]);
		await vi.advanceTimersByTimeAsync(5_000);
		expect(send(Id003Command.statusRequest)).toEqual([Id003Status.vendValid]);
		expect(send(Id003Command.ack)).toBeNull();
		await vi.advanceTimersByTimeAsync(600);

		expect(send(Id003Command.statusRequest)).toEqual([Id003Status.idling]);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([500]);
	});

	it('refuses commands it cannot carry out now, and unknown ones', async () => {
		const { simulator, send } = await started();

		expect(send(Id003Command.stack1)).toEqual([Id003Status.invalidCommand]);
		simulator.insertNote(100);
		expect(send(Id003Command.setInhibit, [1])).toEqual([Id003Status.invalidCommand]);
		expect(send(0x99)).toEqual([Id003Status.invalidCommand]);
	});

	it('answers nothing once told to stop responding', async () => {
		const { simulator, send } = await started();

		simulator.stopResponding();

		expect(send(Id003Command.statusRequest)).toBeNull();
	});
});
