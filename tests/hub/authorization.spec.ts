// Who may reach what, through the real router of the built hub: every programme office request
// (pages, their data requests, form actions, CSV exports) and every operator console call, asked
// without a session, with the wrong role's session, and — for the console — from another machine.
// The programme office's paths are also asked in the spellings that name the same route to the
// router but not to a test on the raw URL: percent-encoded letters, double encoding, other case,
// dot segments, doubled and trailing slashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	adminCookie,
	changedTables,
	cookieValue,
	eachLimited,
	enrolNewMachine,
	hubs,
	jsonOf,
	kioskHeaders,
	openDatabase,
	operatorCookie,
	OWN_MACHINES,
	send,
	type HubAnswer,
	type HubDatabase,
	type HubInfo,
	type HubRequest
} from './harness';
import { adminRequests, apiRoutes, type AdminRequest } from './routes';

/** Requests in flight at once: enough to keep a hub busy, modest on a two-core machine. */
const CONCURRENCY = 4;

/** A machine code as the hub prints them (K and seven digits): no refusal may carry one. */
const MACHINE_CODE = /\bK\d{7}\b/;

/**
 * Ways to write the programme office's first path segment that a router decoding and
 * normalising the path may take for `/admin`, while a check on the raw text does not.
 */
function adminSpellings(): { name: string; segment: string }[] {
	const letters = [...'admin'];
	const hex = (letter: string) => letter.charCodeAt(0).toString(16);
	const spellings = [{ name: 'plain', segment: '/admin' }];
	letters.forEach((letter, index) => {
		const around = (encoded: string) => `/${letters.slice(0, index).join('')}${encoded}${letters.slice(index + 1).join('')}`;
		spellings.push({ name: `${letter} percent-encoded`, segment: around(`%${hex(letter)}`) });
		if (hex(letter) !== hex(letter).toUpperCase()) {
			spellings.push({ name: `${letter} percent-encoded, upper-case hex`, segment: around(`%${hex(letter).toUpperCase()}`) });
		}
		spellings.push({ name: `${letter} double-encoded`, segment: around(`%25${hex(letter)}`) });
	});
	spellings.push(
		{ name: 'every letter percent-encoded', segment: `/${letters.map((letter) => `%${hex(letter)}`).join('')}` },
		{ name: 'capitalised', segment: '/Admin' },
		{ name: 'upper case', segment: '/ADMIN' },
		{ name: 'mixed case', segment: '/aDmIn' },
		{ name: 'doubled slash', segment: '//admin' },
		{ name: 'dot segment', segment: '/./admin' },
		{ name: 'dot-dot segment', segment: '/x/../admin' },
		{ name: 'encoded dot segment', segment: '/%2e/admin' },
		{ name: 'encoded slash', segment: '/%2Fadmin' }
	);
	return spellings;
}

/** Each spelling of a request's path, plus a trailing slash and an encoded letter in the next segment. */
function variantsOf(request: AdminRequest): { name: string; path: string }[] {
	const [pathname = '', search] = request.path.split(/(?=\?)/);
	const rest = pathname.slice('/admin'.length);
	const query = search ?? '';
	const variants = adminSpellings().map(({ name, segment }) => ({ name, path: `${segment}${rest}${query}` }));
	variants.push({ name: 'trailing slash', path: `${pathname}/${query}` });
	const next = /^\/([a-z])/.exec(rest);
	if (next) {
		const encoded = `%${next[1]!.charCodeAt(0).toString(16)}`;
		variants.push({ name: 'next segment percent-encoded', path: `/admin/${encoded}${rest.slice(2)}${query}` });
	}
	return variants;
}

/**
 * What each form action is sent: fields it would act on, chosen so that an action that wrongly ran
 * changes nothing that matters (the revoked demo machine K5630281, the hub's own version), and
 * still shows up in the database check below.
 */
