import * as v from 'valibot';
import { cleanNumberInput, withoutIndiaPrefix } from './digits';
import { LOCALES } from './locales';

/**
 * The government-services contract between the kiosk and the hub: reference lists (cacheable,
 * the same for every citizen), department lookups (rate-limited per kiosk), print orders and
 * Jan Aadhaar mobile-number changes. Both sides check the same schemas.
 */

const bilingual = v.object({ en: v.string(), hi: v.string() });
export type Bilingual = v.InferOutput<typeof bilingual>;
const isoDate = v.pipe(v.string(), v.isoDate());
const language = v.picklist(LOCALES);
const code = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));
/** A number typed on the kiosk's keypad (spaces, hyphens, Devanagari digits allowed): `min`–`max` digits. */
export const digitsField = (min: number, max: number) =>
	v.pipe(v.string(), v.maxLength(40), v.transform(cleanNumberInput), v.regex(new RegExp(`^\\d{${min},${max}}$`), 'format'));

const enc = encodeURIComponent;
export const GOVERNMENT_PATHS = {
	certificateTypes: '/api/v1/reference/certificate-types',
	examYears: '/api/v1/reference/exam-years',
	districts: '/api/v1/reference/land/districts',
	tehsils: (districtCode: string) => `/api/v1/reference/land/districts/${enc(districtCode)}/tehsils`,
	villages: (tehsilCode: string) => `/api/v1/reference/land/tehsils/${enc(tehsilCode)}/villages`,
	printOrders: '/api/v1/print-orders',
	printAttempts: (orderId: string) => `/api/v1/print-orders/${enc(orderId)}/attempts`,
	reprint: '/api/v1/print-orders/reprint',
	mobileChanges: '/api/v1/jan-aadhaar/mobile-changes',
	mobileChangeVerify: (changeId: string) => `/api/v1/jan-aadhaar/mobile-changes/${enc(changeId)}/verify`,
	verifyDocument: (kind: 'certificate' | 'marksheet', number: string) => `/api/v1/documents/${enc(kind)}/${enc(number)}/verify`
} as const;

// ——— Reference lists ———

/** One choice in a list: a certificate type, a district, a tehsil, a village, a year, a family member. */
export const choiceOption = v.object({
	value: v.string(),
	label: bilingual,
	/** A second line: what the citizen may need to tell similar choices apart. */
	detail: v.optional(bilingual)
});
export type ChoiceOption = v.InferOutput<typeof choiceOption>;
export const choiceList = v.object({ options: v.array(choiceOption) });
export type ChoiceList = v.InferOutput<typeof choiceList>;

// ——— Department lookups ———

export const DEPARTMENT_LOOKUPS = ['certificate', 'exam-result', 'land-record', 'jan-aadhaar-family'] as const;
export type DepartmentLookupKind = (typeof DEPARTMENT_LOOKUPS)[number];

/** Why a department lookup found nothing the citizen can use; each flow words them. */
export const DEPARTMENT_REFUSALS = [
	'not_found',
	'other_certificate_type',
	'not_issued',
	'unknown_place',
	'no_mobile_change',
	'unknown_print_order',
	'print_not_paid',
	'already_printed',
	'otp_incorrect',
	'otp_expired',
	'otp_attempts_exhausted',
	'fingerprint_mismatch',
	'change_closed',
	'same_mobile'
] as const;
export type DepartmentRefusal = (typeof DEPARTMENT_REFUSALS)[number];

/** An e-Mitra transaction ID: 8 to 12 digits. */
export const TRANSACTION_ID_LENGTH = { min: 8, max: 12 } as const;
/** Khasra numbers: digits, with sub-divisions after slashes, e.g. 123/45 or 88/2/1. */
export const KHASRA_PATTERN = /^\d{1,5}(?:\/\d{1,4}){0,3}$/;
export const ROLL_NUMBER_PATTERN = { min: 7, max: 7 } as const;
export const JAN_AADHAAR_ID_LENGTH = 10;

export const certificateLookup = v.object({
	typeId: code,
	transactionId: digitsField(TRANSACTION_ID_LENGTH.min, TRANSACTION_ID_LENGTH.max)
});
export const examLookup = v.object({
	examYear: v.pipe(v.string(), v.regex(/^\d{4}$/)),
	rollNumber: digitsField(ROLL_NUMBER_PATTERN.min, ROLL_NUMBER_PATTERN.max)
});
export const landLookup = v.object({
	villageCode: v.pipe(v.string(), v.regex(/^\d{1,12}$/)),
	khasra: v.pipe(v.string(), v.maxLength(40), v.transform(cleanNumberInput), v.regex(KHASRA_PATTERN, 'format'))
});
export const janAadhaarLookup = v.object({ janAadhaarId: digitsField(JAN_AADHAAR_ID_LENGTH, JAN_AADHAAR_ID_LENGTH) });
export const DEPARTMENT_LOOKUP_SCHEMAS = {
	certificate: certificateLookup,
	'exam-result': examLookup,
	'land-record': landLookup,
	'jan-aadhaar-family': janAadhaarLookup
} as const;

const particular = v.object({ label: bilingual, value: bilingual });

/** A certificate as issued: everything printed on it, and where its QR code leads. */
export const certificateDocument = v.object({
	kind: v.literal('certificate'),
	transactionId: v.string(),
	type: v.object({ id: v.string(), name: bilingual }),
	department: bilingual,
	certificateNumber: v.string(),
	holderName: bilingual,
	relation: bilingual,
	address: bilingual,
	particulars: v.array(particular),
	office: bilingual,
	appliedOn: isoDate,
	issuedOn: isoDate,
	verificationUrl: v.pipe(v.string(), v.url())
});
export type CertificateDocument = v.InferOutput<typeof certificateDocument>;

