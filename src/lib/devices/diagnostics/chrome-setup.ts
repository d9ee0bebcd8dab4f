import type { DeviceChoice, UsbIds } from '$lib/machine/config';
import type { DeviceMessage } from '../device-messages';
import type { FingerprintScanner } from '../fingerprint/fingerprint-scanner';
import { DeviceNotConnectedError, pickDevice, type DeviceKind } from '../registry';

/**
 * What the kiosk's page can find out about how Chrome was set up (deploy/chrome): each check says
 * what it found and, when something is wrong, the fix in words an operator follows, naming the
 * deploy kit's step. Silent printing cannot be seen from the page; SilentPrintCheck asks instead.
 */
export type ChromeCheckId =
	'webSerial' | 'webUsb' | 'noteAcceptor' | 'cardTerminal' | 'receiptPrinter' | 'rdService' | 'popups' | 'fullScreen' | 'serviceWorker';

export interface ChromeCheckResult {
	/** `simulated`: a simulator stands in for the device, so there is nothing for Chrome to allow. */
	state: 'ok' | 'problem' | 'simulated';
	found: DeviceMessage;
	fix?: DeviceMessage;
	/** The fix is done on the Device check page (Allow buttons, device set-up). */
	fixOnDevicesPage?: boolean;
}

export interface ChromeCheck {
	id: ChromeCheckId;
	run(): Promise<ChromeCheckResult>;
}

/** What the checks read from the browser; the page passes the real one, tests their own. */
export interface ChromeEnvironment {
	secureContext: boolean;
	serial?: Pick<Serial, 'getPorts'>;
	usb?: Pick<USB, 'getDevices'>;
	serviceWorker?: { controller: unknown; getRegistration(): Promise<unknown> };
	/** window.open of a blank pop-up: the window, or null when Chrome blocked it. */
	openPopup(): { close(): void } | null;
	/** Whether a touch just happened: Chrome lets any page open a pop-up right after one. */
	userActivationActive(): boolean;
	displayModeFullScreen: boolean;
	screen: { width: number; height: number };
	viewport: { width: number; height: number };
	fingerprintScanner: Pick<FingerprintScanner, 'discover'>;
	wait(ms: number): Promise<void>;
}

/** The kiosk's screens are laid out for this size (README). */
export const KIOSK_SCREEN = { width: 1280, height: 1024 } as const;

/** Chrome's transient user activation lasts about five seconds; the pop-up probe waits it out. */
const ACTIVATION_WAIT_MS = 8_000;

/** The checks in the order the page lists them. */
export function chromeChecks(environment: ChromeEnvironment, choice: DeviceChoice): ChromeCheck[] {
	return [
		{ id: 'webSerial', run: async () => apiCheck(environment, environment.serial !== undefined) },
		{ id: 'webUsb', run: async () => apiCheck(environment, environment.usb !== undefined) },
		{
			id: 'noteAcceptor',
			run: () => serialDeviceCheck(environment, choice, 'noteAcceptor', choice.noteAcceptor.startsWith('simulated'))
		},
		{ id: 'cardTerminal', run: () => serialDeviceCheck(environment, choice, 'cardTerminal', choice.cardTerminal === 'simulated') },
		{
			id: 'receiptPrinter',
			run: () =>
				choice.receiptPrinter === 'usb'
					? usbPrinterCheck(environment, choice.ports.receiptPrinter)
					: serialDeviceCheck(environment, choice, 'receiptPrinter', choice.receiptPrinter === 'simulated-usb')
		},
		{ id: 'rdService', run: () => rdServiceCheck(environment) },
		{ id: 'popups', run: () => popupCheck(environment) },
		{ id: 'fullScreen', run: async () => fullScreenCheck(environment) },
		{ id: 'serviceWorker', run: () => serviceWorkerCheck(environment) }
	];
}

function apiCheck(environment: ChromeEnvironment, available: boolean): ChromeCheckResult {
	if (available) return { state: 'ok', found: { id: 'chrome.available' } };
	return {
		state: 'problem',
		found: { id: 'chrome.missing' },
		fix: { id: environment.secureContext ? 'chrome.fix.chrome' : 'chrome.fix.secure' }
	};
}

async function serialDeviceCheck(
	environment: ChromeEnvironment,
	choice: DeviceChoice,
	kind: DeviceKind,
	simulated: boolean
): Promise<ChromeCheckResult> {
	if (simulated) return { state: 'simulated', found: { id: 'chrome.device.simulated' } };
	if (!environment.serial) return apiCheck(environment, false);
	const ports = await environment.serial.getPorts();
	return permission(() => pickDevice(ports, (port) => port.getInfo(), choice.ports[kind], kind).getInfo());
}

async function usbPrinterCheck(environment: ChromeEnvironment, wanted: UsbIds | undefined): Promise<ChromeCheckResult> {
	if (!environment.usb) return apiCheck(environment, false);
	const devices = await environment.usb.getDevices();
	const ids = (device: USBDevice) => ({ usbVendorId: device.vendorId, usbProductId: device.productId });
	// Without set IDs the driver takes the permitted device that calls itself a printer.
	if (!wanted && devices.length > 0)
		return { state: 'ok', found: { id: 'chrome.device.permittedCount', values: { count: devices.length } } };
	return permission(() => ids(pickDevice(devices, ids, wanted, 'receiptPrinter')));
}

