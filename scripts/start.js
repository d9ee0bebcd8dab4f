// `npm start`: install what is missing, build, and serve the kiosk and hub with simulated devices.
// The hub creates and migrates its database, with demo data, when it starts.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { root, run, setup } from './setup.js';

setup();
console.log('→ Building the kiosk and hub…');
run('npx', ['vite', 'build', '--logLevel', 'warn']);

const port = process.env.PORT ?? '4173';
const env = { ...process.env, PORT: port };
// adapter-node takes a request without proxy headers for HTTPS; on a tester's plain-HTTP machine the
// programme office's forms would then fail SvelteKit's same-origin check. Behind a proxy, set ORIGIN.
env.ORIGIN ??= `http://localhost:${port}`;
if (!env.DATABASE_URL) {
	env.DATABASE_FILE ??= path.join(root, 'data', 'emitra.sqlite');
	mkdirSync(path.dirname(env.DATABASE_FILE), { recursive: true });
}

const server = spawn(process.execPath, ['build'], { cwd: root, env, stdio: 'inherit' });
// The kiosk's fingerprint driver looks for an Aadhaar RD Service on 127.0.0.1:11100-11120; on a
// tester's machine the simulator answers there. A kiosk with a real scanner sets RD_SERVICE_SIMULATOR=0.
const rdService =
	process.env.RD_SERVICE_SIMULATOR === '0'
		? undefined
		: spawn(process.execPath, ['scripts/rd-service-simulator.js'], { cwd: root, stdio: 'inherit' });
const database = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : env.DATABASE_FILE;
console.log(`\n  e-Mitra+ kiosk:  http://localhost:${port}\n  Database:        ${database}\n  Stop with Ctrl+C\n`);

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		rdService?.kill(signal);
		server.kill(signal);
	});
}
server.on('exit', (code) => {
	rdService?.kill();
	process.exit(code ?? 0);
});
