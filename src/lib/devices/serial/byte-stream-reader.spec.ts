import { afterEach, describe, expect, it, vi } from 'vitest';
import { ByteStreamReader, SerialClosedError, SerialTimeoutError, type FrameExtraction } from './byte-stream-reader';

/** A test protocol: a frame is the bytes up to a 0x0A terminator; bytes 0xFF are line noise. */
function extractLine(bytes: Uint8Array): FrameExtraction<number[]> {
	let start = 0;
	while (bytes[start] === 0xff) start++;
	const end = bytes.indexOf(0x0a, start);
	if (end < 0) return { frame: null, consumed: start };
	return { frame: Array.from(bytes.subarray(start, end)), consumed: end + 1 };
}

function controlledStream() {
	let controller!: ReadableStreamDefaultController<Uint8Array>;
	const stream = new ReadableStream<Uint8Array>({
		start(c) {
			controller = c;
		}
	});
	return { stream, controller };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('ByteStreamReader', () => {
	it('joins a frame that arrives in several chunks and skips noise before it', async () => {
		const { stream, controller } = controlledStream();
		const reader = new ByteStreamReader(stream);

		const frame = reader.readFrame(extractLine, 1000);
		controller.enqueue(new Uint8Array([0xff, 0xff, 1, 2]));
		controller.enqueue(new Uint8Array([3, 0x0a, 7]));

		await expect(frame).resolves.toEqual([1, 2, 3]);
		controller.enqueue(new Uint8Array([0x0a]));
		await expect(reader.readFrame(extractLine, 1000)).resolves.toEqual([7]);
	});

	it('forgets bytes that were discarded before the next read', async () => {
		const { stream, controller } = controlledStream();
		const reader = new ByteStreamReader(stream);
		controller.enqueue(new Uint8Array([9, 9, 0x0a]));
		await new Promise((resolve) => setTimeout(resolve, 0));

		reader.discardBuffered();
		const frame = reader.readFrame(extractLine, 1000);
		controller.enqueue(new Uint8Array([5, 0x0a]));

		await expect(frame).resolves.toEqual([5]);
	});

	it('gives up with a SerialTimeoutError when no whole frame arrives in time', async () => {
		vi.useFakeTimers();
		const { stream, controller } = controlledStream();
		const reader = new ByteStreamReader(stream);

		const frame = reader.readFrame(extractLine, 300);
		controller.enqueue(new Uint8Array([1, 2]));
		const outcome = expect(frame).rejects.toThrow(SerialTimeoutError);
		await vi.advanceTimersByTimeAsync(300);

		await outcome;
	});

	it('refuses a second read while one is waiting', async () => {
		const { stream } = controlledStream();
		const reader = new ByteStreamReader(stream);
		void reader.readFrame(extractLine, 1000).catch(() => undefined);

		await expect(reader.readFrame(extractLine, 1000)).rejects.toThrow('already being read');
	});

	it('rejects a waiting read with SerialClosedError when the stream ends', async () => {
		const { stream, controller } = controlledStream();
		const reader = new ByteStreamReader(stream);

		const frame = reader.readFrame(extractLine, 1000);
		controller.close();

		await expect(frame).rejects.toThrow(SerialClosedError);
	});

	it('goes on with the next stream after a recoverable line error such as a parity error', async () => {
		const first = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.error(new DOMException('Parity error', 'ParityError'));
			}
		});
		const { stream: second, controller } = controlledStream();
		const reader = new ByteStreamReader(first, () => second);

		const frame = reader.readFrame(extractLine, 1000);
		controller.enqueue(new Uint8Array([2, 0x0a]));

		await expect(frame).resolves.toEqual([2]);
	});

	it('ends on a line error it cannot recover from', async () => {
		const lost = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.error(new DOMException('The device has been lost.', 'NetworkError'));
			}
		});
		const reader = new ByteStreamReader(lost, () => controlledStream().stream);

		await expect(reader.readFrame(extractLine, 1000)).rejects.toThrow(SerialClosedError);
	});

	it('releases the stream on close', async () => {
		const { stream } = controlledStream();
		const reader = new ByteStreamReader(stream);

		await reader.close();

		expect(stream.locked).toBe(false);
	});
});
