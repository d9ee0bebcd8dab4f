// What the hub-over-HTTP tests share: the hubs global-setup.ts started (one per database engine),
// a raw HTTP client, the sign-ins (kiosk, programme office, operator) done the way real clients do
// them, and a read-only look at each hub's database.
import { createHash, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';

/** One running hub, as global-setup.ts describes it to the test files. */
export interface HubInfo {
	/** "SQLite", "PostgreSQL 15.20", "PGlite": the name each test is run under. */
	label: string;
	/** http://127.0.0.1:<port>, also the hub's ORIGIN. */
	url: string;
	/** The kiosk version this checkout is (package.json); the hub refuses transactions from older ones. */
	kioskVersion: string;
	/**
	 * `pglite`: PGlite behind a socket is ONE PostgreSQL session that every connection shares, so
	 * a setting made on the tests' connection would be the hub's too.
	 */
	database: { kind: 'sqlite'; file: string } | { kind: 'postgres' | 'pglite'; url: string };
}

declare module 'vitest' {
	export interface ProvidedContext {
		hubs: HubInfo[];
	}
}

/** The hubs of this run, one per engine: `describe.each(hubs.map((hub) => [hub.label, hub] as const))('… on %s', (_label, hub) => …)`. */
export const hubs: HubInfo[] = inject('hubs');

/** Every demo account's password (src/demo/kiosks.ts, README). */
export const DEMO_PASSWORD = 'Emitra@2026';
/** The programme office's demo account. */
export const ADMIN_SSO_ID = 'PODIRECTOR2026';

const testKiosks: {
	privateKeyJwk: webcrypto.JsonWebKey;
	publicKeyJwk: webcrypto.JsonWebKey;
	kiosks: Record<string, { enrolmentCode: string }>;
} = JSON.parse(readFileSync(new URL('../fixtures/test-kiosks.json', import.meta.url), 'utf8'));

/** The demo machines enrolled with the test key pair (tests/fixtures/test-kiosks.json) for every file of the run. */
export const TEST_KIOSKS = Object.keys(testKiosks.kiosks);

/**
 * Machines the hub test files register for themselves (`enrolNewMachine`), with the demo operator
 * each maps there, so that logins spent and sessions ended at one touch no other file.
 */
export const OWN_MACHINES = {
	/** fuzz.spec.ts: the operator console's endpoints. */
	fuzzConsole: { kioskCode: 'K7700001', operator: 'VIKRAMMEENA1988' },
	/** authorization.spec.ts: an operator's session, and a second machine with its operator. */
	authorization: { kioskCode: 'K7700002', operator: 'PRIYAJOSHI1995' },
	authorizationOther: { kioskCode: 'K7700003', operator: 'SUNITAKANWAR1993' }
} as const;

// ——— HTTP ———

export interface HubRequest {
	method?: string;
	/** Sent exactly as written (no normalisation, no encoding): `/./admin`, `/%61dmin`, `//admin`. */
	path: string;
	headers?: Record<string, string | string[]>;
	body?: string | Buffer;
	/**
	 * The loopback address to send from (127.0.0.2…): the hub counts some limits per client address,
	 * and a fuzzer that spends them must not spend the harness's own (logins from 127.0.0.1).
	 */
	localAddress?: string;
}

export interface HubAnswer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

// Keep-alive: thousands of requests without a TCP handshake each. The agent drops an idle socket
// before the hub's keep-alive timeout (it reads the server's Keep-Alive hint); a request that
// still meets a socket the hub just closed is sent once more (see `send`).
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * One request to a hub with node:http rather than fetch: fetch normalises the path (`/./admin`
 * becomes `/admin`) and refuses some headers, and the tests need to send exactly what an attacker
 * can. A request that went out on a reused keep-alive socket the hub had just closed never reached
 * it, and is sent again once.
 */
export async function send(hub: HubInfo, request: HubRequest): Promise<HubAnswer> {
	try {
		return await sendOnce(hub, request);
	} catch (error) {
		if ((error as { reusedSocket?: boolean }).reusedSocket) return sendOnce(hub, request);
		throw error;
	}
}

function sendOnce(hub: HubInfo, request: HubRequest): Promise<HubAnswer> {
	const url = new URL(hub.url);
	const body = request.body === undefined ? undefined : Buffer.from(request.body);
	const headers: Record<string, string | string[]> = { ...request.headers };
	if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
		headers['content-length'] = String(body.byteLength);
	}
	return new Promise((resolve, reject) => {
		const outgoing = http.request(
			{
				host: url.hostname,
				port: url.port,
				method: request.method ?? 'GET',
				path: request.path,
				headers,
				agent,
				localAddress: request.localAddress,
				timeout: REQUEST_TIMEOUT_MS
			},
			(incoming) => {
				const chunks: Buffer[] = [];
				incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
				incoming.on('error', reject);
				incoming.on('end', () =>
					resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') })
				);
			}
		);
		outgoing.on('timeout', () =>
			outgoing.destroy(new Error(`${request.method ?? 'GET'} ${request.path}: no answer in ${REQUEST_TIMEOUT_MS / 1000} s`))
		);
		outgoing.on('error', (error: Error & { reusedSocket?: boolean }) => {
			const code = (error as NodeJS.ErrnoException).code;
			if (outgoing.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) error.reusedSocket = true;
			reject(error);
		});
		outgoing.end(body);
	});
}

