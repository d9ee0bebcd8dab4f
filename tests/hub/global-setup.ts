// Starts the production build of the hub (`node build`, as deployed) once per database engine for
// the whole hub-over-HTTP run, enrols the test kiosks on each, and tells the test files where they
// are (vitest's provide/inject). The hubs are stopped, and their databases removed, at the end.
//
// The databases and the way the hub is started are the bench's (bench/engines.js, bench/hub.js),
// so there is one definition of "a fresh hub on SQLite / on PostgreSQL" in the project.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { pgliteEngine, postgresServerEngine, sqliteEngine, type Engine } from '../../bench/engines.js';
import { startHub } from '../../bench/hub.js';
import { enrolTestKiosks } from '../../scripts/enrol-test-kiosks.js';
import type { HubInfo } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Limits the hub lets a deployment tune, raised for the tests: every request here comes from
 * 127.0.0.1 and a handful of kiosks, thousands a minute, and a suite that hits the per-address or
 * per-kiosk limit after a few seconds would only test the limit. 429 is still an accepted refusal
 * wherever it appears (the login limits cannot be tuned and are met on purpose by the fuzz).
 */
const GENEROUS_LIMITS = {
	PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
	LOOKUP_RATE_LIMIT_PER_MINUTE: '1000000'
};

/** The newest modification time of any file under `folder`. */
function newestFileTime(folder: string): number {
	let newest = 0;
	for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
	}
	return newest;
}

type Hub = Awaited<ReturnType<typeof startHub>>;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// HUB_ROOT runs another checkout's build (e.g. an older commit, to show a test fails there).
	const hubRoot = path.resolve(process.env.HUB_ROOT ?? root);
	const built = path.join(hubRoot, 'build', 'index.js');
	if (!existsSync(built)) throw new Error(`No production build at ${built}: run \`npx vite build\` first (npm test does).`);
	if (newestFileTime(path.join(hubRoot, 'src')) > statSync(built).mtimeMs) {
		console.warn(
			`\n⚠ ${path.join(hubRoot, 'src')} has changed since ${built} was built: these tests run the OLD build (npx vite build).\n`
		);
	}
	const kioskVersion: string = JSON.parse(readFileSync(path.join(hubRoot, 'package.json'), 'utf8')).version;

	const serverUrl = process.env.TEST_DATABASE_URL?.trim();
	const engines: Engine[] = [];
	const hubs: Hub[] = [];
	const stop = async () => {
		await Promise.allSettled(hubs.map((hub) => hub.stop()));
		await Promise.allSettled(engines.map((engine) => engine.close()));
	};

	try {
		// Each engine is kept as soon as it is made, and each hub as soon as it answers, so that a
		// failure on the way stops and removes whatever was already started.
		engines.push(sqliteEngine());
		engines.push(serverUrl ? await postgresServerEngine(serverUrl) : await pgliteEngine());
		const starts = await Promise.allSettled(engines.map((engine) => startHub(hubRoot, { ...engine.hubEnv, ...GENEROUS_LIMITS })));
		for (const start of starts) if (start.status === 'fulfilled') hubs.push(start.value);
		for (const start of starts) if (start.status === 'rejected') throw start.reason;
		const started = [...hubs];
		// Should vitest end without its teardown (killed, interrupted), the hubs end with it.
		process.once('exit', () => {
			for (const hub of started) {
				try {
					if (hub.pid !== undefined) process.kill(hub.pid, 'SIGKILL');
				} catch {
					// Already gone: the teardown stopped it.
				}
			}
		});
		const info: HubInfo[] = [];
		for (const [index, hub] of started.entries()) {
			const engine = engines[index]!;
			await enrolTestKiosks(hub.url);
			const database =
				'DATABASE_FILE' in engine.hubEnv
					? { kind: 'sqlite' as const, file: engine.hubEnv.DATABASE_FILE! }
					: { kind: serverUrl ? ('postgres' as const) : ('pglite' as const), url: engine.hubEnv.DATABASE_URL! };
			info.push({ label: engine.label, url: hub.url, kioskVersion, database });
		}
		project.provide('hubs', info);
		console.log(`Hubs over HTTP: ${info.map((hub) => `${hub.label} at ${hub.url}`).join(', ')}`);
	} catch (error) {
		await stop();
		throw error;
	}

	return async () => {
		// A hub that wrote to its error log (a 500's stack trace) says so here: the test that failed
		// shows the request, this shows what the hub made of it.
		for (const [index, hub] of hubs.entries()) {
			const output = hub.recentOutput();
			if (/error|exception|at .*\(/i.test(output)) {
				console.log(`\nThe ${engines[index]?.label} hub's last output lines:\n${output}`);
			}
		}
		await stop();
	};
}
