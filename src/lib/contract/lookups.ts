import * as v from 'valibot';
import { DEPARTMENT_LOOKUP_SCHEMAS, digitsField, TRANSACTION_ID_LENGTH } from './government';

/**
 * A citizen's lookup: one path and one request schema per service, the same for every service —
 * the transaction status and every department's question (certificate, exam result, land
 * record, Jan Aadhaar family). The body is the schema's object; the hub checks it with the same
 * schema, after the kiosk's session and the kiosk's lookup limit (src/lib/server/lookups).
 */

/** Why a lookup found nothing, as the hub says it; flows word each for the citizen. */
export const LOOKUP_REFUSALS = ['not_found'] as const;
export type LookupRefusal = (typeof LOOKUP_REFUSALS)[number];

/** Transaction status: the e-Mitra transaction ID on the citizen's acknowledgement slip. */
export const transactionStatusLookup = v.object({
	transactionId: digitsField(TRANSACTION_ID_LENGTH.min, TRANSACTION_ID_LENGTH.max)
});

export const LOOKUP_SCHEMAS = {
	'transaction-status': transactionStatusLookup,
	...DEPARTMENT_LOOKUP_SCHEMAS
} as const;
export type LookupServiceId = keyof typeof LOOKUP_SCHEMAS;
export type LookupRequest<Service extends LookupServiceId> = v.InferOutput<(typeof LOOKUP_SCHEMAS)[Service]>;
export const LOOKUP_SERVICES = Object.keys(LOOKUP_SCHEMAS) as LookupServiceId[];

export const lookupPath = (service: LookupServiceId) => `/api/v1/lookups/${encodeURIComponent(service)}`;

// ——— Transaction status ———

/** Where an e-Mitra application stands; each has its own "what happens next" message. */
export const TRANSACTION_STATUSES = ['submitted', 'under_verification', 'sent_back', 'approved', 'delivered', 'rejected'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

const bilingualText = v.object({ en: v.string(), hi: v.string() });
export type BilingualText = v.InferOutput<typeof bilingualText>;

/** What the hub tells the kiosk about one transaction: nothing a bystander should not read. */
export const transactionStatusResult = v.object({
	transactionId: v.string(),
	service: bilingualText,
	department: bilingualText,
	applicantNameMasked: v.string(),
	/** ISO 8601 instants (UTC). */
	submittedAt: v.pipe(v.string(), v.isoTimestamp()),
	status: v.picklist(TRANSACTION_STATUSES),
	statusUpdatedAt: v.pipe(v.string(), v.isoTimestamp())
});
export type TransactionStatusResult = v.InferOutput<typeof transactionStatusResult>;
