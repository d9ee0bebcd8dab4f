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
// The tester panel's simulated phone reads the SMS outbox (OTPs included); a production hub never lets it.
const env = { ...process.env, PORT: port, SMS_SIMULATOR: process.env.SMS_SIMULATOR ?? '1' };
if (!env.DATABASE_URL) {
	env.DATABASE_FILE ??= path.join(root, 'data', 'emitra.sqlite');
	mkdirSync(path.dirname(env.DATABASE_FILE), { recursive: true });
}

// Plain HTTP at whatever address of this machine is opened (localhost, 127.0.0.1, its LAN address);
// scripts/serve.js says why. Production runs `node build` behind its proxy instead.
const server = spawn(process.execPath, ['scripts/serve.js'], { cwd: root, env, stdio: 'inherit' });
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
