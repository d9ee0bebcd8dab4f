import { webcrypto } from 'node:crypto';
import type { Kysely } from 'kysely';
import { version } from '$app/environment';
import type { Database } from '$lib/server/db/schema';
import {
	challengeMessage,
	KIOSK_SIGNATURE_PARAMS,
	KIOSK_SIGNING_ALGORITHM,
	KIOSK_VERSION_HEADER,
	type KioskPublicKeyJwk
} from '$lib/contract';
import { enrolKiosk, issueChallenge, issueEnrolmentCode, openKioskSession } from './enrolment';

/** A machine enrolled with a key made here, as a real kiosk would make it in its browser. */
export interface TestKiosk {
	code: string;
	privateKey: webcrypto.CryptoKey;
}

/** Enrols `kioskCode` through the real path: an administrator's code, then the kiosk's public key. */
export async function enrolTestKiosk(db: Kysely<Database>, kioskCode: string, now = new Date()): Promise<TestKiosk> {
	const pair = (await webcrypto.subtle.generateKey(KIOSK_SIGNING_ALGORITHM, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
	const publicKey = (await webcrypto.subtle.exportKey('jwk', pair.publicKey)) as KioskPublicKeyJwk;
	const { code } = await issueEnrolmentCode(db, kioskCode, 'test-admin', now);
	await enrolKiosk(db, code, { kty: 'EC', crv: 'P-256', x: publicKey.x, y: publicKey.y }, now);
	return { code: kioskCode, privateKey: pair.privateKey };
}

/** Signs a fresh challenge and returns the session token, as `callHub` does. */
export async function signIn(db: Kysely<Database>, kiosk: TestKiosk, now = new Date()): Promise<string> {
	const { nonce } = await issueChallenge(db, kiosk.code, now);
	const signature = await webcrypto.subtle.sign(KIOSK_SIGNATURE_PARAMS, kiosk.privateKey, challengeMessage(kiosk.code, nonce));
	const { token } = await openKioskSession(
		db,
		{ kioskCode: kiosk.code, nonce, signature: Buffer.from(signature).toString('base64url') },
		now
	);
	return token;
}

const enrolled = new WeakMap<Kysely<Database>, Map<string, Promise<Record<string, string>>>>();

/**
 * The headers a hub route test sends to be `kioskCode`: its session token and this build's
 * version. The machine is enrolled once per database (with a key of its own) and signs in once.
 */
export function kioskAuthHeaders(
	db: Kysely<Database>,
	kioskCode: string,
	options: { version?: string } = {}
): Promise<Record<string, string>> {
	let byKiosk = enrolled.get(db);
	if (!byKiosk) enrolled.set(db, (byKiosk = new Map()));
	let headers = byKiosk.get(kioskCode);
	if (!headers) {
		headers = enrolTestKiosk(db, kioskCode).then(async (kiosk) => ({ authorization: `Bearer ${await signIn(db, kiosk)}` }));
		byKiosk.set(kioskCode, headers);
	}
	return headers.then((auth) => ({ ...auth, [KIOSK_VERSION_HEADER]: options.version ?? version }));
}
