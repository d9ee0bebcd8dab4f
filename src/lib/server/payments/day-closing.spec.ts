import { describe, expect, it } from 'vitest';
import { abandonmentCutoff, isDayClosing, nextClosingSweepAt } from './day-closing';
import { addDays, istDate, istDayStart } from './india-time';

// 22 Nov 2026 IST runs from 21 Nov 18:30 UTC to 22 Nov 18:30 UTC.
const at = (utc: string) => new Date(utc);

describe('the IST calendar', () => {
	it.each([
		['2026-11-21T18:29:59.999Z', '2026-11-21'],
		['2026-11-21T18:30:00.000Z', '2026-11-22'],
		['2026-11-22T18:29:00.000Z', '2026-11-22'],
		['2026-12-31T18:31:00.000Z', '2027-01-01']
	])('%s is on %s in Rajasthan', (instant, date) => {
		expect(istDate(at(instant))).toBe(date);
	});

	it('finds the midnight that began the day', () => {
		expect(istDayStart(at('2026-11-22T06:00:00.000Z')).toISOString()).toBe('2026-11-21T18:30:00.000Z');
		expect(istDayStart(at('2026-11-21T18:30:00.000Z')).toISOString()).toBe('2026-11-21T18:30:00.000Z');
	});

	it('counts days across months', () => {
		expect(addDays('2026-11-28', 5)).toBe('2026-12-03');
	});
});

describe('the end of the payment day', () => {
	it('closes at 23:55 IST and reopens at midnight', () => {
		expect(isDayClosing(at('2026-11-22T18:24:59.000Z'))).toBe(false); // 23:54:59 IST
		expect(isDayClosing(at('2026-11-22T18:25:00.000Z'))).toBe(true); // 23:55 IST
		expect(isDayClosing(at('2026-11-22T18:29:00.000Z'))).toBe(true); // 23:59 IST
		expect(isDayClosing(at('2026-11-22T18:31:00.000Z'))).toBe(false); // 00:01 IST the next day
	});

	it('abandons today’s open payments only in the closing minutes, earlier days’ at any time', () => {
		expect(abandonmentCutoff(at('2026-11-22T18:29:00.000Z')).toISOString()).toBe('2026-11-22T18:29:00.000Z');
		expect(abandonmentCutoff(at('2026-11-22T18:31:00.000Z')).toISOString()).toBe('2026-11-22T18:30:00.000Z');
		expect(abandonmentCutoff(at('2026-11-22T06:00:00.000Z')).toISOString()).toBe('2026-11-21T18:30:00.000Z');
	});

	it('sweeps at 23:55 and 23:58 IST every day', () => {
		expect(nextClosingSweepAt(at('2026-11-22T06:00:00.000Z')).toISOString()).toBe('2026-11-22T18:25:00.000Z');
		expect(nextClosingSweepAt(at('2026-11-22T18:25:00.000Z')).toISOString()).toBe('2026-11-22T18:28:00.000Z');
		expect(nextClosingSweepAt(at('2026-11-22T18:28:00.000Z')).toISOString()).toBe('2026-11-23T18:25:00.000Z');
	});
});
