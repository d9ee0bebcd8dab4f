import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Database } from '$lib/server/db/schema';

/**
 * Every limit the hub keeps, in one place. Each is counted per subject — the thing guessed at a
 * place (an SSO ID at one machine), or the client that asks (a kiosk, an IP address) — and never
 * under one global subject, so an outsider cannot lock everybody out by failing on purpose.
 */
export interface Limit {
	/** Prefix of the subject, e.g. `login` → `login:RAJESH@K1234567`. */
	name: string;
	/** How many hits a subject may make in any window of `windowSeconds`. */
	hits: number;
	windowSeconds: number;
	/** The refusal's code: a guess that must wait, or a client that asks too often. */
	code: 'too_many_attempts' | 'rate_limited';
}

const QUARTER_HOUR = 15 * 60;

const fromEnv = (value: string | undefined, fallback: number) => {
	const setting = Number(value);
	return Number.isSafeInteger(setting) && setting > 0 ? setting : fallback;
};

/** The limits, with the few a deployment may tune read from the environment. */
export function limitsFrom(env: Record<string, string | undefined>) {
	return {
		/** Passwords tried for one SSO ID at one place (a machine, or the programme office login). */
		loginPerAccount: { name: 'login', hits: 5, windowSeconds: QUARTER_HOUR, code: 'too_many_attempts' },
		/** Passwords tried from one machine or one address, whatever the SSO ID. */
		loginPerClient: { name: 'login-client', hits: 30, windowSeconds: QUARTER_HOUR, code: 'too_many_attempts' },
		/** Enrolment codes tried from one address (codes have 60 bits; this only slows a script). */
		enrolPerClient: { name: 'enrol', hits: 10, windowSeconds: QUARTER_HOUR, code: 'too_many_attempts' },
		/** A citizen's lookups per kiosk: a few a minute; a script trying IDs makes many. */
		lookupsPerKiosk: {
			name: 'lookup',
			hits: fromEnv(env.LOOKUP_RATE_LIMIT_PER_MINUTE, 60),
			windowSeconds: 60,
			code: 'rate_limited'
		},
		/**
		 * Anonymous endpoints per client address: receipt and document verification (anyone's
		 * phone scans the QR), the kiosk challenge and session. Phones behind a carrier's NAT
		 * share addresses, so the default is generous.
		 */
		publicPerClient: {
			name: 'public',
			hits: fromEnv(env.PUBLIC_RATE_LIMIT_PER_MINUTE, 120),
			windowSeconds: 60,
			code: 'rate_limited'
		}
	} as const satisfies Record<string, Limit>;
}

export type Limits = ReturnType<typeof limitsFrom>;

let configured: Limits | undefined;
/** The limits of this hub process (from `process.env`). */
export function hubLimits(): Limits {
	return (configured ??= limitsFrom(process.env));
}

const windowStartOf = (limit: Limit, at: number) => {
	const size = limit.windowSeconds * 1000;
	return new Date(Math.floor(at / size) * size).toISOString();
};

/**
 * Counts one hit for `key` under `limit` and refuses with 429 once the subject is past it.
 *
 * The hit is recorded before anything it guards is checked (a password, a PIN, a code), by one
 * atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING`: parallel requests each get their own
 * count, so no more than `limit.hits` of them ever pass. The count is a sliding window estimated
 * from two fixed ones (this window's hits plus the previous window's, weighted by how much of it
 * still overlaps), so a burst across a window boundary gets no double allowance.
 */
export async function spendHit(db: Kysely<Database>, limit: Limit, key: string, now: Date): Promise<void> {
	const subject = `${limit.name}:${key}`;
	const at = now.getTime();
	const windowStart = windowStartOf(limit, at);
	const previousStart = windowStartOf(limit, at - limit.windowSeconds * 1000);
	const { hits } = await db
		.insertInto('rate_counters')
		.values({ subject, window_start: windowStart, hits: 1 })
		.onConflict((conflict) =>
			conflict.columns(['subject', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_counters.hits', '+', 1) }))
		)
		.returning('hits')
		.executeTakeFirstOrThrow();
	const previous = await db
		.selectFrom('rate_counters')
		.select('hits')
		.where('subject', '=', subject)
		.where('window_start', '=', previousStart)
		.executeTakeFirst();
	const overlap = 1 - (at - Date.parse(windowStart)) / (limit.windowSeconds * 1000);
	const estimate = hits + Math.floor((previous?.hits ?? 0) * overlap);
	// The first hit of a window clears the subject's windows that can no longer count.
	if (hits === 1) {
		await db.deleteFrom('rate_counters').where('subject', '=', subject).where('window_start', '<', previousStart).execute();
	}
	if (estimate > limit.hits) {
		const wait = limit.windowSeconds >= 120 ? `${Math.round(limit.windowSeconds / 60)} minutes` : 'a minute';
		throw new ApiError(429, limit.code, `Too many requests; wait ${wait}`);
	}
}

/**
 * Gives back the hit `spendHit` took for a request that turned out right (a good password, a valid
 * enrolment code): an office that logs in all day is not slowed by its own successes, while a
 * guess still counted before it was checked.
 */
export async function refundHit(db: Kysely<Database>, limit: Limit, key: string, now: Date): Promise<void> {
	await db
		.updateTable('rate_counters')
		.set((eb) => ({ hits: eb('hits', '-', 1) }))
		.where('subject', '=', `${limit.name}:${key}`)
		.where('window_start', '=', windowStartOf(limit, now.getTime()))
		.where('hits', '>', 0)
		.execute();
}

/** After a right password: the account's earlier wrong ones at this place no longer count. */
export async function forgetHits(db: Kysely<Database>, limit: Limit, key: string): Promise<void> {
	await db.deleteFrom('rate_counters').where('subject', '=', `${limit.name}:${key}`).execute();
}
