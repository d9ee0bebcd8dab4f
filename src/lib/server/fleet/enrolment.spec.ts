import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, engines, type TestDatabase } from '$lib/server/db/testing/engines';
import { seedDemoData } from '$demo';
import { tokenHash } from '$lib/server/operators/secrets';
import { challengeMessage } from '$lib/contract';
import { authenticateKiosk, enrolKiosk, issueChallenge, issueEnrolmentCode, KIOSK_SESSION_MINUTES, openKioskSession } from './enrolment';
import { DEMO_ENROLMENT_CODES } from '$demo';
import { enrolTestKiosk, signIn } from './testing';

const NOW = new Date('2026-11-22T06:00:00.000Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const bearer = (token: string) => new Request('http://hub.test/api/v1/billers', { headers: { authorization: `Bearer ${token}` } });

async function newKey() {
	const pair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
		'sign',
		'verify'
	])) as webcrypto.CryptoKeyPair;
	const { x, y } = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
	return { pair, publicKey: { kty: 'EC' as const, crv: 'P-256' as const, x: x ?? '', y: y ?? '' } };
}

async function sign(privateKey: webcrypto.CryptoKey, kioskCode: string, nonce: string) {
	return Buffer.from(
		await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, challengeMessage(kioskCode, nonce))
	).toString('base64url');
}

