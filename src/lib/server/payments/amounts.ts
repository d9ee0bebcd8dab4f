import { roundUpToNotes } from '$lib/contract';
import { chargePaise, chargeScheduleFor, type PaymentMethod } from './charges';

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

export function paymentAmounts(billPaise: number, creditAvailablePaise: number, method: PaymentMethod): PaymentAmounts {
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
