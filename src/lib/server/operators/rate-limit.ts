import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Database } from '$lib/server/db/schema';

/** Guessing is slowed to a few tries per account and per place within this window. */
export const LOGIN_WINDOW_MINUTES = 15;
export const FAILURES_PER_ACCOUNT = 5;
export const FAILURES_PER_CLIENT = 20;

export interface LoginSubjects {
	/** What is being guessed: `sso:ID`, `pin:ID@K…`, `enrol`. */
	account: string;
	/** Where the guesses come from: a kiosk code or a client address. */
	client: string;
}

const windowStart = (now: Date) => new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();

/** Refuses with 429 while either subject has had too many failures in the window. */
export async function refuseWhileRateLimited(db: Kysely<Database>, subjects: LoginSubjects, now: Date): Promise<void> {
	const counts = await db
		.selectFrom('login_failures')
		.select(['subject', (eb) => eb.fn.countAll<number>().as('failures')])
		.where('subject', 'in', [`account:${subjects.account}`, `client:${subjects.client}`])
		.where('at', '>', windowStart(now))
		.groupBy('subject')
		.execute();
	const failures = (subject: string) => Number(counts.find((row) => row.subject === subject)?.failures ?? 0);
	if (
		failures(`account:${subjects.account}`) >= FAILURES_PER_ACCOUNT ||
		failures(`client:${subjects.client}`) >= FAILURES_PER_CLIENT
	) {
		throw new ApiError(429, 'too_many_attempts', `Too many failed attempts; wait ${LOGIN_WINDOW_MINUTES} minutes`);
	}
}

export async function recordLoginFailure(db: Kysely<Database>, subjects: LoginSubjects, now: Date): Promise<void> {
	await db
		.insertInto('login_failures')
		.values([
			{ subject: `account:${subjects.account}`, at: now.toISOString() },
			{ subject: `client:${subjects.client}`, at: now.toISOString() }
		])
		.execute();
	await db.deleteFrom('login_failures').where('at', '<', windowStart(now)).execute();
}
