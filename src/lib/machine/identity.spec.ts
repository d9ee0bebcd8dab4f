import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { challengeMessage, KIOSK_API_PATHS, KIOSK_SIGNATURE_PARAMS, KIOSK_SIGNING_ALGORITHM, type KioskPublicKeyJwk } from '$lib/contract';
import { callHub } from './hub';
import { enrolThisKiosk, readKioskIdentity } from './identity';

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A hub that enrols, signs in and answers one protected path, with tokens it can expire. */
function fakeHub() {
	let publicKey: CryptoKey | undefined;
	const nonces = new Set<string>();
	const tokens = new Map<string, 'live' | 'expired'>();
	const calls: string[] = [];
	const fetchImpl = (async (path: string, init: RequestInit = {}) => {
		calls.push(path);
		const body = init.body ? JSON.parse(String(init.body)) : undefined;
		if (path === KIOSK_API_PATHS.enrol) {
			if (body.enrolmentCode !== 'JPR4KQ2M7XWH') return json(403, { error: { code: 'enrolment_code_invalid' } });
			publicKey = await crypto.subtle.importKey('jwk', body.publicKey as KioskPublicKeyJwk, KIOSK_SIGNING_ALGORITHM, false, [
				'verify'
			]);
			return json(201, { kioskCode: 'K1234567', district: 'Jaipur', place: 'e-Mitra Plus, Collectorate Circle, Jaipur' });
		}
		if (path === KIOSK_API_PATHS.challenge) {
			// As the hub does: a nonce for any machine, enrolled or not; only a signature tells.
			const nonce = `nonce-${nonces.size}`;
			nonces.add(nonce);
			return json(200, { nonce, expiresAt: new Date(Date.now() + 60_000).toISOString() });
		}
		if (path === KIOSK_API_PATHS.session) {
			const signature = Buffer.from(body.signature, 'base64url');
			const good =
				publicKey &&
				nonces.delete(body.nonce) &&
				(await crypto.subtle.verify(KIOSK_SIGNATURE_PARAMS, publicKey, signature, challengeMessage(body.kioskCode, body.nonce)));
			if (!good) return json(401, { error: { code: 'signature_invalid' } });
			const token = `token-${tokens.size}-${'x'.repeat(24)}`;
			tokens.set(token, 'live');
			return json(201, { token, expiresAt: new Date(Date.now() + 900_000).toISOString() });
		}
		const token = new Headers(init.headers).get('authorization')?.replace('Bearer ', '') ?? '';
		const state = tokens.get(token);
		if (state === 'live') return json(200, { ok: true, token });
		return json(401, { error: { code: state === 'expired' ? 'kiosk_session_expired' : 'kiosk_unauthenticated' } });
	}) as typeof fetch;
	return {
		fetchImpl,
		tokens,
		calls,
		expireAll: () => tokens.forEach((_, token) => tokens.set(token, 'expired')),
		forgetKey: () => (publicKey = undefined)
	};
}

describe('this kiosk’s identity and its hub session', () => {
	it('a machine not enrolled has no identity and sends no token', async () => {
		const hub = fakeHub();
		expect(await readKioskIdentity()).toBeUndefined();
		expect(await callHub(hub.fetchImpl, '/api/v1/billers')).toEqual({ kind: 'refused', status: 401, code: 'kiosk_unauthenticated' });
		// Nothing to sign with: one try, then one more after the refusal, and no sign-in.
		expect(hub.calls).toEqual(['/api/v1/billers', '/api/v1/billers']);
	});

	it('a wrong code leaves the machine not enrolled', async () => {
		const hub = fakeHub();
		expect(await enrolThisKiosk(hub.fetchImpl, 'AAAABBBBCCCC')).toEqual({ kind: 'refused', code: 'enrolment_code_invalid' });
		expect(await readKioskIdentity()).toBeUndefined();
	});

	it('enrols with a key that cannot be extracted, signs in, and signs in again once when the token lapses', async () => {
		const hub = fakeHub();
		const result = await enrolThisKiosk(hub.fetchImpl, 'JPR4KQ2M7XWH');
		expect(result.kind).toBe('enrolled');
		const identity = await readKioskIdentity();
		expect(identity).toMatchObject({ kioskCode: 'K1234567', district: 'Jaipur' });
		expect(identity?.privateKey.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('jwk', identity!.privateKey)).rejects.toThrow();

		const first = await callHub<{ token: string }>(hub.fetchImpl, '/api/v1/billers');
		expect(first).toMatchObject({ kind: 'ok', body: { token: 'token-0-xxxxxxxxxxxxxxxxxxxxxxxx' } });
		// The token is kept for the next call: no new sign-in.
		hub.calls.length = 0;
		await callHub(hub.fetchImpl, '/api/v1/billers');
		expect(hub.calls).toEqual(['/api/v1/billers']);

		hub.expireAll();
		hub.calls.length = 0;
		const renewed = await callHub<{ token: string }>(hub.fetchImpl, '/api/v1/billers');
		expect(renewed).toMatchObject({ kind: 'ok', body: { token: 'token-1-xxxxxxxxxxxxxxxxxxxxxxxx' } });
		expect(hub.calls).toEqual(['/api/v1/billers', KIOSK_API_PATHS.challenge, KIOSK_API_PATHS.session, '/api/v1/billers']);
	});

	it('a hub that no longer knows the machine’s key sends it back to the enrolment screen', async () => {
		const hub = fakeHub();
		expect((await enrolThisKiosk(hub.fetchImpl, 'JPR4KQ2M7XWH')).kind).toBe('enrolled');
		// The hub's database was replaced: the key here can never sign in again.
		hub.forgetKey();
		expect(await callHub(hub.fetchImpl, '/api/v1/billers')).toMatchObject({ kind: 'refused', code: 'kiosk_unauthenticated' });
		expect(await readKioskIdentity()).toBeUndefined();
	});
});
