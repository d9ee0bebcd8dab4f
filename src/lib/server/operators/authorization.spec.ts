import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, getDatabase } from '$lib/server/db';
import { DEMO_PASSWORD, DEMO_PIN } from '$demo';
import { kioskAuthHeaders } from '$lib/server/fleet/testing';
import { tokenHash } from './secrets';
import { guardAdminArea, isAdminRoute } from './admin-guard';
import { ADMIN_COOKIE, OPERATOR_COOKIE } from './sessions';
import * as login from '../../../routes/api/v1/operator/login/+server';
import * as logout from '../../../routes/api/v1/operator/logout/+server';
import * as session from '../../../routes/api/v1/operator/session/+server';
import * as pin from '../../../routes/api/v1/operator/pin/+server';
import * as lock from '../../../routes/api/v1/operator/lock/+server';
import * as unlock from '../../../routes/api/v1/operator/unlock/+server';
import * as consoleRoute from '../../../routes/api/v1/operator/console/+server';
import * as cashBoxEmptied from '../../../routes/api/v1/operator/cash-box-emptied/+server';
import * as restart from '../../../routes/api/v1/operator/restart/+server';
import * as adminLogin from '../../../routes/admin/[lang=locale]/login/+page.server';
import * as enrol from '../../../routes/api/v1/kiosk/enrol/+server';
import * as challenge from '../../../routes/api/v1/kiosk/challenge/+server';
import * as receiptVerify from '../../../routes/api/v1/receipts/[id]/verify/+server';
import * as documentVerify from '../../../routes/api/v1/documents/[kind]/[number]/verify/+server';
import { hubLimits } from '$lib/server/limits';

type Handler = (event: never) => Response | Promise<Response>;

const adminLoginAction = adminLogin.actions.default as NonNullable<typeof adminLogin.actions.default>;

/** A cookie jar shaped like SvelteKit's, remembering the options each cookie was set with. */
function cookieJar(initial: Record<string, string> = {}) {
	const values = new Map(Object.entries(initial));
	const options = new Map<string, Record<string, unknown>>();
	const cookies = {
		get: (name: string) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string, opts: Record<string, unknown>) => {
			values.set(name, value);
			options.set(name, opts);
		},
		delete: (name: string) => values.delete(name),
		serialize: () => ''
	} as unknown as Cookies;
	return { cookies, values, options };
}

