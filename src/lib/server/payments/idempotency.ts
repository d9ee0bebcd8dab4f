import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApiErrorBody } from '$lib/contract';
import { ApiError } from '$lib/server/api/http';
import type { Database } from '$lib/server/db/schema';

/**
 * Idempotency keys with Stripe's semantics. The kiosk makes a UUID before the first try of a
 * request and sends it with every retry:
 *
 * - same key, same request, answered before → the stored answer again, nothing done twice;
 * - same key, another request → 422 `idempotency_key_reused`;
 * - same key while the first try is still running → 409 `request_in_progress`.
 *
 * The answer is written by the operation inside the same database transaction as its last
 * change, so "changed" and "answered" commit together. A refusal (4xx) is stored like any
 * answer. A try that dies with a fault or a "try later" (a 5xx, or a biller that is not answering,
 * `TRY_LATER_REFUSALS`) releases the key (every operation
 * can run again from wherever the last one stopped); one that dies with the process leaves the
 * key locked until `IDEMPOTENCY_LOCK_MS` has passed.
 */

export const IDEMPOTENCY_LOCK_MS = 2 * 60_000;

/**
 * Refusals that say "not now" rather than "no": the same request may succeed later (the biller's
 * system comes back), so they are not kept as the key's answer.
 */
export const TRY_LATER_REFUSALS: readonly string[] = ['biller_unavailable'];

export interface IdempotentRequest {
	kioskCode: string;
	key: string;
	method: string;
	path: string;
	/**
	 * What of the body decides the outcome. Usually the body itself; card and Aadhaar numbers are
	 * left out (masked instead), because a hash of a 12–16 digit number is easily reversed.
	 */
	fingerprint: unknown;
}

export interface IdempotentAnswer {
	status: number;
	body: unknown;
	/** True when this is the stored answer of an earlier try. */
	replayed: boolean;
}

/** Stores the operation's answer; call it inside the transaction of the operation's last change. */
export type SaveAnswer = (trx: Kysely<Database>, body: unknown) => Promise<void>;

/** Sorted keys, so a retry that serialises the same body differently is still the same request. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, entry]) => entry !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export function requestHash(request: Pick<IdempotentRequest, 'method' | 'path' | 'fingerprint'>): string {
	return createHash('sha256')
		.update(canonicalJson([request.method.toUpperCase(), request.path, request.fingerprint]))
		.digest('hex');
}

type Claim = { kind: 'claimed'; token: string } | { kind: 'answered'; status: number; body: unknown };

async function claimKey(db: Kysely<Database>, request: IdempotentRequest, hash: string, now: Date): Promise<Claim> {
	const token = randomUUID();
	const at = now.toISOString();
	const keyOf = { kiosk_code: request.kioskCode, key: request.key };
	for (;;) {
		const inserted = await db
			.insertInto('idempotency_keys')
			.values({
				...keyOf,
				request_hash: hash,
				status: 'in_flight',
				lock_token: token,
				locked_at: at,
				created_at: at
			})
			.onConflict((conflict) => conflict.columns(['kiosk_code', 'key']).doNothing())
			.returning('key')
			.executeTakeFirst();
		if (inserted !== undefined) return { kind: 'claimed', token };

		const existing = await db
			.selectFrom('idempotency_keys')
			.selectAll()
			.where('kiosk_code', '=', request.kioskCode)
			.where('key', '=', request.key)
			.executeTakeFirst();
		// Released between our insert and our read: try to claim it again.
		if (existing === undefined) continue;
		if (existing.request_hash !== hash) {
			throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request');
		}
		if (existing.status === 'done') {
			const body: unknown = JSON.parse(existing.response_body ?? 'null');
			return { kind: 'answered', status: existing.response_status ?? 200, body };
		}
		if (now.getTime() - Date.parse(existing.locked_at) < IDEMPOTENCY_LOCK_MS) {
			throw new ApiError(409, 'request_in_progress', 'A request with this Idempotency-Key is still running');
		}
		// The try that held it died with its process: take it over, unless someone just did.
		const taken = await db
			.updateTable('idempotency_keys')
			.set({ lock_token: token, locked_at: at })
			.where('kiosk_code', '=', request.kioskCode)
			.where('key', '=', request.key)
			.where('status', '=', 'in_flight')
			.where('lock_token', '=', existing.lock_token)
			.executeTakeFirst();
		if (taken.numUpdatedRows === 1n) return { kind: 'claimed', token };
	}
}

function finishKey(request: IdempotentRequest, token: string, status: number, body: unknown, now: Date) {
	return (trx: Kysely<Database>) =>
		trx
			.updateTable('idempotency_keys')
			.set({
				status: 'done',
				response_status: status,
				response_body: JSON.stringify(body),
				completed_at: now.toISOString()
			})
			.where('kiosk_code', '=', request.kioskCode)
			.where('key', '=', request.key)
			.where('status', '=', 'in_flight')
			.where('lock_token', '=', token)
			.executeTakeFirst();
}

/**
 * Runs an operation once per idempotency key. The operation gets `save` and must call it in the
 * transaction of its last change; a refusal (a 4xx `ApiError`) is stored as the answer too.
 */
export async function runIdempotently(
	db: Kysely<Database>,
	request: IdempotentRequest,
	now: () => Date,
	successStatus: number,
	operation: (save: SaveAnswer) => Promise<unknown>
): Promise<IdempotentAnswer> {
	const claim = await claimKey(db, request, requestHash(request), now());
	if (claim.kind === 'answered') return { status: claim.status, body: claim.body, replayed: true };

	let saved = false;
	const save: SaveAnswer = async (trx, body) => {
		const finished = await finishKey(request, claim.token, successStatus, body, now())(trx);
		// Another try took the key over (ours was presumed dead): roll our change back.
		if (finished.numUpdatedRows !== 1n) {
			throw new Error(`Idempotency-Key ${request.key} was taken over by another try`);
		}
		saved = true;
	};
	try {
		const body = await operation(save);
		if (!saved) throw new Error(`${request.method} ${request.path} answered without storing its answer`);
		return { status: successStatus, body, replayed: false };
	} catch (error) {
		// A refusal is the answer to this request; "unavailable, try later" is not.
		if (error instanceof ApiError && error.status < 500 && !TRY_LATER_REFUSALS.includes(error.code)) {
			const refusal: ApiErrorBody = await error.toResponse().json();
			await finishKey(request, claim.token, error.status, refusal, now())(db);
		} else {
			await db
				.deleteFrom('idempotency_keys')
				.where('kiosk_code', '=', request.kioskCode)
				.where('key', '=', request.key)
				.where('status', '=', 'in_flight')
				.where('lock_token', '=', claim.token)
				.execute();
		}
		throw error;
	}
}
