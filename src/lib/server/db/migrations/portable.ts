import { sql, SqliteAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

/*
 * The few places where SQLite and PostgreSQL need different DDL. Released migrations use these,
 * so change them only by adding: an edit here would change what an old migration does.
 */

export function isSqlite(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Starts a table with an auto-numbered primary key `id` that only the database assigns. */
export function withSerialId(db: Kysely<any>, table: CreateTableBuilder<string, never>): CreateTableBuilder<string, 'id'> {
	return isSqlite(db)
		? table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
		: table.addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity());
}

const REFUSE_CHANGE_FUNCTION = 'refuse_append_only_change';

/**
 * Rows of a ledger or audit table can be added, never changed or removed: the database itself
 * refuses, so no code path (nor a hand-typed statement) can rewrite the history of money.
 */
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
	if (isSqlite(db)) {
		for (const change of ['update', 'delete']) {
			await sql
				.raw(
					`create trigger ${table}_no_${change} before ${change} on ${table} ` +
						`begin select raise(abort, '${table} is append-only'); end`
				)
				.execute(db);
		}
		return;
	}
	await sql
		.raw(
			`create or replace function ${REFUSE_CHANGE_FUNCTION}() returns trigger language plpgsql as ` +
				`$$ begin raise exception '% is append-only', tg_table_name; end $$`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger ${table}_append_only before update or delete on ${table} ` +
				`for each row execute function ${REFUSE_CHANGE_FUNCTION}()`
		)
		.execute(db);
}

/** Undoes what `makeAppendOnly` left behind once its tables are dropped. */
export async function dropAppendOnlySupport(db: Kysely<any>): Promise<void> {
	if (!isSqlite(db)) await sql.raw(`drop function if exists ${REFUSE_CHANGE_FUNCTION}()`).execute(db);
}
