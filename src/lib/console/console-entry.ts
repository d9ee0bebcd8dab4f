/**
 * How an operator reaches the console from the citizen screens, and a citizen does not: five taps
 * on the e-Mitra+ logo within three seconds, or Ctrl+Alt+O on the machine's metal keyboard.
 */
export const CONSOLE_TAPS = 5;
export const CONSOLE_TAP_WINDOW_MS = 3_000;

export function consoleHref(locale: string): string {
	return `/operator/${locale}`;
}

export function isConsoleKeyCombination(event: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'key'>): boolean {
	return event.ctrlKey && event.altKey && event.key.toLowerCase() === 'o';
}

/** Counts taps; true on the one that completes the gesture. */
export function createTapCounter(now: () => number = Date.now): () => boolean {
	let taps: number[] = [];
	return () => {
		const at = now();
		taps = [...taps.filter((tap) => at - tap < CONSOLE_TAP_WINDOW_MS), at];
		if (taps.length < CONSOLE_TAPS) return false;
		taps = [];
		return true;
	};
}
