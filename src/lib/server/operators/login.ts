import type { Kysely } from 'kysely';
import type { Database, Operator } from '$lib/server/db/schema';
import { verifySecret } from './secrets';

/**
 * Who may log in: the one place that checks an SSO ID and password. The default install checks
 * the scrypt hash in `operators`; a state SSO (an OIDC provider) replaces this module by giving
 * another `OperatorAuthenticator` to `getOperatorAuthenticator`, and nothing else changes —
 * sessions, roles, the machine mapping and the audit log stay the hub's.
 */
export interface OperatorAuthenticator {
	/** The operator whose credentials these are, or undefined; never says which part was wrong. */
	authenticate(ssoId: string, password: string): Promise<Operator | undefined>;
}

export function passwordAuthenticator(db: Kysely<Database>): OperatorAuthenticator {
	return {
		async authenticate(ssoId, password) {
			const operator = await db.selectFrom('operators').selectAll().where('sso_id', '=', ssoId).executeTakeFirst();
			// verifySecret hashes even when there is no such operator, so timing does not tell.
			const matches = await verifySecret(password, operator?.password_hash);
			return matches ? operator : undefined;
		}
	};
}

export function getOperatorAuthenticator(db: Kysely<Database>): OperatorAuthenticator {
	return passwordAuthenticator(db);
}
