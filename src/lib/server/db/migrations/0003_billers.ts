import { sql, type Kysely } from 'kysely';

const MOBILE = {
	identifier_label_en: 'Mobile number of the bill',
	identifier_label_hi: 'बिल का मोबाइल नंबर',
	identifier_pattern: '^[6-9]\\d{9}$',
	identifier_length: 10,
	identifier_is_mobile: 1
};
/** Postpaid mobile: the bill's own number identifies it and receives the SMS. */
const POSTPAID = { category: 'telecom', ...MOBILE, mobile_required: 0, cash_limit_paise: null };
const K_NUMBER = {
	category: 'electricity',
	identifier_label_en: 'K-number',
	identifier_label_hi: 'के-क्रमांक',
	identifier_pattern: '^\\d{12}$',
	identifier_length: 12,
	identifier_is_mobile: 0,
	mobile_required: 1,
	cash_limit_paise: 2_000_000
};

// The billers of the e-Mitra Plus manual as they were configured at release. From here on the
// table is the configuration: limits, names and availability change there, not in code.
const BILLERS = [
	{ id: 'airtel', name_en: 'Airtel Postpaid', name_hi: 'एयरटेल पोस्टपेड', ...POSTPAID },
	{ id: 'vodafone', name_en: 'Vodafone Postpaid', name_hi: 'वोडाफ़ोन पोस्टपेड', ...POSTPAID },
	{ id: 'idea', name_en: 'Idea Postpaid', name_hi: 'आइडिया पोस्टपेड', ...POSTPAID },
	{
		id: 'phed',
		name_en: 'Public Health Engineering Department (water)',
		name_hi: 'जन स्वास्थ्य अभियांत्रिकी विभाग',
		category: 'water',
		identifier_label_en: 'CID number',
		identifier_label_hi: 'सीआईडी नंबर',
		identifier_pattern: '^\\d{12}$',
		identifier_length: 12,
		identifier_is_mobile: 0,
		mobile_required: 1,
		cash_limit_paise: null
	},
	{ id: 'jvvnl', name_en: 'Jaipur Vidyut Vitran Nigam (JVVNL)', name_hi: 'जयपुर विद्युत वितरण निगम', ...K_NUMBER },
	{ id: 'avvnl', name_en: 'Ajmer Vidyut Vitran Nigam (AVVNL)', name_hi: 'अजमेर विद्युत वितरण निगम', ...K_NUMBER },
	{ id: 'jdvvnl', name_en: 'Jodhpur Vidyut Vitran Nigam (JdVVNL)', name_hi: 'जोधपुर विद्युत वितरण निगम', ...K_NUMBER },
	{
		id: 'bsnl-landline',
		name_en: 'BSNL Landline',
		name_hi: 'बीएसएनएल लैंडलाइन',
		category: 'telecom',
		identifier_label_en: 'Landline number with STD code',
		identifier_label_hi: 'एसटीडी कोड सहित लैंडलाइन नंबर',
		identifier_pattern: '^0\\d{10}$',
		identifier_length: 11,
		identifier_is_mobile: 0,
		mobile_required: 1,
		cash_limit_paise: null
	},
	{
		id: 'bsnl-mobile',
		name_en: 'BSNL Mobile',
		name_hi: 'बीएसएनएल मोबाइल',
		...POSTPAID,
		mobile_required: 1
	}
].map((biller, index) => ({ ...biller, status: 'enabled', sort_order: (index + 1) * 10 }));

