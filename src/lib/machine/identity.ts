import { openDB, type IDBPDatabase } from 'idb';
import {
	challengeAnswer,
	challengeMessage,
	enrolAnswer,
	KIOSK_API_PATHS,
	KIOSK_SIGNATURE_PARAMS,
	KIOSK_SIGNING_ALGORITHM,
	sessionAnswer
} from '$lib/contract';
import { IDENTITY_DATABASE, IDENTITY_DATABASE_VERSION, IDENTITY_KEY, IDENTITY_STORE, type KioskIdentity } from './identity-store';
import * as v from 'valibot';

export type { KioskIdentity } from './identity-store';

let database: Promise<IDBPDatabase> | undefined;

function identityDatabase(): Promise<IDBPDatabase> {
	database ??= openDB(IDENTITY_DATABASE, IDENTITY_DATABASE_VERSION, {
		upgrade(db) {
			if (!db.objectStoreNames.contains(IDENTITY_STORE)) db.createObjectStore(IDENTITY_STORE);
		}
	});
	return database;
}

/** This machine's enrolment, or undefined on a machine not yet enrolled (or without IndexedDB). */
export async function readKioskIdentity(): Promise<KioskIdentity | undefined> {
	if (typeof indexedDB === 'undefined') return undefined;
	return (await (await identityDatabase()).get(IDENTITY_STORE, IDENTITY_KEY)) as KioskIdentity | undefined;
}

export type EnrolmentResult = { kind: 'enrolled'; identity: KioskIdentity } | { kind: 'refused'; code: string } | { kind: 'unreachable' };

/**
 * The installer's code: a new key pair whose private half never leaves this browser, its public
 * half to the hub, and — only once the hub has accepted it — the record in IndexedDB.
 */
export async function enrolThisKiosk(fetchImpl: typeof fetch, enrolmentCode: string): Promise<EnrolmentResult> {
	const pair = await crypto.subtle.generateKey(KIOSK_SIGNING_ALGORITHM, false, ['sign', 'verify']);
	const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
	let response: Response;
	try {
		response = await fetchImpl(KIOSK_API_PATHS.enrol, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ enrolmentCode, publicKey: { kty, crv, x, y } })
		});
	} catch {
		return { kind: 'unreachable' };
	}
	const body: unknown = await response.json().catch(() => undefined);
	const enrolled = v.safeParse(enrolAnswer, body);
	if (!response.ok || !enrolled.success) {
		const code = (body as { error?: { code?: string } } | undefined)?.error?.code;
		return response.status >= 500 || !code ? { kind: 'unreachable' } : { kind: 'refused', code };
	}
	const identity: KioskIdentity = {
		...enrolled.output,
		privateKey: pair.privateKey,
		publicKey: pair.publicKey,
		enrolledAt: new Date().toISOString()
	};
	await (await identityDatabase()).put(IDENTITY_STORE, identity, IDENTITY_KEY);
	forgetKioskToken();
	return { kind: 'enrolled', identity };
}

let token: Promise<string | undefined> | undefined;

/** Drops the session token, so the next call signs a new challenge. */
export function forgetKioskToken(): void {
	token = undefined;
}

/**
 * A session token for this kiosk, signing the hub's nonce when there is none yet. One sign-in
 * at a time: concurrent callers share it. Undefined when not enrolled or the hub cannot be reached.
 */
export function kioskToken(fetchImpl: typeof fetch): Promise<string | undefined> {
	token ??= signIn(fetchImpl).then((signed) => {
		if (signed === undefined) token = undefined;
		return signed;
	});
	return token;
}

/**
 * The hub has no key for this machine (its database was replaced, the machine was deleted, or it
 * was enrolled again elsewhere): the key here can never sign in again, so it goes, and the next
 * screen is the enrolment screen. The hub says so only to a signature (`signature_invalid`: it
 * holds no key that verifies ours); the challenge tells nothing. A revoked machine keeps its
 * record; the programme office decides about it.
 */
const FORGOTTEN_BY_HUB = new Set(['signature_invalid', 'kiosk_not_enrolled', 'unknown_kiosk']);

async function signIn(fetchImpl: typeof fetch): Promise<string | undefined> {
	const identity = await readKioskIdentity();
	if (!identity) return undefined;
	try {
		const post = (path: string, body: unknown) =>
			fetchImpl(path, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify(body)
			}).then((response) => response.json());
		const challenge = v.parse(challengeAnswer, await post(KIOSK_API_PATHS.challenge, { kioskCode: identity.kioskCode }));
		const signature = await crypto.subtle.sign(
			KIOSK_SIGNATURE_PARAMS,
			identity.privateKey,
			challengeMessage(identity.kioskCode, challenge.nonce)
		);
		const answered: unknown = await post(KIOSK_API_PATHS.session, {
			kioskCode: identity.kioskCode,
			nonce: challenge.nonce,
			signature: base64Url(new Uint8Array(signature))
		});
		const refusal = (answered as { error?: { code?: string } } | undefined)?.error?.code;
		if (refusal && FORGOTTEN_BY_HUB.has(refusal)) {
			await (await identityDatabase()).delete(IDENTITY_STORE, IDENTITY_KEY);
			return undefined;
		}
		const session = v.parse(sessionAnswer, answered);
		return session.token;
	} catch {
		return undefined;
	}
}

function base64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes))
		.replaceAll('+', '-')
		.replaceAll('/', '_')
		.replace(/=+$/, '');
}
