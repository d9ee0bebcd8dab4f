import { describe, expect, it } from 'vitest';
import { readKioskConfig, type DeviceChoice } from '$lib/machine/config';
import { RdServiceNotFoundError } from '../fingerprint/fingerprint-errors';
import { chromeChecks, formatUsbIds, type ChromeCheckId, type ChromeEnvironment } from './chrome-setup';

function devicesOf(overrides: Record<string, unknown> = {}): DeviceChoice {
	return readKioskConfig({ getItem: () => JSON.stringify({ devices: overrides }) }).devices;
}

const port = (usbVendorId: number, usbProductId: number) => ({ getInfo: () => ({ usbVendorId, usbProductId }) }) as unknown as SerialPort;
const usbDevice = (vendorId: number, productId: number) => ({ vendorId, productId }) as USBDevice;

function environment(overrides: Partial<ChromeEnvironment> = {}): ChromeEnvironment & { popupsOpened: number } {
	const env = {
		popupsOpened: 0,
		secureContext: true,
		serial: { getPorts: async () => [] },
		usb: { getDevices: async () => [] },
		serviceWorker: { controller: {}, getRegistration: async () => ({}) },
		openPopup: () => {
			env.popupsOpened++;
			return { close: () => undefined };
		},
		userActivationActive: () => false,
		displayModeFullScreen: true,
		screen: { width: 1280, height: 1024 },
		viewport: { width: 1280, height: 1024 },
		fingerprintScanner: { discover: async () => ({ port: 11100, info: 'RD', captureUrl: '', deviceInfoUrl: '' }) },
		wait: async () => undefined,
		...overrides
	};
	return env;
}

async function run(env: ChromeEnvironment, choice: DeviceChoice, id: ChromeCheckId) {
	const check = chromeChecks(env, choice).find((candidate) => candidate.id === id);
	if (!check) throw new Error(`no check ${id}`);
	return check.run();
}

