import { describe, expect, it } from 'vitest';
import { KIOSK_CONFIG_KEY, readKioskConfig, usesSimulators } from './config';

const storageWith = (value: string | null) => ({ getItem: (key: string) => (key === KIOSK_CONFIG_KEY ? value : null) });

describe('kiosk configuration', () => {
	it('waits 60 s then counts down 30 s by default', () => {
		expect(readKioskConfig(storageWith(null))).toMatchObject({ idleSeconds: 60, idleCountdownSeconds: 30 });
		expect(readKioskConfig(undefined).idleSeconds).toBe(60);
	});

	it('takes an operator’s or a test’s shorter timings', () => {
		expect(readKioskConfig(storageWith('{"idleSeconds":3,"idleCountdownSeconds":2}'))).toMatchObject({
			idleSeconds: 3,
			idleCountdownSeconds: 2
		});
	});

	it('falls back to the defaults for damaged or nonsensical settings', () => {
		expect(readKioskConfig(storageWith('{oops')).idleSeconds).toBe(60);
		expect(readKioskConfig(storageWith('{"idleSeconds":0}')).idleSeconds).toBe(60);
	});

	it('simulates every device unless the machine is set up with real ones', () => {
		const config = readKioskConfig(storageWith(null));
		expect(config.devices).toMatchObject({
			noteAcceptor: 'simulated-id003',
			receiptPrinter: 'simulated-usb',
			cardTerminal: 'simulated'
		});
		expect(usesSimulators(config)).toBe(true);
		const real = readKioskConfig(storageWith('{"devices":{"noteAcceptor":"ssp","receiptPrinter":"usb","cardTerminal":"serial"}}'));
		expect(usesSimulators(real)).toBe(false);
	});

	it('keeps the USB identity of each real device', () => {
		const config = readKioskConfig(
			storageWith('{"devices":{"noteAcceptor":"id003","ports":{"noteAcceptor":{"usbVendorId":1659,"usbProductId":8963}}}}')
		);
		expect(config.devices.ports.noteAcceptor).toEqual({ usbVendorId: 1659, usbProductId: 8963 });
	});
});
