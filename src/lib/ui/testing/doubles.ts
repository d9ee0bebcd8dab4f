import { vi } from 'vitest';
import type { A4PrintOutcome } from '$lib/devices/a4-printer/a4-printer';
import type { FingerprintCapture } from '$lib/devices/fingerprint/fingerprint-scanner';
import type { Receipt } from '$lib/devices/receipt-printer/receipt';

/**
 * What the component tests put in place of SvelteKit's navigation and the kiosk's devices. One
 * module, loaded once by the set-up, so a test and the screen it renders hold the same doubles.
 */
export const navigation = { goto: vi.fn(async (_href: string, _options?: object) => undefined) };

/** The devices the step screens reach through kioskDevices(); each test says how they answer. */
export const devices = {
	receiptPrinter: { print: vi.fn<(receipt: Receipt) => Promise<void>>() },
	a4Printer: { print: vi.fn<() => Promise<A4PrintOutcome>>() },
	fingerprintScanner: { capture: vi.fn<() => Promise<Pick<FingerprintCapture, 'pidData'>>>() }
};

export const kioskDevices = () => ({
	receiptPrinter: async () => devices.receiptPrinter,
	a4Printer: () => devices.a4Printer,
	fingerprintScanner: () => devices.fingerprintScanner
});
