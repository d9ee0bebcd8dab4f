import type { Kysely } from 'kysely';

/** Fleet-wide settings the programme office changes at run time, e.g. the current kiosk version. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('hub_settings')
		.addColumn('key', 'text', (column) => column.primaryKey())
		.addColumn('value', 'text', (column) => column.notNull())
		.addColumn('updated_at', 'text', (column) => column.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('hub_settings').execute();
}