/** The device the driver would use, or why there is none, as `pickDevice` decides it. */
function permission(find: () => { usbVendorId?: number; usbProductId?: number }): ChromeCheckResult {
	try {
		return { state: 'ok', found: { id: 'chrome.device.permitted', values: { ids: formatUsbIds(find()) } } };
	} catch (error) {
		if (!(error instanceof DeviceNotConnectedError)) throw error;
		return error.reason === 'ambiguous'
			? { state: 'problem', found: { id: 'chrome.device.ambiguous' }, fix: { id: 'chrome.fix.deviceIds' }, fixOnDevicesPage: true }
			: { state: 'problem', found: { id: 'chrome.device.notPermitted' }, fix: { id: 'chrome.fix.device' }, fixOnDevicesPage: true };
	}
}

/** As lsusb and the policy maker write them: 067b:2303. */
export function formatUsbIds({ usbVendorId, usbProductId }: { usbVendorId?: number; usbProductId?: number }): string {
	const hex = (id: number) => id.toString(16).padStart(4, '0');
	if (usbVendorId === undefined) return '—';
	return usbProductId === undefined ? hex(usbVendorId) : `${hex(usbVendorId)}:${hex(usbProductId)}`;
}

async function rdServiceCheck(environment: ChromeEnvironment): Promise<ChromeCheckResult> {
	try {
		const service = await environment.fingerprintScanner.discover();
		return { state: 'ok', found: { id: 'chrome.rd.found', values: { port: service.port } } };
	} catch {
		return { state: 'problem', found: { id: 'chrome.unreachable' }, fix: { id: 'chrome.fix.rdService' } };
	}
}

/**
 * Chrome lets a page open a pop-up right after a touch even when pop-ups are blocked, so the probe
 * waits until no touch is fresh: only then does the answer say what the kiosk's own pages get.
 */
async function popupCheck(environment: ChromeEnvironment): Promise<ChromeCheckResult> {
	for (let waited = 0; environment.userActivationActive() && waited < ACTIVATION_WAIT_MS; waited += 250) {
		await environment.wait(250);
	}
	const popup = environment.openPopup();
	if (!popup) return { state: 'problem', found: { id: 'chrome.popups.blocked' }, fix: { id: 'chrome.fix.popups' } };
	popup.close();
	return { state: 'ok', found: { id: 'chrome.popups.allowed' } };
}

function fullScreenCheck({ displayModeFullScreen, screen, viewport }: ChromeEnvironment): ChromeCheckResult {
	const size = { width: screen.width, height: screen.height };
	const fillsScreen = displayModeFullScreen || (viewport.width >= screen.width && viewport.height >= screen.height);
	if (!fillsScreen) {
		return { state: 'problem', found: { id: 'chrome.screen.windowed', values: size }, fix: { id: 'chrome.fix.launcher' } };
	}
	if (screen.width < KIOSK_SCREEN.width || screen.height < KIOSK_SCREEN.height) {
		return { state: 'problem', found: { id: 'chrome.screen.small', values: size }, fix: { id: 'chrome.fix.resolution' } };
	}
	return { state: 'ok', found: { id: 'chrome.screen.fullScreen', values: size } };
}

async function serviceWorkerCheck({ serviceWorker, secureContext }: ChromeEnvironment): Promise<ChromeCheckResult> {
	if (!serviceWorker) {
		return {
			state: 'problem',
			found: { id: 'chrome.missing' },
			fix: { id: secureContext ? 'chrome.fix.chrome' : 'chrome.fix.secure' }
		};
	}
	if (serviceWorker.controller) return { state: 'ok', found: { id: 'chrome.offline.active' } };
	const registration = await serviceWorker.getRegistration();
	return registration
		? { state: 'problem', found: { id: 'chrome.offline.notControlling' }, fix: { id: 'chrome.fix.restart' } }
		: { state: 'problem', found: { id: 'chrome.offline.notInstalled' }, fix: { id: 'chrome.fix.openOnline' } };
}

/** The browser this page runs in, for `chromeChecks`. */
export function browserEnvironment(fingerprintScanner: Pick<FingerprintScanner, 'discover'>): ChromeEnvironment {
	return {
		secureContext: window.isSecureContext,
		serial: navigator.serial,
		usb: navigator.usb,
		serviceWorker: navigator.serviceWorker,
		openPopup: () => window.open('about:blank', '_blank', 'popup,width=120,height=120'),
		userActivationActive: () => navigator.userActivation?.isActive ?? false,
		displayModeFullScreen: matchMedia('(display-mode: fullscreen)').matches,
		screen: { width: screen.width, height: screen.height },
		viewport: { width: window.innerWidth, height: window.innerHeight },
		fingerprintScanner,
		wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
	};
}
