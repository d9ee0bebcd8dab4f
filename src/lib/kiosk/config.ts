import * as v from 'valibot';

/**
 * Settings of this kiosk machine. Defaults suit a real kiosk; an operator (or a test) overrides
 * them in localStorage, which survives restarts and is never touched by a citizen's session.
 */
const kioskConfig = v.object({
	/** Seconds without a touch before "Do you need more time?". */
	idleSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 60),
	/** Seconds the dialog counts down before the citizen's data is wiped. */
	idleCountdownSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 30)
});
export type KioskConfig = v.InferOutput<typeof kioskConfig>;

export const KIOSK_CONFIG_KEY = 'emitra.kioskConfig';

/** Reads the overrides; a damaged or invalid entry falls back to the defaults rather than failing. */
export function readKioskConfig(storage: Pick<Storage, 'getItem'> | undefined): KioskConfig {
	let overrides: unknown = {};
	try {
		overrides = JSON.parse(storage?.getItem(KIOSK_CONFIG_KEY) ?? '{}');
	} catch {
		overrides = {};
	}
	const parsed = v.safeParse(kioskConfig, overrides);
	return parsed.success ? parsed.output : v.parse(kioskConfig, {});
}
