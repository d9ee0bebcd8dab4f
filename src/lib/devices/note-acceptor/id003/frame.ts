import type { FrameExtraction } from '../../serial/byte-stream-reader';
import { crc16Kermit } from './crc';

/** Every ID003 frame starts with this byte. */
export const ID003_SYNC = 0xfc;

/** SYNC, LNG, CMD and two CRC bytes: a frame without data. */
const SHORTEST_FRAME = 5;

export interface Id003Frame {
	command: number;
	data: Uint8Array;
}

/** `FC, LNG, CMD, DATA…, CRC lo, CRC hi`, where LNG counts the whole frame. */
export function encodeId003Frame(command: number, data: ArrayLike<number> = []): Uint8Array {
	const length = SHORTEST_FRAME + data.length;
	if (length > 0xff) {
		throw new RangeError(`An ID003 frame holds at most 250 data bytes, not ${data.length}`);
	}
	const frame = new Uint8Array(length);
	frame.set([ID003_SYNC, length, command]);
	frame.set(Array.from(data), 3);
	const crc = crc16Kermit(frame.subarray(0, length - 2));
	frame[length - 2] = crc & 0xff;
	frame[length - 1] = crc >> 8;
	return frame;
}

type Candidate = { frame: Id003Frame; end: number } | 'incomplete' | 'invalid';

function frameAt(bytes: Uint8Array, start: number): Candidate {
	const length = bytes[start + 1];
	if (length === undefined) return 'incomplete';
	if (length < SHORTEST_FRAME) return 'invalid';
	const end = start + length;
	if (bytes.length < end) return 'incomplete';
	const received = bytes[end - 2]! | (bytes[end - 1]! << 8);
	if (crc16Kermit(bytes.subarray(start, end - 2)) !== received) return 'invalid';
	return { frame: { command: bytes[start + 2]!, data: bytes.slice(start + 3, end - 2) }, end };
}

/**
 * Finds the first valid frame, skipping line noise. A SYNC byte inside the noise can claim a
 * length longer than what has arrived, so a complete frame further on wins over waiting for it.
 */
export function extractId003Frame(bytes: Uint8Array): FrameExtraction<Id003Frame> {
	let firstIncomplete: number | null = null;
	let start = bytes.indexOf(ID003_SYNC);
	for (; start >= 0; start = bytes.indexOf(ID003_SYNC, start + 1)) {
		const candidate = frameAt(bytes, start);
		if (typeof candidate === 'object') return { frame: candidate.frame, consumed: candidate.end };
		if (candidate === 'incomplete') firstIncomplete ??= start;
	}
	return { frame: null, consumed: firstIncomplete ?? bytes.length };
}
