import type { EscPosCommand } from './escpos-decoder';
import type { ReceiptAlignment } from './receipt';

/**
 * What the paper shows, rebuilt from the ESC/POS commands a printer received: the tester panel
 * draws this, and end-to-end tests read it. Text lines keep the spaces the encoder used to align
 * them, so a monospace rendering looks like the printed receipt.
 */

export interface PreviewTextStyle {
	bold: boolean;
	underline: boolean;
	/** Character width and height as multiples of the normal font. */
	width: number;
	height: number;
}

export interface PreviewTextSpan extends PreviewTextStyle {
	text: string;
}

export type PreviewItem =
	/** One printed line; an empty `spans` list is a blank line. */
	| { kind: 'text'; spans: PreviewTextSpan[] }
	/** Black-on-white pixels, ready for `new ImageData(rgba, width, height)`. */
	| { kind: 'image'; width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> }
	| { kind: 'qr'; payload: string; moduleSize: number; align: ReceiptAlignment }
	| { kind: 'unknown-byte'; byte: number }
	| { kind: 'cut'; partial: boolean };

const DEFAULT_STYLE: PreviewTextStyle = { bold: false, underline: false, width: 1, height: 1 };
const DEFAULT_QR_MODULE_SIZE = 3;

export function buildPreview(commands: readonly EscPosCommand[]): PreviewItem[] {
	const items: PreviewItem[] = [];
	let style = { ...DEFAULT_STYLE };
	let align: ReceiptAlignment = 'left';
	let line: PreviewTextSpan[] = [];
	let qrPayload: string | null = null;
	let qrModuleSize = DEFAULT_QR_MODULE_SIZE;

	const endLine = () => {
		items.push({ kind: 'text', spans: line });
		line = [];
	};

	for (const command of commands) {
		switch (command.type) {
			case 'initialize':
				style = { ...DEFAULT_STYLE };
				align = 'left';
				qrModuleSize = DEFAULT_QR_MODULE_SIZE;
				break;
			case 'text': {
				const last = line.at(-1);
				if (last && sameStyle(last, style)) last.text += command.text;
				else line.push({ ...style, text: command.text });
				break;
			}
			case 'line-feed':
				endLine();
				break;
			case 'bold':
				style = { ...style, bold: command.on };
				break;
			case 'underline':
				style = { ...style, underline: command.on };
				break;
			case 'size':
				style = { ...style, width: command.width, height: command.height };
				break;
			case 'align':
				align = command.align;
				break;
			case 'qr-size':
				qrModuleSize = command.moduleSize;
				break;
			case 'qr-store':
				qrPayload = command.payload;
				break;
			case 'qr-print':
				if (qrPayload !== null) {
					items.push({ kind: 'qr', payload: qrPayload, moduleSize: qrModuleSize, align });
				}
				break;
			case 'raster-image':
				items.push({
					kind: 'image',
					width: command.width,
					height: command.height,
					rgba: rasterToRgba(command)
				});
				break;
			case 'cut':
				// A printer prints what is left in its line buffer before it cuts.
				if (line.length > 0) endLine();
				items.push({ kind: 'cut', partial: command.partial });
				break;
			case 'unknown':
				items.push({ kind: 'unknown-byte', byte: command.byte });
				break;
			case 'status-request':
			case 'setting':
				break;
		}
	}
	if (line.length > 0) endLine();
	return items;
}

/**
 * The receipts torn off so far, each ending at its cut, then whatever is printed on the roll.
 * Paper that was only fed (the encoder sends a line feed after each cut) is not a receipt.
 */
export function splitAtCuts(items: readonly PreviewItem[]): PreviewItem[][] {
	const receipts: PreviewItem[][] = [[]];
	for (const item of items) {
		receipts.at(-1)?.push(item);
		if (item.kind === 'cut') receipts.push([]);
	}
	return receipts.filter((receipt) => receipt.some((item) => item.kind !== 'text' || item.spans.length > 0));
}

function sameStyle(a: PreviewTextStyle, b: PreviewTextStyle): boolean {
	return a.bold === b.bold && a.underline === b.underline && a.width === b.width && a.height === b.height;
}

function rasterToRgba(image: { width: number; height: number; bits: Uint8Array }): Uint8ClampedArray<ArrayBuffer> {
	const rgba = new Uint8ClampedArray(image.width * image.height * 4);
	const bytesPerRow = image.width / 8;
	for (let y = 0; y < image.height; y++) {
		for (let x = 0; x < image.width; x++) {
			const byte = image.bits[y * bytesPerRow + (x >> 3)] ?? 0;
			const black = (byte >> (7 - (x & 7))) & 1;
			const offset = (y * image.width + x) * 4;
			const level = black ? 0 : 255;
			rgba[offset] = level;
			rgba[offset + 1] = level;
			rgba[offset + 2] = level;
			rgba[offset + 3] = 255;
		}
	}
	return rgba;
}
