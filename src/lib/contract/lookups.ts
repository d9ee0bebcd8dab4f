import * as v from 'valibot';

/** What the kiosk sends to look something up for a form step; the hub checks the same schema. */
export const lookupRequest = v.object({
	step: v.pipe(v.string(), v.maxLength(64)),
	values: v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(256)))
});
export type LookupRequest = v.InferOutput<typeof lookupRequest>;

/** Why a lookup found nothing, as the hub says it; flows word each for the citizen. */
export const LOOKUP_REFUSALS = ['not_found'] as const;
export type LookupRefusal = (typeof LOOKUP_REFUSALS)[number];

export const lookupPath = (serviceId: string) =>
	`/api/v1/services/${encodeURIComponent(serviceId)}/lookup`;

// ——— Transaction status ———

/** Where an e-Mitra application stands; each has its own "what happens next" message. */
export const TRANSACTION_STATUSES = [
	'submitted',
	'under_verification',
	'sent_back',
	'approved',
	'delivered',
	'rejected'
] as const;
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

export const TRANSACTION_ID_LENGTH = { min: 8, max: 12 } as const;
