import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Kysely } from 'kysely';
import pg from 'pg';
import {
	createDatabase,
	DEFAULT_POOL_SIZE,
	migrateToLatest,
	type DatabaseEngine
} from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';

/** Every hub test runs once per engine: `describe.each(engines)('… on %s', (engine) => …)`. */
export const engines = ['sqlite', 'postgres'] as const satisfies readonly DatabaseEngine[];

export interface TestDatabase {
	db: Kysely<Database>;
	/** Destroys the connections and deletes the database. */
	close(): Promise<void>;
}

/**
 * A fresh, migrated, empty database. PostgreSQL is a new database on the server at
 * `TEST_DATABASE_URL` when that is set, else an in-process PGlite reached over a local socket.
 */
export async function openTestDatabase(engine: DatabaseEngine): Promise<TestDatabase> {
	const serverUrl = process.env.TEST_DATABASE_URL?.trim();
	const opened =
		engine === 'sqlite'
			? openSqliteFile()
			: serverUrl
				? await openPostgresServerDatabase(serverUrl)
				: await openPglite();
	try {
		await migrateToLatest(opened.db);
	} catch (error) {
		await opened.close();
		throw error;
	}
	return opened;
}

// A temporary file rather than :memory:, because WAL needs a file.
function openSqliteFile(): TestDatabase {
	const folder = mkdtempSync(join(tmpdir(), 'emitra-test-'));
	const db = createDatabase({ kind: 'sqlite', file: join(folder, 'hub.sqlite') });
	return {
		db,
		close: async () => {
			await db.destroy();
			rmSync(folder, { recursive: true, force: true });
		}
	};
}

async function openPostgresServerDatabase(serverUrl: string): Promise<TestDatabase> {
	const name = pg.escapeIdentifier(`emitra_test_${randomUUID().replaceAll('-', '')}`);
	await onServer(serverUrl, `create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name.slice(1, -1)}`;
	const db = createDatabase({ kind: 'postgres', url: url.href, poolSize: DEFAULT_POOL_SIZE });
	return {
		db,
		close: async () => {
			await db.destroy();
			await onServer(serverUrl, `drop database if exists ${name} with (force)`);
		}
	};
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

let migratedPgliteImage: Promise<Blob> | undefined;

async function openPglite(): Promise<TestDatabase> {
	migratedPgliteImage ??= makeMigratedPgliteImage();
	return servePglite(await PGlite.create({ loadDataDir: await migratedPgliteImage }));
}

// Creating a PGlite cluster from scratch takes seconds; loading a copy of a migrated one's data
// folder takes a fraction of that, which matters when every test wants a fresh database.
async function makeMigratedPgliteImage(): Promise<Blob> {
	const pglite = await PGlite.create();
	const served = await servePglite(pglite);
	try {
		await migrateToLatest(served.db);
		return await pglite.dumpDataDir('none');
	} finally {
		await served.close();
	}
}

// PGlite is one PostgreSQL session, so the pool holds exactly one connection.
async function servePglite(pglite: PGlite): Promise<TestDatabase> {
	const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0 });
	try {
		await server.start();
	} catch (error) {
		await pglite.close();
		throw error;
	}
	const db = createDatabase({
		kind: 'postgres',
		url: `postgres://postgres@${server.getServerConn()}/postgres`,
		poolSize: 1
	});
	return {
		db,
		close: async () => {
			await db.destroy();
			await server.stop();
			await pglite.close();
		}
	};
}
