import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16Kermit } from './crc';
import { encodeId003Frame, extractId003Frame } from './frame';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('ID003 frames', () => {
	it.each([
		['status request', 0x11, [0xfc, 0x05, 0x11, 0x27, 0x56]],
		['reset', 0x40, [0xfc, 0x05, 0x40, 0x2b, 0x15]],
		['ACK', 0x50, [0xfc, 0x05, 0x50, 0xaa, 0x05]]
	])('encodes %s as the published bytes', (_, command, wire) => {
		expect(Array.from(encodeId003Frame(command))).toEqual(wire);
	});

	it.each([
		['status request', [0xfc, 0x05, 0x11, 0x27, 0x56], 0x11],
		['reset', [0xfc, 0x05, 0x40, 0x2b, 0x15], 0x40],
		['ACK', [0xfc, 0x05, 0x50, 0xaa, 0x05], 0x50]
	])('decodes the published %s bytes', (_, wire, command) => {
		const { frame, consumed } = extractId003Frame(Uint8Array.from(wire));

		expect(frame?.command).toBe(command);
		expect(frame?.data.length).toBe(0);
		expect(consumed).toBe(5);
	});

	it('computes CRC-16/KERMIT over everything before the CRC', () => {
		expect(crc16Kermit([0xfc, 0x05, 0x11])).toBe(0x5627);
		// The catalogue check value of CRC-16/KERMIT for "123456789".
		expect(crc16Kermit(Array.from('123456789', (c) => c.charCodeAt(0)))).toBe(0x2189);
	});

	it('counts the data in the length byte', () => {
		const frame = encodeId003Frame(0x13, [0x64]);

		expect(frame[1]).toBe(6);
		expect(extractId003Frame(frame).frame).toEqual({ command: 0x13, data: bytes(0x64) });
	});

	it('refuses more data than the length byte can count', () => {
		expect(() => encodeId003Frame(0xc0, new Uint8Array(251))).toThrow(RangeError);
	});

	it('waits for the rest of a frame and keeps what has arrived', () => {
		expect(extractId003Frame(bytes(0x00, 0xfc, 0x05, 0x11))).toEqual({ frame: null, consumed: 1 });
	});

	it('skips a frame whose CRC is wrong', () => {
		const corrupt = bytes(0xfc, 0x05, 0x11, 0x27, 0x57);
		const good = encodeId003Frame(0x1a);

		const { frame } = extractId003Frame(Uint8Array.from([...corrupt, ...good]));

		expect(frame?.command).toBe(0x1a);
	});

	it('round-trips any command and data', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 0xff }), fc.uint8Array({ maxLength: 250 }), (command, data) => {
				const wire = encodeId003Frame(command, data);
				const { frame, consumed } = extractId003Frame(wire);
				expect(consumed).toBe(wire.length);
				expect(frame).toEqual({ command, data });
			})
		);
	});

	it('skips random garbage before a frame', () => {
		fc.assert(
			fc.property(
				fc.uint8Array({ maxLength: 40 }),
				fc.integer({ min: 0, max: 0xff }),
				fc.uint8Array({ maxLength: 20 }),
				(garbage, command, data) => {
					const wire = encodeId003Frame(command, data);
					const { frame, consumed } = extractId003Frame(Uint8Array.from([...garbage, ...wire]));
					expect(frame).toEqual({ command, data });
					expect(consumed).toBe(garbage.length + wire.length);
				}
			)
		);
	});

	it('finds nothing in a frame cut short', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 20 }), fc.nat(), (data, cut) => {
				const wire = encodeId003Frame(0x13, data);
				expect(extractId003Frame(wire.subarray(0, cut % wire.length)).frame).toBeNull();
			})
		);
	});
});
