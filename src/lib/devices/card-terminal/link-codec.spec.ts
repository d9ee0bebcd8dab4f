import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, drainFrames, encodeFrame, ETX, extractFrame, MAX_PAYLOAD_LENGTH, STX } from './link-codec';

const ascii = (text: string) => new TextEncoder().encode(text);

/** Payload bytes as the protocol allows them: anything but STX and ETX. */
const payloadByte = fc.integer({ min: 0, max: 255 }).filter((byte) => byte !== STX && byte !== ETX);
const payload = fc
	.uint8Array({ minLength: 1, maxLength: 600 })
	.map((bytes) => bytes.map((byte) => (byte === STX || byte === ETX ? 0x20 : byte)));

function concat(...parts: Uint8Array[]): Uint8Array {
	const all = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		all.set(part, offset);
		offset += part.length;
	}
	return all;
}

describe('crc16CcittFalse', () => {
	it('gives the catalogue check value for "123456789"', () => {
		expect(crc16CcittFalse(ascii('123456789'))).toBe(0x29b1);
	});
});

describe('encodeFrame', () => {
	it('frames a status request as documented', () => {
		const json = '{"type":"status","ref":"EM-1"}';

		expect([...encodeFrame(ascii(json))]).toEqual([0x02, 0x00, 0x1e, ...ascii(json), 0x03, 0x6e, 0xbb]);
	});

	it('refuses empty, oversized and control-byte payloads', () => {
		expect(() => encodeFrame(new Uint8Array(0))).toThrow(RangeError);
		expect(() => encodeFrame(new Uint8Array(MAX_PAYLOAD_LENGTH + 1).fill(0x41))).toThrow(RangeError);
		expect(() => encodeFrame(Uint8Array.of(0x41, STX))).toThrow(RangeError);
		expect(() => encodeFrame(Uint8Array.of(ETX))).toThrow(RangeError);
	});
});

describe('extractFrame', () => {
	it('gives back every payload it framed', () => {
		fc.assert(
			fc.property(payload, (bytes) => {
				const frame = encodeFrame(bytes);
				expect(extractFrame(frame)).toEqual({ frame: bytes, consumed: frame.length });
			})
		);
	});

	it('waits for the rest of a frame without consuming its start', () => {
		const frame = encodeFrame(ascii('{"a":1}'));

		for (let length = 1; length < frame.length; length++) {
			expect(extractFrame(frame.subarray(0, length))).toEqual({ frame: null, consumed: 0 });
		}
	});

	it('skips noise before the STX', () => {
		const frame = encodeFrame(ascii('{}'));

		expect(extractFrame(concat(Uint8Array.of(0xff, 0x00, 0x41), frame))).toEqual({
			frame: ascii('{}'),
			consumed: 3 + frame.length
		});
		expect(extractFrame(Uint8Array.of(0xff, 0x00))).toEqual({ frame: null, consumed: 2 });
	});

	it('drops only the STX of a frame with a bad length, ETX or CRC', () => {
		const frame = encodeFrame(ascii('{}'));
		const badCrc = frame.slice();
		badCrc[badCrc.length - 1] = (badCrc.at(-1) ?? 0) ^ 0x01;
		const badEtx = frame.slice();
		badEtx[badEtx.length - 3] = 0x04;

		expect(extractFrame(Uint8Array.of(STX, 0x00, 0x00, ETX, 0x00, 0x00))).toEqual({ frame: null, consumed: 1 });
		expect(extractFrame(Uint8Array.of(STX, 0x10, 0x01))).toEqual({ frame: null, consumed: 1 });
		expect(extractFrame(badCrc)).toEqual({ frame: null, consumed: 1 });
		expect(extractFrame(badEtx)).toEqual({ frame: null, consumed: 1 });
	});
});

describe('drainFrames', () => {
	it('finds every frame however the stream is cut into chunks', () => {
		const frameContents = fc.array(payload, { minLength: 1, maxLength: 5 });
		const chunkBoundaries = fc.array(fc.nat(), { maxLength: 8 });
		fc.assert(
			fc.property(frameContents, chunkBoundaries, (payloads, cuts) => {
				const stream = concat(...payloads.map(encodeFrame));
				const boundaries = [...new Set(cuts.map((cut) => cut % stream.length))].sort((a, b) => a - b);
				const received: Uint8Array[] = [];
				let pending: Uint8Array = new Uint8Array(0);
				let start = 0;
				for (const end of [...boundaries, stream.length]) {
					const drained = drainFrames(concat(pending, stream.subarray(start, end)));
					received.push(...drained.payloads);
					pending = drained.rest;
					start = end;
				}
				expect(received).toEqual(payloads);
				expect(pending.length).toBe(0);
			})
		);
	});

	it('loses a frame with any one byte corrupted, and still reads the frame after it', () => {
		fc.assert(
			fc.property(payload, payload, fc.nat(), fc.integer({ min: 1, max: 255 }), (first, second, at, flip) => {
				const corrupted = encodeFrame(first);
				const index = at % corrupted.length;
				corrupted[index] = (corrupted[index] ?? 0) ^ flip;

				expect(drainFrames(concat(corrupted, encodeFrame(second))).payloads).toEqual([second]);
			})
		);
	});

	it('skips noise between frames', () => {
		fc.assert(
			fc.property(payload, fc.array(payloadByte, { maxLength: 20 }), payload, (first, noise, second) => {
				const stream = concat(encodeFrame(first), Uint8Array.from(noise), encodeFrame(second));

				expect(drainFrames(stream)).toEqual({ payloads: [first, second], rest: new Uint8Array(0) });
			})
		);
	});
});
