import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Migrator, NO_MIGRATIONS, sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	closeDatabase,
	createDatabase,
	databaseConfigFromEnv,
	engineOf,
	getDatabase,
	migrateToLatest,
	SQLITE_BUSY_TIMEOUT_MS
} from '$lib/server/db';
import { inCodeMigrationProvider, migrations } from '$lib/server/db/migrations';
import type { Database } from '$lib/server/db/schema';
import { DEMO_SERVICES, DEMO_TRANSACTIONS } from '$demo';
import { engines, openTestDatabase, type TestDatabase } from '$lib/server/db/testing/engines';

const LARGEST_EXACT_PAISE = Number.MAX_SAFE_INTEGER;

describe('databaseConfigFromEnv', () => {
	it('uses the SQLite file under data/ when nothing is set', () => {
		expect(databaseConfigFromEnv({})).toEqual({
			kind: 'sqlite',
			file: resolve('data/emitra.sqlite')
		});
	});

	it('resolves DATABASE_FILE against the working directory', () => {
		expect(databaseConfigFromEnv({ DATABASE_FILE: 'var/hub.sqlite' })).toEqual({
			kind: 'sqlite',
			file: resolve('var/hub.sqlite')
		});
	});

	it.each(['postgres://hub@db.example:5432/emitra', 'postgresql://hub@db.example/emitra'])(
		'uses PostgreSQL with a pool of 10 for %s',
		(url) => {
			expect(databaseConfigFromEnv({ DATABASE_URL: url, DATABASE_FILE: 'ignored.sqlite' })).toEqual({
				kind: 'postgres',
				url,
				poolSize: 10
			});
		}
	);

	it('takes the pool size from DATABASE_POOL_SIZE', () => {
		const config = databaseConfigFromEnv({
			DATABASE_URL: 'postgres://hub@db.example/emitra',
			DATABASE_POOL_SIZE: '25'
		});
		expect(config).toMatchObject({ kind: 'postgres', poolSize: 25 });
	});

	it.each(['0', '-3', '2.5', 'many'])('rejects a pool size of %j', (size) => {
		expect(() =>
			databaseConfigFromEnv({
				DATABASE_URL: 'postgres://hub@db.example/emitra',
				DATABASE_POOL_SIZE: size
			})
		).toThrow(/DATABASE_POOL_SIZE/);
	});

	it.each([
		['mysql://hub@db.example/emitra', /mysql:.*only speaks PostgreSQL/],
		['file:data/emitra.sqlite', /file:.*only speaks PostgreSQL/],
		['db.example:5432', /only speaks PostgreSQL|not a URL/],
		['not a url', /not a URL/]
	])('rejects DATABASE_URL %j', (url, message) => {
		expect(() => databaseConfigFromEnv({ DATABASE_URL: url })).toThrow(message);
	});

	it('treats an empty DATABASE_URL as unset', () => {
		expect(databaseConfigFromEnv({ DATABASE_URL: ' ' })).toMatchObject({ kind: 'sqlite' });
	});
});

describe('an SQLite hub database', () => {
	let folder: string;
	let db: Kysely<Database>;

	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'emitra-db-'));
		db = createDatabase({ kind: 'sqlite', file: join(folder, 'not', 'yet', 'there', 'hub.sqlite') });
	});

	afterEach(async () => {
		await db.destroy();
		rmSync(folder, { recursive: true, force: true });
	});

	it('is a WAL file synced in FULL, with foreign keys and a busy timeout', async () => {
		const pragma = async (name: string) => (await sql.raw(`pragma ${name}`).execute(db)).rows[0];
		expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
		expect(await pragma('synchronous')).toEqual({ synchronous: 2 });
		expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
		expect(await pragma('busy_timeout')).toEqual({ timeout: SQLITE_BUSY_TIMEOUT_MS });
	});

	it('names the migration that failed', async () => {
		await sql`create table department_services (id text primary key)`.execute(db);
		await expect(migrateToLatest(db)).rejects.toThrow(/migration 0001_transactions failed: .*department_services.*already exists/);
	});
});

