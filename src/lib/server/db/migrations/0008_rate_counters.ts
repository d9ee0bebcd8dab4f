import type { Kysely } from 'kysely';
import { withSerialId } from './portable';

/**
 * One table for every limit the hub keeps (login and PIN guesses, enrolment codes, lookups per
 * kiosk, public endpoints per client address): a counter per subject per time window, raised
 * atomically by `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so parallel requests each see their
 * own count. It replaces `login_failures` (check-then-record, which parallel guesses slipped
 * through) and `lookup_rate_windows` (the same counter, for lookups only).
 *
 * And `kiosk_challenges` loses its reference to `kiosks`: the hub now gives a nonce for any
 * well-formed kiosk code, known or not, so the challenge tells an outsider nothing. Nonces live a
 * minute, so the table is made anew rather than copied.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('rate_counters')
		.addColumn('subject', 'text', (column) => column.notNull())
		.addColumn('window_start', 'text', (column) => column.notNull())
		.addColumn('hits', 'integer', (column) => column.notNull())
		.addPrimaryKeyConstraint('rate_counters_pk', ['subject', 'window_start'])
		.execute();
	await db.schema.dropTable('login_failures').execute();
	await db.schema.dropTable('lookup_rate_windows').execute();
	await db.schema.dropTable('kiosk_challenges').execute();
	await createChallenges(db, false);
}

async function createChallenges(db: Kysely<any>, referencesKiosks: boolean): Promise<void> {
	await db.schema
		.createTable('kiosk_challenges')
		.addColumn('nonce', 'text', (column) => column.primaryKey())
		.addColumn('kiosk_code', 'text', (column) => (referencesKiosks ? column.notNull().references('kiosks.code') : column.notNull()))
		.addColumn('expires_at', 'text', (column) => column.notNull())
		.addColumn('used_at', 'text')
		.execute();
}

/** Back to the two tables as 0005 and 0006 made them (empty: counts within a window are not kept). */
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('rate_counters').execute();
	await db.schema.dropTable('kiosk_challenges').execute();
	await createChallenges(db, true);
	await withSerialId(db, db.schema.createTable('login_failures'))
		.addColumn('subject', 'text', (column) => column.notNull())
		.addColumn('at', 'text', (column) => column.notNull())
		.execute();
	await db.schema.createIndex('login_failures_subject_at').on('login_failures').columns(['subject', 'at']).execute();
	await db.schema
		.createTable('lookup_rate_windows')
		.addColumn('kiosk_code', 'text', (column) => column.notNull())
		.addColumn('window_start', 'text', (column) => column.notNull())
		.addColumn('lookups', 'integer', (column) => column.notNull())
		.addPrimaryKeyConstraint('lookup_rate_windows_pk', ['kiosk_code', 'window_start'])
		.execute();
}
