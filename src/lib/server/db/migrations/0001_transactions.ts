import type { Kysely } from 'kysely';

// A migration is frozen once released, so it sees the schema as it was then, not today's
// `Database` type: Kysely's guide types it as `Kysely<any>`.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('department_services')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('name_en', 'text', (column) => column.notNull())
		.addColumn('name_hi', 'text', (column) => column.notNull())
		.addColumn('department_en', 'text', (column) => column.notNull())
		.addColumn('department_hi', 'text', (column) => column.notNull())
		.execute();

	await db.schema
		.createTable('emitra_transactions')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('service_id', 'text', (column) => column.notNull().references('department_services.id'))
		.addColumn('applicant_name', 'text', (column) => column.notNull())
		.addColumn('kiosk_code', 'text')
		.addColumn('submitted_at', 'text', (column) => column.notNull())
		.addColumn('status', 'text', (column) => column.notNull())
		.addColumn('status_updated_at', 'text', (column) => column.notNull())
		.execute();

	await db.schema.createIndex('emitra_transactions_status_idx').on('emitra_transactions').column('status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('emitra_transactions').execute();
	await db.schema.dropTable('department_services').execute();
}
