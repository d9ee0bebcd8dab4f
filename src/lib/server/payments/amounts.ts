import { chargePaise, chargeScheduleFor, type PaymentMethod } from './charges';

/** ₹10, the smallest note the acceptors take: cash is collected in whole multiples of it. */
export const CASH_STEP_PAISE = 1_000;

export interface PaymentAmounts {
	billPaise: number;
	/** Credit from the citizen's biller account, applied to the bill first. */
	creditAppliedPaise: number;
	/** What is left of the bill for the citizen to pay. */
	payablePaise: number;
	feePaise: number;
	/** Cash: payable plus fee rounded up to ₹10; cards and Aadhaar: payable plus fee. */
	toCollectPaise: number;
}

/** "Rounded up to a multiple of ₹10": ₹17 → ₹20, ₹12 → ₹20, ₹20 → ₹20, ₹0 → ₹0. */
export function roundUpToNotes(paise: number): number {
	return Math.ceil(paise / CASH_STEP_PAISE) * CASH_STEP_PAISE;
}

export function paymentAmounts(
	billPaise: number,
	creditAvailablePaise: number,
	method: PaymentMethod
): PaymentAmounts {
	const creditAppliedPaise = Math.min(creditAvailablePaise, billPaise);
	const payablePaise = billPaise - creditAppliedPaise;
	const feePaise = chargePaise(chargeScheduleFor(method), payablePaise);
	const owedPaise = payablePaise + feePaise;
	return {
		billPaise,
		creditAppliedPaise,
		payablePaise,
		feePaise,
		toCollectPaise: method.mode === 'cash' ? roundUpToNotes(owedPaise) : owedPaise
	};
}

/**
 * Cash collected beyond what was owed, credited to the citizen's next bill: whatever notes went
 * in (a ₹20 note for ₹12, or a ₹500 note the citizen chose to let in), nothing is kept back.
 */
export function excessCashPaise(
	collectedPaise: number,
	amounts: Pick<PaymentAmounts, 'payablePaise' | 'feePaise'>
): number {
	return Math.max(0, collectedPaise - amounts.payablePaise - amounts.feePaise);
}
