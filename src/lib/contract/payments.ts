import * as v from 'valibot';
import { cleanNumberInput, withoutIndiaPrefix } from './digits';
import { LOCALES } from './locales';
import { isLuhnValid } from './luhn';
import { isVerhoeffValid } from './verhoeff';

/**
 * The bill-payment contract between the kiosk and the hub: the requests the kiosk sends, the
 * answers the hub gives, and the codes it refuses with. Both sides check the same schemas.
 * Money is integer paise; instants are ISO 8601 UTC strings; dates are `YYYY-MM-DD`.
 */

/** How a citizen may pay: notes in the acceptor, a card on the terminal, a card online, Aadhaar (AePS). */
export const PAYMENT_MODES = ['cash', 'card', 'cardOnline', 'aadhaar'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/** The kiosk software's version (package.json), on every call, so the hub can refuse outdated machines. */
export const KIOSK_VERSION_HEADER = 'X-Kiosk-Version';
/**
 * On a create the kiosk's outbox replays: the ISO instant the payment was queued. The hub takes a
 * queued cash payment from a kiosk that has fallen behind the current version only when it was
 * queued before that version was set (src/lib/server/fleet/versions.ts).
 */
export const KIOSK_REPLAY_HEADER = 'X-Kiosk-Replay';
/** A UUID the kiosk makes before the first try of every mutating payment request. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer the hub stored earlier and is giving again. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

export const API_PATHS = {
	billers: '/api/v1/billers',
	bill: (billerId: string) => `/api/v1/billers/${encodeURIComponent(billerId)}/bill`,
	aadhaarBanks: '/api/v1/payments/aadhaar-banks',
	smsOutbox: '/api/v1/payments/sms-outbox',
	payments: '/api/v1/payments',
	payment: (id: string) => `/api/v1/payments/${encodeURIComponent(id)}`,
	notes: (id: string) => `/api/v1/payments/${encodeURIComponent(id)}/notes`,
	complete: (id: string) => `/api/v1/payments/${encodeURIComponent(id)}/complete`,
	cancel: (id: string) => `/api/v1/payments/${encodeURIComponent(id)}/cancel`,
	approval: (id: string) => `/api/v1/payments/${encodeURIComponent(id)}/approval`,
	cardOnlineStart: (id: string) => `/api/v1/payments/${encodeURIComponent(id)}/card-online/start`,
	cardOnlineOtp: (id: string) => `/api/v1/payments/${encodeURIComponent(id)}/card-online/otp`,
	aadhaarPay: (id: string) => `/api/v1/payments/${encodeURIComponent(id)}/aadhaar`,
	verifyReceipt: (id: string) => `/api/v1/receipts/${encodeURIComponent(id)}/verify`
} as const;

/** Why the hub refuses a payment or biller request; the kiosk words each for the citizen. */
export const PAYMENT_REFUSALS = [
	'unknown_kiosk',
	'kiosk_revoked',
	'kiosk_outdated',
	'kiosk_unmapped',
	'idempotency_key_missing',
	'idempotency_key_reused',
	'request_in_progress',
	'unknown_biller',
	'biller_unavailable',
	'unknown_consumer',
	'bill_already_paid',
	'bill_changed',
	'bill_payment_in_progress',
	'wallet_insufficient',
	'cash_limit_exceeded',
	'day_closing',
	'covered_by_credit',
	'unknown_payment',
	'wrong_mode',
	'amount_not_reached',
	'payment_cancelled',
	'payment_not_cancellable',
	'payment_not_awaiting',
	'payment_already_paid',
	'card_expired',
	'card_not_supported',
	'card_session_missing',
	'unknown_bank',
	'unknown_receipt',
	'not_offered'
] as const;
export type PaymentRefusal = (typeof PAYMENT_REFUSALS)[number];

/** Why a payment mode cannot be chosen for a bill (shown before the citizen chooses). */
export type ModeUnavailableReason = Extract<
	PaymentRefusal,
	'wallet_insufficient' | 'cash_limit_exceeded' | 'day_closing' | 'covered_by_credit' | 'not_offered'
>;

// ——— Shared field rules ———

const cleanedDigits = v.pipe(v.string(), v.maxLength(40), v.transform(cleanNumberInput));

/**
 * An Indian mobile number as people write it: spaces, hyphens, Devanagari digits and a +91, 91
 * or 0 in front are accepted; what remains must be 10 digits starting with 6–9.
 */
export const mobileNumber = v.pipe(cleanedDigits, v.transform(withoutIndiaPrefix), v.regex(/^[6-9]\d{9}$/, 'format'));

const blankAsMissing = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** Optional: a blank answer counts as none. */
const optionalMobile = v.pipe(v.optional(v.pipe(v.string(), v.maxLength(40))), v.transform(blankAsMissing), v.optional(mobileNumber));

/** Optional and checked only when given ("leave blank if none"). */
const optionalEmail = v.pipe(
	v.optional(v.pipe(v.string(), v.maxLength(254))),
	v.transform(blankAsMissing),
	v.optional(v.pipe(v.string(), v.email('format')))
);

/** The biller's own rules (length, pattern) are checked by the hub from the biller's settings. */
const billIdentifier = v.pipe(cleanedDigits, v.nonEmpty('required'));

/** A number of the right shape whose check digit is right; one issue only, the first that applies. */
function checkedNumber(shape: RegExp, checkDigitIsRight: (digits: string) => boolean) {
	return v.pipe(
		cleanedDigits,
		v.regex(shape, 'format'),
		v.check((digits) => !shape.test(digits) || checkDigitIsRight(digits), 'checksum')
	);
}

/** 12 digits, not starting with 0 or 1, ending with a Verhoeff check digit. */
export const aadhaarNumber = checkedNumber(/^[2-9]\d{11}$/, isVerhoeffValid);

export const cardNumber = checkedNumber(/^\d{12,19}$/, isLuhnValid);

const paise = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const positivePaise = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const isoInstant = v.pipe(v.string(), v.isoTimestamp());
const isoDate = v.pipe(v.string(), v.isoDate());
const bilingual = v.object({ en: v.string(), hi: v.string() });
const language = v.picklist(LOCALES);
const paymentMode = v.picklist(PAYMENT_MODES);
const billerId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));
const transactionId = v.pipe(v.string(), v.regex(/^\d{12}$/));
const bankIin = v.pipe(v.string(), v.regex(/^\d{6}$/, 'format'));
/** The issuer's approval code (ISO 8583 field 38). */
const authCode = v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{1,12}$/));
/** Retrieval reference number (ISO 8583 field 37). */
const rrn = v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{12}$/));

