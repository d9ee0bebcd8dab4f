import type { Generated, Selectable } from 'kysely';
import type { KioskKind, KioskVendor, Locale, PaymentMode, PaymentStatus, TransactionStatus } from '$lib/contract';

/**
 * Row types of the hub database, one interface per table. Ids are TEXT, instants are ISO 8601
 * UTC strings, money is integer paise (BIGINT, read back as a JS number on both engines), and
 * flags are INTEGER 0/1 (SQLite has no boolean; PostgreSQL's would read back differently).
 */
export interface Database {
	department_services: DepartmentServiceTable;
	emitra_transactions: EmitraTransactionTable;
	kiosks: KioskTable;
	operators: OperatorTable;
	kiosk_operators: KioskOperatorTable;
	billers: BillerTable;
	aeps_banks: AepsBankTable;
	reference_consumers: ReferenceConsumerTable;
	reference_bills: ReferenceBillTable;
	reference_postings: ReferencePostingTable;
	reference_card_sessions: ReferenceCardSessionTable;
	payments: PaymentTable;
	payment_notes: PaymentNoteTable;
	payment_audit: PaymentAuditTable;
	idempotency_keys: IdempotencyKeyTable;
	operator_wallets: OperatorWalletTable;
	wallet_ledger: WalletLedgerTable;
	credit_accounts: CreditAccountTable;
	credit_ledger: CreditLedgerTable;
	vouchers: VoucherTable;
	reversals: ReversalTable;
	sms_outbox: SmsOutboxTable;
	hub_settings: HubSettingTable;
	kiosk_enrolment_codes: KioskEnrolmentCodeTable;
	kiosk_keys: KioskKeyTable;
	kiosk_challenges: KioskChallengeTable;
	kiosk_sessions: KioskSessionTable;
	kiosk_heartbeats: KioskHeartbeatTable;
	operator_sessions: OperatorSessionTable;
	operator_pins: OperatorPinTable;
	cash_box_emptyings: CashBoxEmptyingTable;
	audit_log: AuditLogTable;
	certificate_types: CertificateTypeTable;
	reference_certificates: ReferenceCertificateTable;
	reference_exam_results: ReferenceExamResultTable;
	reference_land_records: ReferenceLandRecordTable;
	reference_land_owners: ReferenceLandOwnerTable;
	reference_jan_aadhaar_members: ReferenceJanAadhaarMemberTable;
	mobile_changes: MobileChangeTable;
	mobile_change_audit: MobileChangeAuditTable;
	print_orders: PrintOrderTable;
	print_attempts: PrintAttemptTable;
	rate_counters: RateCounterTable;
}

export type Flag = 0 | 1;

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

// ——— Machines and operators ———

/** An e-Mitra+ machine, by its kiosk code ("K-code"). */
export interface KioskTable {
	code: string;
	serial: string;
	vendor: KioskVendor;
	district: string;
	place: string;
	kind: KioskKind;
	software_version: string;
	status: 'active' | 'revoked';
	created_at: string;
}

/** Kiosk operators and LSP kiosk admins work at one machine; the programme office sees the fleet. */
export type OperatorRole = 'kiosk-operator' | 'lsp-kiosk-admin' | 'programme-admin';

/** A kiosk operator or administrator, by SSO ID. */
export interface OperatorTable {
	sso_id: string;
	name: string;
	role: OperatorRole;
	created_at: string;
	/** scrypt, `scrypt$N$r$p$salt$hash` (base64url); null while the account has no password. */
	password_hash: string | null;
}

/** One operator per machine and one machine per operator: both columns are unique. */
export interface KioskOperatorTable {
	kiosk_code: string;
	operator_sso_id: string;
	mapped_at: string;
}

// ——— Billers ———

export type BillerCategory = 'telecom' | 'water' | 'electricity' | 'government';
/** enabled: offered; down: offered but its system is not answering; disabled: not offered. */
export type BillerStatus = 'enabled' | 'down' | 'disabled';

/** A biller's settings: configuration kept as data so it changes without a release. */
export interface BillerTable {
	id: string;
	name_en: string;
	name_hi: string;
	category: BillerCategory;
	identifier_label_en: string;
	identifier_label_hi: string;
	/** Anchored regular expression over the identifier's digits. */
	identifier_pattern: string;
	identifier_length: number;
	identifier_is_mobile: Flag;
	mobile_required: Flag;
	cash_limit_paise: number | null;
	status: BillerStatus;
	sort_order: number;
	/** 0: a payee reached from a service (printing fees), not from the bill-payment menu. */
	listed: Generated<Flag>;
	/** Comma-separated payment modes it takes; null: every mode. */
	payment_modes: string | null;
}

