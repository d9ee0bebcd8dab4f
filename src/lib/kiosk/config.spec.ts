import { describe, expect, it } from 'vitest';
import { KIOSK_CONFIG_KEY, readKioskConfig } from './config';

const storageWith = (value: string | null) => ({ getItem: (key: string) => (key === KIOSK_CONFIG_KEY ? value : null) });

describe('kiosk configuration', () => {
	it('waits 60 s then counts down 30 s by default', () => {
		expect(readKioskConfig(storageWith(null))).toEqual({ idleSeconds: 60, idleCountdownSeconds: 30 });
		expect(readKioskConfig(undefined).idleSeconds).toBe(60);
	});

	it('takes an operator’s or a test’s shorter timings', () => {
		expect(readKioskConfig(storageWith('{"idleSeconds":3,"idleCountdownSeconds":2}'))).toEqual({
			idleSeconds: 3,
			idleCountdownSeconds: 2
		});
	});

	it('falls back to the defaults for damaged or nonsensical settings', () => {
		expect(readKioskConfig(storageWith('{oops')).idleSeconds).toBe(60);
		expect(readKioskConfig(storageWith('{"idleSeconds":0}')).idleSeconds).toBe(60);
	});
});
