import { describe, expect, it } from 'vitest';
import { createTapCounter, isConsoleKeyCombination } from './console-entry';

describe('reaching the operator console from the citizen screens', () => {
	it('takes five taps within three seconds', () => {
		let now = 0;
		const tap = createTapCounter(() => now);
		const results = [0, 400, 800, 1200, 1600].map((at) => ((now = at), tap()));
		expect(results).toEqual([false, false, false, false, true]);
	});

	it('does not open for slow taps, and starts counting again after opening', () => {
		let now = 0;
		const tap = createTapCounter(() => now);
		expect([0, 1000, 2000, 3000, 4000, 5000].map((at) => ((now = at), tap()))).not.toContain(true);
		for (const at of [10_000, 10_100, 10_200, 10_300]) {
			now = at;
			tap();
		}
		now = 10_400;
		expect(tap()).toBe(true);
		now = 10_500;
		expect(tap()).toBe(false);
	});

	it('opens on Ctrl+Alt+O only', () => {
		expect(isConsoleKeyCombination({ ctrlKey: true, altKey: true, key: 'o' })).toBe(true);
		expect(isConsoleKeyCombination({ ctrlKey: true, altKey: true, key: 'O' })).toBe(true);
		expect(isConsoleKeyCombination({ ctrlKey: true, altKey: false, key: 'o' })).toBe(false);
		expect(isConsoleKeyCombination({ ctrlKey: false, altKey: false, key: 'o' })).toBe(false);
	});
});
