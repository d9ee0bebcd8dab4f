import type { ReceiptAlignment, ReceiptTextSize } from './receipt';

/**
 * Draws receipt lines that the printer cannot print as text — Hindi, and anything else outside
 * printable ASCII such as "₹" — onto a canvas, so they can be sent as a raster image.
 * No ESC/POS code page has Devanagari, and conjuncts and vowel signs need a real text shaper,
 * which the browser's canvas has and the printer does not.
 */

/** The few canvas calls used here: OffscreenCanvas provides them, and unit tests pass a fake. */
export interface ReceiptCanvasContext {
	font: string;
	fillStyle: string | CanvasGradient | CanvasPattern;
	textAlign: CanvasTextAlign;
	textBaseline: CanvasTextBaseline;
	fillRect(x: number, y: number, width: number, height: number): void;
	fillText(text: string, x: number, y: number): void;
	measureText(text: string): { width: number };
	getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}

export interface ReceiptCanvas {
	getContext(contextId: '2d'): ReceiptCanvasContext | null;
}

export type CanvasFactory = (width: number, height: number) => ReceiptCanvas;

/** The browser's own canvas; the page must have loaded the receipt font first (see `loadReceiptFont`). */
export const offscreenCanvasFactory: CanvasFactory = (width, height) => new OffscreenCanvas(width, height);

/** Bundled through @fontsource/noto-sans-devanagari; it also has Latin letters and "₹". */
export const RECEIPT_FONT_FAMILY = 'Noto Sans Devanagari';

/** The height of the printer's normal font (12×24 dots), so image lines match text lines. */
const NORMAL_FONT_PX = 24;

/** Devanagari vowel signs reach above the headline and below the baseline: give them room. */
const LINE_HEIGHT_RATIO = 1.5;

/** Gap between a row's label and its value, in dots (one character of the normal font). */
const ROW_GAP_PX = 12;

export interface RasterLayout {
	/** The printable width in dots; the image is always this wide and aligns text itself. */
	width: number;
	createCanvas: CanvasFactory;
	fontFamily: string;
}

/** Pixel data in the shape the encoder accepts from any environment. */
export interface RasterImage {
	width: number;
	height: number;
	data: Uint8ClampedArray;
}

export interface RasterTextStyle {
	align: ReceiptAlignment;
	bold: boolean;
	size: ReceiptTextSize;
}

interface DrawnPiece {
	text: string;
	align: ReceiptAlignment;
}

/** One line on the paper: usually one piece, or two for a row that fits on one line. */
type DrawnLine = DrawnPiece[];

/** Printable ASCII only: the characters every ESC/POS code page has, so the printer's own font prints them. */
export function printableAsText(text: string): boolean {
	return /^[\x20-\x7e]*$/.test(text);
}

export function rasterizeText(text: string, style: RasterTextStyle, layout: RasterLayout): RasterImage {
	const font = fontFor(style.bold, style.size, layout.fontFamily);
	const measure = measurer(font, layout);
	const lines = wrapWords(text, layout.width, measure).map((line) => [{ text: line, align: style.align }]);
	return draw(lines, font, style.size, layout);
}

/** Label left, value right on one line when both fit; otherwise the value goes on its own line. */
export function rasterizeRow(label: string, value: string, bold: boolean, layout: RasterLayout): RasterImage {
	const font = fontFor(bold, 1, layout.fontFamily);
	const measure = measurer(font, layout);
	const fitsOnOneLine = measure(label) + ROW_GAP_PX + measure(value) <= layout.width;
	const lines: DrawnLine[] = fitsOnOneLine
		? [
				[
					{ text: label, align: 'left' },
					{ text: value, align: 'right' }
				]
			]
		: [
				...wrapWords(label, layout.width, measure).map((line): DrawnLine => [{ text: line, align: 'left' }]),
				[{ text: value, align: 'right' }]
			];
	return draw(lines, font, 1, layout);
}

function fontFor(bold: boolean, size: ReceiptTextSize, family: string): string {
	return `${bold ? 'bold ' : ''}${NORMAL_FONT_PX * size}px "${family}"`;
}

function context2d(canvas: ReceiptCanvas): ReceiptCanvasContext {
	const context = canvas.getContext('2d');
	if (!context) throw new Error('The canvas has no 2D context to draw the receipt line on');
	return context;
}

function measurer(font: string, layout: RasterLayout): (text: string) => number {
	const scratch = context2d(layout.createCanvas(1, 1));
	scratch.font = font;
	return (text) => scratch.measureText(text).width;
}

/** Greedy word wrap; a single word wider than the paper keeps its own line. */
function wrapWords(text: string, width: number, measure: (text: string) => number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/\s+/).filter((word) => word !== '')) {
		const candidate = current === '' ? word : `${current} ${word}`;
		if (current !== '' && measure(candidate) > width) {
			lines.push(current);
			current = word;
		} else {
			current = candidate;
		}
	}
	lines.push(current);
	return lines;
}

function draw(lines: DrawnLine[], font: string, size: ReceiptTextSize, layout: RasterLayout): RasterImage {
	const lineHeight = Math.ceil(NORMAL_FONT_PX * size * LINE_HEIGHT_RATIO);
	const height = lineHeight * lines.length;
	const pen = context2d(layout.createCanvas(layout.width, height));
	pen.fillStyle = '#fff';
	pen.fillRect(0, 0, layout.width, height);
	pen.fillStyle = '#000';
	pen.font = font;
	pen.textBaseline = 'middle';
	lines.forEach((pieces, index) => {
		const middle = index * lineHeight + lineHeight / 2;
		for (const piece of pieces) {
			pen.textAlign = piece.align;
			pen.fillText(piece.text, xFor(piece.align, layout.width), middle);
		}
	});
	return { width: layout.width, height, data: pen.getImageData(0, 0, layout.width, height).data };
}

function xFor(align: ReceiptAlignment, width: number): number {
	if (align === 'center') return width / 2;
	if (align === 'right') return width;
	return 0;
}

/**
 * Waits until the browser has the receipt font, so the first Hindi receipt after start-up is not
 * drawn in a fallback font. Outside a page (unit tests, workers without `fonts`) there is nothing to wait for.
 */
export async function loadReceiptFont(fontFamily: string = RECEIPT_FONT_FAMILY): Promise<void> {
	const fonts = globalThis.document?.fonts;
	if (!fonts) return;
	await Promise.all([
		fonts.load(`${NORMAL_FONT_PX}px "${fontFamily}"`, 'अ₹'),
		fonts.load(`bold ${NORMAL_FONT_PX}px "${fontFamily}"`, 'अ₹')
	]);
}
