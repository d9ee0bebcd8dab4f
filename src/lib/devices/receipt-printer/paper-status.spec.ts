import { describe, expect, it } from 'vitest';
import { latestPaperStatus, paperStatusByte, parsePaperStatus } from './paper-status';

describe('parsePaperStatus', () => {
	it.each([
		[0x12, 'ok'],
		[0x1e, 'near-end'],
		[0x16, 'near-end'],
		[0x1a, 'near-end'],
		[0x72, 'out'],
		[0x7e, 'out'],
		[0x32, 'out'],
		[0x52, 'out']
	] as const)('reads 0x%s as %s', (byte, state) => {
		expect(parsePaperStatus(byte)).toBe(state);
	});

	it.each([0x00, 0xff, 0x13, 0x10, 0x02, 0x92])('rejects 0x%s, whose fixed bits are wrong', (byte) => {
		expect(parsePaperStatus(byte)).toBeNull();
	});
});

describe('paperStatusByte', () => {
	it('gives bytes that read back as the same state', () => {
		for (const state of ['ok', 'near-end', 'out'] as const) {
			expect(parsePaperStatus(paperStatusByte(state))).toBe(state);
		}
	});
});

describe('latestPaperStatus', () => {
	it('takes the last valid status byte in a chunk and skips noise', () => {
		expect(latestPaperStatus(Uint8Array.of(0x12, 0x72, 0xff))).toBe('out');
		expect(latestPaperStatus(Uint8Array.of(0x00, 0xff))).toBeNull();
		expect(latestPaperStatus(new Uint8Array(0))).toBeNull();
	});
});
