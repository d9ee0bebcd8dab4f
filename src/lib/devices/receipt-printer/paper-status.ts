/**
 * Paper status over ESC/POS: `DLE EOT 4` asks for the roll paper sensor status, and the printer
 * answers at once with one byte, even while it is busy or offline:
 *
 *   bit 0    0 (fixed)           bit 4    1 (fixed)
 *   bit 1    1 (fixed)           bits 5,6 paper end: 00 present, 11 out
 *   bits 2,3 paper near end:     bit 7    0 (fixed)
 *            00 adequate, 11 near end
 *
 * Some printers set only one bit of each pair, so either bit counts.
 */

export type PaperStatus = 'ok' | 'near-end' | 'out' | 'no-answer';

/** The state the sensors can report; 'no-answer' is what we conclude when they report nothing. */
export type PaperState = Exclude<PaperStatus, 'no-answer'>;

export const PAPER_STATUS_REQUEST: readonly number[] = [0x10, 0x04, 0x04];

const FIXED_BITS_MASK = 0b1001_0011;
const FIXED_BITS_VALUE = 0b0001_0010;
const NEAR_END_BITS = 0b0000_1100;
const PAPER_END_BITS = 0b0110_0000;

/** The paper state in a status byte, or null when the byte cannot be a DLE EOT 4 answer. */
export function parsePaperStatus(byte: number): PaperState | null {
	if ((byte & FIXED_BITS_MASK) !== FIXED_BITS_VALUE) return null;
	if (byte & PAPER_END_BITS) return 'out';
	if (byte & NEAR_END_BITS) return 'near-end';
	return 'ok';
}

/** The byte a printer sends for a paper state; with the paper out, the near-end sensor is empty too. */
export function paperStatusByte(state: PaperState): number {
	switch (state) {
		case 'ok':
			return FIXED_BITS_VALUE;
		case 'near-end':
			return FIXED_BITS_VALUE | NEAR_END_BITS;
		case 'out':
			return FIXED_BITS_VALUE | NEAR_END_BITS | PAPER_END_BITS;
	}
}

/** The newest valid status in whatever the printer sent, or null when there is none. */
export function latestPaperStatus(bytes: Uint8Array): PaperState | null {
	for (let index = bytes.length - 1; index >= 0; index--) {
		const state = parsePaperStatus(bytes[index] ?? 0);
		if (state) return state;
	}
	return null;
}