describe.each(engines)('a hub database on %s', (engine) => {
	let test: TestDatabase;

	beforeEach(async () => {
		test = await openTestDatabase(engine);
	});

	afterEach(async () => {
		await test.close();
	});

	it('says which engine it is, but not from inside a transaction', async () => {
		expect(engineOf(test.db)).toBe(engine);
		await expect(test.db.transaction().execute(async (trx) => engineOf(trx))).rejects.toThrow(
			/only knows databases made by createDatabase/
		);
	});

	it('has every table, and migrating again applies nothing', async () => {
		const tables = (await test.db.introspection.getTables()).map((table) => table.name);
		expect(tables).toEqual(expect.arrayContaining(['department_services', 'emitra_transactions']));
		expect(await migrateToLatest(test.db)).toEqual([]);
	});

	it('rolls every migration back and applies them again', async () => {
		const migrator = new Migrator({ db: test.db, provider: inCodeMigrationProvider });
		const down = await migrator.migrateTo(NO_MIGRATIONS);
		expect(down.error).toBeUndefined();
		const tables = (await test.db.introspection.getTables()).map((table) => table.name);
		expect(tables).not.toContain('emitra_transactions');
		expect(tables).not.toContain('department_services');
		expect(await migrateToLatest(test.db)).toEqual(Object.keys(migrations).sort());
	});

	it('refuses a transaction for a service it does not know', async () => {
		const [demo] = DEMO_TRANSACTIONS;
		if (demo === undefined) throw new Error('no demo transaction');
		await expect(
			test.db
				.insertInto('emitra_transactions')
				.values({ ...demo, service_id: 'no-such-service' })
				.execute()
		).rejects.toThrow(/foreign key/i);
	});

	it('reads BIGINT and COUNT(*) as exact JS numbers', async () => {
		await test.db
			.insertInto('department_services')
			.values([...DEMO_SERVICES])
			.execute();
		const { rows } = await sql<{ paise: unknown; services: unknown }>`
			select
				cast(${sql.lit(LARGEST_EXACT_PAISE)} as bigint) as paise,
				(select count(*) from department_services) as services
		`.execute(test.db);
		expect(rows).toEqual([{ paise: LARGEST_EXACT_PAISE, services: DEMO_SERVICES.length }]);
	});

	it.runIf(engine === 'postgres')('refuses a BIGINT that a JS number would round', async () => {
		await expect(sql`select cast(${sql.lit('9007199254740993')} as bigint) as paise`.execute(test.db)).rejects.toThrow(
			/9007199254740993 does not fit a JavaScript number/
		);
	});
});

describe('getDatabase', () => {
	let folder: string;

	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'emitra-hub-'));
		vi.stubEnv('DATABASE_URL', undefined);
		vi.stubEnv('DATABASE_FILE', join(folder, 'hub.sqlite'));
		vi.stubEnv('DEMO_DATA', undefined);
	});

	afterEach(async () => {
		await closeDatabase();
		vi.unstubAllEnvs();
		rmSync(folder, { recursive: true, force: true });
	});

	const countTransactions = async (db: Kysely<Database>) =>
		(
			await db
				.selectFrom('emitra_transactions')
				.select((eb) => eb.fn.countAll<number>().as('count'))
				.executeTakeFirstOrThrow()
		).count;

	it('gives concurrent callers one migrated database with the demo data', async () => {
		const [first, second] = await Promise.all([getDatabase(), getDatabase()]);
		expect(second).toBe(first);
		expect(engineOf(first)).toBe('sqlite');
		expect(await countTransactions(first)).toBe(DEMO_TRANSACTIONS.length);
	});

	it.each(['0', 'false'])('leaves the demo data out when DEMO_DATA is %j', async (setting) => {
		vi.stubEnv('DEMO_DATA', setting);
		expect(await countTransactions(await getDatabase())).toBe(0);
	});

	it('opens a new database after closeDatabase and closes the old one', async () => {
		const closed = await getDatabase();
		await closeDatabase();
		const reopened = await getDatabase();
		expect(reopened).not.toBe(closed);
		await expect(countTransactions(closed)).rejects.toThrow();
		expect(await countTransactions(reopened)).toBe(DEMO_TRANSACTIONS.length);
	});

	it('tries again after a failed start-up', async () => {
		vi.stubEnv('DATABASE_URL', 'mysql://hub@db.example/emitra');
		await expect(getDatabase()).rejects.toThrow(/only speaks PostgreSQL/);
		vi.stubEnv('DATABASE_URL', undefined);
		expect(engineOf(await getDatabase())).toBe('sqlite');
	});
});
