import type { Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import { audit } from '$lib/server/audit';
import type { Database, Kiosk, Operator, OperatorSession } from '$lib/server/db/schema';
import { operatorOfKiosk } from '$lib/server/fleet';
import { forgetHits, hubLimits, refundHit, spendHit } from '$lib/server/limits';
import { CONSOLE_ROLES, type LoginRequest, type OperatorSessionView } from '$lib/contract';
import type { OperatorAuthenticator } from './login';
import { hashSecret, newToken, tokenHash, verifySecret } from './secrets';

/** A shift at the machine; the console locks whenever the operator leaves it. */
export const OPERATOR_SESSION_HOURS = 12;
/** A working day at the programme office. */
export const ADMIN_SESSION_HOURS = 8;
/** Wrong PINs in a row before the session ends and the full login is needed again. */
export const PIN_TRIES = 5;

export const OPERATOR_COOKIE = 'emitra_operator';
export const ADMIN_COOKIE = 'emitra_admin';

/** httpOnly (no script reads it), SameSite=strict (no other site sends it), Secure over HTTPS. */
export function setSessionCookie(cookies: Cookies, name: string, token: string, expiresAt: string, url: URL): void {
	cookies.set(name, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, name: string, url: URL): void {
	cookies.delete(name, { path: '/', httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:' });
}

async function createSession(
	db: Kysely<Database>,
	operator: Operator,
	kioskCode: string | null,
	hours: number,
	now: Date
): Promise<{ token: string; expiresAt: string; session: OperatorSession }> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + hours * 3600_000).toISOString();
	const session: OperatorSession = {
		token_hash: tokenHash(token),
		operator_sso_id: operator.sso_id,
		kiosk_code: kioskCode,
		created_at: now.toISOString(),
		expires_at: expiresAt,
		locked: 0,
		pin_failures: 0,
		ended_at: null
	};
	await db.insertInto('operator_sessions').values(session).execute();
	return { token, expiresAt, session };
}

/**
 * The SSO ID and password, then who may use what: an operator only on the machine mapped to
 * them ("You are not authorized to access this machine"), the programme office only at /admin.
 *
 * Every attempt is counted before the password is checked, so parallel guesses cannot pass the
 * limit, and a right password for the wrong machine or role is a counted attempt like a wrong one
 * (no oracle for passwords). The account is counted per place — at its machine, or at the
 * programme office login — so wrong passwords typed at the public /admin login cannot lock an
 * operator out of their own machine. Nothing typed is logged or stored.
 */
export async function logIn(
	db: Kysely<Database>,
	authenticator: OperatorAuthenticator,
	credentials: LoginRequest,
	where: { kiosk: Kiosk | null; clientAddress: string },
	now: Date
): Promise<{ token: string; expiresAt: string; active: ActiveSession }> {
	const kioskCode = where.kiosk?.code ?? null;
	const limits = hubLimits();
	const accountAtPlace = `${credentials.ssoId}@${kioskCode ?? 'admin'}`;
	await spendHit(db, limits.loginPerClient, kioskCode ?? where.clientAddress, now);
	await spendHit(db, limits.loginPerAccount, accountAtPlace, now);
	const operator = await authenticator.authenticate(credentials.ssoId, credentials.password);
	const refuse = async (error: ApiError, reason: string) => {
		await audit(db, { actor: credentials.ssoId, action: 'operator.login_refused', kioskCode, detail: { reason } }, now);
		return error;
	};
	if (!operator) throw await refuse(new ApiError(401, 'credentials_invalid', 'The SSO ID or password is wrong'), 'credentials');
	if (where.kiosk === null) {
		if (operator.role !== 'programme-admin') {
			throw await refuse(new ApiError(403, 'wrong_role', 'Only the programme office logs in here'), 'role');
		}
	} else {
		if (!CONSOLE_ROLES.includes(operator.role)) {
			throw await refuse(new ApiError(403, 'wrong_role', 'Programme office accounts do not log in at a kiosk'), 'role');
		}
		const mapped = await operatorOfKiosk(db, where.kiosk.code);
		if (mapped?.sso_id !== operator.sso_id) {
			throw await refuse(
				new ApiError(403, 'operator_not_authorized_for_kiosk', 'You are not authorized to access this machine'),
				'not_mapped'
			);
		}
	}
	await forgetHits(db, limits.loginPerAccount, accountAtPlace);
	await refundHit(db, limits.loginPerClient, kioskCode ?? where.clientAddress, now);
	const { token, expiresAt, session } = await createSession(
		db,
		operator,
		kioskCode,
		kioskCode ? OPERATOR_SESSION_HOURS : ADMIN_SESSION_HOURS,
		now
	);
	await audit(db, { actor: operator.sso_id, action: kioskCode ? 'operator.login' : 'admin.login', kioskCode }, now);
	return { token, expiresAt, active: { session, operator } };
}

export interface ActiveSession {
	session: OperatorSession;
	operator: Operator;
}

/** The live session behind a cookie: 401 when there is none, or it ended or expired. */
export async function requireSession(db: Kysely<Database>, token: string | undefined, now: Date): Promise<ActiveSession> {
	const row = token
		? await db
				.selectFrom('operator_sessions as session')
				.innerJoin('operators as operator', 'operator.sso_id', 'session.operator_sso_id')
				.selectAll('session')
				.select(['operator.name', 'operator.role', 'operator.created_at as operator_created_at', 'operator.password_hash'])
				.where('session.token_hash', '=', tokenHash(token))
				.executeTakeFirst()
		: undefined;
	if (!row) throw new ApiError(401, 'operator_unauthenticated', 'Log in with your SSO ID');
	if (row.ended_at !== null || row.expires_at <= now.toISOString()) {
		throw new ApiError(401, 'operator_session_expired', 'Your session has ended; log in again');
	}
	const { name, role, operator_created_at, password_hash, ...session } = row;
	return {
		session,
		operator: { sso_id: session.operator_sso_id, name, role, created_at: operator_created_at, password_hash }
	};
}

/**
 * An operator's session on this very machine, still theirs: a session from another machine, or
 * one whose operator has since been replaced on this machine, is refused.
 */
export async function requireConsoleSession(
	db: Kysely<Database>,
	token: string | undefined,
	kiosk: Kiosk,
	now: Date,
	options: { allowLocked?: boolean } = {}
): Promise<ActiveSession> {
	const active = await requireSession(db, token, now);
	if (active.session.kiosk_code === null || !CONSOLE_ROLES.includes(active.operator.role)) {
		throw new ApiError(403, 'wrong_role', 'This is the operator console of a machine');
	}
	const mapped = await operatorOfKiosk(db, kiosk.code);
	if (active.session.kiosk_code !== kiosk.code || mapped?.sso_id !== active.operator.sso_id) {
		throw new ApiError(403, 'operator_not_authorized_for_kiosk', 'You are not authorized to access this machine');
	}
	if (active.session.locked && !options.allowLocked) throw new ApiError(403, 'operator_locked', 'Enter your PIN');
	return active;
}

export async function requireAdminSession(db: Kysely<Database>, token: string | undefined, now: Date): Promise<ActiveSession> {
	const active = await requireSession(db, token, now);
	if (active.session.kiosk_code !== null || active.operator.role !== 'programme-admin') {
		throw new ApiError(403, 'wrong_role', 'Only the programme office may do this');
	}
	return active;
}

export async function endSession(db: Kysely<Database>, active: ActiveSession, now: Date): Promise<void> {
	await db
		.updateTable('operator_sessions')
		.set({ ended_at: now.toISOString() })
		.where('token_hash', '=', active.session.token_hash)
		.execute();
	await audit(
		db,
		{
			actor: active.operator.sso_id,
			action: active.session.kiosk_code ? 'operator.logout' : 'admin.logout',
			kioskCode: active.session.kiosk_code
		},
		now
	);
}

async function pinHash(db: Kysely<Database>, ssoId: string, kioskCode: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('operator_pins')
		.select('pin_hash')
		.where('operator_sso_id', '=', ssoId)
		.where('kiosk_code', '=', kioskCode)
		.executeTakeFirst();
	return row?.pin_hash;
}

export async function sessionView(db: Kysely<Database>, active: ActiveSession): Promise<OperatorSessionView> {
	const kioskCode = active.session.kiosk_code ?? '';
	return {
		operator: { ssoId: active.operator.sso_id, name: active.operator.name, role: active.operator.role },
		kioskCode,
		locked: active.session.locked === 1,
		pinSet: (await pinHash(db, active.operator.sso_id, kioskCode)) !== undefined
	};
}

/** The PIN for quick re-entry on this machine, set (or changed) while the console is open. */
export async function setPin(db: Kysely<Database>, active: ActiveSession, pin: string, now: Date): Promise<void> {
	const kioskCode = active.session.kiosk_code ?? '';
	const values = { pin_hash: await hashSecret(pin), set_at: now.toISOString() };
	await db
		.insertInto('operator_pins')
		.values({ operator_sso_id: active.operator.sso_id, kiosk_code: kioskCode, ...values })
		.onConflict((conflict) => conflict.columns(['operator_sso_id', 'kiosk_code']).doUpdateSet(values))
		.execute();
	await audit(db, { actor: active.operator.sso_id, action: 'operator.pin_set', kioskCode }, now);
}

export async function lockSession(db: Kysely<Database>, active: ActiveSession): Promise<void> {
	await db.updateTable('operator_sessions').set({ locked: 1 }).where('token_hash', '=', active.session.token_hash).execute();
}

/**
 * A locked console opens with the PIN; the `PIN_TRIES`th wrong one ends the session. The try is
 * counted on the session row by one atomic `UPDATE … SET pin_failures = pin_failures + 1 …
 * RETURNING` before the PIN is checked, so parallel guesses each use up a try of their own.
 */
export async function unlockWithPin(db: Kysely<Database>, active: ActiveSession, pin: string, now: Date): Promise<void> {
	const kioskCode = active.session.kiosk_code ?? '';
	const stored = await pinHash(db, active.operator.sso_id, kioskCode);
	if (stored === undefined) throw new ApiError(409, 'pin_not_set', 'Log in with your SSO ID and set a PIN first');
	const counted = await db
		.updateTable('operator_sessions')
		.set((eb) => ({ pin_failures: eb('pin_failures', '+', 1) }))
		.where('token_hash', '=', active.session.token_hash)
		.where('ended_at', 'is', null)
		.returning('pin_failures')
		.executeTakeFirst();
	if (!counted || counted.pin_failures > PIN_TRIES) {
		throw new ApiError(401, 'operator_session_expired', 'Too many wrong PINs; log in again');
	}
	if (await verifySecret(pin, stored)) {
		await db
			.updateTable('operator_sessions')
			.set({ locked: 0, pin_failures: 0 })
			.where('token_hash', '=', active.session.token_hash)
			.where('ended_at', 'is', null)
			.execute();
		return;
	}
	if (counted.pin_failures === PIN_TRIES) {
		await db
			.updateTable('operator_sessions')
			.set({ ended_at: now.toISOString() })
			.where('token_hash', '=', active.session.token_hash)
			.execute();
		await audit(db, { actor: active.operator.sso_id, action: 'operator.session_ended_by_pin_failures', kioskCode }, now);
		throw new ApiError(401, 'operator_session_expired', 'Too many wrong PINs; log in again');
	}
	throw new ApiError(403, 'pin_invalid', 'The PIN is wrong', { pin: 'wrong' });
}
