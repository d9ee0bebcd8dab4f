import type { CardKind } from '$lib/contract';

/**
 * The hub's side of paying by card online and by Aadhaar. Reference implementations answer
 * from documented test numbers; a bank's or aggregator's adapter replaces them.
 */

export interface CardDetails {
	cardNumber: string;
	expiryMonth: number;
	expiryYear: number;
}

export interface CardIdentity {
	/** The card scheme, for the receipt. */
	scheme: 'rupay' | 'visa' | 'mastercard' | 'amex' | 'diners' | 'other';
	/** Decides the card charge (MDR). */
	kind: CardKind;
}

export type CardStart = { outcome: 'otp_sent'; sessionId: string } | { outcome: 'declined'; reason: string };

export type PaymentDecision = { outcome: 'approved'; authCode: string; rrn: string } | { outcome: 'declined'; reason: string };

export type OtpResult = PaymentDecision | { outcome: 'otp_incorrect'; attemptsLeft: number };

/** A payment gateway for cards online with an OTP (3-D Secure). */
export interface PaymentGateway {
	/** Null when the gateway does not take this card. */
	identifyCard(cardNumber: string): Promise<CardIdentity | null>;
	/** Asks the issuer to send the OTP for this amount; `reference` is our transaction ID. */
	startPayment(request: { reference: string; card: CardDetails; amountPaise: number }): Promise<CardStart>;
	confirmOtp(request: { sessionId: string; otp: string }): Promise<OtpResult>;
}

export interface AadhaarPaymentRequest {
	reference: string;
	aadhaarNumber: string;
	bankIin: string;
	/** The RD Service's encrypted PID block, untouched. */
	pidBlock: string;
	amountPaise: number;
}

/** Aadhaar-enabled payment (AePS): a debit from the citizen's bank account, authorised by fingerprint. */
export interface AadhaarPaymentGateway {
	pay(request: AadhaarPaymentRequest): Promise<PaymentDecision>;
}
