import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type { ReceiptAlignment } from './receipt';

/**
 * Reads ESC/POS bytes back into commands, the way a printer does: the simulated printer uses it
 * to answer status requests and to show what would be on the paper. It knows the commands that
 * `encodeReceipt` sends (through @point-of-sale/receipt-printer-encoder) and DLE EOT; any other
 * control byte is kept as 'unknown' so a preview shows that something unexpected arrived.
 */

export type EscPosCommand =
	| { type: 'initialize' }
	| { type: 'text'; text: string }
	| { type: 'line-feed' }
	| { type: 'bold'; on: boolean }
	| { type: 'underline'; on: boolean }
	| { type: 'size'; width: number; height: number }
	| { type: 'align'; align: ReceiptAlignment }
	| { type: 'qr-size'; moduleSize: number }
	| { type: 'qr-store'; payload: string }
	| { type: 'qr-print' }
	/** GS v 0: `bits` holds `height` rows of `width / 8` bytes, most significant bit leftmost, 1 = black. */
	| { type: 'raster-image'; width: number; height: number; bits: Uint8Array }
	| { type: 'cut'; partial: boolean }
	| { type: 'status-request'; kind: number }
	/** Commands that change nothing a preview shows: code page, font, line spacing, and the like. */
	| { type: 'setting'; name: string }
	| { type: 'unknown'; byte: number };

export interface DecodedEscPos {
	commands: EscPosCommand[];
	/** Bytes read; anything after them is the start of a command that has not fully arrived yet. */
	consumed: number;
}

const DLE = 0x10;
const EOT = 0x04;
const LF = 0x0a;
const CR = 0x0d;
const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;

/** Every byte the encoder's default code page (CP437, selected by ESC t 0) maps to a character. */
const CP437 = CodepageEncoder.getCodepoints('cp437', true);

type Step = { command: EscPosCommand; length: number } | 'incomplete';

export function decodeEscPos(bytes: Uint8Array): DecodedEscPos {
	const commands: EscPosCommand[] = [];
	let offset = 0;
	while (offset < bytes.length) {
		const step = decodeOne(bytes, offset);
		if (step === 'incomplete') break;
		const previous = commands.at(-1);
		if (step.command.type === 'text' && previous?.type === 'text') {
			previous.text += step.command.text;
		} else {
			commands.push(step.command);
		}
		offset += step.length;
	}
	return { commands, consumed: offset };
}

function decodeOne(bytes: Uint8Array, at: number): Step {
	const byte = bytes[at] ?? 0;
	const has = (count: number) => at + count <= bytes.length;
	const arg = (index: number) => bytes[at + index] ?? 0;
	const step = (command: EscPosCommand, length: number): Step => (has(length) ? { command, length } : 'incomplete');

	switch (byte) {
		case LF:
			return step({ type: 'line-feed' }, 1);
		case CR:
			return step({ type: 'setting', name: 'carriage-return' }, 1);
		case DLE:
			if (!has(2)) return 'incomplete';
			return arg(1) === EOT ? step({ type: 'status-request', kind: arg(2) }, 3) : step(unknown(byte), 1);
		case ESC:
			return has(2) ? decodeEsc(arg(1), arg(2), step) : 'incomplete';
		case FS:
			if (!has(2)) return 'incomplete';
			return arg(1) === 0x2e ? step({ type: 'setting', name: 'cancel-kanji' }, 2) : step(unknown(byte), 1);
		case GS:
			return has(2) ? decodeGs(bytes, at, has, arg, step) : 'incomplete';
		default:
			return byte < 0x20 ? step(unknown(byte), 1) : step({ type: 'text', text: character(byte) }, 1);
	}
}

