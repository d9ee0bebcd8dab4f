import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './escpos-decoder';
import { encodeReceipt } from './receipt-encoder';
import { buildPreview, splitAtCuts, type PreviewItem } from './receipt-preview';
import { createTestCanvasFactory, TEST_GLYPH_WIDTH } from './test-canvas';

function previewOf(bytes: Uint8Array): PreviewItem[] {
	return buildPreview(decodeEscPos(bytes).commands);
}

function isBlack(item: Extract<PreviewItem, { kind: 'image' }>, x: number, y: number): boolean {
	return item.rgba[(y * item.width + x) * 4] === 0;
}

describe('receipt preview', () => {
	it('reads text lines with their styles, a Hindi line as an image, a QR payload and the cut', () => {
		const { createCanvas } = createTestCanvasFactory();
		const bytes = encodeReceipt(
			{
				blocks: [
					{ kind: 'text', text: 'RECEIPT', align: 'center', size: 2, bold: true },
					{ kind: 'text', text: 'धन्यवाद', align: 'right' },
					{ kind: 'qr', payload: 'https://emitra.example/r/EM-1' },
					{ kind: 'cut' }
				]
			},
			{ columns: 32, createCanvas }
		);

		// Images and QR codes feed the paper themselves: no line feed follows the Hindi line.
		const [title, hindi, qr, blank, cut, ...rest] = previewOf(bytes);

		// Seven double-width characters take 14 of 32 columns: 9 normal spaces centre them.
		expect(title).toEqual({
			kind: 'text',
			spans: [
				{ text: ' '.repeat(9), bold: false, underline: false, width: 1, height: 1 },
				{ text: 'RECEIPT', bold: true, underline: false, width: 2, height: 2 }
			]
		});
		expect(hindi).toMatchObject({ kind: 'image', width: 384, height: 40 });
		if (hindi?.kind !== 'image') throw new Error('expected an image');
		// The test canvas draws the 7 code points right-aligned as a bar through the middle of the line.
		const textLeft = 384 - 7 * TEST_GLYPH_WIDTH;
		expect(isBlack(hindi, textLeft + 1, 18)).toBe(true);
		expect(isBlack(hindi, 383, 18)).toBe(true);
		expect(isBlack(hindi, textLeft - 2, 18)).toBe(false);
		expect(isBlack(hindi, 383, 2)).toBe(false);
		expect(qr).toEqual({ kind: 'qr', payload: 'https://emitra.example/r/EM-1', moduleSize: 6, align: 'center' });
		expect(blank).toEqual({ kind: 'text', spans: [] });
		expect(cut).toEqual({ kind: 'cut', partial: true });
		expect(rest).toEqual([{ kind: 'text', spans: [] }]);
	});

	it('decodes a command split across transfers once its last byte arrives', () => {
		const bytes = Uint8Array.of(0x1b, 0x40, 0x41, 0x42, 0x0a, 0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x50, 0x30, 0x58);

		const first = decodeEscPos(bytes.subarray(0, 12));
		expect(first.consumed).toBe(5);
		expect(first.commands).toEqual([{ type: 'initialize' }, { type: 'text', text: 'AB' }, { type: 'line-feed' }]);

		const second = decodeEscPos(bytes.subarray(5, 14));
		expect(second.consumed).toBe(9);
		expect(second.commands).toEqual([{ type: 'qr-store', payload: 'X' }]);
	});

	it('reads DLE EOT as a status request, CP437 bytes as characters, and keeps unknown control bytes', () => {
		const { commands } = decodeEscPos(Uint8Array.of(0x10, 0x04, 0x04, 0xc4, 0xcd, 0x07, 0x1d, 0x56, 0x41, 0x03));

		expect(commands).toEqual([
			{ type: 'status-request', kind: 4 },
			{ type: 'text', text: '─═' },
			{ type: 'unknown', byte: 0x07 },
			{ type: 'cut', partial: false }
		]);
		expect(buildPreview(commands)).toEqual([
			{ kind: 'unknown-byte', byte: 0x07 },
			{ kind: 'text', spans: [{ text: '─═', bold: false, underline: false, width: 1, height: 1 }] },
			{ kind: 'cut', partial: false }
		]);
	});

	it('splits the paper into receipts at each cut', () => {
		const text = (t: string): PreviewItem => ({
			kind: 'text',
			spans: [{ text: t, bold: false, underline: false, width: 1, height: 1 }]
		});
		const cut: PreviewItem = { kind: 'cut', partial: true };

		const blank: PreviewItem = { kind: 'text', spans: [] };

		expect(splitAtCuts([text('a'), cut, blank, text('b'), cut, text('c')])).toEqual([
			[text('a'), cut],
			[blank, text('b'), cut],
			[text('c')]
		]);
		expect(splitAtCuts([text('a'), cut, blank])).toEqual([[text('a'), cut]]);
	});
});
