import { istDayStart, istTimeOfDay } from './india-time';

/**
 * The payment day ends at midnight IST: a payment still waiting for money is cancelled before
 * then. From 23:55 IST no new payment starts, and the sweep cancels what is still open; a second
 * sweep at 23:58 catches any payment that was committing during the first.
 */
export const DAY_CLOSING_IST = { hours: 23, minutes: 55 } as const;
export const CLOSING_SWEEPS_IST = [DAY_CLOSING_IST, { hours: 23, minutes: 58 }] as const;

export function isDayClosing(now: Date): boolean {
	return now >= istTimeOfDay(now, DAY_CLOSING_IST.hours, DAY_CLOSING_IST.minutes);
}

/**
 * Open payments created before this instant are abandoned: during the closing minutes, all of
 * them; at any other time (a hub starting up), only those from earlier days.
 */
export function abandonmentCutoff(now: Date): Date {
	return isDayClosing(now) ? now : istDayStart(now);
}

/** When the next closing sweep is due, strictly after `now`. */
export function nextClosingSweepAt(now: Date): Date {
	const today = CLOSING_SWEEPS_IST.map(({ hours, minutes }) => istTimeOfDay(now, hours, minutes));
	const later = today.find((sweep) => sweep > now);
	if (later) return later;
	const tomorrow = new Date(istDayStart(now).getTime() + 24 * 60 * 60_000);
	const first = CLOSING_SWEEPS_IST[0];
	return istTimeOfDay(tomorrow, first.hours, first.minutes);
}
