import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameExtraction } from './byte-stream-reader';
import { SerialTimeoutError } from './byte-stream-reader';
import { SerialConnection } from './serial-connection';
import type { SerialLineSettings } from './serial-port';
import { SimulatedSerialPort, type SimulatedSerialDevice } from './simulated-serial-port';

const settings: SerialLineSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 2 };

/** Ignores the first `silentRequests` requests, then answers each request byte `n` with `n + 1`. */
class SometimesSilentDevice implements SimulatedSerialDevice {
	readonly name = 'Test device';
	readonly lineSettings = settings;
	requests = 0;
	#toHost: ((bytes: Uint8Array) => void) | null = null;

	constructor(private silentRequests: number) {}

	attach(toHost: (bytes: Uint8Array) => void): void {
		this.#toHost = toHost;
	}
	receive(bytes: Uint8Array): void {
		this.requests++;
		if (this.requests > this.silentRequests) this.#toHost?.(bytes.map((byte) => byte + 1));
	}
	detach(): void {
		this.#toHost = null;
	}
}

function extractByte(bytes: Uint8Array): FrameExtraction<number> {
	return bytes.length > 0 ? { frame: bytes[0]!, consumed: 1 } : { frame: null, consumed: 0 };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('SerialConnection', () => {
	it('repeats a request that got no answer', async () => {
		vi.useFakeTimers();
		const device = new SometimesSilentDevice(1);
		const port = new SimulatedSerialPort(device);
		const connection = await SerialConnection.open(port, settings);

		const answer = connection.exchange(new Uint8Array([41]), extractByte, {
			answerTimeoutMs: 100,
			attempts: 3
		});
		await vi.advanceTimersByTimeAsync(100);

		await expect(answer).resolves.toBe(42);
		expect(device.requests).toBe(2);
	});

	it('gives up after the last attempt', async () => {
		vi.useFakeTimers();
		const device = new SometimesSilentDevice(Infinity);
		const connection = await SerialConnection.open(new SimulatedSerialPort(device), settings);

		const answer = connection.exchange(new Uint8Array([1]), extractByte, {
			answerTimeoutMs: 100,
			attempts: 2
		});
		const outcome = expect(answer).rejects.toThrow(SerialTimeoutError);
		await vi.advanceTimersByTimeAsync(200);

		await outcome;
		expect(device.requests).toBe(2);
	});

	it('closes the port after releasing its streams', async () => {
		const port = new SimulatedSerialPort(new SometimesSilentDevice(0));
		const connection = await SerialConnection.open(port, settings);

		await connection.close();

		expect(port.readable).toBeNull();
	});
});