/** Banks a citizen can pay from with Aadhaar (AePS), by issuer identification number. */
export interface AepsBankTable {
	iin: string;
	name_en: string;
	name_hi: string;
	sort_order: number;
}

/** The reference biller's consumer master (what a department's own system would hold). */
export interface ReferenceConsumerTable {
	biller_id: string;
	identifier: string;
	name: string;
	/** Demo switch: the biller refuses every payment for this consumer. */
	rejects_postings: Flag;
}

export interface ReferenceBillTable {
	biller_id: string;
	bill_number: string;
	identifier: string;
	bill_date: string;
	due_date: string;
	amount_paise: number;
	paid_at: string | null;
	/** The payment reference (our transaction ID) that paid it. */
	payment_reference: string | null;
}

/** Payments the reference biller accepted, by our reference: makes posting idempotent. */
export interface ReferencePostingTable {
	reference: string;
	biller_id: string;
	bill_number: string;
	amount_paise: number;
	biller_reference: string;
	posted_at: string;
	reversed_at: string | null;
}

/** The reference card gateway's OTP challenges (a bank's side, kept here for the demo). */
export interface ReferenceCardSessionTable {
	id: string;
	payment_reference: string;
	masked_pan: string;
	amount_paise: number;
	/** What the issuer will answer a correct OTP with: null approves. */
	decline_reason: string | null;
	attempts_left: number;
	status: 'otp_sent' | 'approved' | 'declined';
	created_at: string;
}

// ——— Payments ———

export type CancelReason = 'citizen' | 'timeout' | 'device_failed' | 'declined' | 'abandoned';

/** A bill payment, by its e-Mitra transaction ID. */
export interface PaymentTable {
	id: string;
	kiosk_code: string;
	operator_sso_id: string;
	biller_id: string;
	identifier: string;
	bill_number: string;
	bill_date: string;
	due_date: string;
	consumer_name: string;
	/** Where the SMS goes; null when there is none to send to. */
	citizen_mobile: string | null;
	citizen_email: string | null;
	language: Locale;
	mode: PaymentMode;
	bill_amount_paise: number;
	credit_applied_paise: number;
	fee_paise: number;
	to_collect_paise: number;
	collected_paise: number;
	credited_paise: number;
	status: PaymentStatus;
	cancel_reason: CancelReason | null;
	decline_reason: string | null;
	instrument_masked: string | null;
	instrument_label: string | null;
	auth_code: string | null;
	rrn: string | null;
	gateway_session_id: string | null;
	otp_attempts_left: number | null;
	otp_last_incorrect: Flag;
	biller_reference: string | null;
	posting_attempts: number;
	/** While paid: when the next posting may start (also a lease against two posters). */
	next_posting_at: string | null;
	last_posting_error: string | null;
	created_at: string;
	updated_at: string;
	paid_at: string | null;
	posted_at: string | null;
	/** When it was cancelled or reversed. */
	closed_at: string | null;
}

/** A note the acceptor credited, reported by the kiosk. */
export interface PaymentNoteTable {
	id: Generated<number>;
	payment_id: string;
	value_paise: number;
	/** 'voucher' when it came after the payment stopped awaiting cash. */
	applied_to: 'payment' | 'voucher';
	received_at: string;
}

/** Append-only: every state change and every money movement of every payment. */
export interface PaymentAuditTable {
	id: Generated<number>;
	payment_id: string;
	event: string;
	from_status: PaymentStatus | null;
	to_status: PaymentStatus | null;
	amount_paise: number | null;
	/** JSON with the event's particulars. */
	detail: string | null;
	at: string;
}

/** Stripe-style idempotency: one row per kiosk and key, the answer stored with the change. */
export interface IdempotencyKeyTable {
	kiosk_code: string;
	key: string;
	request_hash: string;
	status: 'in_flight' | 'done';
	response_status: number | null;
	response_body: string | null;
	/** Which attempt holds the key while it is in flight. */
	lock_token: string;
	locked_at: string;
	created_at: string;
	completed_at: string | null;
}

/** An operator's prepaid wallet: cash bills are paid to billers from it. */
export interface OperatorWalletTable {
	operator_sso_id: string;
	balance_paise: number;
	/** Reserved by cash payments in progress; never more than the balance. */
	held_paise: number;
	updated_at: string;
}