describe('Chrome setup check', () => {
	it('lists the checks in the order the operator reads them', () => {
		expect(chromeChecks(environment(), devicesOf()).map((check) => check.id)).toEqual([
			'webSerial',
			'webUsb',
			'noteAcceptor',
			'cardTerminal',
			'receiptPrinter',
			'rdService',
			'popups',
			'fullScreen',
			'serviceWorker'
		]);
	});

	it('finds everything right on a kiosk Chrome that the deploy kit set up', async () => {
		const choice = devicesOf({ noteAcceptor: 'id003', cardTerminal: 'serial', receiptPrinter: 'usb' });
		const env = environment({
			serial: { getPorts: async () => [port(0x067b, 0x2303)] },
			usb: { getDevices: async () => [usbDevice(0x04b8, 0x0202)] }
		});
		const choiceWithIds: DeviceChoice = {
			...choice,
			ports: { noteAcceptor: { usbVendorId: 0x067b }, cardTerminal: { usbVendorId: 0x067b, usbProductId: 0x2303 } }
		};
		const results = await Promise.all(chromeChecks(env, choiceWithIds).map((check) => check.run()));
		expect(results.map((result) => result.state)).toEqual(Array(9).fill('ok'));
		expect(results[2]?.found).toEqual({ id: 'chrome.device.permitted', values: { ids: '067b:2303' } });
		expect(results[4]?.found).toEqual({ id: 'chrome.device.permittedCount', values: { count: 1 } });
		expect(results[5]?.found).toEqual({ id: 'chrome.rd.found', values: { port: 11100 } });
	});

	it('has nothing for Chrome to allow when a simulator stands in', async () => {
		expect(await run(environment(), devicesOf(), 'noteAcceptor')).toEqual({
			state: 'simulated',
			found: { id: 'chrome.device.simulated' }
		});
		expect((await run(environment(), devicesOf(), 'receiptPrinter')).state).toBe('simulated');
	});

	it('points a device Chrome may not use to the policy or the Allow button', async () => {
		const choice = devicesOf({ noteAcceptor: 'ssp', receiptPrinter: 'usb', cardTerminal: 'serial' });
		expect(await run(environment(), choice, 'noteAcceptor')).toEqual({
			state: 'problem',
			found: { id: 'chrome.device.notPermitted' },
			fix: { id: 'chrome.fix.device' },
			fixOnDevicesPage: true
		});
		expect((await run(environment(), choice, 'receiptPrinter')).fix).toEqual({ id: 'chrome.fix.device' });
		const twoPorts = environment({ serial: { getPorts: async () => [port(0x067b, 0x2303), port(0x0403, 0x6001)] } });
		expect((await run(twoPorts, choice, 'cardTerminal')).found).toEqual({ id: 'chrome.device.ambiguous' });
	});

	it('tells a page opened without https from a browser without the APIs', async () => {
		const insecure = environment({ secureContext: false, serial: undefined, usb: undefined, serviceWorker: undefined });
		expect(await run(insecure, devicesOf(), 'webSerial')).toEqual({
			state: 'problem',
			found: { id: 'chrome.missing' },
			fix: { id: 'chrome.fix.secure' }
		});
		expect((await run(insecure, devicesOf(), 'serviceWorker')).fix).toEqual({ id: 'chrome.fix.secure' });
		const oldBrowser = environment({ usb: undefined });
		expect((await run(oldBrowser, devicesOf(), 'webUsb')).fix).toEqual({ id: 'chrome.fix.chrome' });
		expect((await run(oldBrowser, devicesOf({ receiptPrinter: 'usb' }), 'receiptPrinter')).found).toEqual({ id: 'chrome.missing' });
	});

	it('says the RD Service is not reachable when discovery fails', async () => {
		const env = environment({
			fingerprintScanner: { discover: async () => Promise.reject(new RdServiceNotFoundError([11100, 11101])) }
		});
		expect(await run(env, devicesOf(), 'rdService')).toEqual({
			state: 'problem',
			found: { id: 'chrome.unreachable' },
			fix: { id: 'chrome.fix.rdService' }
		});
	});

	it('opens the test pop-up only once a touch is no longer fresh, and closes it', async () => {
		let fresh = 3;
		let closed = 0;
		let waits = 0;
		const env = environment({
			userActivationActive: () => fresh-- > 0,
			wait: async () => void waits++,
			openPopup: () => ({ close: () => void closed++ })
		});
		expect(await run(env, devicesOf(), 'popups')).toEqual({ state: 'ok', found: { id: 'chrome.popups.allowed' } });
		expect([waits, closed]).toEqual([3, 1]);
		const blocked = environment({ openPopup: () => null });
		expect(await run(blocked, devicesOf(), 'popups')).toEqual({
			state: 'problem',
			found: { id: 'chrome.popups.blocked' },
			fix: { id: 'chrome.fix.popups' }
		});
	});

	it('knows full screen from a window, and a screen too small for the kiosk', async () => {
		const windowed = environment({
			displayModeFullScreen: false,
			screen: { width: 1280, height: 1024 },
			viewport: { width: 1280, height: 900 }
		});
		expect(await run(windowed, devicesOf(), 'fullScreen')).toEqual({
			state: 'problem',
			found: { id: 'chrome.screen.windowed', values: { width: 1280, height: 1024 } },
			fix: { id: 'chrome.fix.launcher' }
		});
		const fillsScreen = environment({
			displayModeFullScreen: false,
			screen: { width: 1280, height: 1024 },
			viewport: { width: 1280, height: 1024 }
		});
		expect((await run(fillsScreen, devicesOf(), 'fullScreen')).state).toBe('ok');
		const small = environment({ screen: { width: 1366, height: 768 }, viewport: { width: 1366, height: 768 } });
		expect((await run(small, devicesOf(), 'fullScreen')).fix).toEqual({ id: 'chrome.fix.resolution' });
	});

	it('tells an installed service worker that does not yet serve the page from none at all', async () => {
		const waiting = environment({ serviceWorker: { controller: null, getRegistration: async () => ({}) } });
		expect((await run(waiting, devicesOf(), 'serviceWorker')).found).toEqual({ id: 'chrome.offline.notControlling' });
		const none = environment({ serviceWorker: { controller: null, getRegistration: async () => undefined } });
		expect(await run(none, devicesOf(), 'serviceWorker')).toEqual({
			state: 'problem',
			found: { id: 'chrome.offline.notInstalled' },
			fix: { id: 'chrome.fix.openOnline' }
		});
	});

	it('writes USB IDs as lsusb does', () => {
		expect(formatUsbIds({ usbVendorId: 0x67b, usbProductId: 0x2303 })).toBe('067b:2303');
		expect(formatUsbIds({ usbVendorId: 0x403 })).toBe('0403');
		expect(formatUsbIds({})).toBe('—');
	});
});