describe.each(engines)('kiosk enrolment and sessions on %s', (engine) => {
	let test: TestDatabase;

	beforeAll(async () => {
		test = await openTestDatabase(engine);
		await seedDemoData(test.db, NOW);
	});
	afterAll(() => test.close());

	it('enrols a machine once with its code, typed any way, and never again with the same code', async () => {
		const { publicKey } = await newKey();
		const typed = DEMO_ENROLMENT_CODES.K3187402?.toLowerCase().replaceAll('-', ' ') ?? '';
		expect(await enrolKiosk(test.db, typed, publicKey, NOW)).toEqual({
			kioskCode: 'K3187402',
			district: 'Jodhpur',
			place: 'e-Mitra Plus, Paota Circle, Jodhpur'
		});
		await expect(enrolKiosk(test.db, typed, publicKey, NOW)).rejects.toMatchObject({ status: 403, code: 'enrolment_code_invalid' });
		// Only the code's hash is kept.
		const stored = await test.db.selectFrom('kiosk_enrolment_codes').select('code_hash').where('kiosk_code', '=', 'K3187402').execute();
		expect(JSON.stringify(stored)).not.toContain('JDH6');
	});

	it('refuses an expired code, an unknown code, a revoked machine’s code and a key that is not P-256', async () => {
		const { publicKey } = await newKey();
		const { code } = await issueEnrolmentCode(test.db, 'K2045318', 'PODIRECTOR2026', NOW);
		await expect(enrolKiosk(test.db, code, publicKey, later(8 * 24 * 3600))).rejects.toMatchObject({ code: 'enrolment_code_invalid' });
		await expect(enrolKiosk(test.db, 'ABCD-EFGH-JKLM', publicKey, NOW)).rejects.toMatchObject({ code: 'enrolment_code_invalid' });
		const revoked = await issueEnrolmentCode(test.db, 'K5630281', 'PODIRECTOR2026', NOW);
		await expect(enrolKiosk(test.db, revoked.code, publicKey, NOW)).rejects.toMatchObject({ code: 'enrolment_code_invalid' });
		await expect(enrolKiosk(test.db, code, { ...publicKey, x: 'A'.repeat(43) }, NOW)).rejects.toMatchObject({
			status: 400,
			code: 'invalid_request'
		});
		expect((await enrolKiosk(test.db, code, publicKey, NOW)).kioskCode).toBe('K2045318');
	});

	it('gives a session token only for a fresh, unused nonce signed with the machine’s own key', async () => {
		const kiosk = await enrolTestKiosk(test.db, 'K4521096', NOW);
		const stranger = await newKey();

		const first = await issueChallenge(test.db, 'K4521096', NOW);
		await expect(
			openKioskSession(
				test.db,
				{ kioskCode: 'K4521096', nonce: first.nonce, signature: await sign(stranger.pair.privateKey, 'K4521096', first.nonce) },
				NOW
			)
		).rejects.toMatchObject({ status: 401, code: 'signature_invalid' });
		// The nonce was used up by the failed try.
		await expect(
			openKioskSession(
				test.db,
				{ kioskCode: 'K4521096', nonce: first.nonce, signature: await sign(kiosk.privateKey, 'K4521096', first.nonce) },
				NOW
			)
		).rejects.toMatchObject({ code: 'challenge_invalid' });

		const late = await issueChallenge(test.db, 'K4521096', NOW);
		await expect(
			openKioskSession(
				test.db,
				{ kioskCode: 'K4521096', nonce: late.nonce, signature: await sign(kiosk.privateKey, 'K4521096', late.nonce) },
				later(61)
			)
		).rejects.toMatchObject({ code: 'challenge_invalid' });

		// A nonce (and its signature) for one machine is no good for another.
		const other = await issueChallenge(test.db, 'K4521096', NOW);
		await expect(
			openKioskSession(
				test.db,
				{ kioskCode: 'K1234567', nonce: other.nonce, signature: await sign(kiosk.privateKey, 'K4521096', other.nonce) },
				NOW
			)
		).rejects.toMatchObject({ code: 'challenge_invalid' });

		const good = await issueChallenge(test.db, 'K4521096', NOW);
		const { token } = await openKioskSession(
			test.db,
			{ kioskCode: 'K4521096', nonce: good.nonce, signature: await sign(kiosk.privateKey, 'K4521096', good.nonce) },
			NOW
		);
		expect((await authenticateKiosk(test.db, bearer(token), NOW)).code).toBe('K4521096');
	});

	it('tells an unknown, an unenrolled and a revoked machine apart only to a valid signature', async () => {
		const stranger = await newKey();
		// The challenge answers every well-formed code alike: it says nothing about the machine.
		for (const code of ['K9999999', 'K2045318', 'K5630281']) {
			expect(await issueChallenge(test.db, code, NOW)).toMatchObject({ nonce: expect.any(String), expiresAt: expect.any(String) });
		}
		// Without the machine's key, unknown (K9999999) and never enrolled (K2045318) fail like a wrong signature.
		for (const code of ['K9999999', 'K2045318']) {
			const { nonce } = await issueChallenge(test.db, code, NOW);
			await expect(
				openKioskSession(test.db, { kioskCode: code, nonce, signature: await sign(stranger.pair.privateKey, code, nonce) }, NOW)
			).rejects.toMatchObject({ status: 401, code: 'signature_invalid' });
		}
		// The revoked machine K5630281 learns it is revoked once it has signed with its own key.
		// (Enrolled before it was revoked: its key is still on file.)
		const revoked = await newKey();
		await test.db
			.insertInto('kiosk_keys')
			.values({ kiosk_code: 'K5630281', public_key_jwk: JSON.stringify(revoked.publicKey), enrolled_at: NOW.toISOString() })
			.execute();
		const { nonce } = await issueChallenge(test.db, 'K5630281', NOW);
		await expect(
			openKioskSession(
				test.db,
				{ kioskCode: 'K5630281', nonce, signature: await sign(stranger.pair.privateKey, 'K5630281', nonce) },
				NOW
			)
		).rejects.toMatchObject({ code: 'signature_invalid' });
		const again = await issueChallenge(test.db, 'K5630281', NOW);
		await expect(
			openKioskSession(
				test.db,
				{ kioskCode: 'K5630281', nonce: again.nonce, signature: await sign(revoked.pair.privateKey, 'K5630281', again.nonce) },
				NOW
			)
		).rejects.toMatchObject({ status: 403, code: 'kiosk_revoked' });
	});

	it('a stolen token expires; a copied database gives no token', async () => {
		const kiosk = await enrolTestKiosk(test.db, 'K6104735', NOW);
		const token = await signIn(test.db, kiosk, NOW);
		expect((await authenticateKiosk(test.db, bearer(token), later(KIOSK_SESSION_MINUTES * 60 - 1))).code).toBe('K6104735');
		await expect(authenticateKiosk(test.db, bearer(token), later(KIOSK_SESSION_MINUTES * 60))).rejects.toMatchObject({
			status: 401,
			code: 'kiosk_session_expired'
		});

		// What the database holds (the token's hash, the public key) proves nothing.
		const row = await test.db
			.selectFrom('kiosk_sessions')
			.select('token_hash')
			.where('token_hash', '=', tokenHash(token))
			.executeTakeFirstOrThrow();
		await expect(authenticateKiosk(test.db, bearer(row.token_hash), NOW)).rejects.toMatchObject({ code: 'kiosk_unauthenticated' });
		await expect(
			authenticateKiosk(test.db, new Request('http://hub.test/', { headers: { 'x-kiosk-code': 'K6104735' } }), NOW)
		).rejects.toMatchObject({ code: 'kiosk_unauthenticated' });
	});

	it('enrolling again replaces the key and ends the old sessions', async () => {
		const first = await enrolTestKiosk(test.db, 'K1234567', NOW);
		const token = await signIn(test.db, first, NOW);
		await enrolTestKiosk(test.db, 'K1234567', NOW);
		await expect(authenticateKiosk(test.db, bearer(token), NOW)).rejects.toMatchObject({ code: 'kiosk_unauthenticated' });
		await expect(signIn(test.db, first, NOW)).rejects.toMatchObject({ code: 'signature_invalid' });
		const audit = await test.db.selectFrom('audit_log').select(['action', 'actor']).where('kiosk_code', '=', 'K1234567').execute();
		expect(audit).toContainEqual({ action: 'machine.enrolled', actor: 'kiosk:K1234567' });
	});

	it('keeps the audit log and the cash box record append-only: the database refuses to change them', async () => {
		await expect(test.db.updateTable('audit_log').set({ actor: 'someone-else' }).execute()).rejects.toThrow(/append-only/);
		await expect(test.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
		await test.db
			.insertInto('cash_box_emptyings')
			.values({
				kiosk_code: 'K1234567',
				operator_sso_id: 'SURESHSHARMA1984',
				notes: 3,
				amount_paise: 70_000,
				emptied_at: NOW.toISOString()
			})
			.execute();
		await expect(test.db.updateTable('cash_box_emptyings').set({ amount_paise: 0 }).execute()).rejects.toThrow(/append-only/);
		await expect(test.db.deleteFrom('cash_box_emptyings').execute()).rejects.toThrow(/append-only/);
	});
});
