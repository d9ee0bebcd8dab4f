import { SimulatedThermalPrinter } from './simulated-thermal-printer';
import type { UsbPrinterDevice } from './usb-transport';

/**
 * A thermal receipt printer on USB, below the real driver: it implements the part of WebUSB's
 * USBDevice that `UsbPrinterTransport` uses. The tester API comes from `SimulatedThermalPrinter`.
 */

const CONFIGURATION_VALUE = 1;
const INTERFACE_NUMBER = 0;
const OUT_ENDPOINT = 1;
const IN_ENDPOINT = 2;
const PACKET_SIZE = 64;

interface PendingRead {
	length: number;
	resolve(data: Uint8Array<ArrayBuffer>): void;
	reject(error: Error): void;
}

function describeConfiguration(): USBConfiguration {
	const endpoints: USBEndpoint[] = [
		{ endpointNumber: OUT_ENDPOINT, direction: 'out', type: 'bulk', packetSize: PACKET_SIZE },
		{ endpointNumber: IN_ENDPOINT, direction: 'in', type: 'bulk', packetSize: PACKET_SIZE }
	];
	const alternate: USBAlternateInterface = {
		alternateSetting: 0,
		interfaceClass: 0x07,
		interfaceSubclass: 0x01,
		// Bidirectional: the printer answers status requests on the IN endpoint.
		interfaceProtocol: 0x02,
		interfaceName: null,
		endpoints
	};
	const usbInterface: USBInterface = {
		interfaceNumber: INTERFACE_NUMBER,
		alternate,
		alternates: [alternate],
		claimed: false
	};
	return { configurationValue: CONFIGURATION_VALUE, configurationName: null, interfaces: [usbInterface] };
}

export class SimulatedUsbPrinter extends SimulatedThermalPrinter implements UsbPrinterDevice {
	readonly configurations: USBConfiguration[] = [describeConfiguration()];
	#opened = false;
	#configuration: USBConfiguration | null = null;
	#claimed = false;
	/** Bytes the printer has sent that no IN transfer has collected yet. */
	#replies: number[] = [];
	#waitingReads: PendingRead[] = [];

	get opened(): boolean {
		return this.#opened;
	}

	get configuration(): USBConfiguration | null {
		return this.#configuration;
	}

	async open(): Promise<void> {
		this.#opened = true;
	}

	async close(): Promise<void> {
		this.#opened = false;
		this.#claimed = false;
		for (const read of this.#waitingReads.splice(0)) {
			read.reject(new Error('AbortError: The transfer was cancelled.'));
		}
	}

	async selectConfiguration(configurationValue: number): Promise<void> {
		this.#requireOpen();
		const configuration = this.configurations.find((c) => c.configurationValue === configurationValue);
		if (!configuration) throw new Error(`No configuration ${configurationValue}`);
		this.#configuration = configuration;
	}

	async claimInterface(interfaceNumber: number): Promise<void> {
		this.#requireOpen();
		if (!this.#configuration || interfaceNumber !== INTERFACE_NUMBER) {
			throw new Error(`No interface ${interfaceNumber} to claim`);
		}
		this.#claimed = true;
	}

	async releaseInterface(interfaceNumber: number): Promise<void> {
		if (interfaceNumber === INTERFACE_NUMBER) this.#claimed = false;
	}

	async transferOut(endpointNumber: number, data: BufferSource): Promise<USBOutTransferResult> {
		this.#requireClaimed(endpointNumber, OUT_ENDPOINT);
		const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
		this.receiveFromHost(bytes);
		return { status: 'ok', bytesWritten: bytes.byteLength };
	}

	transferIn(endpointNumber: number, length: number): Promise<USBInTransferResult> {
		this.#requireClaimed(endpointNumber, IN_ENDPOINT);
		// Like real hardware, an IN transfer waits until the printer has something to say.
		return new Promise((resolve, reject) => {
			this.#waitingReads.push({
				length,
				resolve: (data) => resolve({ status: 'ok', data: new DataView(data.buffer) }),
				reject
			});
			this.#deliverReplies();
		});
	}

	protected override sendToHost(bytes: Uint8Array<ArrayBuffer>): void {
		this.#replies.push(...bytes);
		this.#deliverReplies();
	}

	#deliverReplies(): void {
		if (this.#replies.length === 0) return;
		const read = this.#waitingReads.shift();
		read?.resolve(Uint8Array.from(this.#replies.splice(0, read.length)));
	}

	#requireOpen(): void {
		if (!this.#opened) throw new Error('InvalidStateError: The device must be opened first.');
	}

	#requireClaimed(endpointNumber: number, expected: number): void {
		this.#requireOpen();
		if (!this.#claimed) throw new Error('InvalidStateError: The interface is not claimed.');
		if (endpointNumber !== expected) throw new Error(`NotFoundError: No endpoint ${endpointNumber} there.`);
	}
}
