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
if (!env.DATABASE_URL) {
	env.DATABASE_FILE ??= path.join(root, 'data', 'emitra.sqlite');
	mkdirSync(path.dirname(env.DATABASE_FILE), { recursive: true });
}

const server = spawn(process.execPath, ['build'], { cwd: root, env, stdio: 'inherit' });
const database = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : env.DATABASE_FILE;
console.log(`\n  e-Mitra+ kiosk:  http://localhost:${port}\n  Database:        ${database}\n  Stop with Ctrl+C\n`);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