function actionForm(hub: HubInfo, kind: string): string {
	const revoked = 'K5630281';
	const fields: Record<string, Record<string, string>> = {
		'action logout': {},
		'action register': {
			code: 'K9999901',
			serial: 'AUTHZ-TEST-1',
			vendor: 'lipi',
			district: 'Jaipur',
			place: 'Authorization test',
			kind: 'urban'
		},
		'action newCode': { kioskCode: revoked },
		'action revoke': { kioskCode: revoked },
		'action map': { kioskCode: revoked, ssoId: 'VIKRAMMEENA1988' },
		'action unmap': { kioskCode: revoked },
		'action version': { version: hub.kioskVersion }
	};
	return new URLSearchParams(fields[kind] ?? { kioskCode: revoked }).toString();
}

/** The login page of the programme office, as a Location or a SvelteKit data/action redirect names it. */
const LOGIN_LOCATION = /^(?:https?:\/\/[^/]+)?\/admin\/(?:en|hi)\/login(?:[?#]|$)/;
const MAX_REDIRECTS = 3;

interface Judged {
	/** Undefined when the answer is a refusal; else what is wrong with it. */
	problem?: string;
	answer: HubAnswer;
	/** The requests made, redirects followed included. */
	trail: string[];
}

/**
 * Sends a request and judges the answer: refused means a redirect to the login page (as a
 * Location, or as SvelteKit's `{"type":"redirect"}` to a data request or an enhanced form), or
 * 401/403/404 — and no body carrying a machine code or a demo SSO ID. A redirect elsewhere (308
 * to the path without its trailing slash) is followed, and the answer at its end is judged.
 */
async function judge(hub: HubInfo, request: HubRequest, secrets: RegExp): Promise<Judged> {
	const trail: string[] = [];
	let current = request;
	for (let hop = 0; ; hop++) {
		trail.push(`${current.method ?? 'GET'} ${current.path}`);
		const answer = await send(hub, current);
		const leaked = MACHINE_CODE.exec(answer.body)?.[0] ?? secrets.exec(answer.body)?.[0];
		if (leaked) return { problem: `${answer.status} whose body holds ${leaked}`, answer, trail };
		const location = String(answer.headers.location ?? '');
		if ([301, 302, 303, 307, 308].includes(answer.status)) {
			if (LOGIN_LOCATION.test(location)) return { answer, trail };
			const target = new URL(location, hub.url);
			if (target.origin !== hub.url || hop >= MAX_REDIRECTS) return { problem: `${answer.status} to ${location}`, answer, trail };
			current = { ...current, path: `${target.pathname}${target.search}` };
			continue;
		}
		if ([401, 403, 404].includes(answer.status)) return { answer, trail };
		const json = jsonOf(answer) as { type?: string; location?: string } | undefined;
		if (answer.status === 200 && json?.type === 'redirect' && LOGIN_LOCATION.test(json.location ?? '')) return { answer, trail };
		return { problem: `${answer.status} ${answer.body.slice(0, 160).replace(/\s+/g, ' ')}`, answer, trail };
	}
}

describe.each(hubs.map((hub) => [hub.label, hub] as const))('authorization through the router on %s', (_label, hub) => {
	let db: HubDatabase;
	/** The demo SSO IDs (from the hub's own operators table), none of which a refusal may name. */
	let ssoIds: RegExp;
	let admin: string;
	/** An operator's session at the test's own machine, and another operator's at a second one. */
	let operator: string;
	let otherOperator: string;
	const own = OWN_MACHINES.authorization;
	const other = OWN_MACHINES.authorizationOther;

	beforeAll(async () => {
		db = await openDatabase(hub);
		const operators = (await db.rows('select sso_id from operators')).map((row) => String(row.sso_id));
		expect(operators.length).toBeGreaterThan(0);
		ssoIds = new RegExp(operators.join('|'), 'i');
		admin = await adminCookie(hub);
		for (const machine of [own, other]) await enrolNewMachine(hub, machine.kioskCode, machine.operator);
		operator = await operatorCookie(hub, own.kioskCode, own.operator);
		otherOperator = await operatorCookie(hub, other.kioskCode, other.operator);
	});
	afterAll(async () => {
		await db?.close();
	});

	it('finds the programme office routes in src/routes', () => {
		const paths = adminRequests().map((request) => `${request.method} ${request.path}`);
		expect(paths).toEqual(
			expect.arrayContaining([
				'GET /admin',
				'GET /admin/en',
				'GET /admin/hi',
				'GET /admin/en/__data.json',
				'GET /admin/en/machines',
				'GET /admin/hi/machines/__data.json',
				...['unmapped', 'outdated', 'idle', 'health'].map((list) => `GET /admin/en/reports/${list}`),
				'POST /admin/en?/logout',
				...['register', 'newCode', 'revoke', 'map', 'unmap', 'version'].map((action) => `POST /admin/en/machines?/${action}`)
			])
		);
		expect(paths.some((path) => path.includes('/login'))).toBe(false);
	});

	it('answers the programme office with data (so the checks below would see a leak)', async () => {
		const data = await send(hub, { path: '/admin/en/machines/__data.json', headers: { cookie: admin } });
		expect(data.status).toBe(200);
		expect(data.body).toMatch(MACHINE_CODE);
		const csv = await send(hub, { path: '/admin/en/reports/unmapped', headers: { cookie: admin } });
		expect(csv.status).toBe(200);
		expect(csv.body).toMatch(MACHINE_CODE);
	});

	it('refuses every programme office path, however spelled, without a session or with the wrong one', async () => {
		const operatorToken = cookieValue(operator);
		const identities: { name: string; headers: Record<string, string> }[] = [
			{ name: 'no session', headers: {} },
			{ name: "an operator's cookie", headers: { cookie: operator } },
			{ name: "an operator's token as the admin cookie", headers: { cookie: `emitra_admin=${operatorToken}` } },
			{ name: "a kiosk's token", headers: await kioskHeaders(hub, own.kioskCode) }
		];
		const cases = adminRequests().flatMap((request) =>
			variantsOf(request).flatMap((variant) => identities.map((identity) => ({ request, variant, identity })))
		);
		const before = await db.snapshot();
		const failures: string[] = [];
		await eachLimited(cases, CONCURRENCY, async ({ request, variant, identity }) => {
			const post = request.method === 'POST';
			const headers: Record<string, string> = { ...identity.headers };
			if (post) {
				// The hub's own origin, so that SvelteKit's cross-site check lets it through to the guard.
				Object.assign(headers, { origin: hub.url, 'content-type': 'application/x-www-form-urlencoded' });
			}
			const { problem, trail } = await judge(
				hub,
				{ method: request.method, path: variant.path, headers, body: post ? actionForm(hub, request.kind) : undefined },
				ssoIds
			);
			if (problem) failures.push(`${trail.join(' → ')} (${request.kind}, ${variant.name}, ${identity.name}): ${problem}`);
		});
		failures.sort();
		expect.soft(failures, `${failures.length} of ${cases.length} requests were not refused`).toEqual([]);
		expect(changedTables(before, await db.snapshot()), 'tables changed by refused requests').toEqual([]);
	});

	it('refuses every operator console call without an operator session', async () => {
		const routes = apiRoutes('api/v1/operator');
		expect(routes.map((route) => route.id)).toContain('/api/v1/operator/console');
		const kiosk = await kioskHeaders(hub, own.kioskCode);
		const cookies = {
			'no cookie': undefined,
			'an empty cookie': 'emitra_operator=',
			'a made-up token': `emitra_operator=${'A'.repeat(43)}`,
			"the kiosk's own token": `emitra_operator=${kiosk.authorization.slice('Bearer '.length)}`
		};
		const before = await db.snapshot();
		const failures: string[] = [];
		for (const route of routes) {
			for (const method of ['GET', 'POST']) {
				const defined = route.methods.includes(method);
				for (const withKiosk of [false, true]) {
					// The login is what a machine without an operator session calls: with the kiosk's token it is no refusal.
					if (withKiosk && route.id.endsWith('/login')) continue;
					for (const [name, cookie] of Object.entries(cookies)) {
						const headers: Record<string, string> = withKiosk ? { ...kiosk } : {};
						if (cookie) headers.cookie = cookie;
						if (method === 'POST') headers['content-type'] = 'application/json';
						const answer = await send(hub, {
							method,
							path: route.id,
							headers,
							body: method === 'POST' ? JSON.stringify({ pin: '2468' }) : undefined
						});
						const problem = operatorRefusalProblem(answer, defined, ssoIds);
						if (problem)
							failures.push(`${method} ${route.id} (${withKiosk ? 'kiosk token' : 'no kiosk token'}, ${name}): ${problem}`);
					}
				}
			}
		}
		expect.soft(failures).toEqual([]);
		expect(changedTables(before, await db.snapshot()), 'tables changed by refused requests').toEqual([]);
	});

	it("refuses the programme office's session on the operator console, and an operator's session from another machine", async () => {
		const adminToken = cookieValue(admin);
		const attempts: { name: string; kiosk: string; cookie: string }[] = [
			{ name: 'the admin session as the operator cookie', kiosk: own.kioskCode, cookie: `emitra_operator=${adminToken}` },
			{ name: 'the admin cookie', kiosk: own.kioskCode, cookie: admin },
			{ name: `${own.kioskCode}'s operator from ${other.kioskCode}`, kiosk: other.kioskCode, cookie: operator },
			{ name: `${own.kioskCode}'s operator from K4521096 (another operator's)`, kiosk: 'K4521096', cookie: operator },
			{ name: `${own.kioskCode}'s operator from K6104735 (no operator)`, kiosk: 'K6104735', cookie: operator },
			{ name: `${other.kioskCode}'s operator from ${own.kioskCode}`, kiosk: own.kioskCode, cookie: otherOperator }
		];
		// Each machine signs in before the database is looked at: a sign-in writes its session.
		const kiosks = new Map<string, Record<string, string>>();
		for (const { kiosk } of attempts) kiosks.set(kiosk, await kioskHeaders(hub, kiosk));
		const before = await db.snapshot();
		const failures: string[] = [];
		for (const route of apiRoutes('api/v1/operator')) {
			if (route.id.endsWith('/login')) continue;
			for (const method of route.methods) {
				for (const attempt of attempts) {
					const headers = { ...kiosks.get(attempt.kiosk), cookie: attempt.cookie, 'content-type': 'application/json' };
					const body = method === 'POST' ? JSON.stringify({ pin: '2468' }) : undefined;
					const answer = await send(hub, { method, path: route.id, headers, body });
					const problem = operatorRefusalProblem(answer, true, ssoIds);
					if (problem) failures.push(`${method} ${route.id} (${attempt.name}): ${problem}`);
				}
			}
		}
		expect.soft(failures).toEqual([]);
		expect(changedTables(before, await db.snapshot()), 'tables changed by refused requests').toEqual([]);
		// The session used above is still good where it belongs: the refusals were about the place, not the session.
		const atHome = await send(hub, { path: '/api/v1/operator/session', headers: { ...kiosks.get(own.kioskCode), cookie: operator } });
		expect(atHome.status).toBe(200);
		expect(atHome.body).toContain(own.operator);
	});
});

/**
 * An operator console refusal: 401 or 403 with the API's JSON error for a method the route
 * defines (405 for one it does not: SvelteKit answers that before any route code), and no
 * machine code or SSO ID in the body.
 */
function operatorRefusalProblem(answer: HubAnswer, defined: boolean, ssoIds: RegExp): string | undefined {
	const leaked = MACHINE_CODE.exec(answer.body)?.[0] ?? ssoIds.exec(answer.body)?.[0];
	if (leaked) return `${answer.status} whose body holds ${leaked}`;
	const allowed = defined ? [401, 403] : [401, 403, 404, 405];
	if (!allowed.includes(answer.status)) return `${answer.status} ${answer.body.slice(0, 160)}`;
	const code = (jsonOf(answer) as { error?: { code?: unknown } } | undefined)?.error?.code;
	if (defined && typeof code !== 'string') return `${answer.status} without a JSON error code: ${answer.body.slice(0, 160)}`;
	return undefined;
}
