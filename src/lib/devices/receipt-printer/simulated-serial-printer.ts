import type { SerialLineSettings } from '../serial/serial-port';
import type { SimulatedSerialDevice } from '../serial/simulated-serial-port';
import { SimulatedThermalPrinter } from './simulated-thermal-printer';

/** 9600 8N1: what most serial receipt printers are set to when they leave the factory. */
export const SIMULATED_PRINTER_LINE_SETTINGS: SerialLineSettings = {
	baudRate: 9600,
	dataBits: 8,
	parity: 'none',
	stopBits: 1
};

/**
 * A thermal receipt printer on a serial cable: put it in a `SimulatedSerialPort` and hand that to
 * `createSerialReceiptPrinter`. The tester API comes from `SimulatedThermalPrinter`.
 */
export class SimulatedSerialPrinter extends SimulatedThermalPrinter implements SimulatedSerialDevice {
	readonly name = 'Simulated ESC/POS receipt printer';
	readonly lineSettings: SerialLineSettings;
	#toHost: ((bytes: Uint8Array) => void) | null = null;

	constructor(lineSettings: SerialLineSettings = SIMULATED_PRINTER_LINE_SETTINGS) {
		super();
		this.lineSettings = lineSettings;
	}

	attach(toHost: (bytes: Uint8Array) => void): void {
		this.#toHost = toHost;
	}

	receive(bytes: Uint8Array): void {
		this.receiveFromHost(bytes);
	}

	detach(): void {
		this.#toHost = null;
	}

	protected override sendToHost(bytes: Uint8Array<ArrayBuffer>): void {
		this.#toHost?.(bytes);
	}
}