export type WalletMovement = 'top_up' | 'hold' | 'release' | 'debit';

/** Append-only: every wallet movement with the balance and holds after it. */
export interface WalletLedgerTable {
	id: Generated<number>;
	operator_sso_id: string;
	kind: WalletMovement;
	amount_paise: number;
	balance_after_paise: number;
	held_after_paise: number;
	payment_id: string | null;
	at: string;
}

/** Money a citizen has on a biller account (excess cash, vouchers), applied to the next bill. */
export interface CreditAccountTable {
	biller_id: string;
	identifier: string;
	balance_paise: number;
	updated_at: string;
}

export type CreditMovement = 'excess_cash' | 'cancelled_cash' | 'late_cash' | 'applied' | 'restored';

/** Append-only: every credit movement with the balance after it. */
export interface CreditLedgerTable {
	id: Generated<number>;
	biller_id: string;
	identifier: string;
	kind: CreditMovement;
	amount_paise: number;
	balance_after_paise: number;
	payment_id: string;
	at: string;
}

/** Cash that went in without paying a bill, printed for the citizen and credited to the account. */
export interface VoucherTable {
	code: string;
	payment_id: string;
	biller_id: string;
	identifier: string;
	amount_paise: number;
	created_at: string;
}

/** A card or Aadhaar charge that must go back because the bill was not paid. */
export interface ReversalTable {
	payment_id: string;
	amount_paise: number;
	reason: 'posting_failed' | 'amount_mismatch' | 'late_approval';
	expected_by: string;
	created_at: string;
}

/** SMS to citizens, written in the same transaction as what they report. */
export interface SmsOutboxTable {
	id: Generated<number>;
	mobile: string;
	language: Locale;
	body: string;
	payment_id: string | null;
	/** The kiosk an SMS that reports no payment (an OTP) was sent for. */
	kiosk_code?: string | null;
	created_at: string;
}

export type Kiosk = Selectable<KioskTable>;
export type Operator = Selectable<OperatorTable>;
export type Biller = Selectable<BillerTable>;
export type Payment = Selectable<PaymentTable>;

/** One fleet-wide setting, e.g. `current_kiosk_version`. */
export interface HubSettingTable {
	key: string;
	value: string;
	updated_at: string;
}

// ——— Enrolment, sessions, heartbeats, audit ———

/** A one-time code an administrator gives the installer; only its SHA-256 is kept. */
export interface KioskEnrolmentCodeTable {
	code_hash: string;
	kiosk_code: string;
	issued_by: string;
	issued_at: string;
	expires_at: string;
	used_at: string | null;
}

/** The public half of the key pair the kiosk made at enrolment (JWK, ECDSA P-256). */
export interface KioskKeyTable {
	kiosk_code: string;
	public_key_jwk: string;
	enrolled_at: string;
}

/** A nonce the kiosk must sign; used once, within its short life. */
export interface KioskChallengeTable {
	nonce: string;
	kiosk_code: string;
	expires_at: string;
	used_at: string | null;
}

/** A short-lived kiosk session token, kept as its SHA-256. */
export interface KioskSessionTable {
	token_hash: string;
	kiosk_code: string;
	created_at: string;
	expires_at: string;
}

/** What a machine last reported about itself. `devices` is JSON (`DeviceStates`). */
export interface KioskHeartbeatTable {
	kiosk_code: string;
	received_at: string;
	software_version: string;
	devices: string;
	queued_payments: number;
	oldest_queued_at: string | null;
	dead_letter_payments: number;
	last_transaction_at: string | null;
}

/** A login: an operator's on one machine, or the programme office's (kiosk_code null). */
export interface OperatorSessionTable {
	token_hash: string;
	operator_sso_id: string;
	kiosk_code: string | null;
	created_at: string;
	expires_at: string;
	/** Set when the operator leaves the console; their PIN opens it again. */
	locked: Flag;
	pin_failures: number;
	ended_at: string | null;
}

/** The PIN an operator set for quick re-entry on one machine (scrypt, like passwords). */
export interface OperatorPinTable {
	operator_sso_id: string;
	kiosk_code: string;
	pin_hash: string;
	set_at: string;
}

/** Append-only: each time an operator emptied a machine's cash box, and what the hub counted in it. */
export interface CashBoxEmptyingTable {
	id: Generated<number>;
	kiosk_code: string;
	operator_sso_id: string;
	notes: number;
	amount_paise: number;
	emptied_at: string;
}

