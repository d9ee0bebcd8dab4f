import * as v from 'valibot';
import { billQuote, type BillQuote } from '$lib/contract';
import { paymentViewFixture } from './payment-view';

/**
 * A bill as the hub quotes it, for tests: by default the ₹17 Airtel bill of `paymentViewFixture`,
 * ₹20 in cash (rounded up to ₹10), every other mode at the bill's amount and without a fee.
 * Checked against the real schema.
 */
export function billQuoteFixture(changes: Partial<BillQuote> = {}): BillQuote {
	const view = paymentViewFixture();
	const exact = { available: true as const, feePaise: 0, toCollectPaise: 1_700 };
	const base: BillQuote = {
		biller: view.biller,
		identifier: view.consumer.identifier,
		consumerNameMasked: 'R***** K****',
		bill: { billNumber: view.bill.billNumber, billDate: '2026-11-01', dueDate: '2026-11-25', amountPaise: 1_700, overdue: false },
		creditAvailablePaise: 0,
		creditAppliedPaise: 0,
		payablePaise: 1_700,
		modes: {
			cash: { ...exact, toCollectPaise: 2_000 },
			card: exact,
			cardOnline: { available: true, debit: { feePaise: 0, toCollectPaise: 1_700 }, credit: { feePaise: 30, toCollectPaise: 1_730 } },
			aadhaar: exact
		}
	};
	return v.parse(billQuote, { ...base, ...changes });
}
