import { randomBytes, webcrypto } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import { audit } from '$lib/server/audit';
import type { Database, Kiosk } from '$lib/server/db/schema';
import { newToken, tokenHash } from '$lib/server/operators/secrets';
import {
	challengeMessage,
	ENROLMENT_CODE_ALPHABET,
	ENROLMENT_CODE_LENGTH,
	KIOSK_SIGNATURE_PARAMS,
	KIOSK_SIGNING_ALGORITHM,
	normaliseEnrolmentCode,
	type EnrolAnswer,
	type KioskPublicKeyJwk
} from '$lib/contract';

/** Long enough for an installer to reach a village kiosk; then the administrator issues a new one. */
export const ENROLMENT_CODE_DAYS = 7;
/** A nonce must be signed and returned at once. */
export const CHALLENGE_SECONDS = 60;
/** A stolen token is good for this long at most; the kiosk signs a new challenge when it lapses. */
export const KIOSK_SESSION_MINUTES = 15;

const addSeconds = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

function newEnrolmentCode(): string {
	// 32 letters and 256 byte values: each byte maps evenly onto the alphabet.
	return [...randomBytes(ENROLMENT_CODE_LENGTH)].map((byte) => ENROLMENT_CODE_ALPHABET[byte % ENROLMENT_CODE_ALPHABET.length]).join('');
}

/**
 * A one-time code for the installer of `kioskCode`. Only its hash is stored, so the code is shown
 * once to the administrator; issuing a new one leaves earlier unused codes valid until they expire.
 */
export async function issueEnrolmentCode(
	db: Kysely<Database>,
	kioskCode: string,
	issuedBy: string,
	now: Date,
	code = newEnrolmentCode()
): Promise<{ code: string; expiresAt: string }> {
	const expiresAt = addSeconds(now, ENROLMENT_CODE_DAYS * 24 * 3600);
	await db
		.insertInto('kiosk_enrolment_codes')
		.values({
			code_hash: tokenHash(normaliseEnrolmentCode(code)),
			kiosk_code: kioskCode,
			issued_by: issuedBy,
			issued_at: now.toISOString(),
			expires_at: expiresAt,
			used_at: null
		})
		.execute();
	await audit(db, { actor: issuedBy, action: 'machine.enrolment_code_issued', kioskCode, detail: { expiresAt } }, now);
	return { code: normaliseEnrolmentCode(code), expiresAt };
}

/**
 * The installer's code, once: the machine's public key replaces any earlier one (re-enrolling a
 * machine whose disk was replaced), and its old sessions end.
 */
export async function enrolKiosk(
	db: Kysely<Database>,
	enrolmentCode: string,
	publicKey: KioskPublicKeyJwk,
	now: Date
): Promise<EnrolAnswer> {
	await importPublicKey(publicKey).catch(() => {
		throw new ApiError(400, 'invalid_request', 'The public key is not an ECDSA P-256 key', { publicKey: 'format' });
	});
	return db.transaction().execute(async (trx) => {
		const hash = tokenHash(normaliseEnrolmentCode(enrolmentCode));
		const used = await trx
			.updateTable('kiosk_enrolment_codes')
			.set({ used_at: now.toISOString() })
			.where('code_hash', '=', hash)
			.where('used_at', 'is', null)
			.where('expires_at', '>', now.toISOString())
			.returning('kiosk_code')
			.executeTakeFirst();
		const kiosk = used && (await trx.selectFrom('kiosks').selectAll().where('code', '=', used.kiosk_code).executeTakeFirst());
		if (!kiosk || kiosk.status !== 'active') {
			throw new ApiError(403, 'enrolment_code_invalid', 'This enrolment code is wrong, used or expired');
		}
		const key = { public_key_jwk: JSON.stringify(publicKey), enrolled_at: now.toISOString() };
		await trx
			.insertInto('kiosk_keys')
			.values({ kiosk_code: kiosk.code, ...key })
			.onConflict((conflict) => conflict.column('kiosk_code').doUpdateSet(key))
			.execute();
		await trx.deleteFrom('kiosk_sessions').where('kiosk_code', '=', kiosk.code).execute();
		await audit(trx, { actor: `kiosk:${kiosk.code}`, action: 'machine.enrolled', kioskCode: kiosk.code }, now);
		return { kioskCode: kiosk.code, district: kiosk.district, place: kiosk.place };
	});
}

function importPublicKey(jwk: KioskPublicKeyJwk): Promise<webcrypto.CryptoKey> {
	return webcrypto.subtle.importKey('jwk', { ...jwk, ext: true }, KIOSK_SIGNING_ALGORITHM, false, ['verify']);
}

