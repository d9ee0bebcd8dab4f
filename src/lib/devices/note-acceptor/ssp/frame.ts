import type { FrameExtraction } from '../../serial/byte-stream-reader';
import { crc16Ssp } from './crc';

/** Starts every frame; inside a frame it is doubled on the wire so it is not taken for a start. */
export const SSP_STX = 0x7f;

const SEQUENCE_BIT = 0x80;
const ADDRESS_MASK = 0x7f;

export interface SspFrame {
	/**
	 * Toggles with every new command; a retry repeats it, so the device answers the retry
	 * with its last reply instead of acting twice.
	 */
	sequenceFlag: boolean;
	/** 0 is a note validator. */
	address: number;
	data: Uint8Array;
}

/** `7F, SEQ|ADDR, LEN, DATA…, CRC lo, CRC hi`, with every 0x7F after the first doubled. */
export function encodeSspFrame(frame: SspFrame): Uint8Array {
	if (frame.data.length > 0xff) {
		throw new RangeError(`An SSP frame holds at most 255 data bytes, not ${frame.data.length}`);
	}
	if (frame.address < 0 || frame.address > ADDRESS_MASK) {
		throw new RangeError(`SSP address ${frame.address} is not 0–127`);
	}
	const sequenceAndAddress = (frame.sequenceFlag ? SEQUENCE_BIT : 0) | frame.address;
	const body = [sequenceAndAddress, frame.data.length, ...frame.data];
	const crc = crc16Ssp(body);
	const packet = [...body, crc & 0xff, crc >> 8];
	const stuffed = packet.flatMap((byte) => (byte === SSP_STX ? [SSP_STX, SSP_STX] : [byte]));
	return Uint8Array.from([SSP_STX, ...stuffed]);
}

type Candidate = { frame: SspFrame; end: number } | 'incomplete' | 'invalid';

function frameAt(bytes: Uint8Array, start: number): Candidate {
	const packet: number[] = [];
	let index = start + 1;
	while (index < bytes.length) {
		const byte = bytes[index]!;
		if (byte === SSP_STX) {
			const next = bytes[index + 1];
			if (next === undefined) return 'incomplete';
			// A single 0x7F is the start of another frame, so this one was cut short.
			if (next !== SSP_STX) return 'invalid';
			index += 2;
		} else index += 1;
		packet.push(byte);
		const length = packet[1];
		if (length !== undefined && packet.length === length + 4) {
			const received = packet[length + 2]! | (packet[length + 3]! << 8);
			if (crc16Ssp(packet.slice(0, length + 2)) !== received) return 'invalid';
			const frame: SspFrame = {
				sequenceFlag: (packet[0]! & SEQUENCE_BIT) !== 0,
				address: packet[0]! & ADDRESS_MASK,
				data: Uint8Array.from(packet.slice(2, length + 2))
			};
			return { frame, end: index };
		}
	}
	return 'incomplete';
}

/** Finds the first valid frame, undoing the byte stuffing and skipping line noise. */
export function extractSspFrame(bytes: Uint8Array): FrameExtraction<SspFrame> {
	let firstIncomplete: number | null = null;
	let start = bytes.indexOf(SSP_STX);
	for (; start >= 0; start = bytes.indexOf(SSP_STX, start + 1)) {
		const candidate = frameAt(bytes, start);
		if (typeof candidate === 'object') return { frame: candidate.frame, consumed: candidate.end };
		if (candidate === 'incomplete') firstIncomplete ??= start;
	}
	return { frame: null, consumed: firstIncomplete ?? bytes.length };
}
