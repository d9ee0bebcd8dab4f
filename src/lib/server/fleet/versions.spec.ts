import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version as hubVersion } from '$app/environment';
import { engines, openTestDatabase, type TestDatabase } from '$lib/server/db/testing/engines';
import { compareVersions, currentKioskVersion, isOutdated, refuseOutdatedKiosk, setCurrentKioskVersion } from './versions';

describe('kiosk versions', () => {
	it('orders major.minor.patch numerically, and anything else below every version', () => {
		expect(compareVersions('2.10.0', '2.9.9')).toBeGreaterThan(0);
		expect(compareVersions('2.4.0', '2.4.0')).toBe(0);
		expect(compareVersions('2.3.1', '2.4.0')).toBeLessThan(0);
		expect(isOutdated('', '0.0.1')).toBe(true);
		expect(isOutdated('2.4', '2.4.0')).toBe(true);
		expect(isOutdated('2.5.0', '2.4.0')).toBe(false);
	});
});

for (const engine of engines) {
	describe(`the current kiosk version on ${engine}`, () => {
		let test: TestDatabase;
		beforeAll(async () => {
			test = await openTestDatabase(engine);
		});
		afterAll(() => test.close());

		const request = (headers: Record<string, string>) => new Request('http://hub.test/api/v1/payments', { method: 'POST', headers });

		it("is the hub's own build until the programme office sets one, and refuses older kiosks", async () => {
			expect(await currentKioskVersion(test.db)).toBe(hubVersion);
			await setCurrentKioskVersion(test.db, '9.0.0', new Date('2026-11-22T06:00:00Z'));
			await setCurrentKioskVersion(test.db, '9.1.0', new Date('2026-11-22T07:00:00Z'));
			expect(await currentKioskVersion(test.db)).toBe('9.1.0');

			const now = new Date('2026-11-22T08:00:00Z');
			const cash = { queueable: true };
			await expect(refuseOutdatedKiosk(test.db, request({ 'X-Kiosk-Version': '9.0.9' }), now, cash)).rejects.toMatchObject({
				status: 403,
				code: 'kiosk_outdated'
			});
			await expect(refuseOutdatedKiosk(test.db, request({}), now, cash)).rejects.toMatchObject({ code: 'kiosk_outdated' });
			await expect(refuseOutdatedKiosk(test.db, request({ 'X-Kiosk-Version': '9.1.0' }), now, cash)).resolves.toBeUndefined();
			// A cash payment the outbox queued before 9.1.0 was set (07:00) is taken from the old kiosk.
			const queuedBefore = request({ 'X-Kiosk-Version': '9.0.9', 'X-Kiosk-Replay': '2026-11-22T06:59:00.000Z' });
			await expect(refuseOutdatedKiosk(test.db, queuedBefore, now, cash)).resolves.toBeUndefined();
		});

		it('does not let the replay header carry a new transaction past the version gate', async () => {
			await setCurrentKioskVersion(test.db, '9.1.0', new Date('2026-11-22T07:00:00Z'));
			const now = new Date('2026-11-22T08:00:00Z');
			const outdated = (replay: string) => request({ 'X-Kiosk-Version': '9.0.9', 'X-Kiosk-Replay': replay });
			// The old constant, queued after the version changed, in the future, or not an instant: refused.
			for (const replay of ['outbox', '2026-11-22T07:30:00.000Z', '2026-11-22T09:00:00.000Z', '']) {
				await expect(refuseOutdatedKiosk(test.db, outdated(replay), now, { queueable: true })).rejects.toMatchObject({
					code: 'kiosk_outdated'
				});
			}
			// A card or Aadhaar payment is never queued offline, so it never replays past the gate.
			await expect(
				refuseOutdatedKiosk(test.db, outdated('2026-11-22T06:59:00.000Z'), now, { queueable: false })
			).rejects.toMatchObject({ code: 'kiosk_outdated' });
		});

		it('accepts only major.minor.patch', async () => {
			await expect(setCurrentKioskVersion(test.db, 'latest', new Date())).rejects.toMatchObject({ status: 422 });
		});
	});
}
