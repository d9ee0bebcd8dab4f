import { sql, type Kysely, type SqlBool } from 'kysely';
import { dropAppendOnlySupport, makeAppendOnly, withSerialId } from './portable';

const APPEND_ONLY_TABLES = ['payment_audit', 'wallet_ledger', 'credit_ledger'];

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('payments')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('kiosk_code', 'text', (column) => column.notNull().references('kiosks.code'))
		.addColumn('operator_sso_id', 'text', (column) => column.notNull().references('operators.sso_id'))
		.addColumn('biller_id', 'text', (column) => column.notNull().references('billers.id'))
		.addColumn('identifier', 'text', (column) => column.notNull())
		.addColumn('bill_number', 'text', (column) => column.notNull())
		.addColumn('bill_date', 'text', (column) => column.notNull())
		.addColumn('due_date', 'text', (column) => column.notNull())
		.addColumn('consumer_name', 'text', (column) => column.notNull())
		.addColumn('citizen_mobile', 'text')
		.addColumn('citizen_email', 'text')
		.addColumn('language', 'text', (column) => column.notNull())
		.addColumn('mode', 'text', (column) => column.notNull())
		.addColumn('bill_amount_paise', 'bigint', (column) => column.notNull())
		.addColumn('credit_applied_paise', 'bigint', (column) => column.notNull())
		.addColumn('fee_paise', 'bigint', (column) => column.notNull())
		.addColumn('to_collect_paise', 'bigint', (column) => column.notNull())
		.addColumn('collected_paise', 'bigint', (column) => column.notNull())
		.addColumn('credited_paise', 'bigint', (column) => column.notNull())
		.addColumn('status', 'text', (column) => column.notNull())
		.addColumn('cancel_reason', 'text')
		.addColumn('decline_reason', 'text')
		.addColumn('instrument_masked', 'text')
		.addColumn('instrument_label', 'text')
		.addColumn('auth_code', 'text')
		.addColumn('rrn', 'text')
		.addColumn('gateway_session_id', 'text')
		.addColumn('otp_attempts_left', 'integer')
		.addColumn('otp_last_incorrect', 'integer', (column) => column.notNull())
		.addColumn('biller_reference', 'text')
		.addColumn('posting_attempts', 'integer', (column) => column.notNull())
		.addColumn('next_posting_at', 'text')
		.addColumn('last_posting_error', 'text')
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('updated_at', 'text', (column) => column.notNull())
		.addColumn('paid_at', 'text')
		.addColumn('posted_at', 'text')
		.addColumn('closed_at', 'text')
		.addCheckConstraint('payments_status', sql`status in ('created', 'awaiting_payment', 'paid', 'posted', 'cancelled', 'reversed')`)
		.addCheckConstraint('payments_mode', sql`mode in ('cash', 'card', 'cardOnline', 'aadhaar')`)
		.addCheckConstraint(
			'payments_amounts',
			sql`bill_amount_paise > 0 and credit_applied_paise >= 0 and credit_applied_paise <= bill_amount_paise
				and fee_paise >= 0 and to_collect_paise >= 0 and collected_paise >= 0 and credited_paise >= 0`
		)
		.execute();
	// A bill can have one live payment: a second kiosk (or a double tap) cannot pay it twice.
	await db.schema
		.createIndex('payments_one_live_per_bill')
		.on('payments')
		.columns(['biller_id', 'bill_number'])
		.unique()
		.where(sql<SqlBool>`status in ('created', 'awaiting_payment', 'paid', 'posted')`)
		.execute();
	await db.schema.createIndex('payments_status_idx').on('payments').columns(['status', 'created_at']).execute();
	await db.schema.createIndex('payments_kiosk_idx').on('payments').columns(['kiosk_code', 'created_at']).execute();

	await withSerialId(db, db.schema.createTable('payment_notes'))
		.addColumn('payment_id', 'text', (column) => column.notNull().references('payments.id'))
		.addColumn('value_paise', 'bigint', (column) => column.notNull())
		.addColumn('applied_to', 'text', (column) => column.notNull())
		.addColumn('received_at', 'text', (column) => column.notNull())
		.addCheckConstraint('payment_notes_value', sql`value_paise > 0`)
		.execute();
	await db.schema.createIndex('payment_notes_payment_idx').on('payment_notes').column('payment_id').execute();

	await withSerialId(db, db.schema.createTable('payment_audit'))
		.addColumn('payment_id', 'text', (column) => column.notNull().references('payments.id'))
		.addColumn('event', 'text', (column) => column.notNull())
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text')
		.addColumn('amount_paise', 'bigint')
		.addColumn('detail', 'text')
		.addColumn('at', 'text', (column) => column.notNull())
		.execute();
	await db.schema.createIndex('payment_audit_payment_idx').on('payment_audit').column('payment_id').execute();

	await db.schema
		.createTable('idempotency_keys')
		.addColumn('kiosk_code', 'text', (column) => column.notNull())
		.addColumn('key', 'text', (column) => column.notNull())
		.addColumn('request_hash', 'text', (column) => column.notNull())
		.addColumn('status', 'text', (column) => column.notNull())
		.addColumn('response_status', 'integer')
		.addColumn('response_body', 'text')
		.addColumn('lock_token', 'text', (column) => column.notNull())
		.addColumn('locked_at', 'text', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('completed_at', 'text')
		.addPrimaryKeyConstraint('idempotency_keys_pk', ['kiosk_code', 'key'])
		.addCheckConstraint('idempotency_keys_status', sql`status in ('in_flight', 'done')`)
		.execute();

	await db.schema
		.createTable('operator_wallets')
		.addColumn('operator_sso_id', 'text', (column) => column.primaryKey().references('operators.sso_id'))
		.addColumn('balance_paise', 'bigint', (column) => column.notNull())
		.addColumn('held_paise', 'bigint', (column) => column.notNull())
		.addColumn('updated_at', 'text', (column) => column.notNull())
		// The last line of defence: whatever the code does, a wallet never goes below zero.
		.addCheckConstraint('operator_wallets_balance', sql`held_paise >= 0 and balance_paise >= held_paise`)
		.execute();

	await withSerialId(db, db.schema.createTable('wallet_ledger'))
		.addColumn('operator_sso_id', 'text', (column) => column.notNull().references('operator_wallets.operator_sso_id'))
		.addColumn('kind', 'text', (column) => column.notNull())
		.addColumn('amount_paise', 'bigint', (column) => column.notNull())
		.addColumn('balance_after_paise', 'bigint', (column) => column.notNull())
		.addColumn('held_after_paise', 'bigint', (column) => column.notNull())
		.addColumn('payment_id', 'text', (column) => column.references('payments.id'))
		.addColumn('at', 'text', (column) => column.notNull())
		.addCheckConstraint('wallet_ledger_kind', sql`kind in ('top_up', 'hold', 'release', 'debit')`)
		.addCheckConstraint('wallet_ledger_amount', sql`amount_paise > 0`)
		.execute();
	await db.schema.createIndex('wallet_ledger_operator_idx').on('wallet_ledger').column('operator_sso_id').execute();

	await db.schema
		.createTable('credit_accounts')
		.addColumn('biller_id', 'text', (column) => column.notNull().references('billers.id'))
		.addColumn('identifier', 'text', (column) => column.notNull())
		.addColumn('balance_paise', 'bigint', (column) => column.notNull())
		.addColumn('updated_at', 'text', (column) => column.notNull())
		.addPrimaryKeyConstraint('credit_accounts_pk', ['biller_id', 'identifier'])
		.addCheckConstraint('credit_accounts_balance', sql`balance_paise >= 0`)
		.execute();

	await withSerialId(db, db.schema.createTable('credit_ledger'))
		.addColumn('biller_id', 'text', (column) => column.notNull())
		.addColumn('identifier', 'text', (column) => column.notNull())
		.addColumn('kind', 'text', (column) => column.notNull())
		.addColumn('amount_paise', 'bigint', (column) => column.notNull())
		.addColumn('balance_after_paise', 'bigint', (column) => column.notNull())
		.addColumn('payment_id', 'text', (column) => column.notNull().references('payments.id'))
		.addColumn('at', 'text', (column) => column.notNull())
		.addForeignKeyConstraint('credit_ledger_account', ['biller_id', 'identifier'], 'credit_accounts', ['biller_id', 'identifier'])
		.addCheckConstraint('credit_ledger_amount', sql`amount_paise > 0`)
		.execute();
	await db.schema.createIndex('credit_ledger_account_idx').on('credit_ledger').columns(['biller_id', 'identifier']).execute();

	await db.schema
		.createTable('vouchers')
		.addColumn('code', 'text', (column) => column.primaryKey())
		.addColumn('payment_id', 'text', (column) => column.notNull().references('payments.id'))
		.addColumn('biller_id', 'text', (column) => column.notNull())
		.addColumn('identifier', 'text', (column) => column.notNull())
		.addColumn('amount_paise', 'bigint', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addCheckConstraint('vouchers_amount', sql`amount_paise > 0`)
		.execute();
	await db.schema.createIndex('vouchers_payment_idx').on('vouchers').column('payment_id').execute();

	await db.schema
		.createTable('reversals')
		.addColumn('payment_id', 'text', (column) => column.primaryKey().references('payments.id'))
		.addColumn('amount_paise', 'bigint', (column) => column.notNull())
		.addColumn('reason', 'text', (column) => column.notNull())
		.addColumn('expected_by', 'text', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.execute();

	await db.schema
		.createTable('reference_card_sessions')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('payment_reference', 'text', (column) => column.notNull())
		.addColumn('masked_pan', 'text', (column) => column.notNull())
		.addColumn('amount_paise', 'bigint', (column) => column.notNull())
		.addColumn('decline_reason', 'text')
		.addColumn('attempts_left', 'integer', (column) => column.notNull())
		.addColumn('status', 'text', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.execute();

	await withSerialId(db, db.schema.createTable('sms_outbox'))
		.addColumn('mobile', 'text', (column) => column.notNull())
		.addColumn('language', 'text', (column) => column.notNull())
		.addColumn('body', 'text', (column) => column.notNull())
		.addColumn('payment_id', 'text', (column) => column.references('payments.id'))
		.addColumn('created_at', 'text', (column) => column.notNull())
		.execute();
	await db.schema.createIndex('sms_outbox_payment_idx').on('sms_outbox').column('payment_id').execute();

	for (const table of APPEND_ONLY_TABLES) await makeAppendOnly(db, table);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'sms_outbox',
		'reference_card_sessions',
		'reversals',
		'vouchers',
		'credit_ledger',
		'credit_accounts',
		'wallet_ledger',
		'operator_wallets',
		'idempotency_keys',
		'payment_audit',
		'payment_notes',
		'payments'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await dropAppendOnlySupport(db);
}
