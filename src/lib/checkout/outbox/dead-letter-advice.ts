import type { OutboxPayment } from './types';

/** What the operator can do about a payment the hub refused for good. */
export type DeadLetterAdvice =
	/** The operator's wallet was too low: top it up, then try again. */
	| 'wallet'
	/** The hub does not accept this kiosk now (revoked, no operator): the programme office must act. */
	| 'kiosk'
	/** The hub has the payment: cancel it there and its notes become a voucher on the account. */
	| 'voucher'
	/** The hub refused to create the payment: the cash must go back to the citizen. */
	| 'refund';

const KIOSK_REFUSALS = new Set(['unknown_kiosk', 'kiosk_revoked', 'kiosk_unmapped']);

export function deadLetterAdvice(payment: Pick<OutboxPayment, 'deadLetter' | 'transactionId'>): DeadLetterAdvice {
	const code = payment.deadLetter?.code ?? '';
	if (code === 'wallet_insufficient') return 'wallet';
	if (KIOSK_REFUSALS.has(code)) return 'kiosk';
	return payment.transactionId === null ? 'refund' : 'voucher';
}