/** The answer's body as JSON, or undefined when it is not JSON. */
export function jsonOf(answer: HubAnswer): unknown {
	try {
		return JSON.parse(answer.body);
	} catch {
		return undefined;
	}
}

/** `name=value` of a cookie the answer sets, for a later request's Cookie header. */
function cookieSet(answer: HubAnswer, name: string): string | undefined {
	for (const line of answer.headers['set-cookie'] ?? []) {
		const pair = line.split(';')[0]!.trim();
		if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
	}
	return undefined;
}

const describeAnswer = (answer: HubAnswer) => `${answer.status} ${answer.body.slice(0, 300)}`;

// ——— Sign-ins ———

const KIOSK_TOKEN_REUSE_MS = 10 * 60_000; // the hub's kiosk sessions last 15 minutes
const kioskTokens = new Map<string, { token: string; at: number }>();

/** A new kiosk session token, got the way the kiosk gets one: the hub's challenge, signed with the machine's key. */
export async function signInKiosk(hub: HubInfo, kioskCode: string): Promise<string> {
	const json = { 'content-type': 'application/json' };
	const challenge = await send(hub, {
		method: 'POST',
		path: '/api/v1/kiosk/challenge',
		headers: json,
		body: JSON.stringify({ kioskCode })
	});
	const { nonce } = (jsonOf(challenge) ?? {}) as { nonce?: string };
	if (challenge.status !== 200 || !nonce) throw new Error(`${kioskCode}: no challenge from ${hub.url}: ${describeAnswer(challenge)}`);
	const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
	const key = await webcrypto.subtle.importKey('jwk', testKiosks.privateKeyJwk, algorithm, false, ['sign']);
	const message = new TextEncoder().encode(`emitra-kiosk-session\n${kioskCode}\n${nonce}`);
	const signature = Buffer.from(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, message)).toString('base64url');
	const session = await send(hub, {
		method: 'POST',
		path: '/api/v1/kiosk/session',
		headers: json,
		body: JSON.stringify({ kioskCode, nonce, signature })
	});
	const { token } = (jsonOf(session) ?? {}) as { token?: string };
	if (session.status !== 201 || !token) throw new Error(`${kioskCode} could not sign in at ${hub.url}: ${describeAnswer(session)}`);
	return token;
}

/**
 * The headers an enrolled test kiosk sends on every call: its session token (signed in once and
 * reused for a while, as the kiosk does) and its version.
 */
export async function kioskHeaders(hub: HubInfo, kioskCode: string): Promise<{ authorization: string; 'x-kiosk-version': string }> {
	const cacheKey = `${hub.url} ${kioskCode}`;
	let cached = kioskTokens.get(cacheKey);
	if (!cached || Date.now() - cached.at > KIOSK_TOKEN_REUSE_MS) {
		cached = { token: await signInKiosk(hub, kioskCode), at: Date.now() };
		kioskTokens.set(cacheKey, cached);
	}
	return { authorization: `Bearer ${cached.token}`, 'x-kiosk-version': hub.kioskVersion };
}

