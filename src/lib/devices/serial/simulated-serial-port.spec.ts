import { describe, expect, it } from 'vitest';
import type { SerialLineSettings } from './serial-port';
import { LineSettingsMismatchError, SimulatedSerialPort, type SimulatedSerialDevice } from './simulated-serial-port';

/** Answers every chunk with the same bytes plus one, and records what happened to it. */
class PlusOneDevice implements SimulatedSerialDevice {
	readonly name = 'Test device';
	readonly lineSettings: SerialLineSettings = {
		baudRate: 9600,
		dataBits: 8,
		parity: 'even',
		stopBits: 1
	};
	received: number[] = [];
	attached = false;
	#toHost: ((bytes: Uint8Array) => void) | null = null;

	attach(toHost: (bytes: Uint8Array) => void): void {
		this.attached = true;
		this.#toHost = toHost;
	}
	receive(bytes: Uint8Array): void {
		this.received.push(...bytes);
		this.#toHost?.(bytes.map((byte) => byte + 1));
	}
	detach(): void {
		this.attached = false;
		this.#toHost = null;
	}
}

describe('SimulatedSerialPort', () => {
	it('refuses line settings the device does not use, naming both', async () => {
		const port = new SimulatedSerialPort(new PlusOneDevice());

		const opening = port.open({ baudRate: 9600 });

		await expect(opening).rejects.toThrow(LineSettingsMismatchError);
		await expect(opening).rejects.toThrow('Test device needs 9600 8E1, but the port was opened at 9600 8N1');
		expect(port.readable).toBeNull();
	});

	it('carries bytes both ways once opened with the right settings', async () => {
		const device = new PlusOneDevice();
		const port = new SimulatedSerialPort(device, { usbVendorId: 0x0403 });

		await port.open({ baudRate: 9600, parity: 'even' });
		const writer = port.writable!.getWriter();
		const reader = port.readable!.getReader();
		await writer.write(new Uint8Array([1, 2, 3]));
		const { value } = await reader.read();

		expect(device.received).toEqual([1, 2, 3]);
		expect(Array.from(value!)).toEqual([2, 3, 4]);
		expect(port.getInfo()).toEqual({ usbVendorId: 0x0403 });
	});

	it('cannot be opened twice', async () => {
		const port = new SimulatedSerialPort(new PlusOneDevice());
		await port.open({ baudRate: 9600, parity: 'even' });

		await expect(port.open({ baudRate: 9600, parity: 'even' })).rejects.toThrow('already open');
	});

	it('refuses to close while a stream is locked, as Chrome does, and detaches the device after', async () => {
		const device = new PlusOneDevice();
		const port = new SimulatedSerialPort(device);
		await port.open({ baudRate: 9600, parity: 'even' });
		const reader = port.readable!.getReader();

		await expect(port.close()).rejects.toThrow('Cannot cancel a locked stream');
		reader.releaseLock();
		await port.close();

		expect(device.attached).toBe(false);
		expect(port.readable).toBeNull();
		expect(port.writable).toBeNull();
	});
});
