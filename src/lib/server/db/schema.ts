import type { Selectable } from 'kysely';
import type { TransactionStatus } from '$lib/flows/transaction-status';

/**
 * Row types of the hub database, one interface per table. Ids are TEXT, instants are ISO 8601
 * UTC strings, money is integer paise (BIGINT, read back as a JS number on both engines).
 */
export interface Database {
	department_services: DepartmentServiceTable;
	emitra_transactions: EmitraTransactionTable;
}

/** A service a department offers through e-Mitra, e.g. 'birth-certificate'. */
export interface DepartmentServiceTable {
	id: string;
	name_en: string;
	name_hi: string;
	department_en: string;
	department_hi: string;
}

/** An application made through e-Mitra, keyed by its e-Mitra transaction ID (8–12 digits). */
export interface EmitraTransactionTable {
	id: string;
	service_id: string;
	applicant_name: string;
	/** Null when the application was not made at a kiosk (e.g. at an operator's counter). */
	kiosk_code: string | null;
	submitted_at: string;
	status: TransactionStatus;
	status_updated_at: string;
}

export type DepartmentService = Selectable<DepartmentServiceTable>;
export type EmitraTransaction = Selectable<EmitraTransactionTable>;
