import { afterEach, describe, expect, it, vi } from 'vitest';
import { SerialTap } from '../../serial/serial-tap';
import { SimulatedSerialPort } from '../../serial/simulated-serial-port';
import { extractSspFrame } from './frame';
import { SspCommand, SspEvent } from './protocol';
import { SspNoteAcceptor } from './ssp-note-acceptor';
import { SspSimulator } from './ssp-simulator';

async function after<Result>(ms: number, promise?: Promise<Result>): Promise<Result | undefined> {
	promise?.catch(() => undefined);
	await vi.advanceTimersByTimeAsync(ms);
	return promise;
}

async function tapped() {
	vi.useFakeTimers();
	const simulator = new SspSimulator();
	const tap = new SerialTap(simulator);
	const acceptor = new SspNoteAcceptor(new SimulatedSerialPort(tap));
	await acceptor.connect();
	await after(3_000, acceptor.initialise());
	const frames = (direction: 'toDevice' | 'toHost') =>
		tap.traffic.filter((chunk) => chunk.direction === direction && !chunk.dropped).map((chunk) => extractSspFrame(chunk.bytes).frame!);
	return { simulator, tap, acceptor, frames };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('SspNoteAcceptor', () => {
	it('starts with SYNC, protocol 6, SETUP REQUEST, all channels inhibited and DISABLE', async () => {
		const { frames } = await tapped();

		expect(
			frames('toDevice')
				.slice(0, 5)
				.map((frame) => Array.from(frame.data))
		).toEqual([
			[SspCommand.sync],
			[SspCommand.hostProtocolVersion, 6],
			[SspCommand.setupRequest],
			[SspCommand.setChannelInhibits, 0x00, 0x00],
			[SspCommand.disable]
		]);
	});

	it('sends SYNC with the sequence flag set and toggles the flag with every command after it', async () => {
		const { frames } = await tapped();

		const flags = frames('toDevice')
			.slice(0, 8)
			.map((frame) => frame.sequenceFlag);

		expect(flags).toEqual([true, false, true, false, true, false, true, false]);
	});

	it('enables the chosen channels', async () => {
		const { acceptor, frames } = await tapped();
		const before = frames('toDevice').length;

		await after(0, acceptor.enable([10_000, 200_000]));

		// ₹100 is channel 4, ₹2000 channel 7: bits 3 and 6.
		expect(
			frames('toDevice')
				.slice(before)
				.map((frame) => Array.from(frame.data))
		).toEqual([[SspCommand.setChannelInhibits, 0b0100_1000, 0x00], [SspCommand.enable]]);
	});

	it('sends only HOLD while the app decides, since a POLL would accept the note', async () => {
		const { acceptor, simulator, frames } = await tapped();
		await after(0, acceptor.enable([10_000]));
		simulator.insertNote(100);
		await after(1_000);
		const before = frames('toDevice').length;

		await after(3_000);

		const commands = frames('toDevice')
			.slice(before)
			.map((frame) => frame.data[0]);
		expect(commands.length).toBeGreaterThan(1);
		expect(new Set(commands)).toEqual(new Set([SspCommand.hold]));
		expect(simulator.snapshot().note?.phase).toBe('escrow');
	});

	it('repeats a request whose reply was lost with the same flag, and the device does not act twice', async () => {
		const { acceptor, simulator, tap } = await tapped();
		const credits: number[] = [];
		acceptor.on('credited', ({ valuePaise }) => credits.push(valuePaise));
		await after(0, acceptor.enable([10_000]));
		simulator.insertNote(100);
		await after(1_000);
		const carriesCredit = (bytes: Uint8Array) => extractSspFrame(bytes).frame?.data.includes(SspEvent.creditNote) ?? false;
		tap.dropNext('toHost', carriesCredit);

		await after(3_000, acceptor.stack());

		const lost = tap.traffic.findIndex((chunk) => chunk.dropped);
		const request = tap.traffic.slice(0, lost).findLast((chunk) => chunk.direction === 'toDevice');
		const retry = tap.traffic.slice(lost).find((chunk) => chunk.direction === 'toDevice');
		expect(lost).toBeGreaterThan(0);
		expect(retry?.bytes).toEqual(request?.bytes);
		expect(credits).toEqual([10_000]);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([100]);
	});

	it('asks for the reject code when the device rejects a note by itself', async () => {
		const { acceptor, simulator, frames } = await tapped();
		const rejections: string[] = [];
		acceptor.on('rejected', ({ reason }) => rejections.push(reason));
		await after(0, acceptor.enable([10_000]));

		simulator.insertNote(500);
		await after(2_000);

		const commands = frames('toDevice').map((frame) => frame.data[0]);
		expect(commands).toContain(SspCommand.lastRejectCode);
		expect(rejections).toEqual(['inhibited']);
	});
});