/**
 * A programme office session cookie (`emitra_admin=…`), got through the real login form: a form
 * POST with the hub's own Origin (SvelteKit refuses cross-site form posts), as a browser sends it.
 */
export async function adminCookie(hub: HubInfo, ssoId = ADMIN_SSO_ID, password = DEMO_PASSWORD): Promise<string> {
	const answer = await send(hub, {
		method: 'POST',
		path: '/admin/en/login',
		headers: { origin: hub.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ ssoId, password }).toString()
	});
	const cookie = cookieSet(answer, 'emitra_admin');
	if (answer.status !== 303 || !cookie) throw new Error(`${ssoId} could not log in at ${hub.url}/admin: ${describeAnswer(answer)}`);
	return cookie;
}

/**
 * An operator console session cookie (`emitra_operator=…`) for `ssoId` at the machine
 * `kioskCode`: the console's login call, with the machine's own kiosk token.
 */
export async function operatorCookie(hub: HubInfo, kioskCode: string, ssoId: string, password = DEMO_PASSWORD): Promise<string> {
	const answer = await send(hub, {
		method: 'POST',
		path: '/api/v1/operator/login',
		headers: { ...(await kioskHeaders(hub, kioskCode)), 'content-type': 'application/json' },
		body: JSON.stringify({ ssoId, password })
	});
	const cookie = cookieSet(answer, 'emitra_operator');
	if (answer.status !== 200 || !cookie)
		throw new Error(`${ssoId} could not log in at ${kioskCode} on ${hub.url}: ${describeAnswer(answer)}`);
	return cookie;
}

/**
 * A machine of a test's own, so that what the test does there (a locked console, logins spent)
 * touches no other test: registered on the programme office's machines page, mapped to
 * `operator` when one is given, and enrolled with the test key pair (`kioskHeaders` signs in as it).
 */
export async function enrolNewMachine(hub: HubInfo, kioskCode: string, operator?: string): Promise<void> {
	const headers = {
		cookie: await adminCookie(hub),
		origin: hub.url,
		'content-type': 'application/x-www-form-urlencoded',
		accept: 'application/json'
	};
	const action = async (name: string, fields: Record<string, string>) => {
		const answer = await send(hub, {
			method: 'POST',
			path: `/admin/en/machines?/${name}`,
			headers,
			body: new URLSearchParams(fields).toString()
		});
		if ((jsonOf(answer) as { type?: string } | undefined)?.type !== 'success')
			throw new Error(`${name} ${kioskCode}: ${describeAnswer(answer)}`);
		return answer.body;
	};
	const registered = await action('register', {
		code: kioskCode,
		serial: `TEST-${kioskCode}`,
		vendor: 'lipi',
		district: 'Jaipur',
		place: 'Hub test machine',
		kind: 'urban'
	});
	// The action's data is devalue-encoded; the one-time code is the only value shaped like one.
	const enrolmentCode = /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(registered)?.[0];
	if (!enrolmentCode) throw new Error(`register ${kioskCode}: no enrolment code in ${registered}`);
	if (operator) await action('map', { kioskCode, ssoId: operator });
	const enrolled = await send(hub, {
		method: 'POST',
		path: '/api/v1/kiosk/enrol',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ enrolmentCode, publicKey: testKiosks.publicKeyJwk })
	});
	if (enrolled.status !== 201) throw new Error(`enrol ${kioskCode}: ${describeAnswer(enrolled)}`);
}

/** The value of a `name=value` cookie pair. */
export const cookieValue = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

// ——— The hub's database, read-only ———

export type Row = Record<string, unknown>;

/** Per table: its row count and a hash of its rows (in no particular order). */
export type Snapshot = Map<string, { rows: number; hash: string }>;

/**
 * What a snapshot leaves out: whole tables (`true`), or some columns of a table and some of its
 * rows (those `rows` says yes to), each with the reason in a comment where it is declared.
 */
export type Ignored = Record<string, true | { columns?: readonly string[]; rows?: (row: Row) => boolean }>;

