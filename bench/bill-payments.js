// `npm run bench`: bill payments per second on the production hub, on SQLite and on PostgreSQL.
// For each engine: a fresh database, the hub (`node build`) with the demo data on a free port,
// fresh unpaid bills for every run, and C kiosks paying them (bench/load.js). Prints figures
// only; exits 0 unless nothing could be measured at all. `npm run bench -- --help` for settings.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pgliteEngine, postgresServerEngine, sqliteEngine } from './engines.js';
import { machineCpuSeconds } from './cpu.js';
import { startHub } from './hub.js';
import { KIOSK_CODE, payBills, REQUEST_KINDS } from './load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Postpaid mobile: the identifier is a 10-digit mobile number and no other mobile is asked. */
const BILLER_ID = 'airtel';
const BILL_PAISE = {
	/** A card on the POS terminal has no charge, so the terminal approves the bill's amount. */
	card: 39_900,
	/** Paid with a ₹20 and a ₹10 note; small, because the operator's wallet pays every cash bill. */
	cash: 3_000
};
const CPUS = availableParallelism();

const USAGE = `npm run bench -- [options]     (each also read from the environment variable shown)

  -n, --payments N        bills per run                         BENCH_PAYMENTS     (default 1000)
  -c, --concurrency LIST  payments in flight, a run for each    BENCH_CONCURRENCY  (default 8,32)
  -t, --max-seconds S     no new payment after S s (0: none)    BENCH_MAX_SECONDS  (default 12)
      --modes LIST        card, cash                            BENCH_MODES        (default card,cash)
      --engines LIST      sqlite, postgres                      BENCH_ENGINES      (default sqlite,postgres)
      --warmup N          unmeasured payments of each mode      BENCH_WARMUP       (default 100)

PostgreSQL runs on a new database (created, then dropped) on the server at BENCH_DATABASE_URL or
TEST_DATABASE_URL; without either, on an in-memory PGlite, which is not a PostgreSQL server.`;