/** Notes the acceptors take; Indian coins and the withdrawn ₹2,000 note are not accepted. */
export const NOTE_DENOMINATIONS_PAISE = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000] as const;

export const CARD_TYPES = ['rupay', 'visa', 'mastercard', 'amex', 'diners', 'other'] as const;
export const CARD_KINDS = ['debit', 'credit'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** What the kiosk says when it gives up on a payment before the money was all in. */
export const CANCEL_REASONS = ['citizen', 'timeout', 'device_failed'] as const;

// ——— Billers and bills ———

export const billerInfo = v.object({
	id: billerId,
	name: bilingual,
	category: v.picklist(['telecom', 'water', 'electricity', 'government']),
	identifier: v.object({
		label: bilingual,
		/** A JavaScript regular expression source, anchored, over the cleaned digits. */
		pattern: v.string(),
		length: v.pipe(v.number(), v.integer()),
		/** The identifier is itself a mobile number: the SMS goes there when no mobile is given. */
		isMobile: v.boolean()
	}),
	mobileRequired: v.boolean(),
	/** Null: cash of any amount. */
	cashLimitPaise: v.nullable(paise),
	/** False while the biller's system is down: shown, but not payable. */
	available: v.boolean()
});
export type BillerInfo = v.InferOutput<typeof billerInfo>;
export const billerList = v.object({ billers: v.array(billerInfo) });
export type BillerList = v.InferOutput<typeof billerList>;

export const billRequest = v.object({
	identifier: billIdentifier,
	mobile: optionalMobile,
	email: optionalEmail
});
export type BillRequest = v.InferOutput<typeof billRequest>;

const modeAvailable = v.object({
	available: v.literal(true),
	feePaise: paise,
	/** What the citizen hands over (cash: rounded up to ₹10; cards: payable + fee). */
	toCollectPaise: paise
});
const modeUnavailable = v.object({
	available: v.literal(false),
	reason: v.picklist([
		'wallet_insufficient',
		'cash_limit_exceeded',
		'day_closing',
		'covered_by_credit',
		'not_offered'
	] satisfies ModeUnavailableReason[])
});
const modeQuote = v.variant('available', [modeAvailable, modeUnavailable]);

export const billQuote = v.object({
	biller: v.object({ id: billerId, name: bilingual }),
	identifier: v.string(),
	consumerNameMasked: v.string(),
	bill: v.object({
		billNumber: v.string(),
		billDate: isoDate,
		dueDate: isoDate,
		amountPaise: positivePaise,
		overdue: v.boolean()
	}),
	/** Earlier excess cash on this biller account; applied to this bill first. */
	creditAvailablePaise: paise,
	creditAppliedPaise: paise,
	/** Bill amount minus the credit applied. */
	payablePaise: paise,
	modes: v.object({
		cash: modeQuote,
		card: modeQuote,
		/** Card charges depend on the card: both are shown before the citizen pays. */
		cardOnline: v.variant('available', [
			v.object({
				available: v.literal(true),
				debit: v.object({ feePaise: paise, toCollectPaise: paise }),
				credit: v.object({ feePaise: paise, toCollectPaise: paise })
			}),
			modeUnavailable
		]),
		aadhaar: modeQuote
	})
});
export type BillQuote = v.InferOutput<typeof billQuote>;

// ——— Payment requests (every one needs an Idempotency-Key) ———

export const createPaymentRequest = v.object({
	billerId,
	identifier: billIdentifier,
	/** The bill the citizen saw; the hub refuses if the biller now shows another. */
	billNumber: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
	mobile: optionalMobile,
	email: optionalEmail,
	/** The language of the SMS. */
	language,
	mode: paymentMode
});
export type CreatePaymentRequest = v.InferOutput<typeof createPaymentRequest>;

/** One note the acceptor credited (stacked past the point of no return). */
export const noteCreditedRequest = v.object({ valuePaise: v.picklist(NOTE_DENOMINATIONS_PAISE) });
export type NoteCreditedRequest = v.InferOutput<typeof noteCreditedRequest>;

export const completeRequest = v.object({});

export const cancelRequest = v.object({ reason: v.picklist(CANCEL_REASONS) });
export type CancelRequest = v.InferOutput<typeof cancelRequest>;

/** What a card terminal or an Aadhaar (AePS) device approved, without the full numbers. */
export const approvalRequest = v.variant('mode', [
	v.object({
		mode: v.literal('card'),
		authCode,
		rrn,
		/** At most the first six and the last four digits (PCI DSS). */
		maskedPan: v.pipe(v.string(), v.regex(/^[0-9]{0,6}[*X]{2,}[0-9]{4}$/)),
		cardType: v.picklist(CARD_TYPES),
		amountPaise: positivePaise
	}),
	v.object({
		mode: v.literal('aadhaar'),
		authCode,
		rrn,
		maskedAadhaar: v.pipe(v.string(), v.regex(/^XXXX XXXX \d{4}$/)),
		bankIin,
		amountPaise: positivePaise
	})
]);
export type ApprovalRequest = v.InferOutput<typeof approvalRequest>;

export const cardOnlineStartRequest = v.object({
	cardNumber,
	expiryMonth: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
	/** Four digits, e.g. 2029. */
	expiryYear: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2099))
});
export type CardOnlineStartRequest = v.InferOutput<typeof cardOnlineStartRequest>;

