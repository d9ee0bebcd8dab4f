import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { hubLimits, spendHit } from '$lib/server/limits';

/**
 * Counts one citizen lookup for the kiosk; a 429 `rate_limited` once it is past `perMinute`
 * (the hub's `lookupsPerKiosk` limit; tests pass a small one). Counted in the database, so every
 * hub process shares one count.
 */
export async function countLookup(db: Kysely<Database>, kioskCode: string, perMinute: number, now: Date): Promise<void> {
	await spendHit(db, { ...hubLimits().lookupsPerKiosk, hits: perMinute }, kioskCode, now);
}
