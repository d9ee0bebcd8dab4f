import { chromeA4Printer, SimulatedA4Printer, type A4Printer } from './a4-printer/a4-printer';
import type { DeviceChoice, UsbIds } from '$lib/machine/config';
import { CardTerminalSimulator } from './card-terminal/card-terminal-simulator';
import type { CardTerminal } from './card-terminal/card-terminal';
import { SerialCardTerminal } from './card-terminal/serial-card-terminal';
import { RdServiceFingerprintScanner } from './fingerprint/fingerprint-scanner';
import type { FingerprintScanner } from './fingerprint/fingerprint-scanner';
import { Id003NoteAcceptor, Id003Simulator, SspNoteAcceptor, SspSimulator, type NoteAcceptor } from './note-acceptor';
import { createSerialReceiptPrinter, createUsbReceiptPrinter, type ReceiptPrinter } from './receipt-printer/receipt-printer';
import { SimulatedUsbPrinter } from './receipt-printer/simulated-usb-printer';
import type { UsbPrinterDevice } from './receipt-printer/usb-transport';
import { SimulatedSerialPort } from './serial/simulated-serial-port';
import type { SerialPortLike } from './serial/serial-port';

export type DeviceKind = 'noteAcceptor' | 'receiptPrinter' | 'cardTerminal';

/**
 * A real device Chrome has not been allowed to use, or that is not plugged in. The operator grants
 * it once from the diagnostics page, or the Chrome policy grants it to the kiosk site.
 */
export class DeviceNotConnectedError extends Error {
	constructor(
		readonly device: DeviceKind,
		readonly reason: 'no-api' | 'not-permitted' | 'ambiguous'
	) {
		super(
			reason === 'no-api'
				? `This browser cannot reach the ${device} (WebSerial/WebUSB is not available)`
				: reason === 'ambiguous'
					? `Several permitted ports could be the ${device}: set its USB vendor and product IDs`
					: `The ${device} is not connected or Chrome has not been allowed to use it`
		);
	}
}

/** The simulators below the drivers, for the tester panel and the browser tests. */
export interface DeviceSimulators {
	noteAcceptor?: Id003Simulator | SspSimulator;
	receiptPrinter?: SimulatedUsbPrinter;
	cardTerminal?: CardTerminalSimulator;
	a4Printer?: SimulatedA4Printer;
}

/** What the registry needs from the browser; tests pass their own. */
export interface DeviceEnvironment {
	serial?: Pick<Serial, 'getPorts'>;
	usb?: Pick<USB, 'getDevices'>;
}

/**
 * The kiosk asks here for "the note acceptor" and gets the driver the machine's configuration
 * chooses, connected, over a real port or a simulator's. One instance per device per page.
 */
export class DeviceRegistry {
	readonly simulators: DeviceSimulators = {};
	readonly #choice: DeviceChoice;
	readonly #environment: DeviceEnvironment;
	#noteAcceptor: Promise<NoteAcceptor> | undefined;
	#receiptPrinter: Promise<ReceiptPrinter> | undefined;
	#cardTerminal: Promise<CardTerminal> | undefined;
	#fingerprintScanner: FingerprintScanner | undefined;

	constructor(choice: DeviceChoice, environment: DeviceEnvironment) {
		this.#choice = choice;
		this.#environment = environment;
		// Simulators exist from the start so a tester can load paper or jam a note before first use.
		const timings = { stepMs: choice.simulatedNoteStepMs };
		if (choice.noteAcceptor === 'simulated-id003') this.simulators.noteAcceptor = new Id003Simulator({ timings });
		if (choice.noteAcceptor === 'simulated-ssp') this.simulators.noteAcceptor = new SspSimulator({ timings });
		if (choice.receiptPrinter === 'simulated-usb') this.simulators.receiptPrinter = new SimulatedUsbPrinter();
		if (choice.cardTerminal === 'simulated') this.simulators.cardTerminal = new CardTerminalSimulator();
		// Chrome's printing has no device to choose: the A4 printer is simulated with the receipt printer.
		if (choice.receiptPrinter === 'simulated-usb') this.simulators.a4Printer = new SimulatedA4Printer();
	}

	get choice(): DeviceChoice {
		return this.#choice;
	}

