import { sql, type Kysely } from 'kysely';
import { makeAppendOnly, withSerialId } from './portable';

/** Certificate kinds a kiosk prints, as the e-Mitra Plus manual lists them; configuration from here on. */
const CERTIFICATE_TYPES = [
	['domicile', 'Domicile Certificate', 'मूल निवास प्रमाण पत्र', 'Revenue Department', 'राजस्व विभाग'],
	['minority', 'Minority Certificate', 'अल्पसंख्यक प्रमाण पत्र', 'Minority Affairs Department', 'अल्पसंख्यक मामलात विभाग'],
	['general', 'General Certificate', 'सामान्य प्रमाण पत्र', 'Revenue Department', 'राजस्व विभाग'],
	['caste', 'Caste Certificate', 'जाति प्रमाण पत्र', 'Revenue Department', 'राजस्व विभाग'],
	['birth', 'Birth Certificate', 'जन्म प्रमाण पत्र', 'Directorate of Economics and Statistics', 'आर्थिक एवं सांख्यिकी निदेशालय'],
	['death', 'Death Certificate', 'मृत्यु प्रमाण पत्र', 'Directorate of Economics and Statistics', 'आर्थिक एवं सांख्यिकी निदेशालय'],
	[
		'marriage',
		'Marriage Registration Certificate',
		'विवाह पंजीकरण प्रमाण पत्र',
		'Directorate of Economics and Statistics',
		'आर्थिक एवं सांख्यिकी निदेशालय'
	],
	['disability', 'Disability Certificate', 'विकलांगता प्रमाण पत्र', 'Medical and Health Department', 'चिकित्सा एवं स्वास्थ्य विभाग'],
	['police-verification', 'Police Verification Certificate', 'पुलिस सत्यापन प्रमाण पत्र', 'Rajasthan Police', 'राजस्थान पुलिस']
].map(([id, name_en, name_hi, department_en, department_hi], index) => ({
	id: id as string,
	name_en: name_en as string,
	name_hi: name_hi as string,
	department_en: department_en as string,
	department_hi: department_hi as string,
	sort_order: (index + 1) * 10
}));

/**
 * The payee of printing fees: a biller row so a paid print goes through the payment core (wallet,
 * notes, credits, idempotency), kept out of the bill-payment menu and taking cash only, by data.
 */
const PRINT_FEES_BILLER = {
	id: 'print-fees',
	name_en: 'e-Mitra document printing',
	name_hi: 'ई-मित्र दस्तावेज़ प्रिंट शुल्क',
	category: 'government',
	identifier_label_en: 'Document number',
	identifier_label_hi: 'दस्तावेज़ संख्या',
	identifier_pattern: '^\\d{8,16}$',
	identifier_length: 12,
	identifier_is_mobile: 0,
	mobile_required: 0,
	cash_limit_paise: null,
	status: 'enabled',
	sort_order: 1000,
	listed: 0,
	payment_modes: 'cash'
};

