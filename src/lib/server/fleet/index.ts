import type { Kysely } from 'kysely';
import type { Database, Kiosk, Operator } from '$lib/server/db/schema';
import { authenticateKiosk } from './enrolment';

export async function findKiosk(db: Kysely<Database>, code: string): Promise<Kiosk | undefined> {
	return db.selectFrom('kiosks').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The operator mapped to a machine (one each way), whose wallet the machine's cash uses. */
export async function operatorOfKiosk(db: Kysely<Database>, kioskCode: string): Promise<Operator | undefined> {
	return db
		.selectFrom('kiosk_operators as mapping')
		.innerJoin('operators as operator', 'operator.sso_id', 'mapping.operator_sso_id')
		.selectAll('operator')
		.where('mapping.kiosk_code', '=', kioskCode)
		.executeTakeFirst();
}

/**
 * The active, enrolled kiosk a request comes from, proven by the session token it got by signing
 * the hub's challenge with its own key (see enrolment.ts). A kiosk's code in a header proves nothing.
 */
export function requireKiosk(db: Kysely<Database>, request: Request, now = new Date()): Promise<Kiosk> {
	return authenticateKiosk(db, request, now);
}
