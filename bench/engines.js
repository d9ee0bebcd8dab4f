// The databases the bench runs the hub on, each fresh and removed afterwards, and the bench's own
// access to them.
//
// Coupling, on purpose: the hub has no API that makes bills (a biller's system does), and the demo
// data holds a few dozen, so the bench writes its own unpaid bills straight into the reference
// biller's tables (`reference_consumers`, `reference_bills`: src/lib/server/db/migrations/
// 0003_billers.ts) with the engine's driver, after the hub has migrated the database. Afterwards it
// counts rows of `payments`, `reference_bills` and `reference_postings` (0004_payments.ts) and the
// operator's wallet to check what the hub did. A change to those tables must be made here too.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { processCpuSeconds } from './cpu.js';

/**
 * @typedef {{ billerId: string, identifier: string, consumerName: string, billNumber: string,
 *   billDate: string, dueDate: string, amountPaise: number }} BenchBill
 * @typedef {{ payments: number, posted: number, billsPaid: number, postings: number }} Outcome
 * @typedef {{ balancePaise: number, heldPaise: number }} Wallet
 * @typedef {Map<number, number>} CpuByProcess CPU seconds used so far by each database process
 * @typedef {{
 *   addBills(bills: BenchBill[]): Promise<void>,
 *   outcome(billerId: string, billNumberPrefix: string): Promise<Outcome>,
 *   wallet(kioskCode: string): Promise<Wallet>,
 *   databaseCpu(): Promise<CpuByProcess | undefined>,
 *   close(): Promise<void>
 * }} BenchAccess
 * @typedef {{
 *   label: string,
 *   detail: string,
 *   hubEnv: Record<string, string>,
 *   connect(): Promise<BenchAccess>,
 *   close(): Promise<void>
 * }} Engine
 */

// Portable SQL; the placeholders are written per driver.
const OUTCOME_SQL = `select
	(select cast(count(*) as integer) from payments where biller_id = $1 and bill_number like $2) as payments,
	(select cast(count(*) as integer) from payments where biller_id = $1 and bill_number like $2 and status = 'posted') as posted,
	(select cast(count(*) as integer) from reference_bills where biller_id = $1 and bill_number like $2 and paid_at is not null) as "billsPaid",
	(select cast(count(*) as integer) from reference_postings where biller_id = $1 and bill_number like $2 and reversed_at is null) as postings`;
const WALLET_SQL = `select cast(wallet.balance_paise as integer) as "balancePaise", cast(wallet.held_paise as integer) as "heldPaise"
	from operator_wallets wallet
	join kiosk_operators mapping on mapping.operator_sso_id = wallet.operator_sso_id
	where mapping.kiosk_code = $1`;
const CONSUMER_SQL = 'insert into reference_consumers (biller_id, identifier, name, rejects_postings) values ($1, $2, $3, 0)';
const BILL_SQL =
	'insert into reference_bills (biller_id, bill_number, identifier, bill_date, due_date, amount_paise) values ($1, $2, $3, $4, $5, $6)';

/** SQLite numbers its parameters `?1`, `?2`…, and better-sqlite3 binds those from an object. @param {string} sql */
const forSqlite = (sql) => sql.replace(/\$(\d)/g, '?$1');
/** @param {unknown[]} values */
const numbered = (...values) => Object.fromEntries(values.map((value, index) => [index + 1, value]));

/** @returns {Engine} */
export function sqliteEngine() {
	const folder = mkdtempSync(join(tmpdir(), 'emitra-bench-'));
	const file = join(folder, 'hub.sqlite');
	return {
		label: 'SQLite',
		detail: `a new file in ${tmpdir()} (WAL, synchronous=FULL: a sync of the log at every commit)`,
		hubEnv: { DATABASE_FILE: file },
		connect: async () => sqliteAccess(file),
		close: async () => rmSync(folder, { recursive: true, force: true })
	};
}

/** @param {string} file @returns {BenchAccess} */
function sqliteAccess(file) {
	const db = new SqliteDatabase(file);
	db.pragma('busy_timeout = 5000');
	const addConsumer = db.prepare(forSqlite(CONSUMER_SQL));
	const addBill = db.prepare(forSqlite(BILL_SQL));
	const addAll = db.transaction((/** @type {BenchBill[]} */ bills) => {
		for (const bill of bills) {
			addConsumer.run(numbered(bill.billerId, bill.identifier, bill.consumerName));
			addBill.run(numbered(bill.billerId, bill.billNumber, bill.identifier, bill.billDate, bill.dueDate, bill.amountPaise));
		}
	});
	const outcome = db.prepare(forSqlite(OUTCOME_SQL));
	const wallet = db.prepare(forSqlite(WALLET_SQL));
	return {
		addBills: async (bills) => void addAll(bills),
		outcome: async (billerId, prefix) => /** @type {Outcome} */ (outcome.get(numbered(billerId, `${prefix}%`))),
		wallet: async (kioskCode) => /** @type {Wallet} */ (wallet.get(numbered(kioskCode))),
		// SQLite works inside the hub's process: its time is the hub's.
		databaseCpu: async () => undefined,
		close: async () => void db.close()
	};
}

