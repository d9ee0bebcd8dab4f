import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase, DEFAULT_POOL_SIZE, migrateToLatest, type DatabaseEngine } from '$lib/server/db';
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
	const opened = engine === 'sqlite' ? openSqliteFile() : serverUrl ? await openPostgresServerDatabase(serverUrl) : await openPglite();
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
	migratedPgliteImage ??= cachedMigratedPgliteImage();
	return servePglite(await PGlite.create({ loadDataDir: await migratedPgliteImage }));
}

// Creating a PGlite cluster from scratch (initdb) and migrating it takes seconds; loading a copy
// of a migrated one's data folder takes a fraction of that, which matters when every test wants
// a fresh database. Vitest runs each test file in a new process, so the copy is kept on disk,
// named by a hash of everything that shapes it: the migrations, the migrator (../index.ts), this
// file, and the PGlite and Kysely versions. A change to any of them names a new file, so a stale
// copy is never loaded; the old one is deleted.
const projectRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const imageFolder = join(projectRoot, 'node_modules/.cache/emitra-pglite');
const migrationsFolder = new URL('../migrations/', import.meta.url);
const imageInputs = [
	...readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' })
		.sort()
		.map((name) => fileURLToPath(new URL(name, migrationsFolder))),
	fileURLToPath(new URL('../index.ts', import.meta.url)),
	fileURLToPath(import.meta.url),
	join(projectRoot, 'node_modules/@electric-sql/pglite/package.json'),
	join(projectRoot, 'node_modules/kysely/package.json')
];

async function cachedMigratedPgliteImage(): Promise<Blob> {
	const hash = createHash('sha256');
	for (const input of imageInputs) {
		if (statSync(input).isFile()) hash.update(`${input}\0`).update(readFileSync(input));
	}
	const file = join(imageFolder, `migrated-${hash.digest('hex').slice(0, 16)}.tar`);
	try {
		return new Blob([readFileSync(file)]);
	} catch {
		// Not built yet (or just replaced by a run on other migrations).
	}
	const image = await makeMigratedPgliteImage();
	try {
		mkdirSync(imageFolder, { recursive: true });
		// A unique name, then rename: a concurrent test process never reads half a file.
		const partial = `${file}.${randomUUID()}.partial`;
		writeFileSync(partial, new Uint8Array(await image.arrayBuffer()));
		renameSync(partial, file);
		for (const name of readdirSync(imageFolder)) {
			if (join(imageFolder, name) !== file) rmSync(join(imageFolder, name), { force: true });
		}
	} catch (error) {
		// Only speed is lost: the next test file builds its own copy.
		console.warn(`[test db] could not keep the PGlite image in ${imageFolder}: ${error}`);
	}
	return image;
}

async function makeMigratedPgliteImage(): Promise<Blob> {
	// 1 MB WAL segments rather than 16 MB make a smaller copy, quicker to load; no test depends
	// on the segment size (a real server can be set up either way).
	const pglite = await PGlite.create({ initDbStartParams: ['--wal-segsize=1'] });
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
