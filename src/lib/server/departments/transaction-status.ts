import type { Kysely } from 'kysely';
import type { TransactionStatusResult } from '$lib/contract';
import type { Database } from '$lib/server/db/schema';
import { maskName } from '$lib/server/privacy/mask';

/**
 * Where an e-Mitra application stands, for the kiosk's status screen. The applicant's name is
 * masked here so the full name never leaves the hub. Null when no transaction has that ID.
 */
export async function findTransactionStatus(db: Kysely<Database>, transactionId: string): Promise<TransactionStatusResult | null> {
	const row = await db
		.selectFrom('emitra_transactions as transaction')
		.innerJoin('department_services as service', 'service.id', 'transaction.service_id')
		.select([
			'transaction.id',
			'transaction.applicant_name',
			'transaction.submitted_at',
			'transaction.status',
			'transaction.status_updated_at',
			'service.name_en',
			'service.name_hi',
			'service.department_en',
			'service.department_hi'
		])
		.where('transaction.id', '=', transactionId)
		.executeTakeFirst();
	if (row === undefined) return null;
	return {
		transactionId: row.id,
		service: { en: row.name_en, hi: row.name_hi },
		department: { en: row.department_en, hi: row.department_hi },
		applicantNameMasked: maskName(row.applicant_name),
		submittedAt: row.submitted_at,
		status: row.status,
		statusUpdatedAt: row.status_updated_at
	};
}
