import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/** What the audit log records; each is worded for the programme office (`admin.audit.action.*`). */
export const AUDIT_ACTIONS = [
	'machine.registered',
	'machine.enrolment_code_issued',
	'machine.enrolled',
	'machine.revoked',
	'operator.mapped',
	'operator.unmapped',
	'operator.login',
	'operator.login_refused',
	'operator.logout',
	'operator.pin_set',
	'operator.session_ended_by_pin_failures',
	'admin.login',
	'admin.logout',
	'fleet.current_version_set',
	'console.cash_box_emptied',
	'console.restart'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
	actor: string;
	action: AuditAction;
	kioskCode?: string | null;
	/** Particulars; never a password, PIN, token or enrolment code. */
	detail?: Record<string, unknown>;
}

/** Appends one entry; the table refuses UPDATE and DELETE (database triggers), so history stays. */
export async function audit(db: Kysely<Database>, entry: AuditEntry, now: Date): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: now.toISOString(),
			actor: entry.actor,
			action: entry.action,
			kiosk_code: entry.kioskCode ?? null,
			detail: entry.detail === undefined ? null : JSON.stringify(entry.detail)
		})
		.execute();
}

export interface AuditRecord {
	at: string;
	actor: string;
	action: string;
	kioskCode: string | null;
	detail: Record<string, unknown> | null;
}

export async function recentAudit(db: Kysely<Database>, filter: { kioskCode?: string; limit?: number } = {}): Promise<AuditRecord[]> {
	let query = db
		.selectFrom('audit_log')
		.selectAll()
		.orderBy('id', 'desc')
		.limit(filter.limit ?? 50);
	if (filter.kioskCode) query = query.where('kiosk_code', '=', filter.kioskCode);
	const rows = await query.execute();
	return rows.map((row) => ({
		at: row.at,
		actor: row.actor,
		action: row.action,
		kioskCode: row.kiosk_code,
		detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>)
	}));
}
