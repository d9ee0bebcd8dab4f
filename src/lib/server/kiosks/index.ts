import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Database, Kiosk, Operator } from '$lib/server/db/schema';
import { KIOSK_CODE_HEADER } from '$lib/payments/protocol';

export async function findKiosk(db: Kysely<Database>, code: string): Promise<Kiosk | undefined> {
	return db.selectFrom('kiosks').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The operator mapped to a machine (one each way), whose wallet the machine's cash uses. */
export async function operatorOfKiosk(
	db: Kysely<Database>,
	kioskCode: string
): Promise<Operator | undefined> {
	return db
		.selectFrom('kiosk_operators as mapping')
		.innerJoin('operators as operator', 'operator.sso_id', 'mapping.operator_sso_id')
		.selectAll('operator')
		.where('mapping.kiosk_code', '=', kioskCode)
		.executeTakeFirst();
}

/**
 * The active kiosk a request comes from. Until kiosks are enrolled with keys, a kiosk names
 * itself in the X-Kiosk-Code header; an unknown or revoked code gets a 403.
 */
export async function requireKiosk(db: Kysely<Database>, request: Request): Promise<Kiosk> {
	const code = request.headers.get(KIOSK_CODE_HEADER)?.trim() ?? '';
	const kiosk = code === '' ? undefined : await findKiosk(db, code);
	if (kiosk === undefined) {
		throw new ApiError(403, 'unknown_kiosk', `Send the kiosk code of an enrolled kiosk in ${KIOSK_CODE_HEADER}`);
	}
	if (kiosk.status === 'revoked') {
		throw new ApiError(403, 'kiosk_revoked', `Kiosk ${kiosk.code} may no longer transact`);
	}
	return kiosk;
}