export const cardOnlineOtpRequest = v.object({ otp: v.pipe(v.string(), v.regex(/^\d{6}$/, 'format')) });
export type CardOnlineOtpRequest = v.InferOutput<typeof cardOnlineOtpRequest>;

/** The PID block is the RD Service's encrypted XML, passed on untouched. */
export const MAX_PID_BLOCK_LENGTH = 48 * 1024;
export const aadhaarPayRequest = v.object({
	aadhaarNumber,
	bankIin,
	pidBlock: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PID_BLOCK_LENGTH))
});
export type AadhaarPayRequest = v.InferOutput<typeof aadhaarPayRequest>;

// ——— Payment answers ———

export const PAYMENT_STATUSES = ['created', 'awaiting_payment', 'paid', 'posted', 'cancelled', 'reversed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const voucherView = v.object({
	/** Short and typable: four letters or digits, a hyphen, four more (no 0/O, 1/I). */
	code: v.string(),
	amountPaise: positivePaise,
	createdAt: isoInstant
});

/** Everything a kiosk needs to go on with a payment, resolve an unknown outcome or print a receipt. */
export const paymentView = v.object({
	transactionId,
	status: v.picklist(PAYMENT_STATUSES),
	mode: paymentMode,
	kioskCode: v.string(),
	language,
	biller: v.object({ id: billerId, name: bilingual }),
	consumer: v.object({ identifier: v.string(), nameMasked: v.string() }),
	bill: v.object({ billNumber: v.string(), billDate: isoDate, dueDate: isoDate }),
	amounts: v.object({
		billPaise: positivePaise,
		creditAppliedPaise: paise,
		payablePaise: paise,
		feePaise: paise,
		toCollectPaise: paise,
		/** Cash: the notes so far; cards and Aadhaar: what was charged. */
		collectedPaise: paise,
		/** Excess cash (or cash of a cancelled payment) credited to the biller account. */
		creditedPaise: paise
	}),
	notes: v.array(v.object({ valuePaise: positivePaise, receivedAt: isoInstant })),
	instrument: v.nullable(
		v.object({
			/** `411111XXXXXX1111` or `XXXX XXXX 1234`. */
			masked: v.string(),
			/** Card scheme and kind, or the bank's name. */
			label: v.string(),
			authCode: v.nullable(v.string()),
			rrn: v.nullable(v.string())
		})
	),
	/** Card online, once the OTP was sent and until the payment is decided. */
	otp: v.nullable(
		v.object({
			/** Known after the first wrong OTP. */
			attemptsLeft: v.nullable(v.pipe(v.number(), v.integer())),
			lastIncorrect: v.boolean()
		})
	),
	posting: v.object({
		billerReference: v.nullable(v.string()),
		/** Paid in cash but not yet accepted by the biller: the hub keeps trying. */
		pending: v.boolean()
	}),
	vouchers: v.array(voucherView),
	reversal: v.nullable(v.object({ amountPaise: positivePaise, reason: v.string(), expectedBy: isoDate })),
	cancelReason: v.nullable(v.string()),
	declineReason: v.nullable(v.string()),
	createdAt: isoInstant,
	paidAt: v.nullable(isoInstant),
	postedAt: v.nullable(isoInstant),
	closedAt: v.nullable(isoInstant),
	/** For the QR code on the receipt. */
	verificationUrl: v.pipe(v.string(), v.url())
});
export type PaymentView = v.InferOutput<typeof paymentView>;