export async function up(db: Kysely<any>): Promise<void> {
	// Billers gain two settings: shown in the bill-payment menu or not, and which modes they take.
	await db.schema
		.alterTable('billers')
		.addColumn('listed', 'integer', (column) => column.notNull().defaultTo(1))
		.execute();
	await db.schema.alterTable('billers').addColumn('payment_modes', 'text').execute();
	await db.insertInto('billers').values(PRINT_FEES_BILLER).execute();
	// An SMS that reports no payment (an OTP) still belongs to the kiosk that asked for it.
	await db.schema.alterTable('sms_outbox').addColumn('kiosk_code', 'text').execute();

	await db.schema
		.createTable('certificate_types')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('name_en', 'text', (column) => column.notNull())
		.addColumn('name_hi', 'text', (column) => column.notNull())
		.addColumn('department_en', 'text', (column) => column.notNull())
		.addColumn('department_hi', 'text', (column) => column.notNull())
		.addColumn('sort_order', 'integer', (column) => column.notNull())
		.execute();
	await db.insertInto('certificate_types').values(CERTIFICATE_TYPES).execute();

	// The reference departments: what each department's system holds, so the hub works without one.
	await db.schema
		.createTable('reference_certificates')
		.addColumn('transaction_id', 'text', (column) => column.primaryKey())
		.addColumn('type_id', 'text', (column) => column.notNull().references('certificate_types.id'))
		.addColumn('certificate_number', 'text')
		.addColumn('holder_name_en', 'text', (column) => column.notNull())
		.addColumn('holder_name_hi', 'text', (column) => column.notNull())
		.addColumn('relation_en', 'text', (column) => column.notNull())
		.addColumn('relation_hi', 'text', (column) => column.notNull())
		.addColumn('address_en', 'text', (column) => column.notNull())
		.addColumn('address_hi', 'text', (column) => column.notNull())
		/** JSON: [{ label: {en, hi}, value: {en, hi} }], the particulars of this kind of certificate. */
		.addColumn('particulars', 'text', (column) => column.notNull())
		.addColumn('office_en', 'text', (column) => column.notNull())
		.addColumn('office_hi', 'text', (column) => column.notNull())
		.addColumn('applied_on', 'text', (column) => column.notNull())
		.addColumn('issued_on', 'text')
		.addCheckConstraint('reference_certificates_issued', sql`(issued_on is null) = (certificate_number is null)`)
		.execute();
	await db.schema
		.createIndex('reference_certificates_number')
		.on('reference_certificates')
		.column('certificate_number')
		.unique()
		.execute();

	await db.schema
		.createTable('reference_exam_results')
		.addColumn('exam_year', 'integer', (column) => column.notNull())
		.addColumn('roll_number', 'text', (column) => column.notNull())
		.addColumn('student_name_en', 'text', (column) => column.notNull())
		.addColumn('student_name_hi', 'text', (column) => column.notNull())
		.addColumn('gender', 'text', (column) => column.notNull())
		.addColumn('father_name_en', 'text', (column) => column.notNull())
		.addColumn('father_name_hi', 'text', (column) => column.notNull())
		.addColumn('mother_name_en', 'text', (column) => column.notNull())
		.addColumn('mother_name_hi', 'text', (column) => column.notNull())
		.addColumn('date_of_birth', 'text', (column) => column.notNull())
		.addColumn('date_of_issue', 'text', (column) => column.notNull())
		.addColumn('result', 'text', (column) => column.notNull())
		.addPrimaryKeyConstraint('reference_exam_results_pk', ['exam_year', 'roll_number'])
		.addCheckConstraint('reference_exam_results_gender', sql`gender in ('female', 'male', 'other')`)
		.addCheckConstraint(
			'reference_exam_results_result',
			sql`result in ('first', 'second', 'third', 'supplementary', 'failed', 'withheld')`
		)
		.execute();

	await db.schema
		.createTable('reference_land_records')
		.addColumn('village_code', 'text', (column) => column.notNull())
		.addColumn('khasra', 'text', (column) => column.notNull())
		.addColumn('khata_number', 'text', (column) => column.notNull())
		.addColumn('area_square_metres', 'integer', (column) => column.notNull())
		.addColumn('land_type_en', 'text', (column) => column.notNull())
		.addColumn('land_type_hi', 'text', (column) => column.notNull())
		.addColumn('irrigation_en', 'text', (column) => column.notNull())
		.addColumn('irrigation_hi', 'text', (column) => column.notNull())
		/** JSON: [{ en, hi }], mortgages, court orders, government charges on the land. */
		.addColumn('encumbrances', 'text', (column) => column.notNull())
		.addColumn('record_year', 'text', (column) => column.notNull())
		.addPrimaryKeyConstraint('reference_land_records_pk', ['village_code', 'khasra'])
		.addCheckConstraint('reference_land_records_area', sql`area_square_metres > 0`)
		.execute();
	await db.schema
		.createTable('reference_land_owners')
		.addColumn('village_code', 'text', (column) => column.notNull())
		.addColumn('khasra', 'text', (column) => column.notNull())
		.addColumn('position', 'integer', (column) => column.notNull())
		.addColumn('name_en', 'text', (column) => column.notNull())
		.addColumn('name_hi', 'text', (column) => column.notNull())
		.addColumn('relation_en', 'text', (column) => column.notNull())
		.addColumn('relation_hi', 'text', (column) => column.notNull())
		/** A fraction as the record writes it, e.g. `1/2`. */
		.addColumn('share', 'text', (column) => column.notNull())
		.addPrimaryKeyConstraint('reference_land_owners_pk', ['village_code', 'khasra', 'position'])
		.addForeignKeyConstraint('reference_land_owners_record', ['village_code', 'khasra'], 'reference_land_records', [
			'village_code',
			'khasra'
		])
		.execute();

	await db.schema
		.createTable('reference_jan_aadhaar_members')
		.addColumn('member_id', 'text', (column) => column.primaryKey())
		.addColumn('family_id', 'text', (column) => column.notNull())
		.addColumn('position', 'integer', (column) => column.notNull())
		.addColumn('name_en', 'text', (column) => column.notNull())
		.addColumn('name_hi', 'text', (column) => column.notNull())
		.addColumn('relation', 'text', (column) => column.notNull())
		.addColumn('year_of_birth', 'integer', (column) => column.notNull())
		.addColumn('mobile', 'text')
		/** The reference authority's stand-in for UIDAI: 0 when this member's fingerprint never matches. */
		.addColumn('fingerprint_matches', 'integer', (column) => column.notNull())
		.addCheckConstraint(
			'reference_jan_aadhaar_relation',
			sql`relation in ('head', 'spouse', 'son', 'daughter', 'mother', 'father', 'daughter_in_law', 'other')`
		)
		.execute();
	await db.schema
		.createIndex('reference_jan_aadhaar_family_idx')
		.on('reference_jan_aadhaar_members')
		.columns(['family_id', 'position'])
		.unique()
		.execute();

	// The hub's own records.
	await db.schema
		.createTable('mobile_changes')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('kiosk_code', 'text', (column) => column.notNull().references('kiosks.code'))
		.addColumn('family_id', 'text', (column) => column.notNull())
		.addColumn('member_id', 'text', (column) => column.notNull())
		.addColumn('new_mobile', 'text', (column) => column.notNull())
		.addColumn('language', 'text', (column) => column.notNull())
		.addColumn('otp_hash', 'text', (column) => column.notNull())
		.addColumn('otp_attempts_left', 'integer', (column) => column.notNull())
		.addColumn('otp_verified_at', 'text')
		.addColumn('status', 'text', (column) => column.notNull())
		.addColumn('failure', 'text')
		.addColumn('expires_at', 'text', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('completed_at', 'text')
		.addCheckConstraint('mobile_changes_status', sql`status in ('otp_sent', 'completed', 'failed')`)
		.execute();
	await withSerialId(db, db.schema.createTable('mobile_change_audit'))
		.addColumn('change_id', 'text', (column) => column.notNull().references('mobile_changes.id'))
		.addColumn('event', 'text', (column) => column.notNull())
		.addColumn('detail', 'text')
		.addColumn('at', 'text', (column) => column.notNull())
		.execute();
	await db.schema.createIndex('mobile_change_audit_idx').on('mobile_change_audit').column('change_id').execute();

	await db.schema
		.createTable('print_orders')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('kiosk_code', 'text', (column) => column.notNull().references('kiosks.code'))
		.addColumn('document_kind', 'text', (column) => column.notNull())
		/** The certificate's transaction ID, or the exam year and roll number: the payment's identifier. */
		.addColumn('document_ref', 'text', (column) => column.notNull())
		.addColumn('holder_name', 'text', (column) => column.notNull())
		.addColumn('fee_paise', 'bigint', (column) => column.notNull())
		.addColumn('payment_id', 'text', (column) => column.references('payments.id'))
		.addColumn('paid_at', 'text')
		.addColumn('printed_at', 'text')
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addCheckConstraint('print_orders_kind', sql`document_kind in ('certificate', 'marksheet')`)
		.addCheckConstraint('print_orders_fee', sql`fee_paise > 0`)
		.execute();
	await db.schema.createIndex('print_orders_document_idx').on('print_orders').columns(['document_ref', 'created_at']).execute();
	await db.schema.createIndex('print_orders_payment_idx').on('print_orders').column('payment_id').execute();
	await withSerialId(db, db.schema.createTable('print_attempts'))
		.addColumn('order_id', 'text', (column) => column.notNull().references('print_orders.id'))
		.addColumn('kiosk_code', 'text', (column) => column.notNull())
		.addColumn('outcome', 'text', (column) => column.notNull())
		.addColumn('reason', 'text')
		.addColumn('at', 'text', (column) => column.notNull())
		.addCheckConstraint('print_attempts_outcome', sql`outcome in ('printed', 'failed')`)
		.execute();
	await db.schema.createIndex('print_attempts_order_idx').on('print_attempts').column('order_id').execute();

	await db.schema
		.createTable('lookup_rate_windows')
		.addColumn('kiosk_code', 'text', (column) => column.notNull())
		.addColumn('window_start', 'text', (column) => column.notNull())
		.addColumn('lookups', 'integer', (column) => column.notNull())
		.addPrimaryKeyConstraint('lookup_rate_windows_pk', ['kiosk_code', 'window_start'])
		.execute();

	for (const table of ['mobile_change_audit', 'print_attempts']) await makeAppendOnly(db, table);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'lookup_rate_windows',
		'print_attempts',
		'print_orders',
		'mobile_change_audit',
		'mobile_changes',
		'reference_jan_aadhaar_members',
		'reference_land_owners',
		'reference_land_records',
		'reference_exam_results',
		'reference_certificates',
		'certificate_types'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await db.deleteFrom('billers').where('id', '=', PRINT_FEES_BILLER.id).execute();
	await db.schema.alterTable('sms_outbox').dropColumn('kiosk_code').execute();
	await db.schema.alterTable('billers').dropColumn('payment_modes').execute();
	await db.schema.alterTable('billers').dropColumn('listed').execute();
}