/**
 * A database of its own on a PostgreSQL server, created now and dropped by `close`.
 * @param {string} serverUrl any database on the server, used to create and drop ours
 * @returns {Promise<Engine>}
 */
export async function postgresServerEngine(serverUrl) {
	const name = `emitra_bench_${randomUUID().replaceAll('-', '')}`;
	const [{ server_version: version }] = await onServer(serverUrl, 'show server_version');
	await onServer(serverUrl, `create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	// The server's process ids mean something here only when the server runs on this machine.
	const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
	return {
		label: `PostgreSQL ${version.split(' ')[0]}`,
		detail:
			`server ${url.host}, database ${name} (dropped afterwards); hub pool ${process.env.DATABASE_POOL_SIZE ?? 10} connections` +
			(local ? '; db CPU counts the backends serving this database, not the WAL writer or checkpointer' : ''),
		hubEnv: { DATABASE_URL: url.href },
		connect: () => postgresAccess(url.href, local ? backendsCpu : async () => undefined),
		close: async () => void (await onServer(serverUrl, `drop database if exists ${name} with (force)`))
	};
}

/** @param {string} serverUrl @param {string} statement */
async function onServer(serverUrl, statement) {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		return (await client.query(statement)).rows;
	} finally {
		await client.end();
	}
}

/**
 * An in-memory PGlite behind a socket (bench/pglite-server.js), as the hub tests use without a
 * server. It is not a PostgreSQL server: one session, no fsync; its figures say little about one.
 * @returns {Promise<Engine>}
 */
export async function pgliteEngine() {
	const server = fork(new URL('./pglite-server.js', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const started = once(server, 'message').then(([message]) => /** @type {{ url: string }} */ (message).url);
	const failed = once(server, 'exit').then(([code]) => {
		throw new Error(`The PGlite server exited (${code}) while starting`);
	});
	const url = await Promise.race([started, failed]);
	return {
		label: 'PGlite',
		detail: 'in-memory PGlite (WebAssembly) behind @electric-sql/pglite-socket: not a PostgreSQL server, one session (hub pool 1), no fsync',
		hubEnv: { DATABASE_URL: url, DATABASE_POOL_SIZE: '1' },
		connect: () => postgresAccess(url, async () => cpuOf([server.pid ?? 0])),
		close: async () => {
			if (server.exitCode !== null) return;
			const exited = once(server, 'exit');
			server.kill('SIGTERM');
			await exited;
		}
	};
}

/** @param {number[]} pids @returns {CpuByProcess} */
function cpuOf(pids) {
	/** @type {CpuByProcess} */
	const cpu = new Map();
	for (const pid of pids) {
		const seconds = processCpuSeconds(pid);
		if (seconds !== undefined) cpu.set(pid, seconds);
	}
	return cpu;
}

/** The server processes serving the hub's connections to this database. @param {pg.Client} client */
async function backendsCpu(client) {
	const { rows } = await client.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
	return cpuOf(rows.map((row) => row.pid));
}

/**
 * @param {string} url
 * @param {(client: pg.Client) => Promise<CpuByProcess | undefined>} databaseCpu
 * @returns {Promise<BenchAccess>}
 */
async function postgresAccess(url, databaseCpu) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	return {
		async addBills(bills) {
			/** @param {(bill: BenchBill) => string | number} field */
			const column = (field) => bills.map(field);
			const billerIds = column((bill) => bill.billerId);
			const identifiers = column((bill) => bill.identifier);
			await client.query('begin');
			try {
				await client.query(
					`insert into reference_consumers (biller_id, identifier, name, rejects_postings)
					 select biller_id, identifier, name, 0 from unnest($1::text[], $2::text[], $3::text[]) as t(biller_id, identifier, name)`,
					[billerIds, identifiers, column((bill) => bill.consumerName)]
				);
				await client.query(
					`insert into reference_bills (biller_id, bill_number, identifier, bill_date, due_date, amount_paise)
					 select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])`,
					[
						billerIds,
						column((bill) => bill.billNumber),
						identifiers,
						column((bill) => bill.billDate),
						column((bill) => bill.dueDate),
						column((bill) => bill.amountPaise)
					]
				);
				await client.query('commit');
			} catch (error) {
				await client.query('rollback');
				throw error;
			}
			// A database in service has statistics; without them the planner finds a consumer by
			// reading every consumer of the biller, which grows with each run's thousand new rows.
			await client.query('analyze reference_consumers, reference_bills');
		},
		outcome: async (billerId, prefix) => (await client.query(OUTCOME_SQL, [billerId, `${prefix}%`])).rows[0],
		wallet: async (kioskCode) => (await client.query(WALLET_SQL, [kioskCode])).rows[0],
		databaseCpu: () => databaseCpu(client),
		close: () => client.end()
	};
}
