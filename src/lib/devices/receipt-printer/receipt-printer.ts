import type { SerialPortLike } from '../serial/serial-port';
import { latestPaperStatus, PAPER_STATUS_REQUEST, type PaperStatus } from './paper-status';
import type { PrinterTransport } from './printer-transport';
import type { Receipt, ReceiptColumns } from './receipt';
import { encodeReceipt, receiptNeedsCanvas } from './receipt-encoder';
import { SerialPrinterTransport } from './serial-transport';
import { loadReceiptFont, offscreenCanvasFactory, RECEIPT_FONT_FAMILY, type CanvasFactory } from './text-raster';
import { UsbPrinterTransport, type UsbPrinterDevice } from './usb-transport';

export interface ReceiptPrinter {
	connect(): Promise<void>;
	/** Asks the printer now; a kiosk checks this before a citizen pays, so "paper out" is known in time. */
	paperStatus(): Promise<PaperStatus>;
	/** Refuses, with a `ReceiptPrinterError`, when the paper is out or the printer does not answer. */
	print(receipt: Receipt): Promise<PrintResult>;
	close(): Promise<void>;
}

export interface PrintResult {
	/** 'near-end' means the receipt printed but the operator should change the roll soon. */
	paperStatus: 'ok' | 'near-end';
}

export type ReceiptPrinterFailure = 'paper-out' | 'not-responding' | 'print-failed';

export class ReceiptPrinterError extends Error {
	override readonly name = 'ReceiptPrinterError';
	readonly failure: ReceiptPrinterFailure;
	readonly paperStatus: PaperStatus;

	constructor(failure: ReceiptPrinterFailure, paperStatus: PaperStatus, options?: ErrorOptions) {
		super(`Receipt printer: ${failure} (paper ${paperStatus})`, options);
		this.failure = failure;
		this.paperStatus = paperStatus;
	}
}

export interface ReceiptPrinterOptions {
	columns?: ReceiptColumns;
	/** How long the printer has to answer DLE EOT 4; real printers answer within a few milliseconds. */
	statusTimeoutMs?: number;
	createCanvas?: CanvasFactory;
	fontFamily?: string;
	/** Makes sure the receipt font is ready before a line is drawn with it. */
	loadFont?: (fontFamily: string) => Promise<void>;
}

const DEFAULT_STATUS_TIMEOUT_MS = 1000;

/** An ESC/POS receipt printer behind any byte transport. */
export class EscPosReceiptPrinter implements ReceiptPrinter {
	readonly #transport: PrinterTransport;
	readonly #columns: ReceiptColumns;
	readonly #statusTimeoutMs: number;
	readonly #createCanvas: CanvasFactory;
	readonly #fontFamily: string;
	readonly #loadFont: (fontFamily: string) => Promise<void>;
	/** One conversation with the printer at a time, so a status poll never takes a print's answer. */
	#queue: Promise<unknown> = Promise.resolve();

	constructor(transport: PrinterTransport, options: ReceiptPrinterOptions = {}) {
		this.#transport = transport;
		this.#columns = options.columns ?? 48;
		this.#statusTimeoutMs = options.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS;
		this.#createCanvas = options.createCanvas ?? offscreenCanvasFactory;
		this.#fontFamily = options.fontFamily ?? RECEIPT_FONT_FAMILY;
		this.#loadFont = options.loadFont ?? loadReceiptFont;
	}

	connect(): Promise<void> {
		return this.#transport.open();
	}

	paperStatus(): Promise<PaperStatus> {
		return this.#exclusive(() => this.#askPaperStatus());
	}

	print(receipt: Receipt): Promise<PrintResult> {
		return this.#exclusive(() => this.#print(receipt));
	}

	close(): Promise<void> {
		return this.#transport.close();
	}

	async #askPaperStatus(): Promise<PaperStatus> {
		try {
			await this.#transport.write(new Uint8Array(PAPER_STATUS_REQUEST));
			const deadline = Date.now() + this.#statusTimeoutMs;
			for (let left = this.#statusTimeoutMs; left > 0; left = deadline - Date.now()) {
				const received = await this.#transport.read(left);
				if (!received) break;
				const state = latestPaperStatus(received);
				if (state) return state;
			}
			return 'no-answer';
		} catch {
			// A transport that throws (cable pulled, port closed) is a printer that does not answer.
			return 'no-answer';
		}
	}

	async #print(receipt: Receipt): Promise<PrintResult> {
		const before = await this.#askPaperStatus();
		if (before === 'out') throw new ReceiptPrinterError('paper-out', before);
		if (before === 'no-answer') throw new ReceiptPrinterError('not-responding', before);
		if (receiptNeedsCanvas(receipt)) await this.#loadFont(this.#fontFamily);
		const bytes = encodeReceipt(receipt, {
			columns: this.#columns,
			createCanvas: this.#createCanvas,
			fontFamily: this.#fontFamily
		});
		try {
			await this.#transport.write(bytes);
		} catch (cause) {
			const after = await this.#askPaperStatus();
			const failure = after === 'out' ? 'paper-out' : after === 'no-answer' ? 'not-responding' : 'print-failed';
			throw new ReceiptPrinterError(failure, after, { cause });
		}
		return { paperStatus: before };
	}

	#exclusive<T>(task: () => Promise<T>): Promise<T> {
		const turn = this.#queue.then(task);
		this.#queue = turn.catch(() => undefined);
		return turn;
	}
}

export function createUsbReceiptPrinter(device: UsbPrinterDevice, options?: ReceiptPrinterOptions): ReceiptPrinter {
	return new EscPosReceiptPrinter(new UsbPrinterTransport(device), options);
}

export function createSerialReceiptPrinter(
	port: SerialPortLike,
	options?: ReceiptPrinterOptions & { serial?: Partial<SerialOptions> }
): ReceiptPrinter {
	return new EscPosReceiptPrinter(new SerialPrinterTransport(port, options?.serial), options);
}
