import * as v from 'valibot';
import { paymentView, type PaymentView } from '$lib/contract';

export type PaymentViewChanges = Partial<Omit<PaymentView, 'amounts'>> & { amounts?: Partial<PaymentView['amounts']> };

/**
 * A payment as the hub sends it, for tests: by default a ₹17 Airtel bill awaiting ₹20 in cash at
 * the demo kiosk. Every fixture is checked against the real schema, so it is a view the hub
 * could really send.
 */
export function paymentViewFixture(changes: PaymentViewChanges = {}): PaymentView {
	const base: PaymentView = {
		transactionId: '263260004217',
		status: 'awaiting_payment',
		mode: 'cash',
		kioskCode: 'K1234567',
		language: 'hi',
		biller: { id: 'airtel', name: { en: 'Airtel Postpaid', hi: 'एयरटेल पोस्टपेड' } },
		consumer: { identifier: '9829012017', nameMasked: 'R***** K**** M****' },
		bill: { billNumber: 'AT2610012017', billDate: '2026-10-05', dueDate: '2026-10-25' },
		amounts: {
			billPaise: 1_700,
			creditAppliedPaise: 0,
			payablePaise: 1_700,
			feePaise: 0,
			toCollectPaise: 2_000,
			collectedPaise: 0,
			creditedPaise: 0
		},
		notes: [],
		instrument: null,
		otp: null,
		posting: { billerReference: null, pending: false },
		vouchers: [],
		reversal: null,
		cancelReason: null,
		declineReason: null,
		createdAt: '2026-11-22T04:29:10.000Z',
		paidAt: null,
		postedAt: null,
		closedAt: null,
		verificationUrl: 'https://hub.emitra.example/api/v1/receipts/263260004217/verify'
	};
	return v.parse(paymentView, { ...base, ...changes, amounts: { ...base.amounts, ...changes.amounts } });
}
