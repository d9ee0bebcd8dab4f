import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16Ssp } from './crc';
import { encodeSspFrame, extractSspFrame, type SspFrame } from './frame';

const hex = (wire: Uint8Array) => Array.from(wire, (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(' ');
const fromHex = (text: string) => Uint8Array.from(text.split(' '), (pair) => parseInt(pair, 16));
const frame = (sequenceFlag: boolean, data: number[]): SspFrame => ({
	sequenceFlag,
	address: 0,
	data: Uint8Array.from(data)
});

describe('SSP frames', () => {
	it('encodes SYNC as the published bytes', () => {
		expect(hex(encodeSspFrame(frame(true, [0x11])))).toBe('7F 80 01 11 65 82');
	});

	it('decodes the published SYNC bytes', () => {
		expect(extractSspFrame(fromHex('7F 80 01 11 65 82'))).toEqual({
			frame: frame(true, [0x11]),
			consumed: 6
		});
	});

	it('carries the sequence flag in the top bit of SEQ/ADDR', () => {
		expect(hex(encodeSspFrame(frame(false, [0x07])))).toBe('7F 00 01 07 11 88');
		expect(hex(encodeSspFrame(frame(true, [0x07])))).toBe('7F 80 01 07 12 02');
		expect(extractSspFrame(fromHex('7F 00 01 07 11 88')).frame?.sequenceFlag).toBe(false);
		expect(extractSspFrame(fromHex('7F 80 01 07 12 02')).frame?.sequenceFlag).toBe(true);
	});

	it('doubles a 0x7F in the data and undoes it when decoding', () => {
		const wire = encodeSspFrame(frame(false, [0x02, 0x7f, 0x00]));

		expect(hex(wire)).toBe('7F 00 03 02 7F 7F 00 2D 9A');
		expect(extractSspFrame(wire)).toEqual({ frame: frame(false, [0x02, 0x7f, 0x00]), consumed: 9 });
	});

	it('doubles a 0x7F in the CRC and undoes it when decoding', () => {
		const wire = encodeSspFrame(frame(false, [0x02, 0x68]));

		expect(hex(wire)).toBe('7F 00 02 02 68 7F 7F 8D');
		expect(extractSspFrame(wire)).toEqual({ frame: frame(false, [0x02, 0x68]), consumed: 8 });
	});

	it('checks the CRC of a long reply against a published SETUP REQUEST reply', () => {
		// From the `ssp` crate's setup request test (decapod-atm/ssp): an EUR validator, CRC 8B 9B.
		const body = fromHex(
			'80 35 F0 00 00 33 33 33 45 55 52 00 00 01 04 05 0A 14 32 02 02 02 02 00 00 64 07 ' +
				'45 55 52 45 55 52 45 55 52 45 55 52 05 00 00 00 0A 00 00 00 14 00 00 00 32 00 00 00'
		);

		expect(crc16Ssp(body)).toBe(0x9b8b);
	});

	it('skips a frame with a wrong CRC and one cut short by a new start byte', () => {
		const wire = fromHex('7F 80 01 11 65 83 7F 00 05 7F 80 01 11 65 82');

		expect(extractSspFrame(wire)).toEqual({ frame: frame(true, [0x11]), consumed: wire.length });
	});

	it('waits for the rest of a frame, even when it ends in half a stuffed pair', () => {
		const wire = encodeSspFrame(frame(false, [0x02, 0x7f, 0x00]));

		expect(extractSspFrame(wire.subarray(0, 5))).toEqual({ frame: null, consumed: 0 });
	});

	it('refuses data longer than 255 bytes', () => {
		expect(() => encodeSspFrame(frame(false, new Array(256).fill(0)))).toThrow(RangeError);
	});

	const anyFrame = fc.record({
		sequenceFlag: fc.boolean(),
		address: fc.integer({ min: 0, max: 0x7e }),
		data: fc.uint8Array({ minLength: 1, maxLength: 255 })
	});

	it('round-trips any frame, 0x7F bytes included', () => {
		fc.assert(
			fc.property(anyFrame, (original) => {
				const wire = encodeSspFrame(original);
				expect(extractSspFrame(wire)).toEqual({ frame: original, consumed: wire.length });
			})
		);
	});

	it('skips random garbage before a frame', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 40 }), anyFrame, (garbage, original) => {
				const wire = encodeSspFrame(original);
				const { frame: found, consumed } = extractSspFrame(Uint8Array.from([...garbage, ...wire]));
				expect(found).toEqual(original);
				expect(consumed).toBe(garbage.length + wire.length);
			})
		);
	});
});
