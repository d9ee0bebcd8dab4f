// The hub as `npm start` serves it (scripts/serve.js): a tester opens it at localhost, at
// 127.0.0.1 or at the machine's LAN address, and the programme office's login works at each —
// while a form posted from another site, or a request for another host name, is still refused.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SSO_ID, DEMO_PASSWORD, send, type HubInfo } from './harness';

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
		probe.on('error', reject);
	});
}

describe('npm start’s server (scripts/serve.js)', () => {
	let server: ChildProcess;
	let folder: string;
	let port: number;
	let hub: HubInfo;

	beforeAll(async () => {
		folder = mkdtempSync(path.join(tmpdir(), 'emitra-serve-'));
		port = await freePort();
		const env: NodeJS.ProcessEnv = {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_FILE: path.join(folder, 'hub.sqlite'),
			DATABASE_URL: ''
		};
		delete env.ORIGIN;
		server = spawn(process.execPath, ['scripts/serve.js'], { cwd: root, env, stdio: 'ignore' });
		hub = { label: 'serve.js', url: `http://127.0.0.1:${port}`, kioskVersion: '', database: { kind: 'sqlite', file: '' } };
		// Up when it answers (migrating a new database takes a while on a busy machine).
		const deadline = Date.now() + 60_000;
		while ((await send(hub, { path: '/api/v1/health' }).catch(() => undefined))?.status !== 200) {
			if (Date.now() > deadline || server.exitCode !== null) throw new Error('scripts/serve.js did not start');
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	});
	afterAll(() => {
		server?.kill();
		rmSync(folder, { recursive: true, force: true });
	});

	const logIn = (host: string, origin: string) =>
		send(hub, {
			method: 'POST',
			path: '/admin/en/login',
			headers: { host, origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ ssoId: ADMIN_SSO_ID, password: DEMO_PASSWORD }).toString()
		});

	it.each(['localhost', '127.0.0.1'])('lets the programme office log in at http://%s', async (name) => {
		const answer = await logIn(`${name}:${port}`, `http://${name}:${port}`);
		expect(answer.status).toBe(303);
		expect(answer.headers.location).toBe('/admin/en');
		// Plain HTTP here, so the session cookie is not marked Secure (a browser would drop it).
		expect(String(answer.headers['set-cookie'])).toMatch(/^emitra_admin=.+HttpOnly/i);
		expect(String(answer.headers['set-cookie'])).not.toMatch(/Secure/i);
	});

	it('refuses a form posted from another site', async () => {
		const answer = await logIn(`127.0.0.1:${port}`, 'http://evil.example');
		expect(answer.status).toBe(403);
		expect(answer.body).toContain('Cross-site POST form submissions are forbidden');
	});

	it('refuses a request for a host name that is not this machine’s (DNS rebinding)', async () => {
		const answer = await send(hub, { path: '/api/v1/health', headers: { host: `evil.example:${port}` } });
		expect(answer.status).toBe(421);
	});
});
