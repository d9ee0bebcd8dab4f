import { ApiError } from '$lib/server/api/http';
import type { Kiosk, Payment } from '$lib/server/db/schema';
import type { ApprovalRequest, PaymentView } from '$lib/contract';
import { requireAadhaarBank } from './banks';
import { isOpen } from './cancel';
import type { PaymentDeps } from './deps';
import { postingLeaseUntil, postPaidPayment, reverseCharge, settleIfDue } from './settle';
import { findPayment, recordAudit, requirePayment, retryOnConcurrentChange, transition } from './store';
import type { Finish } from './view';

/** What the card issuer or the Aadhaar bank approved, as the hub keeps it (nothing in full). */
export interface Approval {
	masked: string;
	label: string;
	authCode: string;
	rrn: string;
	amountPaise: number;
}

async function reloadPayment(deps: PaymentDeps, paymentId: string): Promise<Payment> {
	const payment = await findPayment(deps.db, paymentId);
	if (payment === undefined) throw new Error(`Payment ${paymentId} vanished`);
	return payment;
}

/**
 * The money is taken (card on the POS, card online, Aadhaar): the payment is paid and posted;
 * if the bill cannot be paid, or the charge was for the wrong amount, or the payment had been
 * cancelled meanwhile (an "unknown" outcome resolved late), the charge is reversed.
 */
export async function acceptApproval(deps: PaymentDeps, payment: Payment, approval: Approval, finish: Finish): Promise<PaymentView> {
	if (!isOpen(payment) && payment.status !== 'cancelled') {
		if (payment.rrn !== approval.rrn) {
			throw new ApiError(409, 'payment_already_paid', `Payment ${payment.id} was already paid with RRN ${payment.rrn}`);
		}
		return settleIfDue(deps, payment.id, finish);
	}
	const charged = {
		instrument_masked: approval.masked,
		instrument_label: approval.label,
		auth_code: approval.authCode,
		rrn: approval.rrn,
		collected_paise: approval.amountPaise
	};
	const now = deps.now();
	const outcome = await retryOnConcurrentChange(() =>
		deps.db.transaction().execute(async (trx): Promise<ApprovalOutcome> => {
			const current = await findPayment(trx, payment.id);
			if (current === undefined || current.status !== payment.status) return { kind: 'moved' };
			if (current.status === 'cancelled') {
				const reversed = await reverseCharge(deps, trx, current, 'late_approval', now, charged);
				return { kind: 'answered', view: await finish(trx, reversed) };
			}
			const paid = await transition(trx, current, 'paid', now, {
				...charged,
				paid_at: now.toISOString(),
				next_posting_at: postingLeaseUntil(now)
			});
			const approved = { paymentId: payment.id, event: 'charge_approved', amountPaise: approval.amountPaise };
			await recordAudit(trx, { ...approved, detail: { rrn: approval.rrn } }, now);
			if (approval.amountPaise === current.to_collect_paise) return { kind: 'paid', payment: paid };
			const reversed = await reverseCharge(deps, trx, paid, 'amount_mismatch', now);
			return { kind: 'answered', view: await finish(trx, reversed) };
		})
	);
	switch (outcome.kind) {
		case 'moved':
			return acceptApproval(deps, await reloadPayment(deps, payment.id), approval, finish);
		case 'paid':
			return postPaidPayment(deps, outcome.payment, finish);
		case 'answered':
			return outcome.view;
	}
}

type ApprovalOutcome =
	/** Another request changed the payment first: decide again from what it is now. */
	{ kind: 'moved' } | { kind: 'paid'; payment: Payment } | { kind: 'answered'; view: PaymentView };

/** The kiosk reports what its card terminal (or its own AePS device) approved. */
export async function recordApproval(deps: PaymentDeps, kiosk: Kiosk, paymentId: string, request: ApprovalRequest, finish: Finish) {
	const payment = await requirePayment(deps.db, kiosk.code, paymentId);
	if (payment.mode !== request.mode) {
		const message = `Payment ${paymentId} is paid by ${payment.mode}, not ${request.mode}`;
		throw new ApiError(409, 'wrong_mode', message);
	}
	const charge = { authCode: request.authCode, rrn: request.rrn, amountPaise: request.amountPaise };
	const approval: Approval =
		request.mode === 'card'
			? { ...charge, masked: request.maskedPan, label: request.cardType }
			: {
					...charge,
					masked: request.maskedAadhaar,
					label: (await requireAadhaarBank(deps.db, request.bankIin)).name_en
				};
	return acceptApproval(deps, payment, approval, finish);
}
