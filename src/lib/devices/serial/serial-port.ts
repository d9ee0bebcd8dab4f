/** Line settings as a device's manual states them ("9600 8E1"). */
export interface SerialLineSettings {
	baudRate: number;
	dataBits: 7 | 8;
	parity: ParityType;
	stopBits: 1 | 2;
}

/**
 * The part of WebSerial's `SerialPort` the drivers use. A real port from
 * `navigator.serial.requestPort()` satisfies it, and so does `SimulatedSerialPort`.
 */
export type SerialPortLike = Pick<SerialPort, 'open' | 'close' | 'readable' | 'writable' | 'getInfo'>;

/** The settings a port was opened with, with WebSerial's defaults: 8 data bits, no parity, 1 stop bit. */
export function lineSettingsOf(options: SerialOptions): SerialLineSettings {
	return {
		baudRate: options.baudRate,
		dataBits: options.dataBits ?? 8,
		parity: options.parity ?? 'none',
		stopBits: options.stopBits ?? 1
	};
}

/** "9600 8E1": the way manuals and technicians write line settings. */
export function describeLineSettings(settings: SerialLineSettings): string {
	const parity = settings.parity === 'none' ? 'N' : settings.parity === 'even' ? 'E' : 'O';
	return `${settings.baudRate} ${settings.dataBits}${parity}${settings.stopBits}`;
}

export function sameLineSettings(a: SerialLineSettings, b: SerialLineSettings): boolean {
	return a.baudRate === b.baudRate && a.dataBits === b.dataBits && a.parity === b.parity && a.stopBits === b.stopBits;
}