/** Append-only: every change an administrator, operator or kiosk made. `detail` is JSON. */
export interface AuditLogTable {
	id: Generated<number>;
	at: string;
	actor: string;
	action: string;
	kiosk_code: string | null;
	detail: string | null;
}

export type OperatorSession = Selectable<OperatorSessionTable>;
export type KioskHeartbeat = Selectable<KioskHeartbeatTable>;
// ——— Government services (see 0005_departments) ———

export interface CertificateTypeTable {
	id: string;
	name_en: string;
	name_hi: string;
	department_en: string;
	department_hi: string;
	sort_order: number;
}

/** A certificate as the issuing department's system holds it; not issued while its number is null. */
export interface ReferenceCertificateTable {
	transaction_id: string;
	type_id: string;
	certificate_number: string | null;
	holder_name_en: string;
	holder_name_hi: string;
	relation_en: string;
	relation_hi: string;
	address_en: string;
	address_hi: string;
	/** JSON list of `{ label: {en, hi}, value: {en, hi} }`. */
	particulars: string;
	office_en: string;
	office_hi: string;
	applied_on: string;
	issued_on: string | null;
}

export type ExamResultGrade = 'first' | 'second' | 'third' | 'supplementary' | 'failed' | 'withheld';

export interface ReferenceExamResultTable {
	exam_year: number;
	roll_number: string;
	student_name_en: string;
	student_name_hi: string;
	gender: 'female' | 'male' | 'other';
	father_name_en: string;
	father_name_hi: string;
	mother_name_en: string;
	mother_name_hi: string;
	date_of_birth: string;
	date_of_issue: string;
	result: ExamResultGrade;
}

export interface ReferenceLandRecordTable {
	village_code: string;
	khasra: string;
	khata_number: string;
	area_square_metres: number;
	land_type_en: string;
	land_type_hi: string;
	irrigation_en: string;
	irrigation_hi: string;
	/** JSON list of `{ en, hi }`. */
	encumbrances: string;
	/** The Samvat years the jamabandi covers, e.g. `2080–2083`. */
	record_year: string;
}

export interface ReferenceLandOwnerTable {
	village_code: string;
	khasra: string;
	position: number;
	name_en: string;
	name_hi: string;
	relation_en: string;
	relation_hi: string;
	share: string;
}

export type FamilyRelation = 'head' | 'spouse' | 'son' | 'daughter' | 'mother' | 'father' | 'daughter_in_law' | 'other';

export interface ReferenceJanAadhaarMemberTable {
	member_id: string;
	family_id: string;
	position: number;
	name_en: string;
	name_hi: string;
	relation: FamilyRelation;
	year_of_birth: number;
	mobile: string | null;
	fingerprint_matches: Flag;
}

export type MobileChangeStatus = 'otp_sent' | 'completed' | 'failed';

/** A citizen's request to change a Jan Aadhaar member's mobile number, from OTP to outcome. */
export interface MobileChangeTable {
	id: string;
	kiosk_code: string;
	family_id: string;
	member_id: string;
	new_mobile: string;
	language: Locale;
	otp_hash: string;
	otp_attempts_left: number;
	otp_verified_at: string | null;
	status: MobileChangeStatus;
	failure: string | null;
	expires_at: string;
	created_at: string;
	completed_at: string | null;
}

/** Append-only: every step of a mobile-number change. */
export interface MobileChangeAuditTable {
	id: Generated<number>;
	change_id: string;
	event: string;
	detail: string | null;
	at: string;
}

export type PrintDocumentKind = 'certificate' | 'marksheet';

/** A paid print of a document: the "bill" its printing fee pays; printed until one print succeeds. */
export interface PrintOrderTable {
	id: string;
	kiosk_code: string;
	document_kind: PrintDocumentKind;
	document_ref: string;
	holder_name: string;
	fee_paise: number;
	payment_id: string | null;
	paid_at: string | null;
	printed_at: string | null;
	created_at: string;
}

/** Append-only: each time a kiosk printed a paid order, and how it went. */
export interface PrintAttemptTable {
	id: Generated<number>;
	order_id: string;
	kiosk_code: string;
	outcome: 'printed' | 'failed';
	reason: string | null;
	at: string;
}

/** Hits on one limited subject (`login:ID@K1234567`, `verify:203.0.113.7`…) in one time window. */
export interface RateCounterTable {
	subject: string;
	window_start: string;
	hits: number;
}

export type PrintOrder = Selectable<PrintOrderTable>;
export type MobileChange = Selectable<MobileChangeTable>;
