import type { ApprovalRequest, CancelRequest, CreatePaymentRequest, PaymentView } from '$lib/contract';

/**
 * One thing the kiosk must tell the hub about a payment, in the order it happened. Each carries the
 * idempotency key made before its first try, so any number of replays make exactly one change.
 */
export type OutboxStep =
	| { kind: 'create'; key: string; at: string; acknowledged: boolean }
	| { kind: 'note'; key: string; at: string; acknowledged: boolean; valuePaise: number }
	| { kind: 'complete'; key: string; at: string; acknowledged: boolean }
	| { kind: 'cancel'; key: string; at: string; acknowledged: boolean; reason: CancelRequest['reason'] }
	/** The card terminal approved the charge: the hub must hear it, or the citizen paid for nothing. */
	| { kind: 'approval'; key: string; at: string; acknowledged: boolean; approval: ApprovalRequest };

export type StepKind = OutboxStep['kind'];

/** Why the hub finally refused a payment, and what the operator can do about it. */
export interface DeadLetter {
	/** The hub's refusal code (e.g. `bill_already_paid`). */
	code: string;
	at: string;
	/** The step the hub refused. */
	step: StepKind;
}

/**
 * A payment the hub has not fully acknowledged yet: the create request, every note credited and how
 * the kiosk ended it. It leaves the outbox only once the hub has acknowledged every step.
 */
export interface OutboxPayment {
	/** Printed on a queued receipt, e.g. `Q-K1234567-0042`; the outbox's key. */
	reference: string;
	/** Oldest first: the order payments replay in. */
	sequence: number;
	createdAt: string;
	kioskCode: string;
	request: CreatePaymentRequest;
	/**
	 * Money was taken before the hub confirmed the payment (the kiosk was offline). Its create is
	 * replayed past the hub's version check: the citizen already paid.
	 */
	queued: boolean;
	/** Known once the hub acknowledged the create. */
	transactionId: string | null;
	toCollectPaise: number;
	payablePaise: number;
	/** When the bill was fetched from the hub (a cached bill may be hours old). */
	billFetchedAt: string;
	steps: OutboxStep[];
	/** The hub's latest answer about this payment. */
	lastView: PaymentView | null;
	deadLetter: DeadLetter | null;
}

/** What the rest of the kiosk (heartbeat, operator console) may know of the outbox. */
export interface OutboxSummary {
	/** Payments waiting for the hub, dead letters excluded. */
	queued: number;
	oldestQueuedAt: string | null;
	deadLetters: number;
}

export const creditedPaise = (payment: Pick<OutboxPayment, 'steps'>) =>
	payment.steps.reduce((total, step) => total + (step.kind === 'note' ? step.valuePaise : 0), 0);

/** The kiosk has decided how the payment ends (cash completed, card approved, or cancelled). */
export const isClosed = (payment: Pick<OutboxPayment, 'steps'>) =>
	payment.steps.some((step) => step.kind === 'complete' || step.kind === 'approval' || step.kind === 'cancel');
