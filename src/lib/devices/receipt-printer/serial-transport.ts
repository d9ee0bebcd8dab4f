import { ByteStreamReader, SerialTimeoutError, type FrameExtractor } from '../serial/byte-stream-reader';
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
	#writer: WritableStreamDefaultWriter<Uint8Array> | null = null;
	#reader: ByteStreamReader | null = null;

	/** `options` override the defaults one by one, such as the baud rate set on the printer. */
	constructor(port: SerialPortLike, options: Partial<SerialOptions> = {}) {
		this.#port = port;
		this.#options = { ...DEFAULT_PRINTER_SERIAL_OPTIONS, ...options };
	}

	async open(): Promise<void> {
		await this.#port.open(this.#options);
		if (!this.#port.readable || !this.#port.writable) {
			await this.#port.close();
			throw new Error('The serial port opened without readable and writable streams');
		}
		this.#reader = new ByteStreamReader(this.#port.readable);
		this.#writer = this.#port.writable.getWriter();
	}

	async write(bytes: Uint8Array<ArrayBuffer>): Promise<void> {
		if (!this.#writer) throw new Error('The serial printer is not open');
		await this.#writer.write(bytes);
	}

	async read(timeoutMs: number): Promise<Uint8Array | null> {
		if (!this.#reader) throw new Error('The serial printer is not open');
		try {
			return await this.#reader.readFrame(takeEverything, timeoutMs);
		} catch (error) {
			if (error instanceof SerialTimeoutError) return null;
			throw error;
		}
	}

	/** Releases the streams first: WebSerial refuses to close a port whose streams are locked. */
	async close(): Promise<void> {
		const reader = this.#reader;
		const writer = this.#writer;
		this.#reader = null;
		this.#writer = null;
		await reader?.close();
		writer?.releaseLock();
		await this.#port.close();
	}
}
