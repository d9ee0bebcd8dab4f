/**
 * A receipt as the app describes it: a short list of blocks, printed top to bottom.
 * It says what goes on the paper, never how; `encodeReceipt` turns it into ESC/POS bytes.
 */

export type ReceiptAlignment = 'left' | 'center' | 'right';

/** Character size as a multiple of the printer's normal font (1 = 12×24 dots, 2 = double). */
export type ReceiptTextSize = 1 | 2;

export type ReceiptBlock =
	| {
			kind: 'text';
			text: string;
			align?: ReceiptAlignment;
			bold?: boolean;
			size?: ReceiptTextSize;
	  }
	/** A label on the left and its value on the right, such as "Amount ... ₹120.00". */
	| { kind: 'row'; label: string; value: string; bold?: boolean }
	| { kind: 'qr'; payload: string }
	| { kind: 'divider' }
	| { kind: 'cut' };

export interface Receipt {
	blocks: readonly ReceiptBlock[];
}

/** Characters per line in the normal font: 32 on 58 mm paper, 42 or 48 on 80 mm paper. */
export type ReceiptColumns = 32 | 42 | 48;
