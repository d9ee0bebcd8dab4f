import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './escpos-decoder';
import { encodeReceipt, receiptNeedsCanvas } from './receipt-encoder';
import { createTestCanvasFactory } from './test-canvas';
import type { Receipt } from './receipt';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const spaces = (count: number) => new Array<number>(count).fill(0x20);
const LF_CR = [0x0a, 0x0d];

function indexOfSequence(haystack: Uint8Array, needle: readonly number[]): number {
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		return i;
	}
	return -1;
}

describe('encodeReceipt', () => {
	it('encodes a small English receipt to the expected ESC/POS bytes', () => {
		const { createCanvas, drawn } = createTestCanvasFactory();
		const receipt: Receipt = {
			blocks: [
				{ kind: 'text', text: 'e-Mitra', align: 'center', bold: true },
				{ kind: 'row', label: 'Amount', value: 'Rs 120.00' },
				{ kind: 'divider' },
				{ kind: 'qr', payload: 'EM-1' },
				{ kind: 'cut' }
			]
		};

		const bytes = encodeReceipt(receipt, { columns: 32, createCanvas });

		expect([...bytes]).toEqual([
			// ESC @ initialise, FS . single-byte characters, ESC M 0 font A
			...[0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x4d, 0x00],
			// centred by padding 25 free columns with 12 spaces; ESC E 1 bold; ESC t 0 code page CP437
			...spaces(12),
			...[0x1b, 0x45, 0x01, 0x1b, 0x74, 0x00],
			...ascii('e-Mitra'),
			...[0x1b, 0x45, 0x00],
			...LF_CR,
			// label and value fill exactly 32 columns
			...ascii('Amount'),
			...spaces(17),
			...ascii('Rs 120.00'),
			...LF_CR,
			// divider: 32 × CP437 box-drawing line
			...new Array<number>(32).fill(0xc4),
			...LF_CR,
			// ESC a 1 centre; GS ( k: model 2, module size 6, error level M, store "EM-1", print
			...[0x1b, 0x61, 0x01],
			...[0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
			...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06],
			...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31],
			...[0x1d, 0x28, 0x6b, 0x07, 0x00, 0x31, 0x50, 0x30, ...ascii('EM-1')],
			...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
			// ESC a 0 left, and a blank line to keep the next text clear of the code
			...[0x1b, 0x61, 0x00],
			...LF_CR,
			// GS V 1 partial cut
			...[0x1d, 0x56, 0x01],
			...LF_CR
		]);
		expect(drawn).toEqual([]);
	});

	it('draws a Devanagari line on the canvas and sends it as a raster image', () => {
		const { createCanvas, drawn } = createTestCanvasFactory();
		const text = 'बिजली बिल जमा';

		const bytes = encodeReceipt(
			{ blocks: [{ kind: 'text', text, align: 'center', bold: true, size: 2 }] },
			{ columns: 32, createCanvas }
		);

		expect(drawn).toEqual([{ text, font: 'bold 48px "Noto Sans Devanagari"', align: 'center', x: 192, y: 36 }]);
		// GS v 0, mode 0, 48 bytes (384 dots) wide, 72 dots high (1.5 line heights of a 48 px font)
		expect(indexOfSequence(bytes, [0x1d, 0x76, 0x30, 0x00, 48, 0, 72, 0])).toBeGreaterThan(0);
		// No code page has Devanagari: nothing may reach the printer as characters.
		const commands = decodeEscPos(bytes).commands.map((command) => command.type);
		expect(commands).toContain('raster-image');
		expect(commands).not.toContain('text');
	});

	it('draws a mixed-script row with the rupee sign as an image, label left and value right', () => {
		const { createCanvas, drawn } = createTestCanvasFactory();

		const bytes = encodeReceipt({ blocks: [{ kind: 'row', label: 'राशि', value: '₹ 120.00' }] }, { columns: 48, createCanvas });

		expect(drawn.map(({ text, align, x }) => ({ text, align, x }))).toEqual([
			{ text: 'राशि', align: 'left', x: 0 },
			{ text: '₹ 120.00', align: 'right', x: 576 }
		]);
		// 576 dots wide; 36 dots of line padded by the encoder to 40, a multiple of 8
		expect(indexOfSequence(bytes, [0x1d, 0x76, 0x30, 0x00, 72, 0, 40, 0])).toBeGreaterThan(0);
	});

	it('wraps a long Hindi line at word boundaries to the paper width', () => {
		const { createCanvas, drawn } = createTestCanvasFactory();
		// 32 glyphs of 12 dots fill the 384 dots of 58 mm paper; the test canvas counts code points as glyphs.
		const word = 'अबकडअबकडअबकड';
		const words = [word, word, word];

		encodeReceipt({ blocks: [{ kind: 'text', text: words.join(' ') }] }, { columns: 32, createCanvas });

		expect(drawn.map((d) => d.text)).toEqual([`${words[0]} ${words[1]}`, words[2]]);
		expect(drawn.map((d) => d.y)).toEqual([18, 54]);
	});

	it('puts a row value on its own line when label and value do not fit on one', () => {
		const { createCanvas } = createTestCanvasFactory();
		const label = 'Consumer name as registered';

		const bytes = encodeReceipt({ blocks: [{ kind: 'row', label, value: 'Ramesh Kumar' }] }, { columns: 32, createCanvas });

		expect(indexOfSequence(bytes, [...ascii(label), ...LF_CR])).toBeGreaterThan(0);
		expect(indexOfSequence(bytes, [...spaces(20), ...ascii('Ramesh Kumar'), ...LF_CR])).toBeGreaterThan(0);
	});

	it('refuses a QR payload the printer would encode as different text', () => {
		const { createCanvas } = createTestCanvasFactory();

		expect(() => encodeReceipt({ blocks: [{ kind: 'qr', payload: 'रसीद-1' }] }, { columns: 32, createCanvas })).toThrow(RangeError);
	});
});

describe('receiptNeedsCanvas', () => {
	it('is true only when some text or row is outside printable ASCII', () => {
		expect(
			receiptNeedsCanvas({
				blocks: [
					{ kind: 'text', text: 'Receipt' },
					{ kind: 'qr', payload: 'x' }
				]
			})
		).toBe(false);
		expect(receiptNeedsCanvas({ blocks: [{ kind: 'text', text: 'रसीद' }] })).toBe(true);
		expect(receiptNeedsCanvas({ blocks: [{ kind: 'row', label: 'Fee', value: '₹10' }] })).toBe(true);
	});
});