	/** The note acceptor, connected; the caller initialises it (reads its notes) when it needs to. */
	noteAcceptor(): Promise<NoteAcceptor> {
		this.#noteAcceptor ??= retryable(
			async () => {
				const protocol = this.#choice.noteAcceptor.endsWith('ssp') ? 'ssp' : 'id003';
				const port = this.simulators.noteAcceptor?.port ?? (await this.#serialPort('noteAcceptor'));
				const acceptor = protocol === 'ssp' ? new SspNoteAcceptor(port) : new Id003NoteAcceptor(port);
				await acceptor.connect();
				return acceptor;
			},
			() => (this.#noteAcceptor = undefined)
		);
		return this.#noteAcceptor;
	}

	receiptPrinter(): Promise<ReceiptPrinter> {
		this.#receiptPrinter ??= retryable(
			async () => {
				const printer =
					this.#choice.receiptPrinter === 'serial'
						? createSerialReceiptPrinter(await this.#serialPort('receiptPrinter'))
						: createUsbReceiptPrinter(this.simulators.receiptPrinter ?? (await this.#usbPrinter()));
				await printer.connect();
				return printer;
			},
			() => (this.#receiptPrinter = undefined)
		);
		return this.#receiptPrinter;
	}

	cardTerminal(): Promise<CardTerminal> {
		this.#cardTerminal ??= retryable(
			async () => {
				const simulator = this.simulators.cardTerminal;
				const port = simulator ? new SimulatedSerialPort(simulator) : await this.#serialPort('cardTerminal');
				const terminal = new SerialCardTerminal(port, {
					saleTimeoutMs: this.#choice.cardSaleTimeoutSeconds * 1000
				});
				await terminal.connect();
				return terminal;
			},
			() => (this.#cardTerminal = undefined)
		);
		return this.#cardTerminal;
	}

	/**
	 * The devices this page has already opened, without opening any: a status report (the
	 * heartbeat) must not take a port or start a device the citizen's screens will want.
	 */
	opened(): { noteAcceptor?: Promise<NoteAcceptor>; receiptPrinter?: Promise<ReceiptPrinter>; cardTerminal?: Promise<CardTerminal> } {
		return { noteAcceptor: this.#noteAcceptor, receiptPrinter: this.#receiptPrinter, cardTerminal: this.#cardTerminal };
	}

	/** The Aadhaar RD Service on this machine's loopback ports (the simulator answers there too). */
	a4Printer(): A4Printer {
		return this.simulators.a4Printer ?? chromeA4Printer;
	}

	fingerprintScanner(): FingerprintScanner {
		this.#fingerprintScanner ??= new RdServiceFingerprintScanner();
		return this.#fingerprintScanner;
	}

	async #serialPort(device: DeviceKind): Promise<SerialPortLike> {
		const serial = this.#environment.serial;
		if (!serial) throw new DeviceNotConnectedError(device, 'no-api');
		return pickDevice(await serial.getPorts(), (port) => port.getInfo(), this.#choice.ports[device], device);
	}

	async #usbPrinter(): Promise<UsbPrinterDevice> {
		const usb = this.#environment.usb;
		if (!usb) throw new DeviceNotConnectedError('receiptPrinter', 'no-api');
		const devices = await usb.getDevices();
		const printers = devices.filter(isUsbPrinter);
		return pickDevice(
			this.#choice.ports.receiptPrinter ? devices : printers,
			(device) => ({ usbVendorId: device.vendorId, usbProductId: device.productId }),
			this.#choice.ports.receiptPrinter,
			'receiptPrinter'
		);
	}
}

/** USB class 7 is "printer"; many receipt printers also say so. */
function isUsbPrinter(device: USBDevice): boolean {
	return device.configurations.some((configuration) =>
		configuration.interfaces.some((usbInterface) => usbInterface.alternates.some((alternate) => alternate.interfaceClass === 7))
	);
}

/** The one permitted device with these USB IDs, or the only one there is when none are set. */
export function pickDevice<Device>(
	devices: readonly Device[],
	idsOf: (device: Device) => { usbVendorId?: number; usbProductId?: number },
	wanted: UsbIds | undefined,
	kind: DeviceKind
): Device {
	const matching = wanted
		? devices.filter((device) => {
				const ids = idsOf(device);
				return (
					ids.usbVendorId === wanted.usbVendorId &&
					(wanted.usbProductId === undefined || ids.usbProductId === wanted.usbProductId)
				);
			})
		: devices;
	const [only, ...others] = matching;
	if (!only) throw new DeviceNotConnectedError(kind, 'not-permitted');
	if (others.length > 0) throw new DeviceNotConnectedError(kind, 'ambiguous');
	return only;
}

/** A failed connection is forgotten, so the next request tries again (cable re-plugged). */
function retryable<T>(connect: () => Promise<T>, forget: () => void): Promise<T> {
	const attempt = connect();
	attempt.catch(forget);
	return attempt;
}