export const EXAM_RESULTS = ['first', 'second', 'third', 'supplementary', 'failed', 'withheld'] as const;
export const GENDERS = ['female', 'male', 'other'] as const;

/** The Board of Secondary Education's 10th-class record of one candidate. */
export const marksheetDocument = v.object({
	kind: v.literal('marksheet'),
	board: bilingual,
	examName: bilingual,
	examYear: v.number(),
	rollNumber: v.string(),
	studentName: bilingual,
	gender: v.picklist(GENDERS),
	fatherName: bilingual,
	motherName: bilingual,
	dateOfBirth: isoDate,
	dateOfIssue: isoDate,
	result: v.picklist(EXAM_RESULTS),
	verificationUrl: v.pipe(v.string(), v.url())
});
export type MarksheetDocument = v.InferOutput<typeof marksheetDocument>;

export const printableDocument = v.variant('kind', [certificateDocument, marksheetDocument]);
export type PrintableDocument = v.InferOutput<typeof printableDocument>;

/** A land record (jamabandi) of one khasra: a public record, shown as the tehsil keeps it. */
export const landRecord = v.object({
	district: v.object({ code: v.string(), name: bilingual }),
	tehsil: v.object({ code: v.string(), name: bilingual }),
	village: v.object({ code: v.string(), name: bilingual }),
	khasra: v.string(),
	khataNumber: v.string(),
	areaSquareMetres: v.number(),
	landType: bilingual,
	irrigation: bilingual,
	owners: v.array(v.object({ name: bilingual, relation: bilingual, share: v.string() })),
	encumbrances: v.array(bilingual),
	recordYear: v.string()
});
export type LandRecord = v.InferOutput<typeof landRecord>;

export const FAMILY_RELATIONS = ['head', 'spouse', 'son', 'daughter', 'mother', 'father', 'daughter_in_law', 'other'] as const;

/** A Jan Aadhaar family as a bystander may see it: names and mobiles masked. */
export const janAadhaarFamily = v.object({
	janAadhaarId: v.string(),
	members: v.array(
		v.object({
			memberId: v.string(),
			nameMasked: bilingual,
			relation: v.picklist(FAMILY_RELATIONS),
			yearOfBirth: v.number(),
			mobileMasked: v.nullable(v.string())
		})
	)
});
export type JanAadhaarFamily = v.InferOutput<typeof janAadhaarFamily>;

// ——— Print orders ———

/** ₹10 per print, as the e-Mitra Plus manual says. */
export const PRINT_FEE_PAISE = 1_000;

export const printOrderRequest = v.object({
	document: v.variant('kind', [
		v.object({ kind: v.literal('certificate'), typeId: code, transactionId: certificateLookup.entries.transactionId }),
		v.object({ kind: v.literal('marksheet'), examYear: examLookup.entries.examYear, rollNumber: examLookup.entries.rollNumber })
	]),
	language
});
export type PrintOrderRequest = v.InferOutput<typeof printOrderRequest>;
export type PrintDocumentKindRequest = PrintOrderRequest['document']['kind'];

export const printAttemptRequest = v.object({
	outcome: v.picklist(['printed', 'failed']),
	reason: v.optional(v.picklist(['printer_off', 'out_of_paper', 'not_come_out', 'device_error']))
});
export type PrintAttemptRequest = v.InferOutput<typeof printAttemptRequest>;

export const printOrderView = v.object({
	orderId: v.string(),
	status: v.picklist(['awaiting_payment', 'paid', 'printed']),
	feePaise: v.number(),
	paymentId: v.nullable(v.string()),
	attempts: v.number()
});
export type PrintOrderView = v.InferOutput<typeof printOrderView>;

/** A paid print found by its receipt's reference: the document to print again, free. */
export const reprintRequest = v.object({ receiptReference: digitsField(12, 12) });
export const reprintAnswer = v.object({ order: printOrderView, document: printableDocument });
export type ReprintAnswer = v.InferOutput<typeof reprintAnswer>;

// ——— Jan Aadhaar mobile change ———

export const mobileChangeRequest = v.object({
	janAadhaarId: janAadhaarLookup.entries.janAadhaarId,
	memberId: v.pipe(v.string(), v.regex(/^[A-Z0-9]{4,20}$/)),
	newMobile: v.pipe(
		v.string(),
		v.maxLength(40),
		v.transform(cleanNumberInput),
		v.transform(withoutIndiaPrefix),
		v.regex(/^[6-9]\d{9}$/, 'format')
	),
	language
});
export type MobileChangeRequest = v.InferOutput<typeof mobileChangeRequest>;

/** The PID block is the RD Service's encrypted XML, passed on untouched. */
export const mobileChangeVerifyRequest = v.object({
	otp: v.pipe(v.string(), v.regex(/^\d{6}$/, 'format')),
	pidBlock: v.pipe(v.string(), v.minLength(1), v.maxLength(48 * 1024))
});

export const mobileChangeView = v.object({
	changeId: v.string(),
	status: v.picklist(['otp_sent', 'completed', 'failed']),
	memberNameMasked: v.string(),
	newMobileMasked: v.string(),
	otpAttemptsLeft: v.number(),
	completedAt: v.nullable(v.string())
});
export type MobileChangeView = v.InferOutput<typeof mobileChangeView>;

/** A mobile number a bystander cannot copy: `XXXXXX3210`. */
export function maskMobile(mobile: string): string {
	return 'X'.repeat(Math.max(0, mobile.length - 4)) + mobile.slice(-4);
}
