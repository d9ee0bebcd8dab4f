import { SerialTimeoutError, type FrameExtractor } from '../serial/byte-stream-reader';
import { SerialConnection } from '../serial/serial-connection';
import type { SerialPortLike } from '../serial/serial-port';
import type { PrinterTransport } from './printer-transport';

/**
 * Most serial receipt printers ship at 9600 or 38400 baud, 8N1, with hardware flow control
 * (DTR/DSR or RTS/CTS) so a long raster image does not overrun the printer's buffer.
 */
export const DEFAULT_PRINTER_SERIAL_OPTIONS: SerialOptions = {
	baudRate: 9600,
	dataBits: 8,
	stopBits: 1,
	parity: 'none',
	flowControl: 'hardware'
};

/** Everything that has arrived, as one chunk: ESC/POS status answers are not framed. */
const takeEverything: FrameExtractor<Uint8Array> = (bytes) =>
	bytes.length > 0 ? { frame: bytes.slice(), consumed: bytes.length } : { frame: null, consumed: 0 };

export class SerialPrinterTransport implements PrinterTransport {
	readonly #port: SerialPortLike;
	readonly #options: SerialOptions;
	#connection: SerialConnection | null = null;

	/** `options` override the defaults one by one, such as the baud rate set on the printer. */
	constructor(port: SerialPortLike, options: Partial<SerialOptions> = {}) {
		this.#port = port;
		this.#options = { ...DEFAULT_PRINTER_SERIAL_OPTIONS, ...options };
	}

	async open(): Promise<void> {
		this.#connection = await SerialConnection.open(this.#port, this.#options);
	}

	async write(bytes: Uint8Array<ArrayBuffer>): Promise<void> {
		await this.#open().write(bytes);
	}

	async read(timeoutMs: number): Promise<Uint8Array | null> {
		try {
			return await this.#open().readFrame(takeEverything, timeoutMs);
		} catch (error) {
			if (error instanceof SerialTimeoutError) return null;
			throw error;
		}
	}

	async close(): Promise<void> {
		const connection = this.#connection;
		this.#connection = null;
		await connection?.close();
	}

	#open(): SerialConnection {
		if (!this.#connection) throw new Error('The serial printer is not open');
		return this.#connection;
	}
}
