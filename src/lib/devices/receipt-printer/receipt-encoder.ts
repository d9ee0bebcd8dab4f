import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt, ReceiptBlock, ReceiptColumns } from './receipt';
import { printableAsText, rasterizeRow, rasterizeText, RECEIPT_FONT_FAMILY, type CanvasFactory, type RasterLayout } from './text-raster';

export interface ReceiptEncodingOptions {
	columns: ReceiptColumns;
	/** Only called for lines that need drawing (see `receiptNeedsCanvas`). */
	createCanvas: CanvasFactory;
	fontFamily?: string;
}

/** QR code symbol: model 2, 6-dot modules, error level M — scannable from a phone at arm's length. */
const QR_OPTIONS = { model: 2, size: 6, errorlevel: 'm' } as const;

/**
 * Builds the ESC/POS bytes for a receipt. Plain ASCII lines use the printer's own font (sharp
 * and fast); every other line is drawn on a canvas and sent as a raster image (GS v 0).
 */
export function encodeReceipt(receipt: Receipt, options: ReceiptEncodingOptions): Uint8Array<ArrayBuffer> {
	const encoder = new ReceiptPrinterEncoder({
		language: 'esc-pos',
		columns: options.columns,
		imageMode: 'raster',
		// A raster image feeds the paper by its own height, so drawn lines follow one another
		// like text lines; a line feed after each would leave a blank line between them.
		feedAfterBlock: false
	});
	const layout: RasterLayout = {
		width: encoder.printableWidth,
		createCanvas: options.createCanvas,
		fontFamily: options.fontFamily ?? RECEIPT_FONT_FAMILY
	};
	encoder.initialize();
	for (const block of receipt.blocks) addBlock(encoder, block, layout, options.columns);
	return new Uint8Array(encoder.encode());
}

/** Whether printing this receipt draws on a canvas, so the caller knows to load the font first. */
export function receiptNeedsCanvas(receipt: Receipt): boolean {
	return receipt.blocks.some(
		(block) =>
			(block.kind === 'text' && !printableAsText(block.text)) ||
			(block.kind === 'row' && !(printableAsText(block.label) && printableAsText(block.value)))
	);
}

function addBlock(encoder: ReceiptPrinterEncoder, block: ReceiptBlock, layout: RasterLayout, columns: ReceiptColumns): void {
	switch (block.kind) {
		case 'text': {
			const align = block.align ?? 'left';
			const bold = block.bold ?? false;
			const size = block.size ?? 1;
			if (printableAsText(block.text)) {
				encoder.align(align).bold(bold).size(size).line(block.text).size(1).bold(false).align('left');
			} else {
				encoder.image(rasterizeText(block.text, { align, bold, size }, layout), { mode: 'raster' });
			}
			return;
		}
		case 'row': {
			const bold = block.bold ?? false;
			if (printableAsText(block.label) && printableAsText(block.value)) {
				encoder.bold(bold);
				addTextRow(encoder, block.label, block.value, columns);
				encoder.bold(false);
			} else {
				encoder.image(rasterizeRow(block.label, block.value, bold, layout), { mode: 'raster' });
			}
			return;
		}
		case 'qr':
			// The printer encodes QR data as ISO-8859-1; anything else would scan as a different text.
			if (!printableAsText(block.payload)) {
				throw new RangeError('A receipt QR code payload must be printable ASCII');
			}
			// A blank line after the code keeps the next text clear of it.
			encoder.align('center').qrcode(block.payload, QR_OPTIONS).newline().align('left');
			return;
		case 'divider':
			encoder.rule();
			return;
		case 'cut':
			// A partial cut leaves a hinge, so the receipt hangs from the slot instead of falling.
			encoder.cut('partial');
			return;
	}
}

function addTextRow(encoder: ReceiptPrinterEncoder, label: string, value: string, columns: number): void {
	const gap = columns - label.length - value.length;
	if (gap >= 1) {
		encoder.line(label + ' '.repeat(gap) + value);
	} else {
		encoder.line(label).align('right').line(value).align('left');
	}
}