function settings() {
	const { values } = parseArgs({
		options: {
			payments: { type: 'string', short: 'n' },
			concurrency: { type: 'string', short: 'c' },
			'max-seconds': { type: 'string', short: 't' },
			modes: { type: 'string' },
			engines: { type: 'string' },
			warmup: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const env = process.env;
	/** @param {string} name @param {string} text @param {number} min @param {number} max */
	const count = (name, text, min, max) => {
		const value = Number(text);
		if (!Number.isInteger(value) || value < min || value > max) {
			throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
		}
		return value;
	};
	/** @template {string} T @param {string} name @param {string} text @param {readonly T[]} allowed @returns {T[]} */
	const list = (name, text, allowed) => {
		const items = text.split(',').map((item) => item.trim());
		if (!items.every((item) => allowed.includes(/** @type {T} */ (item)))) {
			throw new Error(`${name} takes ${allowed.join(', ')}, not "${text}"`);
		}
		return /** @type {T[]} */ (items);
	};
	const options = {
		// A bill's number gives the run two digits and the bill seven (freshBills).
		payments: count('--payments', values.payments ?? env.BENCH_PAYMENTS ?? '1000', 1, 9_999_999),
		concurrency: (values.concurrency ?? env.BENCH_CONCURRENCY ?? '8,32')
			.split(',')
			.map((text) => count('--concurrency', text.trim(), 1, 1000)),
		maxSeconds: count('--max-seconds', values['max-seconds'] ?? env.BENCH_MAX_SECONDS ?? '12', 0, 86_400),
		modes: list('--modes', values.modes ?? env.BENCH_MODES ?? 'card,cash', /** @type {const} */ (['card', 'cash'])),
		engines: list('--engines', values.engines ?? env.BENCH_ENGINES ?? 'sqlite,postgres', /** @type {const} */ (['sqlite', 'postgres'])),
		warmup: count('--warmup', values.warmup ?? env.BENCH_WARMUP ?? '100', 0, 9_999_999),
		postgresUrl: env.BENCH_DATABASE_URL?.trim() || env.TEST_DATABASE_URL?.trim() || undefined
	};
	if (options.modes.length * (options.concurrency.length + 1) > 99) throw new Error('At most 99 runs per engine');
	return options;
}

/** @param {string} file @returns {number} the newest modification time in a file or folder */
function newestChange(file) {
	if (!existsSync(file)) return 0;
	const stat = statSync(file);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(file).map((entry) => newestChange(path.join(file, entry))));
}

/** The bench measures the production build, and builds it only when the sources are newer. */
function ensureBuild() {
	const built = newestChange(path.join(root, 'build', 'handler.js'));
	const sources = ['src', 'messages', 'static', 'svelte.config.js', 'vite.config.ts'];
	if (built > 0 && built >= Math.max(...sources.map((source) => newestChange(path.join(root, source))))) return;
	console.log('→ Building the hub (npx vite build)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}

/** What could make every figure wrong or noisy, said before the figures. */
function warnAboutTheMachine() {
	const ist = new Date(Date.now() + 330 * 60_000);
	if (ist.getUTCHours() === 23 && ist.getUTCMinutes() >= 55) {
		console.log('! It is after 23:55 in India: the hub starts no payment until midnight, so every payment will fail.');
	}
	const [load = 0] = loadavg();
	if (load > CPUS / 2) {
		console.log(
			`! The machine is busy (load ${load.toFixed(1)} on ${CPUS} CPUs): other programs take CPU time from the ` +
				'hub and the database, so the figures will be lower and noisier than on a quiet machine.'
		);
	}
}

/** Undone if the bench is interrupted (Ctrl+C): the running hub, then its database. */
/** @type {Set<() => Promise<unknown>>} */
const cleanUps = new Set();
process.once('SIGINT', async () => {
	console.log('\nInterrupted: stopping the hub and removing its database…');
	for (const cleanUp of [...cleanUps].reverse()) await cleanUp().catch(() => {});
	process.exit(130);
});

/** Runs (warm-ups included) on the current engine's database. */
let runNumber = 0;

/**
 * Fresh bills for one run: consumer `6RRNNNNNNN` (a mobile number), bill `BENCHRRNNNNNNN`, where
 * RR numbers the run on this database, so that a run's rows can be counted by the prefix.
 * @param {number} count @param {number} amountPaise
 * @returns {{ prefix: string, bills: import('./engines.js').BenchBill[] }}
 */
function freshBills(count, amountPaise) {
	const run = String(++runNumber).padStart(2, '0');
	const today = new Date();
	const billDate = today.toISOString().slice(0, 10);
	const dueDate = new Date(today.getTime() + 15 * 86_400_000).toISOString().slice(0, 10);
	const prefix = `BENCH${run}`;
	const bills = Array.from({ length: count }, (_, index) => {
		const serial = String(index + 1).padStart(7, '0');
		return {
			billerId: BILLER_ID,
			identifier: `6${run}${serial}`,
			consumerName: `Bench Consumer ${serial}`,
			billNumber: `${prefix}${serial}`,
			billDate,
			dueDate,
			amountPaise
		};
	});
	return { prefix, bills };
}

/**
 * @typedef {{ engine: string, mode: 'card' | 'cash', concurrency: number, paid: number, failed: number,
 *   seconds: number, timings: import('./load.js').Timings, outcome: import('./engines.js').Outcome,
 *   cpu: Cpu }} RunResult
 * @typedef {{ hub?: number, database?: number, load: number, others?: number }} Cpu
 *   CPU time per second of the run (1 = one CPU all the time): the hub, the database's processes,
 *   this load generator, and every other process on the machine
 */

/**
 * CPU seconds the database's processes used between two looks; a process that started in
 * between counts from zero, one that ended in between is lost (the hub's pool keeps its
 * connections while it is busy).
 * @param {import('./engines.js').CpuByProcess} before @param {import('./engines.js').CpuByProcess} after
 */
function cpuUsedBetween(before, after) {
	let used = 0;
	for (const [pid, seconds] of after) used += seconds - (before.get(pid) ?? 0);
	return used;
}

/**
 * Runs the load and measures the CPU each side used meanwhile.
 * @template {{ seconds: number }} Run
 * @param {{ cpuSeconds(): number | undefined }} hub
 * @param {import('./engines.js').BenchAccess} access
 * @param {() => Promise<Run>} load
 * @returns {Promise<Run & { cpu: Cpu }>}
 */
async function measuringCpu(hub, access, load) {
	const before = { hub: hub.cpuSeconds(), database: await access.databaseCpu(), machine: machineCpuSeconds() };
	const loadBefore = process.cpuUsage();
	const run = await load();
	const loadUsed = process.cpuUsage(loadBefore);
	const after = { hub: hub.cpuSeconds(), database: await access.databaseCpu(), machine: machineCpuSeconds() };
	/** @param {number | undefined} from @param {number | undefined} to */
	const used = (from, to) => (from === undefined || to === undefined ? undefined : to - from);
	const hubSeconds = used(before.hub, after.hub);
	const databaseSeconds = before.database && after.database ? cpuUsedBetween(before.database, after.database) : undefined;
	const loadSeconds = (loadUsed.user + loadUsed.system) / 1e6;
	const machineSeconds = used(before.machine, after.machine);
	const othersSeconds =
		machineSeconds === undefined || hubSeconds === undefined
			? undefined
			: Math.max(0, machineSeconds - hubSeconds - (databaseSeconds ?? 0) - loadSeconds);
	/** @param {number | undefined} seconds */
	const perSecond = (seconds) => (seconds === undefined ? undefined : seconds / run.seconds);
	const cpu = {
		hub: perSecond(hubSeconds),
		database: perSecond(databaseSeconds),
		load: loadSeconds / run.seconds,
		others: perSecond(othersSeconds)
	};
	return { ...run, cpu };
}

/** @param {Map<string, number>} errors */
const total = (errors) => [...errors.values()].reduce((sum, n) => sum + n, 0);

/**
 * Runs every mode and concurrency on one engine, adding each run's result as it ends.
 * @param {import('./engines.js').Engine} engine
 * @param {ReturnType<typeof settings>} options
 * @param {RunResult[]} results
 */
async function benchEngine(engine, options, results) {
	console.log(`\n▶ ${engine.label}: ${engine.detail}`);
	runNumber = 0;
	const hub = await startHub(root, engine.hubEnv);
	cleanUps.add(hub.stop);
	try {
		const access = await engine.connect();
		try {
			const runs = options.modes.flatMap((mode) => options.concurrency.map((concurrency) => ({ mode, concurrency })));
			const cashNeeded = runs.filter((run) => run.mode === 'cash').length * options.payments * BILL_PAISE.cash;
			const wallet = await access.wallet(KIOSK_CODE);
			if (cashNeeded > wallet.balancePaise - wallet.heldPaise) {
				console.log(
					`  ! Up to ₹${cashNeeded / 100} of cash bills, but ${KIOSK_CODE}'s wallet holds ₹${wallet.balancePaise / 100}: ` +
						'once it is spent, cash payments are refused (wallet_insufficient). Use fewer --payments.'
				);
			}
			// The hub compiles its code and loads each route's module on first use.
			for (const mode of options.warmup > 0 ? options.modes : []) {
				const { prefix, bills } = freshBills(options.warmup, BILL_PAISE[mode]);
				await access.addBills(bills);
				const identifiers = bills.map((bill) => bill.identifier);
				const warm = await payBills({ hubUrl: hub.url, billerId: BILLER_ID, identifiers, mode, concurrency: 8 });
				console.log(`  warm-up: ${warm.completed} ${mode} payments (${prefix}…), not counted`);
			}
			for (const { mode, concurrency } of runs) {
				const { prefix, bills } = freshBills(options.payments, BILL_PAISE[mode]);
				await access.addBills(bills);
				const identifiers = bills.map((bill) => bill.identifier);
				const run = await measuringCpu(hub, access, () =>
					payBills({ hubUrl: hub.url, billerId: BILLER_ID, identifiers, mode, concurrency, maxSeconds: options.maxSeconds })
				);
				const outcome = await access.outcome(BILLER_ID, prefix);
				const failed = total(run.errors);
				results.push({
					engine: engine.label,
					mode,
					concurrency,
					paid: run.completed,
					failed,
					seconds: run.seconds,
					timings: run.timings,
					outcome,
					cpu: run.cpu
				});
				console.log(
					`  ${mode}, ${concurrency} in flight: ${run.completed} posted, ${failed} failed, ` +
						`${(run.completed / run.seconds).toFixed(1)} payments/s over ${run.seconds.toFixed(1)} s; ` +
						`rows: ${outcome.posted} of ${outcome.payments} payments posted, ${outcome.billsPaid} bills paid, ${outcome.postings} postings`
				);
				for (const [reason, n] of run.errors) console.log(`      ${n} × ${reason}`);
				if ([...run.errors.keys()].some((reason) => /: 5\d\d\b/.test(reason))) console.log(hub.recentOutput());
			}
			const after = await access.wallet(KIOSK_CODE);
			console.log(`  ${KIOSK_CODE}'s wallet afterwards: ₹${after.balancePaise / 100}, ₹${after.heldPaise / 100} held`);
		} finally {
			await access.close();
		}
	} finally {
		await hub.stop();
		cleanUps.delete(hub.stop);
	}
}

/** @param {number} ms */
const milliseconds = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** @param {import('./load.js').Timings} timings @param {string} kind */
function percentiles(timings, kind) {
	const p = timings.percentiles(kind);
	return p ? `${milliseconds(p.p50)} / ${milliseconds(p.p95)} / ${milliseconds(p.p99)}` : '—';
}

/** @param {number | undefined} share */
const percent = (share) => (share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** Text columns (the first `textColumns`) to the left, figures to the right. @param {string[]} header @param {string[][]} rows */
function table(header, rows, textColumns = 2) {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
	/** @param {string[]} row */
	const line = (row) =>
		row
			.map((cell, column) => (column < textColumns ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
			.join('  ')
			.trimEnd();
	return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** @param {RunResult[]} results @param {ReturnType<typeof settings>} options */
function report(results, options) {
	console.log(
		`\nBill payments on the hub (node build): up to ${options.payments} bills per run` +
			(options.maxSeconds ? `, no new payment after ${options.maxSeconds} s` : '') +
			`; biller ${BILLER_ID}, kiosk ${KIOSK_CODE}; Node ${process.version}; ${CPUS} CPUs shared by the hub, ` +
			'the database and this load generator.'
	);
	console.log(
		'Card: fetch bill → create payment → card approval (the hub posts the bill). ' +
			'Cash: fetch bill → create → ₹20 note → ₹10 note → complete (the hub posts). Latency in ms, p50 / p95 / p99.\n' +
			'CPU: the share of one CPU each used during the run; "others" is every other process on the machine ' +
			"(other programs, and PostgreSQL's background writers).\n"
	);
	const summary = results.map((result) => {
		const { posted, payments, billsPaid, postings } = result.outcome;
		// Every payment the kiosks saw posted is posted in the hub, paid at the biller, posted once.
		const agree = posted === result.paid && billsPaid === result.paid && postings === result.paid;
		return [
			result.engine,
			result.mode,
			String(result.concurrency),
			String(result.paid),
			String(result.failed),
			(result.paid / result.seconds).toFixed(1),
			percentiles(result.timings, 'payment'),
			percent(result.cpu.hub),
			percent(result.cpu.database),
			percent(result.cpu.load),
			percent(result.cpu.others),
			agree ? 'yes' : `NO: ${posted} of ${payments} posted, ${billsPaid} bills paid, ${postings} postings`
		];
	});
	console.log(
		table(
			[
				'engine',
				'mode',
				'in flight',
				'posted',
				'failed',
				'payments/s',
				'payment latency',
				'hub CPU',
				'db CPU',
				'bench CPU',
				'others CPU',
				'rows agree'
			],
			summary
		)
	);
	const kinds = REQUEST_KINDS.filter((kind) => results.some((result) => result.timings.percentiles(kind)));
	const perRequest = results.map((result) => [
		result.engine,
		result.mode,
		String(result.concurrency),
		...kinds.map((kind) => percentiles(result.timings, kind))
	]);
	console.log(`\nPer request (ms, p50 / p95 / p99; a cash payment makes two note requests)\n`);
	console.log(table(['engine', 'mode', 'in flight', ...kinds], perRequest));
}

async function main() {
	const options = settings();
	ensureBuild();
	warnAboutTheMachine();
	/** @type {RunResult[]} */
	const results = [];
	for (const name of options.engines) {
		/** @type {import('./engines.js').Engine | undefined} */
		let engine;
		try {
			engine =
				name === 'sqlite'
					? sqliteEngine()
					: options.postgresUrl
						? await postgresServerEngine(options.postgresUrl)
						: await pgliteEngine();
			cleanUps.add(engine.close);
			await benchEngine(engine, options, results);
		} catch (error) {
			console.log(`✗ ${engine?.label ?? name} could not be measured: ${error instanceof Error ? error.message : error}`);
		} finally {
			if (engine) {
				cleanUps.delete(engine.close);
				const label = engine.label;
				await engine.close().catch((error) => console.log(`! Could not remove the ${label} database: ${error.message}`));
			}
		}
	}
	if (results.length === 0) {
		console.log('\nNothing was measured.');
		process.exitCode = 1;
		return;
	}
	report(results, options);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