/** Both lists of things left out, together (a row is left out when either leaves it out). */
export function ignoring(...lists: Ignored[]): Ignored {
	const merged: Ignored = {};
	for (const list of lists) {
		for (const [table, ignore] of Object.entries(list)) {
			const earlier = merged[table];
			if (earlier === true || ignore === true) {
				merged[table] = true;
				continue;
			}
			merged[table] = {
				columns: [...(earlier?.columns ?? []), ...(ignore.columns ?? [])],
				rows: (row) => Boolean(earlier?.rows?.(row) || ignore.rows?.(row))
			};
		}
	}
	return merged;
}

export interface HubDatabase {
	/** A query in the engine's own SQL: `?` placeholders for SQLite, `$1` for PostgreSQL. */
	rows(sql: string, parameters?: unknown[]): Promise<Row[]>;
	tables(): Promise<string[]>;
	snapshot(ignored?: Ignored): Promise<Snapshot>;
	close(): Promise<void>;
}

/** The tests only read: a statement that is not a query is a mistake in a test (and on PGlite nothing else would stop it). */
function readOnly(sql: string): string {
	if (!/^\s*(select|with)\b/i.test(sql)) throw new Error(`Not a query; the tests' database handle only reads: ${sql}`);
	return sql;
}

/** Values as text that is the same for the same stored value, whatever the driver returned. */
function canonical(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (Buffer.isBuffer(value)) return `hex:${value.toString('hex')}`;
	if (typeof value === 'bigint') return value.toString();
	return value;
}

/**
 * A read-only connection to a hub's database, to check rows behind the API's back: better-sqlite3
 * opened read-only on the hub's file, or a PostgreSQL client whose transactions are read-only
 * (on PGlite, which cannot be told so without the hub, only queries are let through).
 * PGlite takes two connections (the hub's pool of one and this), so a test file closes its
 * handle when it is done, before the next file opens one.
 */
export async function openDatabase(hub: HubInfo): Promise<HubDatabase> {
	let rows: HubDatabase['rows'];
	let tables: string[];
	let close: () => Promise<void>;
	if (hub.database.kind === 'sqlite') {
		const db = new SqliteDatabase(hub.database.file, { readonly: true, fileMustExist: true });
		db.pragma('busy_timeout = 5000');
		rows = async (sql, parameters = []) => db.prepare(readOnly(sql)).all(...parameters) as Row[];
		tables = (
			(await rows("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'")) as {
				name: string;
			}[]
		).map((row) => row.name);
		close = async () => void db.close();
	} else {
		const client = new pg.Client({ connectionString: hub.database.url });
		await client.connect();
		// Not on PGlite, whose one session is the hub's too (the hub could no longer write).
		if (hub.database.kind === 'postgres') await client.query('set session characteristics as transaction read only');
		rows = async (sql, parameters = []) => (await client.query(readOnly(sql), parameters)).rows as Row[];
		tables = (
			(await rows(
				"select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'"
			)) as { name: string }[]
		).map((row) => row.name);
		close = () => client.end();
	}
	tables.sort();
	return {
		rows,
		tables: async () => [...tables],
		async snapshot(ignored = {}) {
			const snapshot: Snapshot = new Map();
			for (const table of tables) {
				const ignore = ignored[table];
				if (ignore === true) continue;
				const lines = (await rows(`select * from "${table}"`))
					.filter((row) => !ignore?.rows?.(row))
					.map((row) =>
						JSON.stringify(
							Object.keys(row)
								.filter((column) => !ignore?.columns?.includes(column))
								.sort()
								.map((column) => [column, canonical(row[column])])
						)
					)
					.sort();
				snapshot.set(table, { rows: lines.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') });
			}
			return snapshot;
		},
		close
	};
}

/** The tables whose rows differ between two snapshots, with their row counts before → after. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
	const names = new Set([...before.keys(), ...after.keys()]);
	return [...names]
		.filter((name) => before.get(name)?.hash !== after.get(name)?.hash)
		.map((name) => `${name} (${before.get(name)?.rows ?? 0} → ${after.get(name)?.rows ?? 0} rows)`);
}

/** Runs `work` over `items`, at most `concurrency` at once (the machine has two cores). */
export async function eachLimited<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
