import type { Kysely } from 'kysely';
import type { Database, Kiosk } from '$lib/server/db/schema';
import type { HeartbeatRequest } from '$lib/contract';
import { isKioskVersion } from './versions';

/**
 * A kiosk's report of itself, every minute: the latest one is kept (fleet health reads it), and
 * the version it runs becomes the machine's software version (the "not on the latest version" list).
 */
export async function recordHeartbeat(
	db: Kysely<Database>,
	kiosk: Kiosk,
	version: string,
	report: HeartbeatRequest,
	now: Date
): Promise<void> {
	const softwareVersion = isKioskVersion(version) ? version : 'unknown';
	const row = {
		received_at: now.toISOString(),
		software_version: softwareVersion,
		devices: JSON.stringify(report.devices),
		queued_payments: report.queuedPayments.queued,
		oldest_queued_at: report.queuedPayments.oldestQueuedAt,
		dead_letter_payments: report.queuedPayments.deadLetters,
		last_transaction_at: report.lastTransactionAt
	};
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('kiosk_heartbeats')
			.values({ kiosk_code: kiosk.code, ...row })
			.onConflict((conflict) => conflict.column('kiosk_code').doUpdateSet(row))
			.execute();
		if (kiosk.software_version !== softwareVersion) {
			await trx.updateTable('kiosks').set({ software_version: softwareVersion }).where('code', '=', kiosk.code).execute();
		}
	});
}
