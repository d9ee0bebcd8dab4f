import type { Kysely } from 'kysely';
import { makeAppendOnly, withSerialId } from './portable';

/**
 * Machines prove themselves with a key, operators log in with a password, and every change an
 * administrator, operator or kiosk makes is kept in an append-only audit log.
 */
export async function up(db: Kysely<any>): Promise<void> {
	// Null until the operator has a password (an account the programme office is still setting up).
	await db.schema.alterTable('operators').addColumn('password_hash', 'text').execute();

	await db.schema
		.createTable('kiosk_enrolment_codes')
		.addColumn('code_hash', 'text', (column) => column.primaryKey())
		.addColumn('kiosk_code', 'text', (column) => column.notNull().references('kiosks.code'))
		.addColumn('issued_by', 'text', (column) => column.notNull())
		.addColumn('issued_at', 'text', (column) => column.notNull())
		.addColumn('expires_at', 'text', (column) => column.notNull())
		.addColumn('used_at', 'text')
		.execute();

	// One public key per machine; enrolling again (a new code) replaces it.
	await db.schema
		.createTable('kiosk_keys')
		.addColumn('kiosk_code', 'text', (column) => column.primaryKey().references('kiosks.code'))
		.addColumn('public_key_jwk', 'text', (column) => column.notNull())
		.addColumn('enrolled_at', 'text', (column) => column.notNull())
		.execute();

	await db.schema
		.createTable('kiosk_challenges')
		.addColumn('nonce', 'text', (column) => column.primaryKey())
		.addColumn('kiosk_code', 'text', (column) => column.notNull().references('kiosks.code'))
		.addColumn('expires_at', 'text', (column) => column.notNull())
		.addColumn('used_at', 'text')
		.execute();

	await db.schema
		.createTable('kiosk_sessions')
		.addColumn('token_hash', 'text', (column) => column.primaryKey())
		.addColumn('kiosk_code', 'text', (column) => column.notNull().references('kiosks.code'))
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('expires_at', 'text', (column) => column.notNull())
		.execute();

	// The latest heartbeat of each machine: what the programme office's fleet health reads.
	await db.schema
		.createTable('kiosk_heartbeats')
		.addColumn('kiosk_code', 'text', (column) => column.primaryKey().references('kiosks.code'))
		.addColumn('received_at', 'text', (column) => column.notNull())
		.addColumn('software_version', 'text', (column) => column.notNull())
		.addColumn('devices', 'text', (column) => column.notNull())
		.addColumn('queued_payments', 'integer', (column) => column.notNull())
		.addColumn('oldest_queued_at', 'text')
		.addColumn('dead_letter_payments', 'integer', (column) => column.notNull())
		.addColumn('last_transaction_at', 'text')
		.execute();

	await db.schema
		.createTable('operator_sessions')
		.addColumn('token_hash', 'text', (column) => column.primaryKey())
		.addColumn('operator_sso_id', 'text', (column) => column.notNull().references('operators.sso_id'))
		// The machine an operator session is bound to; null for the programme office's sessions.
		.addColumn('kiosk_code', 'text', (column) => column.references('kiosks.code'))
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('expires_at', 'text', (column) => column.notNull())
		.addColumn('locked', 'integer', (column) => column.notNull().defaultTo(0))
		.addColumn('pin_failures', 'integer', (column) => column.notNull().defaultTo(0))
		.addColumn('ended_at', 'text')
		.execute();

	await db.schema
		.createTable('operator_pins')
		.addColumn('operator_sso_id', 'text', (column) => column.notNull().references('operators.sso_id'))
		.addColumn('kiosk_code', 'text', (column) => column.notNull().references('kiosks.code'))
		.addColumn('pin_hash', 'text', (column) => column.notNull())
		.addColumn('set_at', 'text', (column) => column.notNull())
		.addPrimaryKeyConstraint('operator_pins_pk', ['operator_sso_id', 'kiosk_code'])
		.execute();

	// Failed logins, by what was attacked (an SSO ID, a client address): the rate limit counts them.
	await withSerialId(db, db.schema.createTable('login_failures'))
		.addColumn('subject', 'text', (column) => column.notNull())
		.addColumn('at', 'text', (column) => column.notNull())
		.execute();
	await db.schema.createIndex('login_failures_subject_at').on('login_failures').columns(['subject', 'at']).execute();

	await withSerialId(db, db.schema.createTable('cash_box_emptyings'))
		.addColumn('kiosk_code', 'text', (column) => column.notNull().references('kiosks.code'))
		.addColumn('operator_sso_id', 'text', (column) => column.notNull().references('operators.sso_id'))
		.addColumn('notes', 'integer', (column) => column.notNull())
		.addColumn('amount_paise', 'bigint', (column) => column.notNull())
		.addColumn('emptied_at', 'text', (column) => column.notNull())
		.execute();
	await makeAppendOnly(db, 'cash_box_emptyings');

	await withSerialId(db, db.schema.createTable('audit_log'))
		.addColumn('at', 'text', (column) => column.notNull())
		// An SSO ID, `kiosk:K1234567` or `system`.
		.addColumn('actor', 'text', (column) => column.notNull())
		.addColumn('action', 'text', (column) => column.notNull())
		.addColumn('kiosk_code', 'text')
		.addColumn('detail', 'text')
		.execute();
	await makeAppendOnly(db, 'audit_log');
	await db.schema.createIndex('audit_log_kiosk').on('audit_log').columns(['kiosk_code', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'audit_log',
		'cash_box_emptyings',
		'login_failures',
		'operator_pins',
		'operator_sessions',
		'kiosk_heartbeats',
		'kiosk_sessions',
		'kiosk_challenges',
		'kiosk_keys',
		'kiosk_enrolment_codes'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema.alterTable('operators').dropColumn('password_hash').execute();
}
