import { withTimeout, type PrinterTransport } from './printer-transport';

/** The part of WebUSB's USBDevice the printer driver uses; `SimulatedUsbPrinter` provides the same. */
export type UsbPrinterDevice = Pick<
	USBDevice,
	| 'opened'
	| 'configuration'
	| 'configurations'
	| 'open'
	| 'close'
	| 'selectConfiguration'
	| 'claimInterface'
	| 'releaseInterface'
	| 'transferIn'
	| 'transferOut'
>;

export interface PrinterEndpoints {
	interfaceNumber: number;
	outEndpoint: number;
	inEndpoint: number;
}

/** USB class code of printers; many Chinese ESC/POS printers say "vendor specific" (0xFF) instead. */
const PRINTER_INTERFACE_CLASS = 0x07;

/** Enough for any status answer; ESC/POS status replies are a single byte. */
const IN_TRANSFER_LENGTH = 64;

/**
 * Finds the interface with a bulk OUT endpoint (print data) and a bulk IN endpoint (status),
 * preferring one of the printer class.
 */
export function findPrinterEndpoints(configuration: USBConfiguration): PrinterEndpoints | null {
	const candidates = configuration.interfaces
		.map((usbInterface) => {
			const endpoints = usbInterface.alternate.endpoints;
			const out = endpoints.find((endpoint) => endpoint.type === 'bulk' && endpoint.direction === 'out');
			const into = endpoints.find((endpoint) => endpoint.type === 'bulk' && endpoint.direction === 'in');
			return out && into
				? {
						printerClass: usbInterface.alternate.interfaceClass === PRINTER_INTERFACE_CLASS,
						endpoints: {
							interfaceNumber: usbInterface.interfaceNumber,
							outEndpoint: out.endpointNumber,
							inEndpoint: into.endpointNumber
						}
					}
				: null;
		})
		.filter((candidate) => candidate !== null);
	return (candidates.find((candidate) => candidate.printerClass) ?? candidates[0])?.endpoints ?? null;
}

export class UsbPrinterTransport implements PrinterTransport {
	readonly #device: UsbPrinterDevice;
	#endpoints: PrinterEndpoints | null = null;
	/**
	 * A WebUSB IN transfer cannot be cancelled, so one that outlives its timeout is kept and reused
	 * by the next read: an answer that comes late is then still read, never lost or doubled.
	 */
	#pendingIn: Promise<USBInTransferResult> | null = null;

	constructor(device: UsbPrinterDevice) {
		this.#device = device;
	}

	async open(): Promise<void> {
		if (!this.#device.opened) await this.#device.open();
		if (!this.#device.configuration) {
			const first = this.#device.configurations[0];
			if (!first) throw new Error('The USB printer has no configuration');
			await this.#device.selectConfiguration(first.configurationValue);
		}
		const configuration = this.#device.configuration;
		const endpoints = configuration ? findPrinterEndpoints(configuration) : null;
		if (!endpoints) throw new Error('The USB device has no bulk OUT and IN endpoints to print with');
		await this.#device.claimInterface(endpoints.interfaceNumber);
		this.#endpoints = endpoints;
	}

	async write(bytes: Uint8Array<ArrayBuffer>): Promise<void> {
		const result = await this.#device.transferOut(this.#opened().outEndpoint, bytes);
		if (result.status !== 'ok' || result.bytesWritten !== bytes.length) {
			throw new Error(`USB print transfer ended with status ${result.status}`);
		}
	}

	async read(timeoutMs: number): Promise<Uint8Array | null> {
		if (!this.#pendingIn) {
			const transfer = this.#device.transferIn(this.#opened().inEndpoint, IN_TRANSFER_LENGTH);
			// A transfer left pending at close() rejects with nobody waiting; the await below still sees it.
			transfer.catch(() => undefined);
			this.#pendingIn = transfer;
		}
		let result: USBInTransferResult | null;
		try {
			result = await withTimeout(this.#pendingIn, timeoutMs);
		} catch (error) {
			this.#pendingIn = null;
			throw error;
		}
		if (!result) return null;
		this.#pendingIn = null;
		if (result.status !== 'ok' || !result.data) return null;
		return new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength);
	}

	async close(): Promise<void> {
		const endpoints = this.#endpoints;
		this.#endpoints = null;
		this.#pendingIn = null;
		if (!this.#device.opened) return;
		if (endpoints) await this.#device.releaseInterface(endpoints.interfaceNumber);
		await this.#device.close();
	}

	#opened(): PrinterEndpoints {
		if (!this.#endpoints) throw new Error('The USB printer is not open');
		return this.#endpoints;
	}
}