async function call(
	handler: Handler | undefined,
	path: string,
	options: { kiosk?: string | null; cookie?: string; body?: unknown; clientAddress?: string; params?: Record<string, string> } = {}
) {
	if (!handler) throw new Error(`no handler for ${path}`);
	const db = await getDatabase();
	const headers = new Headers({ 'content-type': 'application/json' });
	if (options.kiosk !== null) {
		for (const [name, value] of Object.entries(await kioskAuthHeaders(db, options.kiosk ?? 'K1234567'))) headers.set(name, value);
	}
	const jar = cookieJar(options.cookie ? { [OPERATOR_COOKIE]: options.cookie } : {});
	const url = new URL(path, 'http://hub.test');
	const request = new Request(url, {
		method: options.body === undefined ? 'GET' : 'POST',
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const response = await handler({
		request,
		url,
		cookies: jar.cookies,
		params: options.params ?? {},
		getClientAddress: () => options.clientAddress ?? '10.0.0.7'
	} as never);
	return { status: response.status, body: await response.json(), jar };
}

async function logInAs(ssoId: string, kiosk = 'K1234567', password = DEMO_PASSWORD) {
	const answer = await call(login.POST, '/api/v1/operator/login', { kiosk, body: { ssoId, password } });
	return { ...answer, token: answer.jar.values.get(OPERATOR_COOKIE) };
}

/** A programme office session, made through the admin login action. */
async function adminToken(): Promise<string> {
	const jar = cookieJar();
	const body = new URLSearchParams({ ssoId: 'PODIRECTOR2026', password: DEMO_PASSWORD });
	const url = new URL('http://hub.test/admin/en/login');
	await expect(
		adminLoginAction({
			request: new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
			cookies: jar.cookies,
			url,
			params: { lang: 'en' },
			getClientAddress: () => '10.0.0.9'
		} as never)
	).rejects.toMatchObject({ status: 303, location: '/admin/en' });
	expect(jar.options.get(ADMIN_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'strict', path: '/' });
	return jar.values.get(ADMIN_COOKIE) ?? '';
}

const CONSOLE_ENDPOINTS: [string, Handler | undefined, unknown][] = [
	['session', session.GET, undefined],
	// Setting the PIN it already has, so the PIN tests below still know it.
	['pin', pin.POST, { pin: DEMO_PIN.pin }],
	['lock', lock.POST, {}],
	['unlock', unlock.POST, { pin: DEMO_PIN.pin }],
	['console', consoleRoute.GET, undefined],
	['cash-box-emptied', cashBoxEmptied.POST, {}],
	['restart', restart.POST, {}],
	['logout', logout.POST, {}]
];

describe('who may use the operator console and the programme office', () => {
	let folder: string;

	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'emitra-auth-'));
		vi.stubEnv('DATABASE_URL', undefined);
		vi.stubEnv('DATABASE_FILE', join(folder, 'hub.sqlite'));
		vi.stubEnv('DEMO_DATA', undefined);
	});
	afterAll(async () => {
		await closeDatabase();
		vi.unstubAllEnvs();
		rmSync(folder, { recursive: true, force: true });
	});

	it('logs the mapped operator in with an httpOnly, SameSite=strict cookie', async () => {
		const answer = await logInAs('SURESHSHARMA1984');
		expect(answer).toMatchObject({
			status: 200,
			body: { operator: { ssoId: 'SURESHSHARMA1984' }, kioskCode: 'K1234567', pinSet: true, locked: false }
		});
		expect(answer.jar.options.get(OPERATOR_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'strict', path: '/' });
	});

	it('refuses an operator on a machine not mapped to them, in the manual’s words', async () => {
		const answer = await logInAs('MEENAKUMARI1990');
		expect(answer).toMatchObject({
			status: 403,
			body: { error: { code: 'operator_not_authorized_for_kiosk', message: 'You are not authorized to access this machine' } }
		});
		expect(answer.token).toBeUndefined();
	});

	it('refuses a programme office account at a kiosk, and a wrong password', async () => {
		expect(await logInAs('PODIRECTOR2026')).toMatchObject({ status: 403, body: { error: { code: 'wrong_role' } } });
		expect(await logInAs('ARJUNSINGH1987', 'K3187402', 'not-the-password')).toMatchObject({
			status: 401,
			body: { error: { code: 'credentials_invalid' } }
		});
	});

	it('refuses a login from a machine that has not proven itself', async () => {
		const answer = await call(login.POST, '/api/v1/operator/login', {
			kiosk: null,
			body: { ssoId: 'SURESHSHARMA1984', password: DEMO_PASSWORD }
		});
		expect(answer).toMatchObject({ status: 401, body: { error: { code: 'kiosk_unauthenticated' } } });
	});

	it('rate-limits guessing: the sixth wrong password in 15 minutes is refused without checking', async () => {
		const guess = () => logInAs('RAJURAM1992', 'K4521096', 'guess-1234');
		for (let attempt = 0; attempt < 5; attempt++) expect((await guess()).status).toBe(401);
		expect(await guess()).toMatchObject({ status: 429, body: { error: { code: 'too_many_attempts' } } });
		// Even the right password waits out the window.
		expect(await logInAs('RAJURAM1992', 'K4521096')).toMatchObject({ status: 429 });
	});

	it('counts parallel guesses before checking any: twelve at once, five are checked', async () => {
		const answers = await Promise.all(Array.from({ length: 12 }, () => logInAs('PARALLELGUESS01', 'K6104735', 'parallel-guess')));
		const statuses = answers.map((answer) => answer.status);
		expect(statuses.filter((status) => status === 401)).toHaveLength(5);
		expect(statuses.filter((status) => status === 429)).toHaveLength(7);
	});

	it('wrong passwords typed at the programme office login cannot lock an operator out of their machine', async () => {
		const url = new URL('http://hub.test/admin/en/login');
		const atAdmin = () =>
			adminLoginAction({
				request: new Request(url, {
					method: 'POST',
					body: new URLSearchParams({ ssoId: 'MEENAKUMARI1990', password: 'lock-her-out' })
				}),
				cookies: cookieJar().cookies,
				url,
				params: { lang: 'en' },
				getClientAddress: () => '203.0.113.66'
			} as never);
		for (let attempt = 0; attempt < 5; attempt++) expect(await atAdmin()).toMatchObject({ status: 401 });
		expect(await atAdmin()).toMatchObject({ status: 429, data: { refused: 'too_many_attempts' } });
		// At her own machine she logs in as ever.
		expect((await logInAs('MEENAKUMARI1990', 'K2045318')).status).toBe(200);
	});

	it('a right password for another machine’s operator is a counted attempt, not an oracle', async () => {
		// MEENAKUMARI1990 knows her password but is not mapped to K3187402: each try counts.
		for (let attempt = 0; attempt < 5; attempt++) {
			expect(await logInAs('MEENAKUMARI1990', 'K3187402')).toMatchObject({
				status: 403,
				body: { error: { code: 'operator_not_authorized_for_kiosk' } }
			});
		}
		expect(await logInAs('MEENAKUMARI1990', 'K3187402')).toMatchObject({ status: 429 });
	});

	it('limits enrolment codes per client address, never for everyone: a script elsewhere cannot block an installer', async () => {
		const publicKey = {
			kty: 'EC',
			crv: 'P-256',
			x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
			y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0'
		};
		const tryCode = (clientAddress: string) =>
			call(enrol.POST, '/api/v1/kiosk/enrol', { kiosk: null, clientAddress, body: { enrolmentCode: 'AAAA-BBBB-CCCC', publicKey } });
		// Thirty wrong codes at once from one address: ten are checked, the rest wait.
		const burst = await Promise.all(Array.from({ length: 30 }, () => tryCode('203.0.113.50')));
		expect(burst.filter((answer) => answer.status === 403)).toHaveLength(10);
		expect(burst.filter((answer) => answer.status === 429).every((answer) => answer.body.error.code === 'too_many_attempts')).toBe(
			true
		);
		// An installer at another address is not held up.
		expect(await tryCode('198.51.100.23')).toMatchObject({ status: 403, body: { error: { code: 'enrolment_code_invalid' } } });
	});

	it('limits every anonymous endpoint per client address, together', async () => {
		const perMinute = hubLimits().publicPerClient.hits;
		const ask = [
			(clientAddress: string) =>
				call(receiptVerify.GET, '/api/v1/receipts/261234567890/verify', {
					kiosk: null,
					clientAddress,
					params: { id: '261234567890' }
				}),
			(clientAddress: string) =>
				call(documentVerify.GET, '/api/v1/documents/marksheet/2025-1234567/verify', {
					kiosk: null,
					clientAddress,
					params: { kind: 'marksheet', number: '2025-1234567' }
				}),
			(clientAddress: string) =>
				call(challenge.POST, '/api/v1/kiosk/challenge', { kiosk: null, clientAddress, body: { kioskCode: 'K1234567' } })
		];
		const answers = await Promise.all(Array.from({ length: perMinute }, (_, index) => ask[index % ask.length]!('203.0.113.80')));
		expect(answers.every((answer) => answer.status < 400 || answer.body.error.code === 'unknown_receipt')).toBe(true);
		for (const next of ask)
			expect(await next('203.0.113.80')).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
		// Another address (another phone scanning a receipt) is not held up.
		expect(await ask[0]!('203.0.113.81')).toMatchObject({ status: 404, body: { error: { code: 'unknown_receipt' } } });
	});

	it('never writes a password to the log, the audit log or an answer', async () => {
		const secret = 'Zq7-never-log-this-9Xw';
		const written: string[] = [];
		const capture = (...args: unknown[]) => void written.push(args.map(String).join(' '));
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
			vi.spyOn(console, level).mockImplementation(capture)
		);
		const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
		try {
			const answers = [
				await logInAs('ARJUNSINGH1987', 'K3187402', secret),
				await logInAs('ARJUNSINGH1987', 'K1234567', secret),
				await call(login.POST, '/api/v1/operator/login', { body: { ssoId: 'ARJUNSINGH1987', password: { secret } } }),
				await call(login.POST, '/api/v1/operator/login', { body: { ssoId: `${secret}!`, password: secret } })
			];
			const db = await getDatabase();
			const audit = await db.selectFrom('audit_log').selectAll().execute();
			const failures = await db.selectFrom('rate_counters').selectAll().execute();
			expect(answers.map((answer) => answer.status)).toEqual([401, 401, 400, 400]);
			for (const text of [
				...written,
				...answers.map((answer) => JSON.stringify(answer.body)),
				JSON.stringify(audit),
				JSON.stringify(failures)
			]) {
				expect(text).not.toContain(secret);
			}
		} finally {
			for (const spy of spies) spy.mockRestore();
			stdout.mockRestore();
		}
	});

	describe.each(CONSOLE_ENDPOINTS)('the console’s %s endpoint', (name, handler, body) => {
		it('refuses no session', async () => {
			expect(await call(handler, name, { body })).toMatchObject({
				status: 401,
				body: { error: { code: 'operator_unauthenticated' } }
			});
		});

		it('refuses an expired session', async () => {
			const { token } = await logInAs('SURESHSHARMA1984');
			const db = await getDatabase();
			await db
				.updateTable('operator_sessions')
				.set({ expires_at: new Date(Date.now() - 1000).toISOString() })
				.where('token_hash', '=', tokenHash(token ?? ''))
				.execute();
			expect(await call(handler, name, { body, cookie: token })).toMatchObject({
				status: 401,
				body: { error: { code: 'operator_session_expired' } }
			});
		});

		it('refuses a session from another machine', async () => {
			const { token } = await logInAs('SURESHSHARMA1984');
			expect(await call(handler, name, { body, cookie: token, kiosk: 'K2045318' })).toMatchObject({
				status: 403,
				body: { error: { code: 'operator_not_authorized_for_kiosk' } }
			});
		});

		it('refuses the wrong role (a programme office session)', async () => {
			expect(await call(handler, name, { body, cookie: await adminToken() })).toMatchObject({
				status: 403,
				body: { error: { code: 'wrong_role' } }
			});
		});

		it('refuses a machine that has not proven itself, even with a good session', async () => {
			const { token } = await logInAs('SURESHSHARMA1984');
			expect(await call(handler, name, { body, cookie: token, kiosk: null })).toMatchObject({
				status: 401,
				body: { error: { code: 'kiosk_unauthenticated' } }
			});
		});

		it('answers the operator mapped to this machine', async () => {
			const { token } = await logInAs('SURESHSHARMA1984');
			if (name === 'unlock') await call(lock.POST, 'lock', { body: {}, cookie: token });
			expect((await call(handler, name, { body, cookie: token })).status).toBe(200);
		});
	});

	it('a locked console opens only with the PIN, and five wrong PINs end the session', async () => {
		const { token } = await logInAs('SURESHSHARMA1984');
		await call(lock.POST, 'lock', { body: {}, cookie: token });
		expect(await call(consoleRoute.GET, 'console', { cookie: token })).toMatchObject({
			status: 403,
			body: { error: { code: 'operator_locked' } }
		});
		expect(await call(unlock.POST, 'unlock', { body: { pin: '0000' }, cookie: token })).toMatchObject({
			status: 403,
			body: { error: { code: 'pin_invalid' } }
		});
		expect(await call(unlock.POST, 'unlock', { body: { pin: DEMO_PIN.pin }, cookie: token })).toMatchObject({ status: 200 });
		expect((await call(consoleRoute.GET, 'console', { cookie: token })).status).toBe(200);
		await call(lock.POST, 'lock', { body: {}, cookie: token });
		for (let attempt = 0; attempt < 4; attempt++)
			expect((await call(unlock.POST, 'unlock', { body: { pin: '9999' }, cookie: token })).status).toBe(403);
		expect(await call(unlock.POST, 'unlock', { body: { pin: '9999' }, cookie: token })).toMatchObject({
			status: 401,
			body: { error: { code: 'operator_session_expired' } }
		});
		expect(await call(unlock.POST, 'unlock', { body: { pin: DEMO_PIN.pin }, cookie: token })).toMatchObject({ status: 401 });
	});

	it('counts parallel wrong PINs one by one: the session ends and the right PIN no longer opens it', async () => {
		const { token } = await logInAs('SURESHSHARMA1984');
		await call(lock.POST, 'lock', { body: {}, cookie: token });
		const answers = await Promise.all(
			Array.from({ length: 12 }, () => call(unlock.POST, 'unlock', { body: { pin: '1357' }, cookie: token }))
		);
		const statuses = answers.map((answer) => answer.status);
		expect(statuses.filter((status) => status === 403)).toHaveLength(4);
		expect(statuses.filter((status) => status === 401)).toHaveLength(8);
		expect(await call(unlock.POST, 'unlock', { body: { pin: DEMO_PIN.pin }, cookie: token })).toMatchObject({ status: 401 });
	});

	describe('the programme office area (guarded on the matched route before any route code runs)', () => {
		// What SvelteKit's router gives the hook: the route it matched (whatever the URL's spelling,
		// `/%61dmin/en` matches `/admin/[lang=locale]`) and its params. tests/hub/authorization.spec.ts
		// asks the built server through the real router.
		const ADMIN_REQUESTS: [string, string, string][] = [
			['GET', '/admin/[lang=locale]', '/admin/en'],
			['GET', '/admin/[lang=locale]/machines', '/adm%69n/hi/machines'],
			['GET', '/admin/[lang=locale]/reports/[list]', '/admin/en/reports/unmapped?district=Jaipur'],
			['POST', '/admin/[lang=locale]', '/admin/en?/logout'],
			['POST', '/admin/[lang=locale]/machines', '/admin/en/machines?/register'],
			['POST', '/admin/[lang=locale]/machines', '/admin/en/machines?/newCode'],
			['POST', '/admin/[lang=locale]/machines', '/admin/en/machines?/revoke'],
			['POST', '/admin/[lang=locale]/machines', '/admin/en/machines?/map'],
			['POST', '/admin/[lang=locale]/machines', '/admin/en/machines?/unmap'],
			['POST', '/admin/[lang=locale]/machines', '/admin/en/machines?/version']
		];
		const guard = async (method: string, routeId: string, path: string, token?: string) => {
			const url = new URL(path, 'http://hub.test');
			const locals: App.Locals = {};
			const refused = await guardAdminArea({
				url,
				request: new Request(url, { method }),
				cookies: cookieJar(token ? { [ADMIN_COOKIE]: token } : {}).cookies,
				locals,
				route: { id: routeId as never },
				params: { lang: /\/(hi)\//.test(path) ? 'hi' : 'en' }
			});
			return { refused, locals };
		};

		it.each(ADMIN_REQUESTS)('%s %s (%s) needs a programme office session', async (method, routeId, path) => {
			const none = (await guard(method, routeId, path)).refused;
			expect(none?.status).toBe(method === 'GET' ? 303 : 401);
			if (method === 'GET') expect(none?.headers.get('location')).toMatch(/^\/admin\/(en|hi)\/login\?next=/);

			const expired = await adminToken();
			const db = await getDatabase();
			await db
				.updateTable('operator_sessions')
				.set({ expires_at: new Date(Date.now() - 1000).toISOString() })
				.where('token_hash', '=', tokenHash(expired))
				.execute();
			expect((await guard(method, routeId, path, expired)).refused?.status).toBe(method === 'GET' ? 303 : 401);

			const { token: operatorSession } = await logInAs('SURESHSHARMA1984');
			expect((await guard(method, routeId, path, operatorSession)).refused?.status).toBe(403);

			const admitted = await guard(method, routeId, path, await adminToken());
			expect(admitted.refused).toBeUndefined();
			expect(admitted.locals.admin?.operator.sso_id).toBe('PODIRECTOR2026');
		});

		it('lets anyone reach the login page, and only the login page', async () => {
			expect(isAdminRoute('/admin/[lang=locale]/login')).toBe(false);
			expect(isAdminRoute('/admin/[lang=locale]')).toBe(true);
			expect(isAdminRoute('/admin')).toBe(true);
			expect(isAdminRoute('/(kiosk)/[lang=locale]')).toBe(false);
			// A path that matched no route is a 404, whatever its spelling.
			expect(isAdminRoute(null)).toBe(false);
			expect((await guard('GET', '/admin/[lang=locale]/login', '/admin/en/login')).refused).toBeUndefined();
			expect((await guard('POST', '/admin/[lang=locale]/login', '/admin/hi/login')).refused).toBeUndefined();
		});

		it('every admin load, action and endpoint checks the session itself too', async () => {
			// The hook is the first check; a route that forgot its own would leak if the hook ever
			// missed one, so each server file under src/routes/admin calls requireAdmin.
			const folder = join(process.cwd(), 'src/routes/admin');
			const serverFiles = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) =>
				/(^|\/)\+(page|layout)\.server\.ts$|(^|\/)\+server\.ts$/.test(file)
			);
			const open = new Set(['+page.server.ts', '[lang=locale]/+layout.server.ts', '[lang=locale]/login/+page.server.ts']);
			const login = '[lang=locale]/login/+page.server.ts';
			const guarded = serverFiles.filter((file) => !open.has(file));
			expect(guarded.length).toBeGreaterThanOrEqual(3);
			for (const file of guarded) {
				const source = readFileSync(join(folder, file), 'utf8');
				const handlers = source.match(/export const (load|GET|POST|actions)\b/g) ?? [];
				expect(handlers.length, file).toBeGreaterThan(0);
				expect(source.match(/requireAdmin\(|adminOf\(/g)?.length ?? 0, `${file} checks the session`).toBeGreaterThanOrEqual(1);
			}
			// The open ones give nothing away: a redirect, the locale, the login form.
			for (const file of [...open].filter((file) => file !== login)) {
				expect(readFileSync(join(folder, file), 'utf8')).not.toMatch(/getDatabase|fleet|audit/);
			}
		});

		it('refuses a machine operator at the programme office login', async () => {
			const url = new URL('http://hub.test/admin/en/login');
			const result = await adminLoginAction({
				request: new Request(url, {
					method: 'POST',
					body: new URLSearchParams({ ssoId: 'SURESHSHARMA1984', password: DEMO_PASSWORD })
				}),
				cookies: cookieJar().cookies,
				url,
				params: { lang: 'en' },
				getClientAddress: () => '10.0.0.10'
			} as never);
			expect(result).toMatchObject({ status: 403, data: { refused: 'wrong_role' } });
		});
	});
});
