import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Database } from '$lib/server/db/schema';

/**
 * Department lookups per kiosk per minute. A citizen at a kiosk makes a few; a script trying
 * transaction IDs or Jan Aadhaar numbers makes many. Counted in the database, so every hub
 * process shares one count.
 */
export const DEFAULT_LOOKUPS_PER_MINUTE = 60;

export function lookupsPerMinuteFromEnv(env: Record<string, string | undefined>): number {
	const setting = Number(env.LOOKUP_RATE_LIMIT_PER_MINUTE);
	return Number.isSafeInteger(setting) && setting > 0 ? setting : DEFAULT_LOOKUPS_PER_MINUTE;
}

const minuteOf = (now: Date) => `${now.toISOString().slice(0, 16)}:00.000Z`;

/** Counts one lookup for the kiosk; a 429 once it is past its limit for this minute. */
export async function countLookup(db: Kysely<Database>, kioskCode: string, limit: number, now: Date): Promise<void> {
	const windowStart = minuteOf(now);
	const { lookups } = await db
		.insertInto('lookup_rate_windows')
		.values({ kiosk_code: kioskCode, window_start: windowStart, lookups: 1 })
		.onConflict((conflict) =>
			conflict.columns(['kiosk_code', 'window_start']).doUpdateSet((eb) => ({
				lookups: eb('lookup_rate_windows.lookups', '+', 1)
			}))
		)
		.returning('lookups')
		.executeTakeFirstOrThrow();
	if (lookups > limit) {
		throw new ApiError(429, 'rate_limited', `Kiosk ${kioskCode} made more than ${limit} lookups this minute`);
	}
	// Old windows are of no use; one kiosk's earlier minutes go as it makes new lookups.
	if (lookups === 1) {
		await db
			.deleteFrom('lookup_rate_windows')
			.where('kiosk_code', '=', kioskCode)
			.where('window_start', '<', windowStart)
			.execute();
	}
}
