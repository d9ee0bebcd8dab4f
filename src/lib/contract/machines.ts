import * as v from 'valibot';

/**
 * How a kiosk proves which machine it is, shared by the kiosk and the hub. An installer enrols
 * the machine once with a one-time code; the kiosk makes an ECDSA P-256 key pair whose private
 * half cannot leave the browser, and the hub keeps the public half. From then on the kiosk signs
 * the hub's single-use nonce to get a short-lived session token, sent as a Bearer token.
 */

export const KIOSK_API_PATHS = {
	enrol: '/api/v1/kiosk/enrol',
	challenge: '/api/v1/kiosk/challenge',
	session: '/api/v1/kiosk/session',
	heartbeat: '/api/v1/kiosk/heartbeat'
} as const;

export const KIOSK_SIGNING_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const KIOSK_SIGNATURE_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** What the kiosk signs: the purpose, the machine and the nonce, so a signature is good for nothing else. */
export function challengeMessage(kioskCode: string, nonce: string): Uint8Array<ArrayBuffer> {
	return new TextEncoder().encode(`emitra-kiosk-session\n${kioskCode}\n${nonce}`);
}

/** Why the hub refuses a kiosk's enrolment or session; `callHub` re-authenticates on the 401s. */
export const KIOSK_AUTH_REFUSALS = [
	'kiosk_unauthenticated',
	'kiosk_session_expired',
	'kiosk_not_enrolled',
	'enrolment_code_invalid',
	'challenge_invalid',
	'signature_invalid',
	'too_many_attempts'
] as const;
export type KioskAuthRefusal = (typeof KIOSK_AUTH_REFUSALS)[number];

/** 12 letters and digits without 0/O, 1/I, shown in groups of four: `7KQM-4XWP-93HT`. */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ENROLMENT_CODE_LENGTH = 12;

/** What the installer typed, as the hub stores it: upper case, no spaces or hyphens. */
export function normaliseEnrolmentCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function formatEnrolmentCode(code: string): string {
	return normaliseEnrolmentCode(code).replace(/(.{4})(?=.)/g, '$1-');
}

export const kioskCode = v.pipe(v.string(), v.regex(/^K\d{7}$/, 'format'));

const publicKeyJwk = v.object({
	kty: v.literal('EC'),
	crv: v.literal('P-256'),
	x: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
	y: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/))
});
export type KioskPublicKeyJwk = v.InferOutput<typeof publicKeyJwk>;

export const enrolRequest = v.object({
	enrolmentCode: v.pipe(v.string(), v.maxLength(40, 'format')),
	publicKey: publicKeyJwk
});
export type EnrolRequest = v.InferOutput<typeof enrolRequest>;

export const enrolAnswer = v.object({
	kioskCode: v.string(),
	district: v.string(),
	place: v.string()
});
export type EnrolAnswer = v.InferOutput<typeof enrolAnswer>;

export const challengeRequest = v.object({ kioskCode });
export const challengeAnswer = v.object({ nonce: v.string(), expiresAt: v.string() });

export const sessionRequest = v.object({
	kioskCode,
	nonce: v.pipe(v.string(), v.maxLength(100)),
	/** base64url of WebCrypto's ECDSA signature (r ‖ s, 64 bytes). */
	signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86}$/))
});
export const sessionAnswer = v.object({ token: v.string(), expiresAt: v.string() });

// ——— Heartbeats ———

export const NOTE_ACCEPTOR_REPORTS = [
	'ready',
	'busy',
	'jammed',
	'cash-box-full',
	'cash-box-removed',
	'fault',
	/** The app has not opened it since it started (no cash payment yet). */
	'not-open'
] as const;
export const PAPER_REPORTS = ['ok', 'near-end', 'out', 'unknown'] as const;
export const RD_SERVICE_REPORTS = ['ready', 'not-found'] as const;
export const CARD_TERMINAL_REPORTS = ['connected', 'not-open'] as const;

export const deviceStates = v.object({
	noteAcceptor: v.picklist(NOTE_ACCEPTOR_REPORTS),
	printerPaper: v.picklist(PAPER_REPORTS),
	rdService: v.picklist(RD_SERVICE_REPORTS),
	cardTerminal: v.picklist(CARD_TERMINAL_REPORTS)
});
export type DeviceStates = v.InferOutput<typeof deviceStates>;

/** Payments this kiosk holds that the hub has not acknowledged (the offline outbox). */
export const queuedPaymentsSummary = v.object({
	queued: v.pipe(v.number(), v.integer(), v.minValue(0)),
	oldestQueuedAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
	deadLetters: v.pipe(v.number(), v.integer(), v.minValue(0))
});
export type QueuedPaymentsSummary = v.InferOutput<typeof queuedPaymentsSummary>;

export const heartbeatRequest = v.object({
	devices: deviceStates,
	queuedPayments: queuedPaymentsSummary,
	lastTransactionAt: v.nullable(v.pipe(v.string(), v.isoTimestamp()))
});
export type HeartbeatRequest = v.InferOutput<typeof heartbeatRequest>;
