import { describe, expect, it, vi } from 'vitest';

vi.mock('$app/environment', () => ({ dev: false, version: '2.4.0' }));
const { isBetweenCitizens } = await import('./updates.svelte');

describe('isBetweenCitizens', () => {
	const idle = { pathname: '/', updating: false, paymentOnScreen: false, queuedPayments: 0 };

	it('lets a new version in on the language screen with nothing pending', () => {
		expect(isBetweenCitizens(idle)).toBe(true);
	});

	it('never while a citizen is using the kiosk, a payment is on screen or queued payments are unsent', () => {
		expect(isBetweenCitizens({ ...idle, pathname: '/hi/menu/bills' })).toBe(false);
		expect(isBetweenCitizens({ ...idle, paymentOnScreen: true })).toBe(false);
		expect(isBetweenCitizens({ ...idle, queuedPayments: 1 })).toBe(false);
	});

	it('on the "updating" screen too, which no citizen can use, once the queue is sent', () => {
		expect(isBetweenCitizens({ ...idle, pathname: '/en', updating: true })).toBe(true);
		expect(isBetweenCitizens({ ...idle, pathname: '/en', updating: true, queuedPayments: 2 })).toBe(false);
	});
});