function decodeEsc(code: number, value: number, step: (command: EscPosCommand, length: number) => Step): Step {
	switch (code) {
		case 0x40:
			return step({ type: 'initialize' }, 2);
		case 0x45:
			return step({ type: 'bold', on: (value & 1) === 1 }, 3);
		case 0x2d:
			return step({ type: 'underline', on: value === 1 || value === 2 || value === 0x31 || value === 0x32 }, 3);
		case 0x61:
			return step({ type: 'align', align: alignment(value) }, 3);
		case 0x32:
			return step({ type: 'setting', name: 'line-spacing' }, 2);
		case 0x33:
			return step({ type: 'setting', name: 'line-spacing' }, 3);
		case 0x34:
			return step({ type: 'setting', name: 'italic' }, 3);
		case 0x4d:
			return step({ type: 'setting', name: 'font' }, 3);
		case 0x74:
			return step({ type: 'setting', name: 'code-page' }, 3);
		default:
			return step(unknown(ESC), 1);
	}
}

function decodeGs(
	bytes: Uint8Array,
	at: number,
	has: (count: number) => boolean,
	arg: (index: number) => number,
	step: (command: EscPosCommand, length: number) => Step
): Step {
	switch (arg(1)) {
		case 0x21:
			return step({ type: 'size', width: ((arg(2) >> 4) & 0x07) + 1, height: (arg(2) & 0x07) + 1 }, 3);
		case 0x42:
			return step({ type: 'setting', name: 'invert' }, 3);
		case 0x50:
			return step({ type: 'setting', name: 'motion-units' }, 4);
		case 0x56: {
			if (!has(3)) return 'incomplete';
			const mode = arg(2);
			// GS V 65/66 carries an extra byte: how far to feed before cutting.
			const length = mode === 65 || mode === 66 ? 4 : 3;
			return step({ type: 'cut', partial: mode === 1 || mode === 0x31 || mode === 66 }, length);
		}
		case 0x28:
			return arg(2) === 0x6b ? decodeTwoDimensionalCode(bytes, at, has, arg, step) : step(unknown(GS), 1);
		case 0x76:
			return decodeRasterImage(bytes, at, has, arg, step);
		default:
			return step(unknown(GS), 1);
	}
}

/** GS ( k pL pH cn fn [parameters]: cn 0x31 is QR code; fn says which QR function. */
function decodeTwoDimensionalCode(
	bytes: Uint8Array,
	at: number,
	has: (count: number) => boolean,
	arg: (index: number) => number,
	step: (command: EscPosCommand, length: number) => Step
): Step {
	if (!has(5)) return 'incomplete';
	const parameterLength = arg(3) | (arg(4) << 8);
	const length = 5 + parameterLength;
	if (!has(length)) return 'incomplete';
	const symbol = arg(5);
	const fn = arg(6);
	if (symbol !== 0x31) return step({ type: 'setting', name: 'two-dimensional-code' }, length);
	switch (fn) {
		case 0x43:
			return step({ type: 'qr-size', moduleSize: arg(7) }, length);
		case 0x50: {
			// fn 0x50 data starts after m (0x30); the encoder sends it as ISO-8859-1.
			const data = bytes.subarray(at + 8, at + length);
			return step({ type: 'qr-store', payload: String.fromCharCode(...data) }, length);
		}
		case 0x51:
			return step({ type: 'qr-print' }, length);
		default:
			return step({ type: 'setting', name: 'qr-option' }, length);
	}
}

/** GS v 0 m xL xH yL yH data: x is the width in bytes, y the height in dots. */
function decodeRasterImage(
	bytes: Uint8Array,
	at: number,
	has: (count: number) => boolean,
	arg: (index: number) => number,
	step: (command: EscPosCommand, length: number) => Step
): Step {
	if (!has(8)) return 'incomplete';
	if (arg(2) !== 0x30) return step(unknown(GS), 1);
	const widthBytes = arg(4) | (arg(5) << 8);
	const height = arg(6) | (arg(7) << 8);
	const length = 8 + widthBytes * height;
	if (!has(length)) return 'incomplete';
	const bits = bytes.slice(at + 8, at + length);
	return step({ type: 'raster-image', width: widthBytes * 8, height, bits }, length);
}

function alignment(value: number): ReceiptAlignment {
	if (value === 1 || value === 0x31) return 'center';
	if (value === 2 || value === 0x32) return 'right';
	return 'left';
}

function character(byte: number): string {
	return String.fromCodePoint(CP437[byte] ?? 0xfffd);
}

function unknown(byte: number): EscPosCommand {
	return { type: 'unknown', byte };
}