/** What anyone scanning a receipt's QR code learns: enough to compare, nothing private. */
export const receiptVerification = v.object({
	genuine: v.literal(true),
	transactionId,
	status: v.picklist(PAYMENT_STATUSES),
	biller: bilingual,
	identifierMasked: v.string(),
	consumerNameMasked: v.string(),
	billPaise: positivePaise,
	collectedPaise: paise,
	creditedPaise: paise,
	mode: paymentMode,
	kioskCode: v.string(),
	createdAt: isoInstant,
	postedAt: v.nullable(isoInstant)
});
export type ReceiptVerification = v.InferOutput<typeof receiptVerification>;

export const aadhaarBankList = v.object({
	banks: v.array(v.object({ iin: v.string(), name: bilingual }))
});
export type AadhaarBankList = v.InferOutput<typeof aadhaarBankList>;

export const smsOutbox = v.object({
	messages: v.array(
		v.object({
			mobile: v.string(),
			language,
			body: v.string(),
			transactionId: v.nullable(v.string()),
			createdAt: isoInstant
		})
	)
});
export type SmsOutbox = v.InferOutput<typeof smsOutbox>;

// ——— The cash rules both sides apply (the hub when it settles, the kiosk for a queued payment) ———

/** ₹10, the smallest note the acceptors take: cash is collected in whole multiples of it. */
export const CASH_STEP_PAISE = 1_000;

/** "Rounded up to a multiple of ₹10": ₹17 → ₹20, ₹12 → ₹20, ₹20 → ₹20, ₹0 → ₹0. */
export function roundUpToNotes(paise: number): number {
	return Math.ceil(paise / CASH_STEP_PAISE) * CASH_STEP_PAISE;
}

/**
 * Cash collected beyond what was owed, credited to the citizen's next bill: whatever notes went
 * in (a ₹20 note for ₹12, or a ₹500 note the citizen chose to let in), nothing is kept back.
 */
export function excessCashPaise(collectedPaise: number, owed: { payablePaise: number; feePaise: number }): number {
	return Math.max(0, collectedPaise - owed.payablePaise - owed.feePaise);
}
