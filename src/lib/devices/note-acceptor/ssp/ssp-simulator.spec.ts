import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeSspFrame, extractSspFrame } from './frame';
import { SspCommand, SspEvent, SspResponse } from './protocol';
import { SspSimulator } from './ssp-simulator';

/** Talks to the simulator as a host would; returns the reply data, or null when nothing came back. */
function host(simulator: SspSimulator) {
	let replies: Uint8Array[] = [];
	simulator.attach((bytes) => replies.push(bytes));
	return (sequenceFlag: boolean, ...data: number[]) => {
		replies = [];
		simulator.receive(encodeSspFrame({ sequenceFlag, address: 0, data: Uint8Array.from(data) }));
		const frame = replies[0] && extractSspFrame(replies[0]).frame;
		return frame ? Array.from(frame.data) : null;
	};
}

/** SYNC, then every note channel enabled and the validator enabled; the next flag to use is `true`. */
async function enabled() {
	vi.useFakeTimers();
	const simulator = new SspSimulator();
	const send = host(simulator);
	send(true, SspCommand.sync);
	send(false, SspCommand.setChannelInhibits, 0x7f, 0x00);
	send(true, SspCommand.enable);
	return { simulator, send };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('SspSimulator', () => {
	it('answers a repeated sequence flag with its previous reply instead of acting again', async () => {
		const { simulator, send } = await enabled();
		simulator.insertNote(100);
		await vi.advanceTimersByTimeAsync(600);

		const first = send(false, SspCommand.poll);
		const repeat = send(false, SspCommand.poll);

		expect(first).toEqual([SspResponse.ok, SspEvent.readNote, 4]);
		expect(repeat).toEqual(first);
		expect(simulator.snapshot().note?.phase).toBe('escrow');
		expect(send(true, SspCommand.poll)).toEqual([SspResponse.ok, SspEvent.noteStacking]);
	});

	it('rejects a note the host does not hold within its escrow limit, giving ESCROW TIME-OUT as the reason', async () => {
		const { simulator, send } = await enabled();
		simulator.insertNote(100);
		await vi.advanceTimersByTimeAsync(600);
		send(false, SspCommand.poll);

		await vi.advanceTimersByTimeAsync(5_600);

		expect(send(true, SspCommand.poll)).toEqual([SspResponse.ok, SspEvent.noteRejected]);
		expect(send(false, SspCommand.lastRejectCode)).toEqual([SspResponse.ok, 0x13]);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([]);
	});

	it('reports its channels in the SETUP REQUEST reply, ₹2000 included', async () => {
		const { send } = await enabled();

		const reply = send(false, SspCommand.setupRequest)!;

		// OK, validator, firmware "0420", "INR", value multiplier 10, seven channels.
		expect(reply.slice(0, 13)).toEqual([SspResponse.ok, 0, 0x30, 0x34, 0x32, 0x30, 0x49, 0x4e, 0x52, 0, 0, 10, 7]);
		expect(reply.slice(-4)).toEqual([0xd0, 0x07, 0, 0]);
	});

	it('refuses protocol versions older than 6 and commands it does not know', async () => {
		const { send } = await enabled();

		expect(send(false, SspCommand.hostProtocolVersion, 5)).toEqual([SspResponse.fail]);
		expect(send(true, 0x99)).toEqual([SspResponse.unknownCommand]);
	});

	it('reports a restart with the note it cleared from the front', async () => {
		const { simulator, send } = await enabled();

		simulator.powerCycleWithNoteInAcceptor(500);

		expect(send(false, SspCommand.poll)).toEqual([
			SspResponse.ok,
			SspEvent.slaveReset,
			SspEvent.noteClearedFromFront,
			6,
			SspEvent.disabled
		]);
	});

	it('answers nothing once told to stop responding', async () => {
		const { simulator, send } = await enabled();

		simulator.stopResponding();

		expect(send(false, SspCommand.poll)).toBeNull();
	});
});
