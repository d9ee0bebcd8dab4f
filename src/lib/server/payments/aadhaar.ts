import { createHash } from 'node:crypto';
import { ApiError } from '$lib/server/api/http';
import type { Kiosk } from '$lib/server/db/schema';
import { type AadhaarPayRequest, maskAadhaar } from '$lib/contract';
import { acceptApproval } from './approvals';
import { requireAadhaarBank } from './banks';
import { closeOpenPayment } from './cancel';
import type { PaymentDeps } from './deps';
import { settleIfDue } from './settle';
import { requirePayment } from './store';
import type { Finish } from './view';

/**
 * Idempotency sees the Aadhaar number masked (a hash of 12 digits is easily reversed) and the
 * PID block by its hash (it is encrypted and large).
 */
export function aadhaarPayFingerprint(request: AadhaarPayRequest): unknown {
	return {
		aadhaarNumber: maskAadhaar(request.aadhaarNumber),
		bankIin: request.bankIin,
		pidBlock: createHash('sha256').update(request.pidBlock).digest('hex')
	};
}

/**
 * Pays from the citizen's bank account with Aadhaar and fingerprint (AePS). The Aadhaar number
 * goes to the gateway and is kept only masked; the PID block is passed on as it came.
 */
export async function payByAadhaar(deps: PaymentDeps, kiosk: Kiosk, paymentId: string, request: AadhaarPayRequest, finish: Finish) {
	const payment = await requirePayment(deps.db, kiosk.code, paymentId);
	if (payment.mode !== 'aadhaar') {
		throw new ApiError(409, 'wrong_mode', `Payment ${paymentId} is paid by ${payment.mode}, not Aadhaar`);
	}
	if (payment.status === 'cancelled') throw new ApiError(409, 'payment_cancelled', `Payment ${paymentId} was cancelled`);
	if (payment.status !== 'awaiting_payment') return settleIfDue(deps, paymentId, finish);
	const bank = await requireAadhaarBank(deps.db, request.bankIin);
	const decision = await deps.aadhaarGateway.pay({
		reference: paymentId,
		aadhaarNumber: request.aadhaarNumber,
		bankIin: bank.iin,
		pidBlock: request.pidBlock,
		amountPaise: payment.to_collect_paise
	});
	const instrument = { masked: maskAadhaar(request.aadhaarNumber), label: bank.name_en };
	if (decision.outcome === 'declined') {
		return closeOpenPayment(
			deps,
			paymentId,
			'declined',
			{ instrument_masked: instrument.masked, instrument_label: instrument.label, decline_reason: decision.reason },
			finish
		);
	}
	return acceptApproval(
		deps,
		payment,
		{ ...instrument, authCode: decision.authCode, rrn: decision.rrn, amountPaise: payment.to_collect_paise },
		finish
	);
}
