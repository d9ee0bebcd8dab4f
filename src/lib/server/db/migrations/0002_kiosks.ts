import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('kiosks')
		.addColumn('code', 'text', (column) => column.primaryKey())
		.addColumn('serial', 'text', (column) => column.notNull().unique())
		.addColumn('vendor', 'text', (column) => column.notNull())
		.addColumn('district', 'text', (column) => column.notNull())
		.addColumn('place', 'text', (column) => column.notNull())
		.addColumn('kind', 'text', (column) => column.notNull())
		.addColumn('software_version', 'text', (column) => column.notNull())
		.addColumn('status', 'text', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addCheckConstraint('kiosks_status', sql`status in ('active', 'revoked')`)
		.execute();

	await db.schema
		.createTable('operators')
		.addColumn('sso_id', 'text', (column) => column.primaryKey())
		.addColumn('name', 'text', (column) => column.notNull())
		.addColumn('role', 'text', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.execute();

	// One operator per machine (the primary key) and one machine per operator (unique).
	await db.schema
		.createTable('kiosk_operators')
		.addColumn('kiosk_code', 'text', (column) => column.primaryKey().references('kiosks.code'))
		.addColumn('operator_sso_id', 'text', (column) => column.notNull().unique().references('operators.sso_id'))
		.addColumn('mapped_at', 'text', (column) => column.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('kiosk_operators').execute();
	await db.schema.dropTable('operators').execute();
	await db.schema.dropTable('kiosks').execute();
}
