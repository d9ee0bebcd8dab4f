/**
 * The hub's calendar is Rajasthan's: Asia/Kolkata, UTC+05:30 all year (India has had no
 * daylight saving since 1945), so plain offset arithmetic is exact and needs no time-zone data.
 */
const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** The IST calendar date of an instant, `YYYY-MM-DD`. */
export function istDate(instant: Date): string {
	return new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the IST day containing `instant` began (00:00 IST). */
export function istDayStart(instant: Date): Date {
	const shifted = instant.getTime() + IST_OFFSET_MS;
	return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - IST_OFFSET_MS);
}

/** The instant at `hours:minutes` IST on the IST day containing `instant`. */
export function istTimeOfDay(instant: Date, hours: number, minutes: number): Date {
	return new Date(istDayStart(instant).getTime() + (hours * 60 + minutes) * 60_000);
}

/** A calendar date some days later, `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