// Issuer identification numbers as NPCI publishes them for AePS.
const AEPS_BANKS = [
	{ iin: '607094', name_en: 'State Bank of India', name_hi: 'भारतीय स्टेट बैंक' },
	{ iin: '607027', name_en: 'Punjab National Bank', name_hi: 'पंजाब नैशनल बैंक' },
	{ iin: '606985', name_en: 'Bank of Baroda', name_hi: 'बैंक ऑफ़ बड़ौदा' },
	{ iin: '607396', name_en: 'Canara Bank', name_hi: 'केनरा बैंक' },
	{ iin: '607161', name_en: 'Union Bank of India', name_hi: 'यूनियन बैंक ऑफ़ इंडिया' },
	{ iin: '508505', name_en: 'Bank of India', name_hi: 'बैंक ऑफ़ इंडिया' },
	{ iin: '607152', name_en: 'HDFC Bank', name_hi: 'एचडीएफसी बैंक' },
	{ iin: '508534', name_en: 'ICICI Bank', name_hi: 'आईसीआईसीआई बैंक' }
].map((bank, index) => ({ ...bank, sort_order: (index + 1) * 10 }));

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('billers')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('name_en', 'text', (column) => column.notNull())
		.addColumn('name_hi', 'text', (column) => column.notNull())
		.addColumn('category', 'text', (column) => column.notNull())
		.addColumn('identifier_label_en', 'text', (column) => column.notNull())
		.addColumn('identifier_label_hi', 'text', (column) => column.notNull())
		.addColumn('identifier_pattern', 'text', (column) => column.notNull())
		.addColumn('identifier_length', 'integer', (column) => column.notNull())
		.addColumn('identifier_is_mobile', 'integer', (column) => column.notNull())
		.addColumn('mobile_required', 'integer', (column) => column.notNull())
		.addColumn('cash_limit_paise', 'bigint')
		.addColumn('status', 'text', (column) => column.notNull())
		.addColumn('sort_order', 'integer', (column) => column.notNull())
		.addCheckConstraint('billers_status', sql`status in ('enabled', 'down', 'disabled')`)
		.addCheckConstraint('billers_cash_limit', sql`cash_limit_paise is null or cash_limit_paise > 0`)
		.execute();
	await db.insertInto('billers').values(BILLERS).execute();

	await db.schema
		.createTable('aeps_banks')
		.addColumn('iin', 'text', (column) => column.primaryKey())
		.addColumn('name_en', 'text', (column) => column.notNull())
		.addColumn('name_hi', 'text', (column) => column.notNull())
		.addColumn('sort_order', 'integer', (column) => column.notNull())
		.execute();
	await db.insertInto('aeps_banks').values(AEPS_BANKS).execute();

	// The reference biller: what a department's system holds, so the hub works without one.
	await db.schema
		.createTable('reference_consumers')
		.addColumn('biller_id', 'text', (column) => column.notNull().references('billers.id'))
		.addColumn('identifier', 'text', (column) => column.notNull())
		.addColumn('name', 'text', (column) => column.notNull())
		.addColumn('rejects_postings', 'integer', (column) => column.notNull())
		.addPrimaryKeyConstraint('reference_consumers_pk', ['biller_id', 'identifier'])
		.execute();

	await db.schema
		.createTable('reference_bills')
		.addColumn('biller_id', 'text', (column) => column.notNull())
		.addColumn('bill_number', 'text', (column) => column.notNull())
		.addColumn('identifier', 'text', (column) => column.notNull())
		.addColumn('bill_date', 'text', (column) => column.notNull())
		.addColumn('due_date', 'text', (column) => column.notNull())
		.addColumn('amount_paise', 'bigint', (column) => column.notNull())
		.addColumn('paid_at', 'text')
		.addColumn('payment_reference', 'text')
		.addPrimaryKeyConstraint('reference_bills_pk', ['biller_id', 'bill_number'])
		.addForeignKeyConstraint('reference_bills_consumer', ['biller_id', 'identifier'], 'reference_consumers', [
			'biller_id',
			'identifier'
		])
		.addCheckConstraint('reference_bills_amount', sql`amount_paise > 0`)
		.execute();
	await db.schema.createIndex('reference_bills_consumer_idx').on('reference_bills').columns(['biller_id', 'identifier']).execute();

	await db.schema
		.createTable('reference_postings')
		.addColumn('reference', 'text', (column) => column.primaryKey())
		.addColumn('biller_id', 'text', (column) => column.notNull())
		.addColumn('bill_number', 'text', (column) => column.notNull())
		.addColumn('amount_paise', 'bigint', (column) => column.notNull())
		.addColumn('biller_reference', 'text', (column) => column.notNull().unique())
		.addColumn('posted_at', 'text', (column) => column.notNull())
		.addColumn('reversed_at', 'text')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('reference_postings').execute();
	await db.schema.dropTable('reference_bills').execute();
	await db.schema.dropTable('reference_consumers').execute();
	await db.schema.dropTable('aeps_banks').execute();
	await db.schema.dropTable('billers').execute();
}
