import { readKioskConfig, usesSimulators } from '$lib/machine/config';
import { DeviceRegistry } from './registry';

declare global {
	interface Window {
		/** The simulators, for browser tests; present only when devices are simulated. */
		__emitraSimulators?: DeviceRegistry['simulators'];
	}
}

let registry: DeviceRegistry | undefined;

/** This kiosk's devices, as its configuration says, for the life of the page. */
export function kioskDevices(): DeviceRegistry {
	if (!registry) {
		const config = readKioskConfig(localStorage);
		registry = new DeviceRegistry(config.devices, { serial: navigator.serial, usb: navigator.usb });
		if (usesSimulators(config)) window.__emitraSimulators = registry.simulators;
	}
	return registry;
}
