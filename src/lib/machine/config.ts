import * as v from 'valibot';

/** A USB serial adapter or printer as Chrome identifies it (`SerialPort.getInfo()`, `USBDevice`). */
const usbIds = v.object({
	usbVendorId: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffff)),
	usbProductId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffff)))
});
export type UsbIds = v.InferOutput<typeof usbIds>;

/**
 * Which driver each device uses. `simulated-…` puts a simulator below the real driver, so a tester
 * (or a test) exercises the same protocol code as a kiosk with hardware.
 */
const deviceChoice = v.object({
	noteAcceptor: v.optional(v.picklist(['simulated-id003', 'simulated-ssp', 'id003', 'ssp']), 'simulated-id003'),
	receiptPrinter: v.optional(v.picklist(['simulated-usb', 'usb', 'serial']), 'simulated-usb'),
	cardTerminal: v.optional(v.picklist(['simulated', 'serial']), 'simulated'),
	/**
	 * How long each movement of a simulated note acceptor takes (note drawn in, held, stacked). Half
	 * a second looks like a real machine to a tester; the browser tests shorten it.
	 */
	simulatedNoteStepMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(5_000)), 500),
	/** How long a sale may wait for the terminal: the citizen's time at the PIN pad and a margin. */
	cardSaleTimeoutSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5)), 150),
	/** Which permitted port or USB device is which, when several are attached. */
	ports: v.optional(
		v.object({
			noteAcceptor: v.optional(usbIds),
			receiptPrinter: v.optional(usbIds),
			cardTerminal: v.optional(usbIds)
		}),
		{}
	)
});
export type DeviceChoice = v.InferOutput<typeof deviceChoice>;

/**
 * What the kiosk may take in cash while its hub is unreachable. Every queued payment is money the
 * hub has not seen yet, so the amount at risk and the time it may stay unsent are bounded.
 */
const offlineCash = v.object({
	/** A queued payment older than this stops the kiosk taking more cash offline. */
	maxQueuedHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 24),
	/** The largest single payment taken offline (paise). */
	maxPaymentPaise: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0)), 200_000),
	/** The most this kiosk holds in queued payments at once (paise). */
	maxKioskPaise: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0)), 1_000_000),
	/** A bill cached longer ago than this is not paid offline (it may be paid or replaced by now). */
	maxBillAgeHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 72)
});
export type OfflineCashLimits = v.InferOutput<typeof offlineCash>;

/**
 * Settings of this kiosk machine. Defaults suit a tester's machine (devices simulated, real
 * timings); an operator (or a test) overrides them in localStorage, which survives restarts and is
 * never touched by a citizen's session.
 */
const kioskConfig = v.object({
	/** Seconds without a touch before "Do you need more time?". */
	idleSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 60),
	/** Seconds the dialog counts down before the citizen's data is wiped. */
	idleCountdownSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 30),
	/** The manual's time for each note during a cash payment. */
	cashSecondsPerNote: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5)), 30),
	devices: v.optional(deviceChoice, {}),
	offlineCash: v.optional(offlineCash, {})
});
export type KioskConfig = v.InferOutput<typeof kioskConfig>;

export const KIOSK_CONFIG_KEY = 'emitra.kioskConfig';

/** Reads the overrides; a damaged or invalid entry falls back to the defaults rather than failing. */
export function readKioskConfig(storage: Pick<Storage, 'getItem'> | undefined): KioskConfig {
	let overrides: unknown;
	try {
		overrides = JSON.parse(storage?.getItem(KIOSK_CONFIG_KEY) ?? '{}');
	} catch {
		overrides = {};
	}
	const parsed = v.safeParse(kioskConfig, overrides);
	return parsed.success ? parsed.output : v.parse(kioskConfig, {});
}

/** Saves this machine's settings (the operator's device set-up). */
export function writeKioskConfig(storage: Pick<Storage, 'setItem'>, config: KioskConfig): void {
	storage.setItem(KIOSK_CONFIG_KEY, JSON.stringify(config));
}

/** True when any device is simulated: the tester panel is offered only then. */
export function usesSimulators(config: KioskConfig): boolean {
	const { noteAcceptor, receiptPrinter, cardTerminal } = config.devices;
	return [noteAcceptor, receiptPrinter, cardTerminal].some((choice) => choice.startsWith('simulated'));
}
