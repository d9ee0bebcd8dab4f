// The production hub (`node build`, as in production) in a process of its own, on a free port.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { processCpuSeconds } from './cpu.js';

const START_TIMEOUT_MS = 60_000;
// Nothing is in flight when the bench stops the hub, which closes its server at once; only the
// database pool's idle connections (10 s to time out) keep it alive after that.
const STOP_TIMEOUT_MS = 2_000;
const KEPT_OUTPUT_LINES = 30;

async function freePort() {
	const server = createServer();
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const address = server.address();
	server.close();
	if (address === null || typeof address === 'string') throw new Error('No TCP port to listen on');
	return address.port;
}

/**
 * Starts the hub with the demo data (kiosks, operators, wallets, billers) on the database the
 * environment names, and waits until `/api/v1/health` answers, i.e. it has migrated and seeded.
 * @param {string} root the project folder
 * @param {Record<string, string>} databaseEnv DATABASE_FILE, or DATABASE_URL (and its pool size)
 */
export async function startHub(root, databaseEnv) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env = { ...process.env };
	delete env.DATABASE_URL;
	delete env.DATABASE_FILE;
	Object.assign(env, { PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, DEMO_DATA: '1' }, databaseEnv);
	const hub = spawn(process.execPath, ['build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });

	/** @type {string[]} */
	const output = [];
	/** @param {Buffer} chunk */
	const keep = (chunk) => {
		output.push(...chunk.toString().split('\n').filter(Boolean));
		output.splice(0, Math.max(0, output.length - KEPT_OUTPUT_LINES));
	};
	hub.stdout.on('data', keep);
	hub.stderr.on('data', keep);
	/** @type {string | null} */
	let exitedWith = null;
	const exited = once(hub, 'exit').then(([code, signal]) => {
		exitedWith = String(code ?? signal);
	});
	const recentOutput = () => output.map((line) => `    hub | ${line}`).join('\n');

	const deadline = Date.now() + START_TIMEOUT_MS;
	for (;;) {
		if (exitedWith !== null) throw new Error(`The hub exited (${exitedWith}) while starting:\n${recentOutput()}`);
		if (Date.now() > deadline) {
			hub.kill('SIGKILL');
			throw new Error(`The hub did not answer ${url}/api/v1/health within ${START_TIMEOUT_MS / 1000} s:\n${recentOutput()}`);
		}
		const healthy = await fetch(`${url}/api/v1/health`).then(
			(response) => response.ok,
			() => false
		);
		if (healthy) break;
		await sleep(100);
	}

	return {
		url,
		recentOutput,
		pid: hub.pid,
		cpuSeconds: () => processCpuSeconds(hub.pid),
		async stop() {
			if (exitedWith !== null) return;
			hub.kill('SIGTERM');
			const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS, false)]);
			if (!stopped) {
				hub.kill('SIGKILL');
				await exited;
			}
		}
	};
}
