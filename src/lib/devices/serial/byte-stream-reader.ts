import { concatBytes } from './bytes';

/**
 * What a frame extractor found at the start of the buffered bytes: a frame (or null when more
 * bytes are needed) and how many bytes to drop, which includes garbage skipped before the frame.
 */
export interface FrameExtraction<Frame> {
	frame: Frame | null;
	consumed: number;
}

export type FrameExtractor<Frame> = (bytes: Uint8Array) => FrameExtraction<Frame>;

export class SerialTimeoutError extends Error {
	override name = 'SerialTimeoutError';
}

export class SerialClosedError extends Error {
	override name = 'SerialClosedError';
}

/**
 * Line errors after which WebSerial replaces `port.readable` with a fresh stream and reading
 * can go on; a few bytes are lost, which frame checks and retries make up for.
 */
const RECOVERABLE_READ_ERRORS: ReadonlySet<string> = new Set(['BreakError', 'BufferOverrunError', 'FramingError', 'ParityError']);

function recoverable(error: unknown): boolean {
	return error instanceof DOMException && RECOVERABLE_READ_ERRORS.has(error.name);
}

/**
 * Collects bytes from a serial port's readable stream and hands out whole frames.
 * It reads continuously in the background, because WebSerial delivers bytes in arbitrary
 * chunks and a reply may arrive split across several of them.
 */
export class ByteStreamReader {
	readonly #nextStream: (() => ReadableStream<Uint8Array> | null) | undefined;
	#reader: ReadableStreamDefaultReader<Uint8Array>;
	readonly #pumping: Promise<void>;
	#buffer: Uint8Array = new Uint8Array(0);
	#ended: Error | null = null;
	#wake: (() => void) | null = null;

	/**
	 * `nextStream` gives the stream to go on with after a recoverable line error; for a real
	 * port that is `() => port.readable`.
	 */
	constructor(stream: ReadableStream<Uint8Array>, nextStream?: () => ReadableStream<Uint8Array> | null) {
		this.#nextStream = nextStream;
		this.#reader = stream.getReader();
		this.#pumping = this.#pump();
	}

	/** Drops bytes nobody asked for yet, such as a late reply to a request that already timed out. */
	discardBuffered(): void {
		this.#buffer = new Uint8Array(0);
	}

	/** Waits until `extract` finds a frame in the collected bytes, or rejects after `timeoutMs`. */
	readFrame<Frame>(extract: FrameExtractor<Frame>, timeoutMs: number): Promise<Frame> {
		if (this.#wake) return Promise.reject(new Error('Another frame is already being read'));
		return new Promise<Frame>((resolve, reject) => {
			const finish = (settle: () => void) => {
				clearTimeout(timer);
				this.#wake = null;
				settle();
			};
			const attempt = () => {
				const frame = this.#takeFrame(extract);
				if (frame !== null) finish(() => resolve(frame));
				else if (this.#ended) {
					const ended = this.#ended;
					finish(() => reject(ended));
				}
			};
			const timer = setTimeout(() => {
				finish(() => reject(new SerialTimeoutError(`No complete frame arrived within ${timeoutMs} ms`)));
			}, timeoutMs);
			this.#wake = attempt;
			attempt();
		});
	}

	/** Stops reading and releases the stream, so the port can be closed. */
	async close(): Promise<void> {
		await this.#reader.cancel();
		await this.#pumping;
		this.#reader.releaseLock();
	}

	#takeFrame<Frame>(extract: FrameExtractor<Frame>): Frame | null {
		for (;;) {
			const { frame, consumed } = extract(this.#buffer);
			this.#buffer = this.#buffer.subarray(consumed);
			if (frame !== null) return frame;
			if (consumed === 0) return null;
		}
	}

	async #pump(): Promise<void> {
		while (!this.#ended) {
			try {
				const { value, done } = await this.#reader.read();
				if (done) this.#ended = new SerialClosedError('The serial port stopped delivering bytes');
				else this.#buffer = concatBytes(this.#buffer, value);
			} catch (error) {
				const next = recoverable(error) ? this.#nextStream?.() : null;
				if (next && !next.locked) {
					this.#reader.releaseLock();
					this.#reader = next.getReader();
				} else {
					this.#ended = new SerialClosedError('Reading from the serial port failed', { cause: error });
				}
			}
			this.#wake?.();
		}
	}
}
