import { ByteStreamReader, SerialTimeoutError, type FrameExtractor } from './byte-stream-reader';
import type { SerialLineSettings, SerialPortLike } from './serial-port';

export interface ExchangePolicy {
	/** How long to wait for each answer. */
	answerTimeoutMs: number;
	/** How many times to send the request before giving up; a retry repeats the same bytes. */
	attempts: number;
}

/**
 * An open serial port: writes, reads whole frames with a timeout, and sends a request and waits
 * for its answer, as polled devices talk. Every serial device driver talks through one.
 */
export class SerialConnection {
	readonly #port: SerialPortLike;
	readonly #reader: ByteStreamReader;
	readonly #writer: WritableStreamDefaultWriter<Uint8Array>;

	private constructor(port: SerialPortLike, readable: ReadableStream<Uint8Array>, writable: WritableStream<Uint8Array>) {
		this.#port = port;
		this.#reader = new ByteStreamReader(readable, () => port.readable);
		this.#writer = writable.getWriter();
	}

	/** Opens `port` with a device's line settings, or fuller options (flow control, buffer size). */
	static async open(port: SerialPortLike, options: SerialLineSettings | SerialOptions): Promise<SerialConnection> {
		await port.open(options);
		if (!port.readable || !port.writable) {
			await port.close();
			throw new Error('The serial port opened without readable and writable streams');
		}
		return new SerialConnection(port, port.readable, port.writable);
	}

	async write(bytes: Uint8Array): Promise<void> {
		await this.#writer.write(bytes);
	}

	/** The next frame `extract` accepts; throws `SerialTimeoutError` when none comes in time. */
	readFrame<Frame>(extract: FrameExtractor<Frame>, timeoutMs: number): Promise<Frame> {
		return this.#reader.readFrame(extract, timeoutMs);
	}

	/** Forgets bytes that arrived unasked, so a late answer cannot pass for the next one. */
	discardBuffered(): void {
		this.#reader.discardBuffered();
	}

	/**
	 * Sends `request` and resolves with the first frame `extract` accepts. Each attempt drops
	 * bytes left over from earlier, so a late answer is never taken for the answer to this request.
	 */
	async exchange<Frame>(request: Uint8Array, extract: FrameExtractor<Frame>, policy: ExchangePolicy): Promise<Frame> {
		for (let attempt = 1; ; attempt++) {
			this.#reader.discardBuffered();
			await this.write(request);
			try {
				return await this.#reader.readFrame(extract, policy.answerTimeoutMs);
			} catch (error) {
				if (!(error instanceof SerialTimeoutError) || attempt >= policy.attempts) throw error;
			}
		}
	}

	/** Releases the streams first: WebSerial refuses to close a port whose streams are locked. */
	async close(): Promise<void> {
		await this.#reader.close();
		this.#writer.releaseLock();
		await this.#port.close();
	}
}
