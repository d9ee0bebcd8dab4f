import { API_PATHS, excessCashPaise, type BillQuote, type PaymentView } from '$lib/contract';
import { creditedPaise, isClosed, type OutboxPayment } from '../outbox/types';

/**
 * The payment as this kiosk knows it from its outbox: the hub's last answer (if it gave one) with
 * every note the acceptor credited since, or, for a payment the hub has not seen yet, one built
 * from the quote. Used to go on after a reload and to print a queued receipt.
 */
export function outboxPaymentView(payment: OutboxPayment, quote: BillQuote, origin: string): PaymentView {
	const notes = payment.steps.flatMap((step) => (step.kind === 'note' ? [{ valuePaise: step.valuePaise, receivedAt: step.at }] : []));
	const collectedPaise = creditedPaise(payment);
	const closing = payment.steps.find((step) => step.kind !== 'create' && step.kind !== 'note');
	const status: PaymentView['status'] = !isClosed(payment) ? 'awaiting_payment' : closing?.kind === 'cancel' ? 'cancelled' : 'paid';
	const base = payment.lastView;
	if (base) {
		return {
			...base,
			status: base.status === 'awaiting_payment' || base.status === 'created' ? status : base.status,
			notes,
			amounts: { ...base.amounts, collectedPaise }
		};
	}
	return {
		transactionId: payment.reference,
		status,
		mode: payment.request.mode,
		kioskCode: payment.kioskCode,
		language: payment.request.language,
		biller: quote.biller,
		consumer: { identifier: quote.identifier, nameMasked: quote.consumerNameMasked },
		bill: { billNumber: quote.bill.billNumber, billDate: quote.bill.billDate, dueDate: quote.bill.dueDate },
		amounts: {
			billPaise: quote.bill.amountPaise,
			creditAppliedPaise: quote.creditAppliedPaise,
			payablePaise: payment.payablePaise,
			feePaise: 0,
			toCollectPaise: payment.toCollectPaise,
			collectedPaise,
			// The hub's own rule, so the queued receipt promises the credit the hub will give.
			creditedPaise: status === 'paid' ? excessCashPaise(collectedPaise, { payablePaise: payment.payablePaise, feePaise: 0 }) : 0
		},
		notes,
		instrument: null,
		otp: null,
		posting: { billerReference: null, pending: status === 'paid' },
		vouchers: [],
		reversal: null,
		cancelReason: null,
		declineReason: null,
		createdAt: payment.createdAt,
		paidAt: status === 'paid' ? (closing?.at ?? null) : null,
		postedAt: null,
		closedAt: status === 'cancelled' ? (closing?.at ?? null) : null,
		verificationUrl: new URL(API_PATHS.verifyReceipt(payment.reference), origin).href
	};
}
