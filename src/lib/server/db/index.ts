import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import pg from 'pg';
import { inCodeMigrationProvider } from './migrations';
import type { Database } from './schema';

export type DatabaseEngine = 'sqlite' | 'postgres';

export type DatabaseConfig = { kind: 'postgres'; url: string; poolSize: number } | { kind: 'sqlite'; file: string };

export const DEFAULT_DATABASE_FILE = 'data/emitra.sqlite';
export const DEFAULT_POOL_SIZE = 10;
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

type Env = Record<string, string | undefined>;

/**
 * PostgreSQL when `DATABASE_URL` is set (pool size from `DATABASE_POOL_SIZE`), otherwise the
 * embedded SQLite file at `DATABASE_FILE`, resolved against the working directory.
 */
export function databaseConfigFromEnv(env: Env): DatabaseConfig {
	const url = env.DATABASE_URL?.trim();
	if (url) {
		return {
			kind: 'postgres',
			url: postgresUrl(url),
			poolSize: poolSizeFrom(env.DATABASE_POOL_SIZE)
		};
	}
	return { kind: 'sqlite', file: resolve(env.DATABASE_FILE?.trim() || DEFAULT_DATABASE_FILE) };
}

function postgresUrl(url: string): string {
	let protocol: string;
	try {
		protocol = new URL(url).protocol;
	} catch {
		throw new Error('DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database');
	}
	if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
		throw new Error(
			`DATABASE_URL uses ${protocol}// but the hub only speaks PostgreSQL ` +
				'(postgres:// or postgresql://); unset it to use the embedded SQLite file'
		);
	}
	return url;
}

function poolSizeFrom(value: string | undefined): number {
	if (value === undefined || value.trim() === '') return DEFAULT_POOL_SIZE;
	const size = Number(value);
	if (!Number.isInteger(size) || size < 1) {
		throw new Error(`DATABASE_POOL_SIZE must be a whole number of connections, not "${value}"`);
	}
	return size;
}

// Kysely cannot tell which dialect an instance uses (by design), so remember it here.
const engineByDatabase = new WeakMap<Kysely<Database>, DatabaseEngine>();

export function createDatabase(config: DatabaseConfig): Kysely<Database> {
	const dialect = config.kind === 'sqlite' ? sqliteDialect(config.file) : postgresDialect(config.url, config.poolSize);
	const db = new Kysely<Database>({ dialect });
	engineByDatabase.set(db, config.kind);
	return db;
}

/**
 * The engine behind a database made by `createDatabase`. A transaction is a different instance:
 * ask before it starts.
 */
export function engineOf(db: Kysely<Database>): DatabaseEngine {
	const engine = engineByDatabase.get(db);
	if (engine === undefined) {
		throw new Error('engineOf() only knows databases made by createDatabase(), ' + 'not transactions or plugin copies of them');
	}
	return engine;
}

function sqliteDialect(file: string): Dialect {
	mkdirSync(dirname(file), { recursive: true });
	const connection = new SqliteDatabase(file);
	// FULL syncs the write-ahead log at every commit, so a paid transaction survives a power
	// cut; WAL lets other processes (a backup, a report) read without blocking the hub.
	connection.pragma('journal_mode = WAL');
	connection.pragma('synchronous = FULL');
	connection.pragma('foreign_keys = ON');
	connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
	return new SqliteDialect({ database: connection });
}

function postgresDialect(url: string, poolSize: number): Dialect {
	const pool = new pg.Pool({ connectionString: url, max: poolSize, types: int8AsNumber });
	// pg re-emits the failure of an idle connection (server restart, failover, a dropped database)
	// on the pool, and an 'error' event nobody listens to would end the process. The pool opens a
	// new connection when one is needed; while it is closing, such failures are expected.
	pool.on('error', (error) => {
		if (!pool.ending) console.error(`[db] an idle PostgreSQL connection failed: ${error.message}`);
	});
	return new PostgresDialect({ pool });
}

// BIGINT holds paise and COUNT(*); pg returns it as a string unless told otherwise. The parser
// is set on this pool only, so other pg users in the process keep pg's defaults.
const int8AsNumber: pg.CustomTypesConfig = {
	getTypeParser: (oid, format) => (oid === pg.types.builtins.INT8 ? parseInt8 : pg.types.getTypeParser(oid, format))
};

function parseInt8(text: string): number {
	const value = Number(text);
	if (!Number.isSafeInteger(value)) {
		throw new RangeError(`BIGINT ${text} does not fit a JavaScript number without rounding`);
	}
	return value;
}

/** Applies every pending migration; returns the names applied, in order. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	const migrator = new Migrator({ db, provider: inCodeMigrationProvider });
	const { error, results = [] } = await migrator.migrateToLatest();
	if (error !== undefined) {
		const failed = results.find((result) => result.status === 'Error');
		const which = failed ? `migration ${failed.migrationName}` : 'migration set-up';
		throw new Error(`Database ${which} failed: ${messageOf(error)}`, { cause: error });
	}
	return results.map((result) => result.migrationName);
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

let hubDatabase: Promise<Kysely<Database>> | undefined;

/** Work on the freshly migrated database before anyone is answered (the start-up hook's demo seed). */
export type DatabasePreparation = (db: Kysely<Database>, env: Env) => Promise<void>;
let preparation: DatabasePreparation | undefined;

/**
 * Sets what `getDatabase` does after migrating: the start-up hook (hooks.server.ts) seeds the demo
 * data here, so this folder depends on nothing above it.
 */
export function prepareHubDatabaseWith(step: DatabasePreparation): void {
	preparation = step;
}

/**
 * The hub's database from `process.env`, migrated and prepared (`prepareHubDatabaseWith`).
 * Concurrent first callers share one start-up; a failed start-up is retried by the next call.
 */
export function getDatabase(): Promise<Kysely<Database>> {
	if (hubDatabase === undefined) {
		const opening = openHubDatabase(process.env);
		hubDatabase = opening;
		opening.catch(() => {
			if (hubDatabase === opening) hubDatabase = undefined;
		});
	}
	return hubDatabase;
}

async function openHubDatabase(env: Env): Promise<Kysely<Database>> {
	const db = createDatabase(databaseConfigFromEnv(env));
	try {
		await migrateToLatest(db);
		await preparation?.(db, env);
		return db;
	} catch (error) {
		await db.destroy();
		throw error;
	}
}

export async function closeDatabase(): Promise<void> {
	const opening = hubDatabase;
	hubDatabase = undefined;
	// A start-up that failed has already released its connections.
	const db = await opening?.catch(() => undefined);
	await db?.destroy();
}
