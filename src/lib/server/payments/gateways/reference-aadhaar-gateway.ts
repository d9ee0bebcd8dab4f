import { randomDigits } from '../ids';
import type { AadhaarPaymentGateway, PaymentDecision } from './index';

/**
 * Aadhaar numbers the reference AePS gateway declines, and why (all pass the Verhoeff check;
 * 9999… are UIDAI's published test numbers). Any other valid Aadhaar number is approved.
 */
export const REFERENCE_AADHAAR_DECLINES: Readonly<Record<string, string>> = {
	'999971658847': 'insufficient_funds',
	'499118665246': 'biometric_mismatch',
	'234123412346': 'bank_unavailable'
};

/** Approves or declines by the Aadhaar number; the PID block is accepted as it is. */
export const referenceAadhaarGateway: AadhaarPaymentGateway = {
	async pay(request): Promise<PaymentDecision> {
		const declineReason = REFERENCE_AADHAAR_DECLINES[request.aadhaarNumber];
		return declineReason === undefined
			? { outcome: 'approved', authCode: randomDigits(6), rrn: randomDigits(12) }
			: { outcome: 'declined', reason: declineReason };
	}
};