/**
 * A nonce for `kioskCode` to sign. It is given for any well-formed code, enrolled or not: the
 * challenge tells nothing about a machine (unknown, revoked and unenrolled look alike here; the
 * route limits it per client address). Only a valid signature learns more (`openKioskSession`).
 */
export async function issueChallenge(db: Kysely<Database>, kioskCode: string, now: Date): Promise<{ nonce: string; expiresAt: string }> {
	const nonce = newToken();
	const expiresAt = addSeconds(now, CHALLENGE_SECONDS);
	await db.deleteFrom('kiosk_challenges').where('expires_at', '<', now.toISOString()).execute();
	await db.insertInto('kiosk_challenges').values({ nonce, kiosk_code: kioskCode, expires_at: expiresAt, used_at: null }).execute();
	return { nonce, expiresAt };
}

/**
 * The signed nonce, checked with the machine's public key, buys a short-lived session token.
 * A machine the hub has no key for (unknown, never enrolled, or its database replaced) fails
 * exactly like a wrong signature: `signature_invalid`, which tells the kiosk its key is of no use
 * here and it must be enrolled again. Only after a valid signature is a revoked machine told so.
 */
export async function openKioskSession(
	db: Kysely<Database>,
	request: { kioskCode: string; nonce: string; signature: string },
	now: Date
): Promise<{ token: string; expiresAt: string }> {
	// Used up whether or not the signature is good: a nonce is never tried twice.
	const challenge = await db
		.updateTable('kiosk_challenges')
		.set({ used_at: now.toISOString() })
		.where('nonce', '=', request.nonce)
		.where('kiosk_code', '=', request.kioskCode)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.returning('nonce')
		.executeTakeFirst();
	if (!challenge) throw new ApiError(401, 'challenge_invalid', 'Ask for a new challenge and sign it at once');
	const row = await db
		.selectFrom('kiosks')
		.innerJoin('kiosk_keys', 'kiosk_keys.kiosk_code', 'kiosks.code')
		.select(['kiosks.status', 'kiosk_keys.public_key_jwk'])
		.where('kiosks.code', '=', request.kioskCode)
		.executeTakeFirst();
	const key = row && (await importPublicKey(JSON.parse(row.public_key_jwk) as KioskPublicKeyJwk));
	const signed =
		key !== undefined &&
		(await webcrypto.subtle
			.verify(
				KIOSK_SIGNATURE_PARAMS,
				key,
				Buffer.from(request.signature, 'base64url'),
				challengeMessage(request.kioskCode, request.nonce)
			)
			.catch(() => false));
	if (!row || !signed) throw new ApiError(401, 'signature_invalid', 'The signature does not match a key this hub holds for the kiosk');
	if (row.status === 'revoked') throw new ApiError(403, 'kiosk_revoked', `Kiosk ${request.kioskCode} may no longer transact`);
	const token = newToken();
	const expiresAt = addSeconds(now, KIOSK_SESSION_MINUTES * 60);
	await db.deleteFrom('kiosk_sessions').where('expires_at', '<', now.toISOString()).execute();
	await db
		.insertInto('kiosk_sessions')
		.values({ token_hash: tokenHash(token), kiosk_code: request.kioskCode, created_at: now.toISOString(), expires_at: expiresAt })
		.execute();
	return { token, expiresAt };
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,100})$/;

/**
 * The active, enrolled kiosk a request comes from, by its session token. No token or an unknown
 * one is 401 `kiosk_unauthenticated`, a lapsed one 401 `kiosk_session_expired` (the kiosk signs
 * a new challenge and tries once more); a revoked or unknown machine is 403.
 */
export async function authenticateKiosk(db: Kysely<Database>, request: Request, now: Date): Promise<Kiosk> {
	const token = BEARER.exec(request.headers.get('authorization')?.trim() ?? '')?.[1];
	const session =
		token === undefined
			? undefined
			: await db.selectFrom('kiosk_sessions').selectAll().where('token_hash', '=', tokenHash(token)).executeTakeFirst();
	if (!session) throw new ApiError(401, 'kiosk_unauthenticated', 'Send this kiosk’s session token as a Bearer token');
	if (session.expires_at <= now.toISOString()) throw new ApiError(401, 'kiosk_session_expired', 'The kiosk session has expired');
	const kiosk = await db.selectFrom('kiosks').selectAll().where('code', '=', session.kiosk_code).executeTakeFirst();
	if (!kiosk) throw new ApiError(403, 'unknown_kiosk', 'This kiosk no longer exists');
	if (kiosk.status === 'revoked') throw new ApiError(403, 'kiosk_revoked', `Kiosk ${kiosk.code} may no longer transact`);
	return kiosk;
}
