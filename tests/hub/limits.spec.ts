// The hub's limits under parallel attack, through the real server on each engine. On PostgreSQL
// the hub has a pool of connections, so the requests below really run side by side (READ
// COMMITTED): a limit that checks and then records lets them all through, one that counts
// atomically before the secret is checked lets exactly its number through.
//
// Subjects are chosen so that no other file of the run spends them: the fuzz logs in at K6104735
// and sends from 127.0.0.2–251, so the attempts here are at K4521096 and K1234567 and come from
// 127.0.1.x.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, hubs, jsonOf, kioskHeaders, operatorCookie, send, type HubAnswer, type HubInfo } from './harness';

const JSON_BODY = { 'content-type': 'application/json' };
/** The PIN SURESHSHARMA1984 set on K1234567 (demo data). */
const DEMO_PIN = '2468';

const codeOf = (answer: HubAnswer) => (jsonOf(answer) as { error?: { code?: string } } | undefined)?.error?.code;

/** How many answers had each status, e.g. `{ 401: 5, 429: 7 }`. */
function tally(answers: HubAnswer[]): Record<number, number> {
	const counts: Record<number, number> = {};
	for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
	return counts;
}

async function kioskLogin(hub: HubInfo, kioskCode: string, ssoId: string, password: string): Promise<HubAnswer> {
	return send(hub, {
		method: 'POST',
		path: '/api/v1/operator/login',
		headers: { ...(await kioskHeaders(hub, kioskCode)), ...JSON_BODY },
		body: JSON.stringify({ ssoId, password })
	});
}

/** The programme office's login form, posted from `localAddress` as a browser there would. */
function adminLogin(hub: HubInfo, ssoId: string, password: string, localAddress: string): Promise<HubAnswer> {
	return send(hub, {
		method: 'POST',
		path: '/admin/en/login',
		headers: { origin: hub.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
		body: new URLSearchParams({ ssoId, password }).toString(),
		localAddress
	});
}

/** SvelteKit's answer to a form action asked for JSON: `{ type: 'failure', status, data }`. */
function actionStatus(answer: HubAnswer): number | undefined {
	const body = jsonOf(answer) as { type?: string; status?: number } | undefined;
	return body?.type === 'failure' || body?.type === 'redirect' ? body.status : undefined;
}

describe.each(hubs)('limits under parallel attempts, on $label', (hub) => {
	it('twelve wrong passwords at once: five are checked, seven wait', async () => {
		const ssoId = `RACE${hub.label.replace(/\W/g, '').toUpperCase()}${Date.now()}`.slice(0, 40);
		const headers = await kioskHeaders(hub, 'K4521096');
		const answers = await Promise.all(
			Array.from({ length: 12 }, () =>
				send(hub, {
					method: 'POST',
					path: '/api/v1/operator/login',
					headers: { ...headers, ...JSON_BODY },
					body: JSON.stringify({ ssoId, password: 'parallel-guess' })
				})
			)
		);
		expect(tally(answers)).toEqual({ 401: 5, 429: 7 });
		expect(answers.filter((answer) => answer.status === 429).every((answer) => codeOf(answer) === 'too_many_attempts')).toBe(true);
	});

	it('twelve wrong PINs at once end the session, and the right PIN no longer opens it', async () => {
		const cookie = await operatorCookie(hub, 'K1234567', 'SURESHSHARMA1984');
		const console = async (path: string, body: unknown) =>
			send(hub, {
				method: 'POST',
				path,
				headers: { ...(await kioskHeaders(hub, 'K1234567')), ...JSON_BODY, cookie },
				body: JSON.stringify(body)
			});
		expect((await console('/api/v1/operator/lock', {})).status).toBe(200);
		const answers = await Promise.all(Array.from({ length: 12 }, () => console('/api/v1/operator/unlock', { pin: '1357' })));
		expect(tally(answers)).toEqual({ 403: 4, 401: 8 });
		const right = await console('/api/v1/operator/unlock', { pin: DEMO_PIN });
		expect(right.status).toBe(401);
		expect(codeOf(right)).toBe('operator_session_expired');
	});

	it('thirty wrong enrolment codes at once from one address: ten are checked; another address is not held up', async () => {
		const publicKey = {
			kty: 'EC',
			crv: 'P-256',
			x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
			y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0'
		};
		const tryCode = (localAddress: string) =>
			send(hub, {
				method: 'POST',
				path: '/api/v1/kiosk/enrol',
				headers: JSON_BODY,
				body: JSON.stringify({ enrolmentCode: 'AAAA-BBBB-CCCC', publicKey }),
				localAddress
			});
		const burst = await Promise.all(Array.from({ length: 30 }, () => tryCode('127.0.1.10')));
		expect(tally(burst)).toEqual({ 403: 10, 429: 20 });
		const elsewhere = await tryCode('127.0.1.11');
		expect([elsewhere.status, codeOf(elsewhere)]).toEqual([403, 'enrolment_code_invalid']);
	});

	it('wrong passwords at the programme office login do not lock an operator out of their machine', async () => {
		const tries = await Promise.all(Array.from({ length: 8 }, () => adminLogin(hub, 'RAJURAM1992', 'lock-him-out', '127.0.1.20')));
		expect(tries.map(actionStatus).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
		const atHisMachine = await kioskLogin(hub, 'K4521096', 'RAJURAM1992', DEMO_PASSWORD);
		expect(atHisMachine.status).toBe(200);
	});

	it('a right password for another machine’s operator is a counted attempt, not an oracle', async () => {
		// ARJUNSINGH1987 is K3187402's operator; at K1234567 his right password counts like a wrong one.
		const answers = await Promise.all(Array.from({ length: 7 }, () => kioskLogin(hub, 'K1234567', 'ARJUNSINGH1987', DEMO_PASSWORD)));
		expect(tally(answers)).toEqual({ 403: 5, 429: 2 });
		expect(
			answers.filter((answer) => answer.status === 403).every((answer) => codeOf(answer) === 'operator_not_authorized_for_kiosk')
		).toBe(true);
	});
});
