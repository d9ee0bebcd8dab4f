import { describeLineSettings, lineSettingsOf, sameLineSettings, type SerialLineSettings, type SerialPortLike } from './serial-port';

/**
 * The device end of a simulated cable. A simulator implements this and speaks its protocol
 * byte for byte, so the real driver on the host end cannot tell it from hardware.
 */
export interface SimulatedSerialDevice {
	/** Used in error messages, e.g. "Simulated JCM ID003 note acceptor". */
	readonly name: string;
	/** What the device's UART is set to; the host must open the port the same way. */
	readonly lineSettings: SerialLineSettings;
	/** The host opened the port; the device sends bytes to the host through `toHost`. */
	attach(toHost: (bytes: Uint8Array) => void): void;
	/** Bytes the host wrote. */
	receive(bytes: Uint8Array): void;
	/** The host closed the port. */
	detach(): void;
}

export class LineSettingsMismatchError extends Error {
	override name = 'LineSettingsMismatchError';
}

/** An in-memory `SerialPort` with a simulated device on the other end of the cable. */
export class SimulatedSerialPort implements SerialPortLike {
	readonly #device: SimulatedSerialDevice;
	readonly #info: SerialPortInfo;
	#readable: ReadableStream<Uint8Array> | null = null;
	#writable: WritableStream<Uint8Array> | null = null;

	constructor(device: SimulatedSerialDevice, info: SerialPortInfo = {}) {
		this.#device = device;
		this.#info = info;
	}

	get readable(): ReadableStream<Uint8Array> | null {
		return this.#readable;
	}

	get writable(): WritableStream<Uint8Array> | null {
		return this.#writable;
	}

	getInfo(): SerialPortInfo {
		return { ...this.#info };
	}

	/**
	 * Real hardware on wrong line settings just produces garbage (or nothing, with the wrong
	 * parity); failing loudly here points a developer at the cause at once.
	 */
	async open(options: SerialOptions): Promise<void> {
		if (this.#readable) throw new DOMException('The port is already open.', 'InvalidStateError');
		const requested = lineSettingsOf(options);
		const needed = this.#device.lineSettings;
		if (!sameLineSettings(requested, needed)) {
			throw new LineSettingsMismatchError(
				`${this.#device.name} needs ${describeLineSettings(needed)}, ` +
					`but the port was opened at ${describeLineSettings(requested)}`
			);
		}

		let toHost: ReadableStreamDefaultController<Uint8Array> | null = null;
		this.#readable = new ReadableStream<Uint8Array>({
			start: (controller) => {
				toHost = controller;
			},
			cancel: () => {
				toHost = null;
			}
		});
		this.#writable = new WritableStream<Uint8Array>({
			write: (chunk) => this.#device.receive(chunk.slice())
		});
		this.#device.attach((bytes) => toHost?.enqueue(bytes.slice()));
	}

	async close(): Promise<void> {
		const readable = this.#readable;
		const writable = this.#writable;
		if (!readable || !writable) {
			throw new DOMException('The port is already closed.', 'InvalidStateError');
		}
		// Chrome rejects close() in the same way, so drivers that forget to release a lock fail here too.
		if (readable.locked || writable.locked) throw new TypeError('Cannot cancel a locked stream');
		this.#device.detach();
		await readable.cancel();
		await writable.close();
		this.#readable = null;
		this.#writable = null;
	}
}
