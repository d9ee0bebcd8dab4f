import type { CanvasFactory, ReceiptCanvasContext } from './text-raster';

/** Every glyph of the test canvas is this many dots wide. */
export const TEST_GLYPH_WIDTH = 12;
const GLYPH_HEIGHT = 10;

export interface DrawnText {
	text: string;
	font: string;
	align: CanvasTextAlign;
	x: number;
	y: number;
}

/**
 * A canvas for unit tests in Node, which has no canvas: it measures every code point as one
 * glyph, draws each text as a solid black bar, and remembers what it was asked to draw.
 */
export function createTestCanvasFactory(): { createCanvas: CanvasFactory; drawn: DrawnText[] } {
	const drawn: DrawnText[] = [];
	const createCanvas: CanvasFactory = (width, height) => {
		const pixels = new Uint8ClampedArray(width * height * 4);
		const paint = (left: number, top: number, right: number, bottom: number, level: number) => {
			for (let y = Math.max(0, Math.round(top)); y < Math.min(height, Math.round(bottom)); y++) {
				for (let x = Math.max(0, Math.round(left)); x < Math.min(width, Math.round(right)); x++) {
					pixels.set([level, level, level, 255], (y * width + x) * 4);
				}
			}
		};
		const context: ReceiptCanvasContext = {
			font: '10px sans-serif',
			fillStyle: '#000',
			textAlign: 'start',
			textBaseline: 'alphabetic',
			fillRect(x, y, w, h) {
				paint(x, y, x + w, y + h, context.fillStyle === '#fff' ? 255 : 0);
			},
			fillText(text, x, y) {
				drawn.push({ text, font: context.font, align: context.textAlign, x, y });
				const textWidth = context.measureText(text).width;
				const align = context.textAlign;
				const left = align === 'right' ? x - textWidth : align === 'center' ? x - textWidth / 2 : x;
				paint(left, y - GLYPH_HEIGHT / 2, left + textWidth, y + GLYPH_HEIGHT / 2, 0);
			},
			measureText(text) {
				return { width: [...text].length * TEST_GLYPH_WIDTH };
			},
			getImageData(x, y, w, h) {
				if (x !== 0 || y !== 0 || w !== width || h !== height) {
					throw new Error('The test canvas reads whole images only');
				}
				return { data: pixels.slice() };
			}
		};
		return { getContext: () => context };
	};
	return { createCanvas, drawn };
}
